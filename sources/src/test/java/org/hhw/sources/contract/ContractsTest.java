package org.hhw.sources.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hhw.sources.clean.Cleaned;
import org.hhw.sources.clean.CodeList;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.clean.Text;
import org.hhw.sources.contract.OutputColumn.ValueType;
import org.junit.jupiter.api.Test;

class ContractsTest {

    private static final Contract REGISTRY = Contracts.load("registry");

    @Test
    void loadsTheRegistryContract() {
        // when
        Contract c = Contracts.load("registry");

        // then
        assertThat(c.source()).isEqualTo("registry");
        assertThat(c.label()).isEqualTo("建档立卡贫困人口花名册");
        assertThat(c.naturalKey()).containsExactly("id_number");
        assertThat(c.ignoreHeaders()).containsExactly("序号", "编号", "序");
        assertThat(c.fields())
                .extracting(Field::name, Field::type, Field::required, Field::codeList)
                .containsExactly(
                        tuple("household_id", FieldType.TEXT, true, null),
                        tuple("township", FieldType.TOWNSHIP, true, null),
                        tuple("village", FieldType.VILLAGE, true, null),
                        tuple("name", FieldType.PERSON_NAME, true, null),
                        tuple("id_number", FieldType.RESIDENT_ID, true, null),
                        tuple("relation", FieldType.CODE, true, "relation"),
                        tuple("sex_declared", FieldType.CODE, false, "sex"),
                        tuple("household_size", FieldType.COUNT, false, null),
                        tuple("poverty_status", FieldType.CODE, false, "poverty_status"),
                        tuple("main_cause", FieldType.CODE, false, "main_cause"),
                        tuple("exit_status", FieldType.CODE, false, "exit_status"),
                        tuple("exit_year", FieldType.YEAR, false, null),
                        tuple("labour_capacity", FieldType.CODE, false, "labour_capacity"),
                        tuple("health", FieldType.CODE, false, "health"),
                        tuple("schooling", FieldType.CODE, false, "schooling"),
                        tuple("relocated", FieldType.YES_NO, false, null));
        assertThat(c.requiredFields())
                .extracting(Field::name)
                .containsExactly("household_id", "township", "village", "name", "id_number", "relation");
    }

    @Test
    void keepsEachFieldsLabelHeaderVariantsAndPattern() {
        // when
        Field household = REGISTRY.field("household_id");
        Field village = REGISTRY.field("village");

        // then
        assertThat(household.label()).isEqualTo("户编号");
        assertThat(household.headers()).containsExactly("户编号", "户码", "家庭编号", "贫困户编号");
        assertThat(household.pattern().pattern()).isEqualTo("\\d{10,20}");
        assertThat(household.pattern().matcher("1402220701001").matches()).isTrue();
        assertThat(household.pattern().matcher("140222070").matches()).isFalse();
        assertThat(household.patternHint()).isEqualTo("户编号应为10到20位数字");
        assertThat(village.label()).isEqualTo("行政村");
        assertThat(village.headers()).containsExactly("行政村", "村", "村名", "所属村", "行政村名称");
        assertThat(village.pattern()).isNull();
        assertThat(village.patternHint()).isNull();
    }

    @Test
    void listsTheOutputColumnsInOrderWithTheirTypes() {
        // when
        List<OutputColumn> columns = REGISTRY.outputColumns();

        // then
        assertThat(columns)
                .extracting(OutputColumn::name, OutputColumn::type)
                .containsExactly(
                        tuple("household_id", ValueType.TEXT),
                        tuple("township", ValueType.TEXT),
                        tuple("township_code", ValueType.INT),
                        tuple("village", ValueType.TEXT),
                        tuple("village_code", ValueType.INT),
                        tuple("name", ValueType.TEXT),
                        tuple("person_id_hash", ValueType.TEXT),
                        tuple("id_masked", ValueType.TEXT),
                        tuple("sex", ValueType.TEXT),
                        tuple("birth_date", ValueType.DATE),
                        tuple("relation", ValueType.TEXT),
                        tuple("sex_declared", ValueType.TEXT),
                        tuple("household_size", ValueType.INT),
                        tuple("poverty_status", ValueType.TEXT),
                        tuple("main_cause", ValueType.TEXT),
                        tuple("exit_status", ValueType.TEXT),
                        tuple("exit_year", ValueType.INT),
                        tuple("labour_capacity", ValueType.TEXT),
                        tuple("health", ValueType.TEXT),
                        tuple("schooling", ValueType.TEXT),
                        tuple("relocated", ValueType.BOOLEAN));
    }

