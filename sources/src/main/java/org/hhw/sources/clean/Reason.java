package org.hhw.sources.clean;

/**
 * Why a value was rejected or loaded with a warning. The names are stable: receipts, the
 * warehouse ({@code etl_reject.reason_code}, {@code etl_warning.reason_code}) and the README use
 * them, so never rename one.
 */
public enum Reason {
    ID_MISSING("身份证号为空"),
    ID_MALFORMED("身份证号格式错误"),
    ID_CHECKSUM("身份证号校验位错误"),
    ID_PRECISION_LOST("身份证号被存成数字，末几位已丢失"),
    /** Warning: a 15-digit ID was converted to 18 digits. */
    ID_CONVERTED_15("15位旧身份证号已转换为18位"),
    REQUIRED_MISSING("必填项为空"),
    DATE_INVALID("日期无法识别"),
    AMOUNT_INVALID("金额无法识别"),
    NUMBER_INVALID("数字无法识别"),
    TEXT_INVALID("内容格式不对"),
    TOWNSHIP_UNKNOWN("乡镇名称无法识别"),
    VILLAGE_UNKNOWN("行政村名称无法识别"),
    CODE_UNKNOWN("填写的值不在规定选项中"),
    DUPLICATE_IN_FILE("文件内重复"),
    INCONSISTENT("前后矛盾"),
    /** Warning: the sheet hides the row, which is loaded all the same (clerks hide rows they have checked). */
    HIDDEN_ROW("该行在表格中被隐藏，已照常读取"),
    /**
     * A formula cell saved without its result: rejects the row when the field is required, else a
     * warning (the row is loaded without the value).
     */
    FORMULA_NOT_CALCULATED("公式没有计算结果");

    private final String labelZh;

    Reason(String labelZh) {
        this.labelZh = labelZh;
    }

    /** What a clerk reads in a receipt's summary. */
    public String labelZh() {
        return labelZh;
    }
}
