package org.hhw.sources.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Pseudonyms;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.clean.ResidentIds;
import org.hhw.sources.contract.Check;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.Field;
import org.hhw.sources.contract.FieldType;
import org.hhw.sources.read.RawRow;
import org.hhw.sources.table.ListRowStream;
import org.hhw.sources.table.TableReader;
import org.junit.jupiter.api.Test;

/** Declared cross-field checks, rates, terms and dates taken from a sheet's title. */
class RowChecksTest {

    private static final String ID = id("19800101", "011");

    private static final Contract LEDGER = new Contract(
            "ledger",
            "台账",
            List.of(
                    new Field("id_number", "身份证号", List.of("身份证号"), FieldType.RESIDENT_ID, true, null, null, null),
                    new Field("issued", "发放日期", List.of("发放日期"), FieldType.DATE, true, null, null, null),
                    new Field("due", "到期日期", List.of("到期日期"), FieldType.DATE, true, null, null, null),
                    new Field("rate", "年利率", List.of("年利率"), FieldType.RATE, false, null, null, null),
                    new Field("total", "总费用", List.of("总费用"), FieldType.MONEY, false, null, null, null),
                    new Field("basic", "基本医保", List.of("基本医保"), FieldType.MONEY, false, null, null, null),
                    new Field("own", "个人自付", List.of("个人自付"), FieldType.MONEY, false, null, null, null),
                    new Field("hours", "学时", List.of("学时"), FieldType.COUNT, false, null, null, null),
                    new Field("age", "年龄", List.of("年龄"), FieldType.COUNT, false, null, null, null),
                    new Field("term", "学期", List.of("学期"), FieldType.TERM, false, null, null, null),
                    new Field("as_of", "统计日期", List.of("统计日期"), FieldType.DATE, true, null, null, null, true)),
            List.of(),
            List.of(),
            Map.of(),
            List.of(
                    new Check(Check.Kind.AFTER, "due", "issued", List.of(), null, null, null, true),
                    new Check(
                            Check.Kind.SUM_WITHIN,
                            "total",
                            null,
                            List.of("basic", "own"),
                            null,
                            null,
                            BigDecimal.ONE,
                            false),
                    new Check(
                            Check.Kind.RANGE,
                            "rate",
                            null,
                            List.of(),
                            BigDecimal.ZERO,
                            new BigDecimal("0.24"),
                            null,
                            true),
                    new Check(Check.Kind.POSITIVE, "hours", null, List.of(), null, null, null, true),
                    new Check(Check.Kind.AGE_MATCHES_ID, "age", "issued", List.of(), null, null, null, false)));

    /** Policy limits named by rule, judged on the loan's issue date (the fact's event date). */
    private static final Contract LOANS = new Contract(
            "loans",
            "台账",
            List.of(
                    new Field("id_number", "身份证号", List.of("身份证号"), FieldType.RESIDENT_ID, true, null, null, null),
                    new Field("issued", "发放日期", List.of("发放日期"), FieldType.DATE, true, null, null, null),
                    new Field("principal", "贷款金额", List.of("贷款金额"), FieldType.MONEY, true, null, null, null),
                    new Field("rate", "年利率", List.of("年利率"), FieldType.RATE, false, null, null, null)),
            List.of(),
            List.of(),
            Map.of(),
            List.of(
                    new Check(
                            Check.Kind.RANGE,
                            "principal",
                            null,
                            List.of(),
                            BigDecimal.ZERO,
                            null,
                            null,
                            null,
                            "microloan_principal_max",
                            "issued",
                            false),
                    new Check(
                            Check.Kind.RANGE,
                            "rate",
                            null,
                            List.of(),
                            BigDecimal.ZERO,
                            null,
                            null,
                            null,
                            "microloan_rate_max",
                            "issued",
                            true)),
            new Contract.Fact("fact_loan", "issued", null, "借款合同号"));

    private static final String[] HEADER = {"身份证号", "发放日期", "到期日期", "年利率", "总费用", "基本医保", "个人自付", "学时", "年龄", "学期"};

    private final RowValidator validator = new RowValidator(LEDGER, Gazetteer.bundled(), new Pseudonyms(new byte[32]));

    @Test
    void aRowThatPassesEveryCheckLoadsWithTheTitleDateAndTypedValues() throws IOException {
        // given a title stating the ledger date, and a clean row
        Outcome o = validate(
                "扶贫小额信贷台账（截至2018年6月30日）",
                ID,
                "2018-01-15",
                "2021-01-14",
                "4.35%",
                "1000",
                "800",
                "200.5",
                "40",
                "38",
                "2018秋");

        // then
        assertThat(o.loaded()).isTrue();
        assertThat(o.findings()).isEmpty();
        assertThat(value(o, "rate")).isEqualTo(new BigDecimal("0.043500"));
        assertThat(value(o, "term")).isEqualTo("2018-autumn");
        assertThat(value(o, "as_of")).isEqualTo(LocalDate.of(2018, 6, 30));
    }