    @Test
    void mapsEveryFieldTypeToItsOutputColumns() {
        // given
        List<Field> fields = new ArrayList<>();
        for (FieldType type : FieldType.values()) {
            fields.add(new Field(
                    type.name().toLowerCase(Locale.ROOT),
                    type.name(),
                    List.of(type.name()),
                    type,
                    false,
                    null,
                    null,
                    null));
        }
        Contract c = new Contract("all", "全部类型", fields, List.of(), List.of(), Map.of());

        // when
        List<OutputColumn> columns = c.outputColumns();

        // then
        assertThat(columns)
                .extracting(OutputColumn::name, OutputColumn::type)
                .containsExactly(
                        tuple("text", ValueType.TEXT),
                        tuple("person_name", ValueType.TEXT),
                        tuple("person_id_hash", ValueType.TEXT),
                        tuple("id_masked", ValueType.TEXT),
                        tuple("sex", ValueType.TEXT),
                        tuple("birth_date", ValueType.DATE),
                        tuple("township", ValueType.TEXT),
                        tuple("township_code", ValueType.INT),
                        tuple("village", ValueType.TEXT),
                        tuple("village_code", ValueType.INT),
                        tuple("code", ValueType.TEXT),
                        tuple("date", ValueType.DATE),
                        tuple("month", ValueType.DATE),
                        tuple("as_of_date", ValueType.DATE),
                        tuple("year", ValueType.INT),
                        tuple("money", ValueType.DECIMAL),
                        tuple("count", ValueType.INT),
                        tuple("months", ValueType.INT),
                        tuple("yes_no", ValueType.BOOLEAN),
                        tuple("rate", ValueType.FRACTION),
                        tuple("term", ValueType.TEXT));
    }

    @Test
    void resolvesLabelsAndAliasesOfTheCodeLists() {
        // given
        CodeList relation = REGISTRY.codeList(REGISTRY.field("relation"));
        CodeList poverty = REGISTRY.codeList(REGISTRY.field("poverty_status"));

        // when
        Cleaned<String> wife = relation.resolve("妻子");
        Cleaned<String> head = relation.resolve(" 户 主 ");
        Cleaned<String> wubao = poverty.resolve("五保户");
        Cleaned<String> unknown = relation.resolve("干儿子");

        // then
        assertThat(relation.domain()).isEqualTo("relation");
        assertThat(relation.labelZh()).isEqualTo("与户主关系");
        assertThat(relation.entries())
                .extracting(CodeList.Entry::code)
                .containsExactly(
                        "head",
                        "spouse",
                        "son",
                        "daughter",
                        "daughter_in_law",
                        "son_in_law",
                        "grandson",
                        "granddaughter",
                        "father",
                        "mother",
                        "other");
        assertThat(wife).isEqualTo(Cleaned.ok("spouse"));
        assertThat(head).isEqualTo(Cleaned.ok("head"));
        assertThat(wubao).isEqualTo(Cleaned.ok("tekun"));
        assertThat(unknown.issue().reason()).isEqualTo(Reason.CODE_UNKNOWN);
        assertThat(unknown.issue().message())
                .isEqualTo("与户主关系“干儿子”不是规定的填法，只能填写：户主、配偶、之子、之女、" + "儿媳、女婿、孙子、孙女、父亲、母亲、其他。请改为其中之一。");
        assertThat(REGISTRY.codeLists().keySet())
                .containsExactlyInAnyOrder(
                        "relation",
                        "sex",
                        "poverty_status",
                        "main_cause",
                        "exit_status",
                        "labour_capacity",
                        "health",
                        "schooling");
    }

    @Test
    void theSharedYesNoListTakesTheUsualWritings() {
        // given
        CodeList yesNo = Contracts.yesNo();

        // when / then
        assertThat(List.of("是", "有", "Y", "ｙ").stream().map(yesNo::resolve).map(Cleaned::value))
                .containsOnly("true");
        assertThat(List.of("否", "无", "N", "n").stream().map(yesNo::resolve).map(Cleaned::value))
                .containsOnly("false");
        assertThat(yesNo.resolve("不是").issue().message()).isEqualTo("是/否“不是”不是规定的填法，只能填写：是、否。请改为其中之一。");
    }

    @Test
    void noHeaderVariantNamesTwoFieldsOrAnIgnoredColumn() {
        // given
        Map<String, String> fieldByHeader = new HashMap<>();
        List<String> clashes = new ArrayList<>();

        // when
        for (Field f : REGISTRY.fields()) {
            for (String h : f.headers()) {
                String previous = fieldByHeader.put(Text.normalizeHeader(h), f.name());
                if (previous != null && !previous.equals(f.name())) {
                    clashes.add(h + ": " + previous + "/" + f.name());
                }
            }
        }
        for (String ignored : REGISTRY.ignoreHeaders()) {
            if (fieldByHeader.containsKey(Text.normalizeHeader(ignored))) {
                clashes.add(ignored + ": ignored and " + fieldByHeader.get(Text.normalizeHeader(ignored)));
            }
        }

        // then
        assertThat(clashes).isEmpty();
    }

