package org.hhw.sources.validate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hhw.sources.clean.Cleaned;
import org.hhw.sources.clean.Dates;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Issue;
import org.hhw.sources.clean.Money;
import org.hhw.sources.clean.Names;
import org.hhw.sources.clean.Pseudonyms;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.clean.ResidentId;
import org.hhw.sources.clean.ResidentIds;
import org.hhw.sources.clean.Sex;
import org.hhw.sources.clean.Terms;
import org.hhw.sources.clean.Text;
import org.hhw.sources.clean.Township;
import org.hhw.sources.clean.Village;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.Contracts;
import org.hhw.sources.contract.Field;
import org.hhw.sources.table.DataRow;
import org.hhw.sources.table.NonDataRow;
import org.hhw.sources.table.SheetHeader;
import org.hhw.sources.table.SheetRow;

/**
 * The one place where raw cells become typed values: every field of a row is cleaned by its
 * contract type, then the cross-field rules run. The raw resident ID leaves this class only as its
 * pseudonym ({@code person_id_hash}) and masked form.
 *
 * <p>Rules beyond one cell, shared by every source:
 * <ul>
 *   <li>a village is resolved within the row's township (赵家夭 exists in two townships);</li>
 *   <li>a declared sex ({@code sex_declared}) that contradicts the ID is a warning (the ID wins);</li>
 *   <li>a row the sheet hides is loaded like the others, with a warning: clerks hide rows they have
 *       checked, and one they meant to leave out should be deleted instead.</li>
 * </ul>
 * and then the contract's own {@link org.hhw.sources.contract.Check}s, on rows that nothing has rejected yet.
 */
public final class RowValidator {

    private static final Issue HIDDEN_ROW =
            Issue.warning(Reason.HIDDEN_ROW, "该行在表格中被隐藏，已照常读取，请核对：如果这一行不应入库，请删除它（而不是隐藏）后重新发送。");
    private static final String RECALCULATE = "公式没有计算结果，请在Excel中重新计算后保存。";
    private static final Issue UNCALCULATED_REQUIRED = Issue.reject(Reason.FORMULA_NOT_CALCULATED, RECALCULATE);
    private static final Issue UNCALCULATED_OPTIONAL =
            Issue.warning(Reason.FORMULA_NOT_CALCULATED, RECALCULATE + "本行已入库，这一项暂为空。");
    private static final String ID_MISSING_MESSAGE = "身份证号为空。请填写该人员18位公民身份号码。";

    private final Contract contract;
    private final Gazetteer gazetteer;
    private final Pseudonyms pseudonyms;
    private final int sexDeclaredField;
    private final int sexDeclaredOutput;
    private final int outputWidth;
    private final Map<String, Integer> fieldIndex = new HashMap<>();
    /** Per field, the message of its blank cell when it is required: made once, not per row. */
    private final String[] requiredMissing;

    private final RowChecks checks;
    /** The latest possible birth date: a validator serves one file, and asking the clock per row cost more than the ID check. */
    private final LocalDate today = LocalDate.now();

    private SheetHeader titledHeader;
    private String titleDate;
    private Integer titleYear;

    public RowValidator(Contract contract, Gazetteer gazetteer, Pseudonyms pseudonyms) {
        this.contract = contract;
        this.gazetteer = gazetteer;
        this.pseudonyms = pseudonyms;
        this.sexDeclaredField =
                contract.fields().stream().map(Field::name).toList().indexOf("sex_declared");
        this.sexDeclaredOutput =
                contract.outputColumns().stream().map(c -> c.name()).toList().indexOf("sex_declared");
        this.outputWidth = contract.outputColumns().size();
        this.requiredMissing = new String[contract.fields().size()];
        for (int i = 0; i < contract.fields().size(); i++) {
            fieldIndex.put(contract.fields().get(i).name(), i);
            requiredMissing[i] = contract.fields().get(i).label() + "为空。这是必填项，请补填。";
        }
        this.checks = new RowChecks(contract);
    }

    /** The date a sheet's title states, as ISO text for the date cleaner, or null. */
    private String titleDate(SheetHeader header) {
        readTitle(header);
        return titleDate;
    }

    /** The year a sheet's title names, for a ledger date written without one, or null. */
    private Integer titleYear(SheetHeader header) {
        readTitle(header);
        return titleYear;
    }

