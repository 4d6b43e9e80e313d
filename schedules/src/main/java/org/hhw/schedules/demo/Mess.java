package org.hhw.schedules.demo;

import java.util.EnumSet;
import java.util.Set;
import org.hhw.sources.clean.Reason;

/**
 * What clerks do to a registry file, as the field guide describes it: one constant per habit.
 * {@link RegistryFileWriter} applies the chosen ones deterministically and counts each in its
 * {@link Manifest}.
 *
 * <p>Layout habits shape the sheet. Row habits change data rows and are counted in rows: those
 * with a {@link #reason()} must be reported by the cleaning with that reason; those without must
 * clean back to the true value silently. A row habit applies to one household of each sheet
 * (aliases: to a third of the households, or to half of the households of
 * each village that has a variant spelling). Habits marked
 * {@link #workbookOnly()} cannot happen in a csv file and are ignored there.
 */
public enum Mess {
    TITLE(false, false, null, "标题行"),
    FILL_LINE(false, false, null, "填报单位/填报日期行"),
    HEADER_SYNONYMS(false, false, null, "表头用同义词"),
    TWO_ROW_HEADER(false, false, null, "两行表头（合并单元格）"),
    SERIAL_COLUMN(false, false, null, "序号列"),
    EXTRA_COLUMN(false, false, null, "多余列（备注或联系电话）"),
    SUBTOTALS(false, false, null, "小计/合计行"),
    BLANK_ROWS(false, false, null, "空行"),
    FOOTER(false, false, null, "表尾（制表人、审核人、盖章）"),
    HIDDEN_SHEET(false, true, null, "隐藏工作表"),
    EMPTY_SHEET(false, true, null, "空工作表"),

    TOWNSHIP_ALIAS(true, false, null, "乡镇写成别名或简称"),
    VILLAGE_ALIAS(true, false, null, "行政村写成异体字"),
    NAME_SPACES(true, false, null, "姓名中夹有空格"),
    FULLWIDTH_ID(true, false, null, "证件号码为全角字符"),
    LOWERCASE_X(true, false, null, "证件号码末位为小写x"),
    FORMULA(true, true, null, "家庭人口数为公式"),

    OLD_ID_15(true, false, Reason.ID_CONVERTED_15, "证件号码为15位旧号码"),
    ID_AS_NUMBER(true, false, Reason.ID_PRECISION_LOST, "证件号码被存成数字，后几位丢失"),
    BAD_CHECK_DIGIT(true, false, Reason.ID_CHECKSUM, "证件号码校验位错误"),
    UNKNOWN_VILLAGE(true, false, Reason.VILLAGE_UNKNOWN, "行政村不在地名表中"),
    UNKNOWN_CODE(true, false, Reason.CODE_UNKNOWN, "与户主关系为未知取值"),
    DUPLICATE_ROW(true, false, Reason.DUPLICATE_IN_FILE, "同一人重复一行");

    private final boolean rowLevel;
    private final boolean workbookOnly;
    private final Reason reason;
    private final String label;

    Mess(boolean rowLevel, boolean workbookOnly, Reason reason, String label) {
        this.rowLevel = rowLevel;
        this.workbookOnly = workbookOnly;
        this.reason = reason;
        this.label = label;
    }

    /** Everything at once, as the demo files carry it. */
    public static Set<Mess> all() {
        return EnumSet.allOf(Mess.class);
    }

    public static Set<Mess> none() {
        return EnumSet.noneOf(Mess.class);
    }

    /** Counted in data rows by the manifest (the others shape the layout). */
    public boolean rowLevel() {
        return rowLevel;
    }

    public boolean workbookOnly() {
        return workbookOnly;
    }

    /** The reason the cleaning must report for such a row, or null when the row must load unchanged. */
    public Reason reason() {
        return reason;
    }

    /** A short Chinese description, for the demo's printed expectations. */
    public String label() {
        return label;
    }
}
