package org.hhw.sources.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hhw.sources.clean.CodeList;
import org.hhw.sources.contract.OutputColumn.ValueType;

/**
 * What a department's file must contain: its fields with their header variants, code lists and
 * natural key. Loaded from {@code /contracts/<source>.yaml}; see {@link Contracts}.
 */
public record Contract(
        String source,
        String label,
        List<Field> fields,
        List<String> naturalKey,
        List<String> ignoreHeaders,
        Map<String, CodeList> codeLists,
        List<Check> checks,
        Fact fact) {

    public Contract(
            String source,
            String label,
            List<Field> fields,
            List<String> naturalKey,
            List<String> ignoreHeaders,
            Map<String, CodeList> codeLists,
            List<Check> checks) {
        this(source, label, fields, naturalKey, ignoreHeaders, codeLists, checks, null);
    }

    public Contract(
            String source,
            String label,
            List<Field> fields,
            List<String> naturalKey,
            List<String> ignoreHeaders,
            Map<String, CodeList> codeLists) {
        this(source, label, fields, naturalKey, ignoreHeaders, codeLists, List.of());
    }

    /**
     * How a department's rows become facts (absent for the registry, which feeds dimensions).
     *
     * @param table          the fact table, e.g. {@code fact_medical_claim}
     * @param eventDate      the field whose date links a row to the person's and household's
     *                       version of that day
     * @param naturalKeySql  a SQL expression over the cleaned columns that identifies a fact across
     *                       files (a later file's row with the same key supersedes the earlier), or
     *                       null for the contract's natural_key columns
     * @param naturalKeyLabel how a clerk calls that key, for DUPLICATE_IN_FILE messages
     */
    public record Fact(String table, String eventDate, String naturalKeySql, String naturalKeyLabel) {}

    public Field field(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no field " + name + " in contract " + source);
    }

    public CodeList codeList(Field field) {
        return codeLists.get(field.codeList());
    }

    /** The cleaned columns, in the order {@code RowCleaner} fills them. */
    public List<OutputColumn> outputColumns() {
        List<OutputColumn> out = new ArrayList<>();
        for (Field f : fields) {
            switch (f.type()) {
                case TEXT, PERSON_NAME, CODE, TERM -> out.add(new OutputColumn(f.name(), ValueType.TEXT));
                case RATE -> out.add(new OutputColumn(f.name(), ValueType.FRACTION));
                case RESIDENT_ID -> {
                    out.add(new OutputColumn("person_id_hash", ValueType.TEXT));
                    out.add(new OutputColumn("id_masked", ValueType.TEXT));
                    out.add(new OutputColumn("sex", ValueType.TEXT));
                    out.add(new OutputColumn("birth_date", ValueType.DATE));
                }
                case TOWNSHIP, VILLAGE -> {
                    out.add(new OutputColumn(f.name(), ValueType.TEXT));
                    out.add(new OutputColumn(f.name() + "_code", ValueType.INT));
                }
                case DATE, MONTH, AS_OF_DATE -> out.add(new OutputColumn(f.name(), ValueType.DATE));
                case YEAR, COUNT, MONTHS -> out.add(new OutputColumn(f.name(), ValueType.INT));
                case MONEY -> out.add(new OutputColumn(f.name(), ValueType.DECIMAL));
                case YES_NO -> out.add(new OutputColumn(f.name(), ValueType.BOOLEAN));
            }
        }
        return out;
    }

    /** Fields whose column every table must have. */
    public List<Field> requiredFields() {
        return fields.stream().filter(f -> f.required() && !f.fromTitle()).toList();
    }

    /** The index of a field among {@link #outputColumns()} (its first column for a multi-column type). */
    public int outputIndex(String fieldOrColumn) {
        List<OutputColumn> columns = outputColumns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(fieldOrColumn)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no output column " + fieldOrColumn + " in contract " + source);
    }
}
