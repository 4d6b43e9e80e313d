package org.hhw.warehouse.lake;

import org.hhw.sources.clean.ResidentIds;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.Field;
import org.hhw.sources.contract.FieldType;

/**
 * A finding's value and message as the lake keeps them, resident IDs masked: the warehouse loads
 * them as they are and a rebuild replays them, so no raw ID outlives the read step there. The
 * clerk's own values go to the {@link ReceiptSpool} instead.
 */
final class FindingMask {

    /** The contract's resident ID field, whose cells are masked whole; null for a contract without one. */
    private final String idField;

    FindingMask(Contract contract) {
        this.idField = contract.fields().stream()
                .filter(f -> f.type() == FieldType.RESIDENT_ID)
                .map(Field::name)
                .findFirst()
                .orElse(null);
    }

    /** A finding's value masked; {@code field} is the contract field it was found in (null for none). */
    String value(String field, String rawValue) {
        return idCell(field) ? ResidentIds.maskWritten(rawValue) : ResidentIds.maskIdsIn(rawValue);
    }

    /**
     * The message masked. It quotes an ID cell as the clerk wrote it, which may hold what no run of
     * ID characters matches (full-width digits, a number form such as 1.40222E+17), so that quote
     * is masked as the cell is, before the runs of ID characters are.
     */
    String message(String field, String rawValue, String message) {
        if (idCell(field) && rawValue != null && message != null) {
            String masked = ResidentIds.maskWritten(rawValue);
            if (!masked.equals(rawValue)) {
                message = message.replace(rawValue, masked);
            }
        }
        return ResidentIds.maskIdsIn(message);
    }

    private boolean idCell(String field) {
        return field != null && field.equals(idField);
    }
}
