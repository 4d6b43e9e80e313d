package org.hhw.schedules.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/** The registry's columns in the order clerks lay them out, with the header variants seen for each. */
enum Column {
    SERIAL(null, null, "序号"),
    TOWNSHIP(null, p -> Cell.text(p.township()), "乡镇", "所属乡镇", "乡(镇)", "乡镇名称"),
    VILLAGE(null, p -> Cell.text(p.village()), "行政村", "村名", "村", "所属村", "行政村名称"),
    HOUSEHOLD(null, p -> Cell.text(p.householdNumber()), "户编号", "户码", "家庭编号", "贫困户编号"),
    NAME(Column.MEMBER_GROUP, p -> Cell.text(p.name()), "姓名", "成员姓名"),
    SEX(Column.MEMBER_GROUP, p -> Cell.text(p.sex()), "性别"),
    ID(Column.MEMBER_GROUP, p -> Cell.text(p.id()), "证件号码", "身份证号", "公民身份号码", "身份证号码"),
    RELATION(Column.MEMBER_GROUP, p -> Cell.text(p.relation()), "与户主关系"),
    SIZE(null, p -> p.isHead() ? Cell.number(p.householdSize()) : null, "家庭人口数", "户人数", "人数"),
    STATUS(null, p -> Cell.text(p.povertyStatus()), "贫困户属性", "户属性"),
    CAUSE(null, p -> Cell.text(p.mainCause()), "主要致贫原因", "致贫原因"),
    EXIT(Column.EXIT_GROUP, p -> Cell.text(p.exitStatus()), "脱贫状态", "是否脱贫"),
    EXIT_YEAR(Column.EXIT_GROUP, p -> p.exited() ? Cell.number(p.exitYear()) : null, "脱贫年度", "脱贫年份"),
    LABOUR(null, p -> Cell.text(p.labourCapacity()), "劳动能力"),
    HEALTH(null, p -> Cell.text(p.health()), "健康状况"),
    SCHOOLING(null, p -> Cell.text(p.schooling()), "在校生状况", "在校情况"),
    RELOCATED(null, p -> Cell.text(p.relocated() ? "是" : "否"), "是否易地搬迁户"),
    REMARK(null, null, "备注"),
    PHONE(null, null, "联系电话");

    static final String MEMBER_GROUP = "家庭成员信息";
    static final String EXIT_GROUP = "脱贫情况";

    /** The columns every registry file carries, without the optional serial and extra columns. */
    static final List<Column> REGISTRY = List.of(
            TOWNSHIP, VILLAGE, HOUSEHOLD, NAME, SEX, ID, RELATION, SIZE, STATUS, CAUSE, EXIT, EXIT_YEAR, LABOUR, HEALTH,
            SCHOOLING, RELOCATED);

    private final String group;
    private final Function<Person, Cell> value;
    private final List<String> headers;

    Column(String group, Function<Person, Cell> value, String... headers) {
        this.group = group;
        this.value = value;
        this.headers = List.of(headers);
    }

    /** The parent header of a two-row header, or null for a column standing alone. */
    String group() {
        return group;
    }

    String canonicalHeader() {
        return headers.get(0);
    }

    String anyHeader(SplittableRandom random) {
        return headers.get(random.nextInt(headers.size()));
    }

    /** The person's true value in this column; null for a blank cell or a column the person has no value in. */
    Cell value(Person person) {
        return value == null ? null : value.apply(person);
    }
}
