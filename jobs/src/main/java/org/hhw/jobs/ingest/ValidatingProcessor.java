package org.hhw.jobs.ingest;

import org.hhw.sources.table.SheetRow;
import org.hhw.sources.validate.Outcome;
import org.hhw.sources.validate.RowValidator;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** The ingest job's processor: every row below a header becomes an outcome (loaded, rejected or non-data). */
public class ValidatingProcessor implements ItemProcessor<SheetRow, Outcome> {

    private final RowValidator validator;

    public ValidatingProcessor(RowValidator validator) {
        this.validator = validator;
    }

    @Override
    public Outcome process(SheetRow row) {
        return validator.validate(row);
    }
}