    /** Reads a sheet's title once, at its first row that needs it. */
    private void readTitle(SheetHeader header) {
        if (header != titledHeader) {
            titledHeader = header;
            titleDate =
                    TitleDates.find(header.preamble()).map(LocalDate::toString).orElse(null);
            titleYear = TitleDates.year(header.preamble()).orElse(null);
        }
    }

    public Outcome validate(SheetRow row) {
        if (row instanceof NonDataRow n) {
            return Outcome.nonData(n);
        }
        DataRow data = (DataRow) row;
        Cells cells = new Cells(data);
        if (data.hidden()) {
            cells.addForRow(HIDDEN_ROW);
        }
        List<Field> fields = contract.fields();
        Object[] values = new Object[outputWidth];
        Township township = null;
        String idSex = null;
        int out = 0;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String raw = data.raw()[i];
            if (placeholder(f, raw)) {
                raw = null;
            }
            switch (f.type()) {
                case RESIDENT_ID -> {
                    Cleaned<ResidentId> id = ResidentIds.clean(raw, today);
                    if (id.isBlank()) {
                        cells.blank(i, Reason.ID_MISSING, ID_MISSING_MESSAGE);
                        out += 4;
                        continue;
                    }
                    ResidentId v = cells.take(i, id);
                    if (v != null) {
                        idSex = v.sex() == Sex.MALE ? "male" : "female";
                        values[out] = pseudonyms.personIdHash(v.number());
                        values[out + 1] = ResidentIds.mask(v.number());
                        values[out + 2] = idSex;
                        values[out + 3] = v.birthDate();
                    }
                    out += 4;
                    continue;
                }
                case TOWNSHIP -> {
                    township = cells.take(i, gazetteer.township(raw));
                    if (township != null) {
                        values[out] = township.name();
                        values[out + 1] = township.code();
                    }
                    out += 2;
                    continue;
                }
                case VILLAGE -> {
                    Village village;
                    if (township != null) {
                        village = cells.take(i, gazetteer.village(township, raw));
                    } else if (Text.isBlank(raw)) {
                        village = cells.take(i, Cleaned.blank());
                    } else {
                        // A village is only known within its township, whose own finding says enough.
                        village = null;
                    }
                    if (village != null) {
                        values[out] = village.name();
                        values[out + 1] = village.code();
                    }
                    out += 2;
                    continue;
                }
                default -> {
                    if (f.fromTitle() && Text.isBlank(raw)) {
                        raw = titleDate(data.header());
                    }
                    values[out++] = cells.take(i, clean(f, raw, data.header(), i));
                }
            }
        }
        if (!cells.rejected) {
            checks.apply(values, (field, issue) -> cells.add(fieldIndex.get(field), issue));
        }
        if (sexDeclaredField >= 0 && idSex != null) {
            String declared = (String) values[sexDeclaredOutput];
            if (declared != null && !declared.equals(idSex)) {
                cells.add(
                        sexDeclaredField,
                        Issue.warning(
                                Reason.INCONSISTENT,
                                "性别与身份证号不符：身份证号显示为" + ("male".equals(idSex) ? "男" : "女") + "。已按身份证号入库，请核对性别或身份证号。"));
            }
        }
        return cells.outcome(values);
    }

    private Cleaned<?> clean(Field f, String raw, SheetHeader header, int field) {
        return switch (f.type()) {
            case TEXT -> text(f, raw);
            case PERSON_NAME -> Names.cleanPersonName(raw);
            case CODE -> contract.codeList(f).resolve(raw);
            case YES_NO -> {
                Cleaned<String> c = Contracts.yesNo().resolve(raw);
                yield c.value() == null ? c : new Cleaned<>(Boolean.valueOf(c.value()), c.issue());
            }
            case DATE -> Dates.parseDate(raw);
            case MONTH -> {
                Cleaned<YearMonth> m = Dates.parseMonth(raw);
                yield m.value() == null ? m : new Cleaned<LocalDate>(m.value().atDay(1), m.issue());
            }
            case AS_OF_DATE -> Dates.parseAsOfDate(raw, titleYear(header));
            case YEAR -> Dates.parseYear(raw);
            case MONEY -> Money.parseYuan(raw, header.tenThousandYuan()[field]);
            case COUNT -> Money.parseCount(raw);
            case MONTHS -> Money.parseMonths(raw);
            case RATE -> {
                Cleaned<BigDecimal> r = Money.parsePercentRate(raw);
                yield r.value() == null ? r : new Cleaned<>(r.value().setScale(6, RoundingMode.HALF_UP), r.issue());
            }
            case TERM -> Terms.parseTerm(raw);
            case RESIDENT_ID, TOWNSHIP, VILLAGE -> throw new IllegalStateException("cleaned in validate: " + f.type());
        };
    }

    /**
     * Whether a cell holds a placeholder ("/", "无", "——" …) standing for a blank cell: so it is
     * for every field type, but for a word the field names as one of its values (a yes/no list's
     * 无 is 否, a code list's label or alias, a word the contract lists as not a placeholder).
     */
    private boolean placeholder(Field f, String raw) {
        if (!Text.isPlaceholder(raw) || f.notPlaceholders().contains(Text.compact(raw))) {
            return false;
        }
        return switch (f.type()) {
            case CODE -> !contract.codeList(f).names(raw);
            case YES_NO -> !Contracts.yesNo().names(raw);
            default -> true;
        };
    }

    private static Cleaned<String> text(Field f, String raw) {
        if (Text.isBlank(raw)) {
            return Cleaned.blank();
        }
        String v = Text.normalize(raw);
        if (f.pattern() != null && !f.pattern().matcher(v).matches()) {
            return Cleaned.reject(Reason.TEXT_INVALID, "“" + v + "”格式不对：" + f.patternHint() + "。");
        }
        return Cleaned.ok(v);
    }

    /** Collects the findings of one row while its cells are cleaned. */
    private final class Cells {
        private final DataRow row;
        private final List<Finding> findings = new ArrayList<>(2);
        private boolean rejected;

        Cells(DataRow row) {
            this.row = row;
        }

        <T> T take(int field, Cleaned<T> cleaned) {
            if (cleaned.isBlank()) {
                blank(field, Reason.REQUIRED_MISSING, requiredMissing[field]);
                return null;
            }
            if (cleaned.issue() != null) {
                add(field, cleaned.issue());
            }
            return cleaned.value();
        }

        /**
         * A blank cell, or one holding a placeholder: rejected with {@code reason} when the field is
         * required. A formula saved without its result is told as such instead, since Excel
         * calculates it on opening and shows the clerk a value there, not a blank; it rejects only a
         * required field.
         */
        void blank(int field, Reason reason, String message) {
            boolean required = contract.fields().get(field).required();
            if (row.uncalculated().contains(field)) {
                add(field, required ? UNCALCULATED_REQUIRED : UNCALCULATED_OPTIONAL);
            } else if (required) {
                add(field, Issue.reject(reason, noted(field, message)));
            }
        }

        /** The message of a blank cell, saying so when the cell holds a placeholder rather than nothing. */
        private String noted(int field, String message) {
            String written = row.raw()[field];
            if (Text.isBlank(written)) {
                return message;
            }
            int end = message.indexOf('。');
            return message.substring(0, end) + "（“" + Text.normalize(written) + "”视为未填写）" + message.substring(end);
        }

        void add(int field, Issue issue) {
            Field f = contract.fields().get(field);
            String header = row.header().fieldHeaders()[field];
            String raw = row.raw()[field];
            record(new Finding(
                    row.sheet(),
                    row.rowNumber(),
                    f.name(),
                    header == null ? f.label() : header,
                    raw == null ? "" : raw,
                    issue));
        }

        void addForRow(Issue issue) {
            record(new Finding(row.sheet(), row.rowNumber(), null, null, "", issue));
        }

        private void record(Finding finding) {
            findings.add(finding);
            rejected |= finding.issue().rejects();
        }

        Outcome outcome(Object[] values) {
            if (rejected) {
                return new Outcome(
                        row.sheetIndex(),
                        row.sheet(),
                        row.rowNumber(),
                        null,
                        findings.stream().filter(f -> f.issue().rejects()).toList(),
                        null);
            }
            return new Outcome(row.sheetIndex(), row.sheet(), row.rowNumber(), values, List.copyOf(findings), null);
        }
    }
}