    @Test
    void anUnknownFieldOrSourceIsAnError() {
        // when / then
        assertThatThrownBy(() -> REGISTRY.field("phone"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no field phone in contract registry");
        assertThatThrownBy(() -> Contracts.load("loans"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown source: loans (no /contracts/loans.yaml)");
        assertThat(Contracts.SOURCES).containsExactly("registry", "education", "medical", "microloan", "training");
    }

    @Test
    void parsesAContractWhateverTheDefaultLocale() {
        // given: in a Turkish locale "resident_id".toUpperCase() is "RESİDENT_İD"
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));

        // when
        Contract c;
        try {
            c = parse("""
                    source: t
                    label: 测试
                    fields:
                      - {name: id_number, label: 身份证号, headers: [身份证号], type: resident_id, required: true}
                      - {name: village, label: 村, headers: [村], type: village}
                    """);
        } finally {
            Locale.setDefault(before);
        }

        // then
        assertThat(c.fields()).extracting(Field::type).containsExactly(FieldType.RESIDENT_ID, FieldType.VILLAGE);
        assertThat(c.naturalKey()).isEmpty();
        assertThat(c.ignoreHeaders()).isEmpty();
        assertThat(c.codeLists()).isEmpty();
    }

    @Test
    void aCodeFieldMustNameAnExistingCodeList() {
        // given
        String yaml = """
                source: t
                label: 测试
                fields:
                  - {name: relation, label: 与户主关系, headers: [与户主关系], type: code, codes: relation}
                code_lists:
                  sex:
                    - {code: male, label: 男}
                """;

        // when / then
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("t: field relation names missing code list relation");
    }

    @Test
    void aContractHasAtMostOneResidentIdField() {
        // given
        String yaml = """
                source: t
                label: 测试
                fields:
                  - {name: id_number, label: 身份证号, headers: [身份证号], type: resident_id}
                  - {name: guardian_id, label: 监护人身份证号, headers: [监护人身份证号], type: resident_id}
                """;

        // when / then
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("t: at most one resident_id field per contract");
    }

    @Test
    void aPolicyBoundNamesItsRuleAndTakesItsVersionOnTheEventDate() {
        // when
        Contract microloan = Contracts.load("microloan");
        Contract education = Contracts.load("education");

        // then: the limits are rules, their date the fact's event date
        assertThat(microloan.checks())
                .filteredOn(c -> c.kind() == Check.Kind.RANGE)
                .extracting(Check::field, Check::min, Check::max, Check::maxRule, Check::date, Check::rejects)
                .containsExactly(
                        tuple("annual_rate", BigDecimal.ZERO, null, "microloan_rate_max", "issue_date", true),
                        tuple("principal", BigDecimal.ZERO, null, "microloan_principal_max", "issue_date", false));
        assertThat(education.checks())
                .filteredOn(c -> c.kind() == Check.Kind.RANGE)
                .extracting(Check::field, Check::maxRule, Check::date)
                .containsExactly(tuple("amount", "education_aid_amount_max", "paid_on"));
    }

    @Test
    void aPolicyBoundMustNameARuleForEveryRowAndHaveADate() {
        // given
        String fields = """
                source: t
                label: 测试
                fields:
                  - {name: amount, label: 金额, headers: [金额], type: money}
                  - {name: paid_on, label: 发放日期, headers: [发放日期], type: date}
                  - {name: term, label: 学期, headers: [学期], type: term}
                """;

        // when / then
        assertThatThrownBy(() -> parse(fields + "checks:\n  - {rule: range, field: amount, max_rule: amount_cap,"
                        + " date: paid_on}\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("t: check range of amount: no rule amount_cap for every row (applies_to all) in "
                        + "/rules/policy_rules.csv");
        assertThatThrownBy(
                        () -> parse(fields + "checks:\n  - {rule: range, field: amount, max_rule: medical_self_pay_cap,"
                                + " date: paid_on}\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("t: check range of amount: no rule medical_self_pay_cap for every row (applies_to all) in "
                        + "/rules/policy_rules.csv");
        assertThatThrownBy(() -> parse(fields + "checks:\n  - {rule: range, field: amount,"
                        + " max_rule: education_aid_amount_max}\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("t: check range of amount: a rule's version needs a date field (the check's date or the"
                        + " fact's event_date), got null");
        assertThatThrownBy(() -> parse(fields + "checks:\n  - {rule: range, field: amount,"
                        + " max_rule: education_aid_amount_max, date: term}\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("t: check range of amount: a rule's version needs a date field (the check's date or the"
                        + " fact's event_date), got term");
        assertThatThrownBy(() -> parse(fields + "checks:\n  - {rule: range, field: amount, max: 12000,"
                        + " max_rule: education_aid_amount_max, date: paid_on}\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("t: check range of amount: only a range bound names a rule, in place of its number");
    }

    private static Contract parse(String yaml) {
        return Contracts.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
