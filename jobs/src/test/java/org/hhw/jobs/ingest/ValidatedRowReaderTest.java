package org.hhw.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Pseudonyms;
import org.hhw.sources.contract.Contracts;
import org.hhw.sources.read.UnusableFileException;
import org.hhw.sources.validate.Finding;
import org.hhw.sources.validate.Outcome;
import org.hhw.sources.validate.RowValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The reader parses and validates ahead, each on its own thread, in batches; these files are
 * several batches long, and longer than the queues hold, so rows cross every hand-over between the
 * threads.
 */
class ValidatedRowReaderTest {

    private static final int ROWS = 12_000;

    @TempDir
    Path dir;

    @Test
    void handsOutEveryRowInFileOrderAndCountsThem() throws Exception {
        // given a csv registry of 12,000 persons under a header on line 1
        Path file = registry("花名册.csv", ROWS, -1);
        ValidatedRowReader reader = reader(file);
        ExecutionContext context = new ExecutionContext();

        // when it is read to the end
        reader.open(context);
        List<Outcome> rows = readAll(reader);
        reader.update(context);
        reader.close();

        // then every data row comes once, in order, validated (a name with digits is rejected), and the context
        // records them and the sheet
        assertThat(rows).hasSize(ROWS);
        assertThat(rows).allMatch(Outcome::rejected);
        assertThat(rows.stream().map(Outcome::rowNumber).toList())
                .isEqualTo(IntStream.rangeClosed(2, ROWS + 1).boxed().toList());
        assertThat(rows.get(41).findings()).extracting(Finding::rawValue).containsExactly("居民00042");
        assertThat(context.getLong(ValidatedRowReader.ROWS_READ)).isEqualTo(ROWS);
        assertThat(context.getString(ValidatedRowReader.SHEETS_READ)).isEqualTo("花名册");
    }

    @Test
    void aRestartSkipsTheRowsHandedOutBefore() throws Exception {
        // given a reader that handed out 1,234 rows before the step stopped
        Path file = registry("花名册.csv", ROWS, -1);
        ExecutionContext context = new ExecutionContext();
        context.putLong(ValidatedRowReader.ROWS_READ, 1_234);
        ValidatedRowReader reader = reader(file);

        // when the restarted step opens it again
        reader.open(context);
        List<Outcome> rows = readAll(reader);
        reader.update(context);
        reader.close();

        // then it goes on with row 1,235 (line 1,236) and counts from where it was
        assertThat(rows).hasSize(ROWS - 1_234);
        assertThat(rows.get(0).rowNumber()).isEqualTo(1_236);
        assertThat(rows.get(rows.size() - 1).rowNumber()).isEqualTo(ROWS + 1);
        assertThat(context.getLong(ValidatedRowReader.ROWS_READ)).isEqualTo(ROWS);
    }

    @Test
    void aFailureOfTheParseReachesTheStepAfterTheRowsBeforeIt() throws Exception {
        // given a csv whose line 11,500 opens a quote that never closes
        Path file = registry("花名册.csv", ROWS, 11_500);
        ValidatedRowReader reader = reader(file);
        ExecutionContext context = new ExecutionContext();
        reader.open(context);

        // when it is read
        List<Outcome> rows = new ArrayList<>();
        Throwable failure = null;
        try {
            for (Outcome row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        } catch (UnusableFileException e) {
            failure = e;
        }
        reader.update(context);

        // then the 11,498 rows before it come first, then the file's problem, and again on the next read
        assertThat(rows).hasSize(11_498);
        assertThat(rows.get(rows.size() - 1).rowNumber()).isEqualTo(11_499);
        assertThat(failure).isInstanceOf(UnusableFileException.class);
        assertThat(((UnusableFileException) failure).code()).isEqualTo(UnusableFileException.Code.CORRUPT);
        assertThat(((UnusableFileException) failure).explanation()).startsWith("第11500行有一个以英文双引号开头的单元格");
        assertThatThrownBy(reader::read).isSameAs(failure);
        assertThat(context.getLong(ValidatedRowReader.ROWS_READ)).isEqualTo(11_498);
        reader.close();
    }

    @Test
    void closingBeforeTheEndStopsTheParse() throws Exception {
        // given a reader that has handed out ten rows, the parse blocked with the queue full
        Path file = registry("花名册.csv", ROWS, -1);
        ValidatedRowReader reader = reader(file);
        reader.open(new ExecutionContext());
        for (int i = 0; i < 10; i++) {
            reader.read();
        }

        // when the step closes it
        reader.close();

        // then no parse or validation thread is left behind
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().endsWith(" 花名册.csv") && t.isAlive());
    }

    private static ValidatedRowReader reader(Path file) {
        return new ValidatedRowReader(
                file,
                Contracts.load("registry"),
                new RowValidator(Contracts.load("registry"), Gazetteer.bundled(), new Pseudonyms(new byte[32])));
    }

    private static List<Outcome> readAll(ValidatedRowReader reader) throws Exception {
        List<Outcome> rows = new ArrayList<>();
        for (Outcome row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
        }
        return rows;
    }

    /** A registry csv of {@code persons} rows; on line {@code brokenLine} (if positive) a quote opens and never closes. */
    private Path registry(String name, int persons, int brokenLine) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("户编号,乡镇,行政村,姓名,证件号码,与户主关系");
        for (int i = 1; i <= persons; i++) {
            String household = String.format("14022211001%06d", i);
            String person = String.format("居民%05d", i);
            String id = RegistryFixtures.id("19800101", String.format("%03d", i % 1000));
            boolean broken = lines.size() + 1 == brokenLine;
            lines.add(household + ",卅里铺乡,孙家店," + (broken ? "\"" : "") + person + "," + id + ",户主");
        }
        Path file = dir.resolve(name);
        RegistryFixtures.writeCsv(file, StandardCharsets.UTF_8, false, lines);
        return file;
    }
}