    @Test
    void failedChecksRejectOrWarnAsDeclared() throws IOException {
        // given a due date before the issue date, parts that do not add up, a rate of 35%, no hours, a wrong age
        Outcome rejected =
                validate("截至2018年6月底", ID, "2018-01-15", "2017-01-14", "35%", "1000", "800", "100", "0", "50", "");
        Outcome warned =
                validate("截至2018年6月底", ID, "2018-01-15", "2019-01-14", "0.05", "1000", "800", "100", "8", "50", "");

        // then the rejecting checks are all reported; the warnings load the row
        assertThat(rejected.loaded()).isFalse();
        assertThat(rejected.findings())
                .extracting(
                        f -> f.field(), f -> f.issue().reason(), f -> f.issue().message())
                .containsExactly(
                        tuple("due", Reason.INCONSISTENT, "到期日期（2017-01-14）应晚于发放日期（2018-01-15）。请核对这两个日期。"),
                        tuple("rate", Reason.NUMBER_INVALID, "年利率（0.35）不在合理范围（0～0.24）内。请核对。"),
                        tuple("hours", Reason.NUMBER_INVALID, "学时应大于0，现为0。请核对。"));
        assertThat(warned.loaded()).isTrue();
        assertThat(value(warned, "as_of")).isEqualTo(LocalDate.of(2018, 6, 30));
        assertThat(warned.findings())
                .extracting(
                        f -> f.field(), f -> f.issue().rejects(), f -> f.issue().message())
                .containsExactly(
                        tuple("total", false, "基本医保、个人自付之和（900.00元）与总费用（1000.00元）相差100.00元。请核对各项金额。"),
                        tuple("age", false, "年龄（50）与身份证号推算的年龄（38）不符。请核对年龄或身份证号。"));
    }

    @Test
    void aDateNeitherInAColumnNorInTheTitleIsMissing() throws IOException {
        // given a title that only says when the form was filled in
        Outcome o = validate("填报日期：2018年7月2日", ID, "2018-01-15", "2019-01-14", "", "", "", "", "", "", "");

        // then
        assertThat(o.findings())
                .extracting(f -> f.field(), f -> f.issue().reason())
                .containsExactly(tuple("as_of", Reason.REQUIRED_MISSING));
    }

    @Test
    void aPolicyLimitIsTheRulesVersionInForceOnTheIssueDate() throws IOException {
        // given a loan of 2016, before the county plan of 2018, over the microloan policy's cap of december 2014
        Outcome over = validateLoan("2016-05-03", "60000", "4.35%");
        Outcome atTheCap = validateLoan("2016-05-03", "50000", "24%");
        Outcome overTheRate = validateLoan("2016-05-03", "50000", "24.5%");

        // then the limit is named from the rule
        assertThat(over.loaded()).isTrue();
        assertThat(over.findings())
                .extracting(
                        f -> f.field(), f -> f.issue().rejects(), f -> f.issue().message())
                .containsExactly(tuple("principal", false, "贷款金额（60000）不在合理范围（0～50000）内。请核对。"));
        assertThat(atTheCap.findings()).isEmpty();
        assertThat(overTheRate.loaded()).isFalse();
        assertThat(overTheRate.findings())
                .extracting(f -> f.field(), f -> f.issue().message())
                .containsExactly(tuple("rate", "年利率（0.245）不在合理范围（0～0.24）内。请核对。"));
    }

    @Test
    void aRowBeforeEveryVersionOfItsRuleIsNotJudgedHere() throws IOException {
        // given a loan issued before the microloan policy, and one before the rate ceiling of september 2015
        Outcome beforeThePolicy = validateLoan("2014-06-01", "60000", "30%");
        Outcome beforeTheCeiling = validateLoan("2015-08-31", "50000", "30%");
        Outcome withoutADate = validateLoan("", "60000", "30%");

        // then nothing is claimed of them (the warehouse's data test reports the events), and nothing crashes
        assertThat(beforeThePolicy.loaded()).isTrue();
        assertThat(beforeThePolicy.findings()).isEmpty();
        assertThat(beforeTheCeiling.loaded()).isTrue();
        assertThat(beforeTheCeiling.findings()).isEmpty();
        assertThat(withoutADate.findings())
                .extracting(f -> f.field(), f -> f.issue().reason())
                .containsExactly(tuple("issued", Reason.REQUIRED_MISSING));
    }

    private Outcome validateLoan(String issued, String principal, String rate) throws IOException {
        List<RawRow> rows = List.of(
                ListRowStream.row("台账", 1, "身份证号", "发放日期", "贷款金额", "年利率"),
                ListRowStream.row("台账", 2, ID, issued, principal, rate));
        try (TableReader reader = new TableReader(new ListRowStream(rows), LOANS)) {
            return new RowValidator(LOANS, Gazetteer.bundled(), new Pseudonyms(new byte[32])).validate(reader.next());
        }
    }

    private Outcome validate(String title, String... cells) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        rows.add(ListRowStream.row("台账", 1, title));
        rows.add(ListRowStream.row("台账", 2, HEADER));
        rows.add(ListRowStream.row("台账", 3, cells));
        try (TableReader reader = new TableReader(new ListRowStream(rows), LEDGER)) {
            return validator.validate(reader.next());
        }
    }

    private static Object value(Outcome o, String column) {
        return o.values()[LEDGER.outputIndex(column)];
    }

    private static String id(String birth, String sequence) {
        String first17 = "140222" + birth + sequence;
        return first17 + ResidentIds.checkChar(first17);
    }
}
