package org.hhw.sources.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hhw.sources.clean.CodeList;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Issue;
import org.hhw.sources.clean.Pseudonyms;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.clean.Text;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.Contracts;
import org.hhw.sources.contract.Field;
import org.hhw.sources.contract.FieldType;
import org.hhw.sources.read.RawRow;
import org.hhw.sources.table.DataRow;
import org.hhw.sources.table.ListRowStream;
import org.hhw.sources.table.NonDataRow;
import org.hhw.sources.table.SheetRow;
import org.hhw.sources.table.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowValidatorTest {

    private static final Contract REGISTRY = Contracts.load("registry");
    private static final Pseudonyms PSEUDONYMS =
            new Pseudonyms(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"));
    private static final RowValidator VALIDATOR = new RowValidator(REGISTRY, Gazetteer.bundled(), PSEUDONYMS);

    private static final String[] HEADER = {
        "户编号", "乡镇", "行政村", "姓名", "身份证号", "与户主关系", "性别", "家庭人口数", "贫困户属性", "主要致贫原因", "脱贫状态", "脱贫年度", "劳动能力", "健康状况",
        "在校生状况", "是否易地搬迁户"
    };

    /** HMAC-SHA256 of the ID under the key above, computed independently (Python's hmac module). */
    private static final String HASH_0013 = "d845ff21b3447e02eaa5b525fb7aeff2bb7bc381af7d7bef8966e01e4765c364";

    private static final String HASH_0028 = "a8dd74d3a26806726dc1a8de2f13b9b087013b7c6db285ee3a8298c5ca9ca106";
    private static final String HASH_123X = "0261ada1c2e2788ef53c2084ea8a35b447e45e633e31cc2336f9569049e4865b";

    @Test
    void cleansEveryFieldOfAValidRowIntoTheOutputColumns() {
        // given
        DataRow row = registryRow(
                "1402220701001",
                "南河堡",
                "南河堡村",
                "张　三",
                "140222198001010013",
                "户主",
                "男",
                "4",
                "一般贫困户",
                "因病",
                "已脱贫",
                "2019年",
                "普通劳动力",
                "健康",
                "非在校生",
                "否");

        // when
        Outcome outcome = VALIDATOR.validate(row);

        // then
        assertThat(outcome.loaded()).isTrue();
        assertThat(outcome.rejected()).isFalse();
        assertThat(outcome.nonData()).isNull();
        assertThat(outcome.sheetIndex()).isZero();
        assertThat(outcome.sheet()).isEqualTo("Sheet1");
        assertThat(outcome.rowNumber()).isEqualTo(2);
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.values())
                .containsExactly(
                        "1402220701001",
                        "南河堡乡",
                        7,
                        "南河堡",
                        60,
                        "张三",
                        HASH_0013,
                        "140222********0013",
                        "male",
                        LocalDate.of(1980, 1, 1),
                        "head",
                        "male",
                        4,
                        "ordinary",
                        "illness",
                        "exited",
                        2019,
                        "ordinary",
                        "healthy",
                        "not_in_school",
                        false);
    }

    @Test
    void resolvesAliasesAndLeavesAbsentOrBlankOptionalFieldsEmpty() {
        // given: a sheet with the required columns only, and one with blank optional cells
        DataRow requiredOnly = row(
                REGISTRY,
                new String[] {"户编号", "乡镇", "行政村", "姓名", "身份证号", "与户主关系"},
                "１４０２２２０７０１００２",
                "米新关",
                "赵家夭",
                "王五",
                "14022219900101123x",
                "长子");
        DataRow blanks = registryRow(
                "1402220701003",
                "南河堡乡",
                "薛辛窑",
                "李四",
                "140222198503120028",
                "妻",
                "",
                " ",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "");

        // when
        Outcome first = VALIDATOR.validate(requiredOnly);
        Outcome second = VALIDATOR.validate(blanks);

        // then
        assertThat(first.findings()).isEmpty();
        assertThat(first.values())
                .containsExactly(
                        "1402220701002",
                        "米薪关镇",
                        3,
                        "赵家夭",
                        21,
                        "王五",
                        HASH_123X,
                        "140222********123X",
                        "male",
                        LocalDate.of(1990, 1, 1),
                        "son",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        assertThat(second.findings()).isEmpty();
        assertThat(second.values())
                .containsExactly(
                        "1402220701003",
                        "南河堡乡",
                        7,
                        "薛辛夭",
                        64,
                        "李四",
                        HASH_0028,
                        "140222********0028",
                        "female",
                        LocalDate.of(1985, 3, 12),
                        "spouse",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
    }

    @Test
    void resolvesAVillageWithinItsTownship() {
        // given: 赵家夭 is a village of 米薪关镇 and of 南高崖乡, not of 玉泉镇
        DataRow miXinGuan = registryRow("1402220301001", "米薪关镇", "赵家夭", "张三", "140222198001010013", "户主");
        DataRow nanGaoYa = registryRow("1402221101001", "南高崖", "赵家夭", "张三", "140222198001010013", "户主");
        DataRow yuQuan = registryRow("1402220101001", "玉泉镇", "赵家夭村", "张三", "140222198001010013", "户主");

        // when
        Outcome first = VALIDATOR.validate(miXinGuan);
        Outcome second = VALIDATOR.validate(nanGaoYa);
        Outcome third = VALIDATOR.validate(yuQuan);

        // then
        assertThat(first.values()).startsWith("1402220301001", "米薪关镇", 3, "赵家夭", 21);
        assertThat(second.values()).startsWith("1402221101001", "南高崖乡", 11, "赵家夭", 128);
        assertThat(third.rejected()).isTrue();
        assertThat(third.findings())
                .containsExactly(new Finding(
                        "Sheet1",
                        2,
                        "village",
                        "行政村",
                        "赵家夭村",
                        Issue.reject(
                                Reason.VILLAGE_UNKNOWN,
                                "行政村“赵家夭村”不在玉泉镇的村名单中。名单中米薪关镇、南高崖乡有这个村，"
                                        + "如果是乡镇填错了，请改正乡镇。请核对村名的写法；如果它确实是玉泉镇的行政村，请联系县扶贫办把它加入村名单。")));
    }

    @Test
    void reportsEveryRejectingFindingOfARowTogether() {
        // given
        DataRow row = registryRow(
                "１４０２２２０７",
                "北京",
                "幸福村",
                "张3",
                "140222198001010012",
                "干儿子",
                "男",
                "三",
                "一般贫困户",
                "因懒",
                "已脱贫",
                "19",
                "普通劳动力",
                "健康",
                "非在校生",
                "不是");

        // when
        Outcome outcome = VALIDATOR.validate(row);

        // then
        assertThat(outcome.rejected()).isTrue();
        assertThat(outcome.loaded()).isFalse();
        assertThat(outcome.values()).isNull();
        assertThat(outcome.findings())
                .extracting(
                        Finding::field,
                        Finding::column,
                        Finding::rawValue,
                        f -> f.issue().reason(),
                        f -> f.issue().rejects())
                .containsExactly(
                        tuple("household_id", "户编号", "１４０２２２０７", Reason.TEXT_INVALID, true),
                        tuple("township", "乡镇", "北京", Reason.TOWNSHIP_UNKNOWN, true),
                        tuple("name", "姓名", "张3", Reason.TEXT_INVALID, true),
                        tuple("id_number", "身份证号", "140222198001010012", Reason.ID_CHECKSUM, true),
                        tuple("relation", "与户主关系", "干儿子", Reason.CODE_UNKNOWN, true),
                        tuple("household_size", "家庭人口数", "三", Reason.NUMBER_INVALID, true),
                        tuple("main_cause", "主要致贫原因", "因懒", Reason.CODE_UNKNOWN, true),
                        tuple("exit_year", "脱贫年度", "19", Reason.DATE_INVALID, true),
                        tuple("relocated", "是否易地搬迁户", "不是", Reason.CODE_UNKNOWN, true));
        assertThat(outcome.findings())
                .extracting(Finding::sheet, Finding::rowNumber)
                .containsOnly(tuple("Sheet1", 2));
        assertThat(outcome.findings().get(0).issue().message()).isEqualTo("“14022207”格式不对：户编号应为10到20位数字。");
    }

    @Test
    void reportsBlankRequiredCellsAndAMissingId() {
        // given
        DataRow row = registryRow("", "南河堡乡", " ", "", "　", "", "男");

        // when
        Outcome outcome = VALIDATOR.validate(row);

        // then
        assertThat(outcome.rejected()).isTrue();
        assertThat(outcome.findings())
                .containsExactly(
                        new Finding(
                                "Sheet1",
                                2,
                                "household_id",
                                "户编号",
                                "",
                                Issue.reject(Reason.REQUIRED_MISSING, "户编号为空。这是必填项，请补填。")),
                        new Finding(
                                "Sheet1",
                                2,
                                "village",
                                "行政村",
                                " ",
                                Issue.reject(Reason.REQUIRED_MISSING, "行政村为空。这是必填项，请补填。")),
                        new Finding(
                                "Sheet1",
                                2,
                                "name",
                                "姓名",
                                "",
                                Issue.reject(Reason.REQUIRED_MISSING, "姓名为空。这是必填项，请补填。")),
                        new Finding(
                                "Sheet1",
                                2,
                                "id_number",
                                "身份证号",
                                "　",
                                Issue.reject(Reason.ID_MISSING, "身份证号为空。请填写该人员18位公民身份号码。")),
                        new Finding(
                                "Sheet1",
                                2,
                                "relation",
                                "与户主关系",
                                "",
                                Issue.reject(Reason.REQUIRED_MISSING, "与户主关系为空。这是必填项，请补填。")));
    }

    @Test
    void anUnknownTownshipHidesTheVillageCheckButNotABlankVillage() {
        // given
        DataRow villageGiven = registryRow("1402220701001", "南河", "南河堡", "张三", "140222198001010013", "户主");
        DataRow villageBlank = registryRow("1402220701001", "南河", "", "张三", "140222198001010013", "户主");
        DataRow townshipBlank = registryRow("1402220701001", "", "南河堡", "张三", "140222198001010013", "户主");

        // when
        List<Outcome> outcomes = List.of(
                VALIDATOR.validate(villageGiven), VALIDATOR.validate(villageBlank), VALIDATOR.validate(townshipBlank));

        // then
        assertThat(outcomes.get(0).findings())
                .extracting(Finding::field, f -> f.issue().reason())
                .containsExactly(tuple("township", Reason.TOWNSHIP_UNKNOWN));
        assertThat(outcomes.get(0).findings().get(0).issue().message())
                .isEqualTo("乡镇“南河”不在本县乡镇名单中。"
                        + "请填写以下11个乡镇之一：玉泉镇、谷前堡镇、米薪关镇、逯家湾镇、新平堡镇、赵家沟乡、南河堡乡、贾家屯乡、卅里铺乡、"
                        + "张西河乡、南高崖乡。");
        assertThat(outcomes.get(1).findings())
                .extracting(Finding::field, f -> f.issue().reason())
                .containsExactly(tuple("township", Reason.TOWNSHIP_UNKNOWN), tuple("village", Reason.REQUIRED_MISSING));
        assertThat(outcomes.get(2).findings())
                .extracting(Finding::field, f -> f.issue().reason())
                .containsExactly(tuple("township", Reason.REQUIRED_MISSING));
    }

    @Test
    void keepsWarningsOnALoadedRow() {
        // given: an old 15-digit ID, and 性别 女 while the ID says male
        DataRow row = registryRow("1402220701001", "南河堡乡", "南河堡", "张三", "140222800101001", "户主", "女");

        // when
        Outcome outcome = VALIDATOR.validate(row);

        // then
        assertThat(outcome.loaded()).isTrue();
        assertThat(outcome.values())
                .startsWith(
                        "1402220701001",
                        "南河堡乡",
                        7,
                        "南河堡",
                        60,
                        "张三",
                        HASH_0013,
                        "140222********0013",
                        "male",
                        LocalDate.of(1980, 1, 1),
                        "head",
                        "female");
        assertThat(outcome.findings())
                .containsExactly(
                        new Finding(
                                "Sheet1",
                                2,
                                "id_number",
                                "身份证号",
                                "140222800101001",
                                Issue.warning(
                                        Reason.ID_CONVERTED_15,
                                        "15位旧身份证号码“140222800101001”已自动转换为18位号码“140222198001010013”。"
                                                + "如本人已换发新身份证，请在表中改填新证上的18位号码。")),
                        new Finding(
                                "Sheet1",
                                2,
                                "sex_declared",
                                "性别",
                                "女",
                                Issue.warning(Reason.INCONSISTENT, "性别与身份证号不符：身份证号显示为男。已按身份证号入库，请核对性别或身份证号。")));
    }

    @Test
    void loadsARowTheSheetHidesWithAWarning() {
        // given: a valid row the clerk hid, and a hidden row with a wrong relation
        DataRow valid = hiddenRegistryRow("1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主");
        DataRow wrong = hiddenRegistryRow("1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "干儿子");

        // when
        Outcome loaded = VALIDATOR.validate(valid);
        Outcome rejected = VALIDATOR.validate(wrong);

        // then
        assertThat(loaded.loaded()).isTrue();
        assertThat(loaded.values()).startsWith("1402220701001", "南河堡乡", 7, "南河堡", 60, "张三", HASH_0013);
        assertThat(loaded.findings())
                .containsExactly(new Finding(
                        "Sheet1",
                        2,
                        null,
                        null,
                        "",
                        Issue.warning(Reason.HIDDEN_ROW, "该行在表格中被隐藏，已照常读取，请核对：如果这一行不应入库，请删除它（而不是隐藏）后重新发送。")));
        assertThat(rejected.rejected()).isTrue();
        assertThat(rejected.findings())
                .extracting(Finding::field, f -> f.issue().reason())
                .containsExactly(tuple("relation", Reason.CODE_UNKNOWN));
    }

    @Test
    void saysAFormulaHasNoResultRatherThanThatTheCellIsEmpty() {
        // given: formulas saved without a result in 姓名 (required), 身份证号 and 家庭人口数 (optional)
        DataRow requiredName =
                registryRow(Set.of(3, 7), "1402220701001", "南河堡乡", "南河堡", "", "140222198001010013", "户主", "男", "");
        DataRow requiredId = registryRow(Set.of(4), "1402220701001", "南河堡乡", "南河堡", "张三", "", "户主");
        DataRow optionalSize =
                registryRow(Set.of(7), "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主", "男", "");

        // when
        Outcome first = VALIDATOR.validate(requiredName);
        Outcome second = VALIDATOR.validate(requiredId);
        Outcome third = VALIDATOR.validate(optionalSize);

        // then
        assertThat(first.rejected()).isTrue();
        assertThat(first.findings())
                .containsExactly(new Finding(
                        "Sheet1",
                        2,
                        "name",
                        "姓名",
                        "",
                        Issue.reject(Reason.FORMULA_NOT_CALCULATED, "公式没有计算结果，请在Excel中重新计算后保存。")));
        assertThat(second.findings())
                .containsExactly(new Finding(
                        "Sheet1",
                        2,
                        "id_number",
                        "身份证号",
                        "",
                        Issue.reject(Reason.FORMULA_NOT_CALCULATED, "公式没有计算结果，请在Excel中重新计算后保存。")));
        assertThat(third.loaded()).isTrue();
        assertThat(third.values()).startsWith("1402220701001", "南河堡乡", 7, "南河堡", 60, "张三", HASH_0013);
        assertThat(third.values()[12]).isNull();
        assertThat(third.findings())
                .containsExactly(new Finding(
                        "Sheet1",
                        2,
                        "household_size",
                        "家庭人口数",
                        "",
                        Issue.warning(Reason.FORMULA_NOT_CALCULATED, "公式没有计算结果，请在Excel中重新计算后保存。本行已入库，这一项暂为空。")));
    }

    @Test
    void aRejectedRowCarriesOnlyItsRejectingFindings() {
        // given: the 15-digit ID and the sex mismatch would be warnings, the relation rejects
        DataRow row = registryRow("1402220701001", "南河堡乡", "南河堡", "张三", "140222800101001", "干儿子", "女");

        // when
        Outcome outcome = VALIDATOR.validate(row);

        // then
        assertThat(outcome.values()).isNull();
        assertThat(outcome.findings())
                .extracting(Finding::field, f -> f.issue().reason())
                .containsExactly(tuple("relation", Reason.CODE_UNKNOWN));
    }

    @Test
    void noSexWarningWithoutAValidIdOrADeclaredSex() {
        // given
        DataRow agrees = registryRow("1402220701001", "南河堡乡", "南河堡", "李四", "140222198503120028", "配偶", "女性");
        DataRow undeclared = registryRow("1402220701001", "南河堡乡", "南河堡", "李四", "140222198503120028", "配偶", "");
        DataRow badId = registryRow("1402220701001", "南河堡乡", "南河堡", "李四", "1.40222198503120E17", "配偶", "男");

        // when
        List<Outcome> outcomes =
                List.of(VALIDATOR.validate(agrees), VALIDATOR.validate(undeclared), VALIDATOR.validate(badId));

        // then
        assertThat(outcomes.get(0).findings()).isEmpty();
        assertThat(outcomes.get(1).findings()).isEmpty();
        assertThat(outcomes.get(2).findings())
                .extracting(Finding::field, f -> f.issue().reason())
                .containsExactly(tuple("id_number", Reason.ID_PRECISION_LOST));
    }

    @Test
    void namesTheColumnAsTheSheetWritesIt() {
        // given
        DataRow row = row(
                REGISTRY,
                new String[] {"户 码", "乡（镇）", "村", "成员姓名", "公民身份号码", "与户主关系"},
                "1402220701001",
                "南河堡乡",
                "南河堡",
                "张三",
                "140222198001010012",
                "户主");

        // when
        Outcome outcome = VALIDATOR.validate(row);

        // then
        assertThat(outcome.findings())
                .extracting(Finding::field, Finding::column)
                .containsExactly(tuple("id_number", "公民身份号码"));
    }

    @Test
    void passesNonDataRowsThrough() {
        // given
        NonDataRow total = new NonDataRow(1, "米薪关镇", 12, NonDataRow.Kind.TOTAL);

        // when
        Outcome outcome = VALIDATOR.validate(total);

        // then
        assertThat(outcome).isEqualTo(new Outcome(1, "米薪关镇", 12, null, List.of(), NonDataRow.Kind.TOTAL));
        assertThat(outcome.loaded()).isFalse();
        assertThat(outcome.rejected()).isFalse();
    }

    private static final Contract ALL_TYPES = new Contract(
            "all",
            "全部类型",
            List.of(
                    field("name", "姓名", FieldType.PERSON_NAME, true, "姓名"),
                    field("note", "备注", FieldType.TEXT, false, "备注"),
                    field("paid_on", "发放日期", FieldType.DATE, false, "发放日期"),
                    field("period", "所属月份", FieldType.MONTH, false, "所属月份"),
                    field("amount", "补贴金额", FieldType.MONEY, false, "补贴金额"),
                    field("loan", "贷款金额", FieldType.MONEY, false, "贷款金额"),
                    field("term", "期限", FieldType.MONTHS, false, "期限"),
                    field("people", "人数", FieldType.COUNT, false, "人数"),
                    field("year", "年度", FieldType.YEAR, false, "年度"),
                    field("paid", "是否发放", FieldType.YES_NO, false, "是否发放"),
                    new Field("kind", "类别", List.of("类别"), FieldType.CODE, false, "kind", null, null),
                    field("id_number", "身份证号", FieldType.RESIDENT_ID, false, "身份证号")),
            List.of(),
            List.of(),
            Map.of(
                    "kind",
                    new CodeList(
                            "kind",
                            "类别",
                            List.of(
                                    new CodeList.Entry("a", "甲类", List.of("甲")),
                                    new CodeList.Entry("b", "乙类", List.of())))));
    private static final String[] ALL_TYPES_HEADER = {
        "姓名", "备注", "发放日期", "所属月份", "补贴金额（元）", "贷款金额（万元）", "期限", "人数", "年度", "是否发放", "类别", "身份证号"
    };

    @Test
    void cleansEveryOtherFieldType() {
        // given
        DataRow row = row(
                ALL_TYPES,
                ALL_TYPES_HEADER,
                "阿不都•热合曼",
                " 外出\n务工 ",
                "2018/6/1",
                "2018.06",
                "1,200.00元",
                "1.5",
                "3年",
                "3人",
                "2018年度",
                "是",
                "甲",
                "140222198001010013");

        // when
        Outcome outcome = new RowValidator(ALL_TYPES, Gazetteer.bundled(), PSEUDONYMS).validate(row);

        // then
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.values())
                .containsExactly(
                        "阿不都·热合曼",
                        "外出 务工",
                        LocalDate.of(2018, 6, 1),
                        LocalDate.of(2018, 6, 1),
                        new BigDecimal("1200.00"),
                        new BigDecimal("15000.00"),
                        36,
                        3,
                        2018,
                        true,
                        "a",
                        HASH_0013,
                        "140222********0013",
                        "male",
                        LocalDate.of(1980, 1, 1));
    }

    @Test
    void optionalFieldsMayBeBlankIncludingAnOptionalId() {
        // given
        DataRow row = row(ALL_TYPES, ALL_TYPES_HEADER, "张三", "", "", "", "-", "", "", "", "", "", "", "");

        // when
        Outcome outcome = new RowValidator(ALL_TYPES, Gazetteer.bundled(), PSEUDONYMS).validate(row);

        // then
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.values())
                .containsExactly(
                        "张三", null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void rejectsWhatNoFieldTypeCanRead() {
        // given
        DataRow row = row(
                ALL_TYPES,
                ALL_TYPES_HEADER,
                "张三",
                "",
                "2018-13-01",
                "2018.13",
                "abc",
                "-1",
                "0",
                "-1",
                "18",
                "不是",
                "丙类",
                "140222");

        // when
        Outcome outcome = new RowValidator(ALL_TYPES, Gazetteer.bundled(), PSEUDONYMS).validate(row);

        // then
        assertThat(outcome.findings())
                .extracting(Finding::field, f -> f.issue().reason())
                .containsExactly(
                        tuple("paid_on", Reason.DATE_INVALID),
                        tuple("period", Reason.DATE_INVALID),
                        tuple("amount", Reason.AMOUNT_INVALID),
                        tuple("loan", Reason.AMOUNT_INVALID),
                        tuple("term", Reason.NUMBER_INVALID),
                        tuple("people", Reason.NUMBER_INVALID),
                        tuple("year", Reason.DATE_INVALID),
                        tuple("paid", Reason.CODE_UNKNOWN),
                        tuple("kind", Reason.CODE_UNKNOWN),
                        tuple("id_number", Reason.ID_MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "／", "-", "－", "- -", "—", "——", "无", "空", "暂无", "不详", " 不 详 "})
    void aPlaceholderInARequiredColumnIsABlankCellAndSaysSo(String placeholder) {
        // given a placeholder in every required column of a registry row
        DataRow row = registryRow(placeholder, placeholder, placeholder, placeholder, placeholder, placeholder, "男");

        // when
        Outcome outcome = VALIDATOR.validate(row);

        // then each is the blank cell's reason, its message quoting what was written as messages do (half-width)
        String noted = "（“" + Text.normalize(placeholder) + "”视为未填写）";
        assertThat(outcome.rejected()).isTrue();
        assertThat(outcome.findings())
                .containsExactly(
                        new Finding(
                                "Sheet1",
                                2,
                                "household_id",
                                "户编号",
                                placeholder,
                                Issue.reject(Reason.REQUIRED_MISSING, "户编号为空" + noted + "。这是必填项，请补填。")),
                        new Finding(
                                "Sheet1",
                                2,
                                "township",
                                "乡镇",
                                placeholder,
                                Issue.reject(Reason.REQUIRED_MISSING, "乡镇为空" + noted + "。这是必填项，请补填。")),
                        new Finding(
                                "Sheet1",
                                2,
                                "village",
                                "行政村",
                                placeholder,
                                Issue.reject(Reason.REQUIRED_MISSING, "行政村为空" + noted + "。这是必填项，请补填。")),
                        new Finding(
                                "Sheet1",
                                2,
                                "name",
                                "姓名",
                                placeholder,
                                Issue.reject(Reason.REQUIRED_MISSING, "姓名为空" + noted + "。这是必填项，请补填。")),
                        new Finding(
                                "Sheet1",
                                2,
                                "id_number",
                                "身份证号",
                                placeholder,
                                Issue.reject(Reason.ID_MISSING, "身份证号为空" + noted + "。请填写该人员18位公民身份号码。")),
                        new Finding(
                                "Sheet1",
                                2,
                                "relation",
                                "与户主关系",
                                placeholder,
                                Issue.reject(Reason.REQUIRED_MISSING, "与户主关系为空" + noted + "。这是必填项，请补填。")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "－", "——", "空", "暂无", "不详"})
    void aPlaceholderInAnOptionalColumnOfAnyTypeIsAnEmptyValue(String placeholder) {
        // given a placeholder in every optional column, whatever its type
        DataRow row = row(
                ALL_TYPES,
                ALL_TYPES_HEADER,
                "张三",
                placeholder,
                placeholder,
                placeholder,
                placeholder,
                placeholder,
                placeholder,
                placeholder,
                placeholder,
                placeholder,
                placeholder,
                placeholder);

        // when
        Outcome outcome = new RowValidator(ALL_TYPES, Gazetteer.bundled(), PSEUDONYMS).validate(row);

        // then
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.values())
                .containsExactly(
                        "张三", null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static final Contract ANSWERS = new Contract(
            "answers",
            "回答",
            List.of(
                    field("name", "姓名", FieldType.PERSON_NAME, true, "姓名"),
                    new Field(
                            "employment",
                            "就业情况",
                            List.of("就业情况"),
                            FieldType.TEXT,
                            false,
                            null,
                            null,
                            null,
                            false,
                            Set.of("无")),
                    field("note", "备注", FieldType.TEXT, false, "备注"),
                    field("paid", "是否发放", FieldType.YES_NO, false, "是否发放"),
                    new Field("disability", "残疾情况", List.of("残疾情况"), FieldType.CODE, true, "disability", null, null)),
            List.of(),
            List.of(),
            Map.of(
                    "disability",
                    new CodeList(
                            "disability",
                            "残疾情况",
                            List.of(
                                    new CodeList.Entry("none", "无", List.of("暂无")),
                                    new CodeList.Entry("some", "有", List.of())))));

    @Test
    void aWordTheFieldNamesAsAValueIsNoPlaceholder() {
        // given 无 where a yes/no list, a code list and the contract name it as a value, and in a plain text column
        DataRow row = row(ANSWERS, new String[] {"姓名", "就业情况", "备注", "是否发放", "残疾情况"}, "张三", "无", "无", "无", "暂无");

        // when
        Outcome outcome = new RowValidator(ANSWERS, Gazetteer.bundled(), PSEUDONYMS).validate(row);

        // then only the plain text column takes it as a blank cell; a dash stays a placeholder in the others
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.values()).containsExactly("张三", "无", null, false, "none");
        Outcome dashes = new RowValidator(ANSWERS, Gazetteer.bundled(), PSEUDONYMS)
                .validate(row(ANSWERS, new String[] {"姓名", "就业情况", "是否发放", "残疾情况"}, "张三", "—", "/", "-"));
        assertThat(dashes.findings())
                .containsExactly(new Finding(
                        "Sheet1",
                        2,
                        "disability",
                        "残疾情况",
                        "-",
                        Issue.reject(Reason.REQUIRED_MISSING, "残疾情况为空（“-”视为未填写）。这是必填项，请补填。")));
    }

    @Test
    void theContractsNameTheirLedgerDateAndTheirWordsThatAreNoPlaceholders() {
        // given / when / then
        assertThat(Contracts.load("microloan").field("as_of").type()).isEqualTo(FieldType.AS_OF_DATE);
        assertThat(Contracts.load("training").field("employment").notPlaceholders())
                .containsExactly("无");
    }

    private static final Contract LEDGER = new Contract(
            "ledger",
            "台账",
            List.of(
                    field("name", "借款人姓名", FieldType.PERSON_NAME, true, "借款人姓名"),
                    field("issued", "发放日期", FieldType.DATE, true, "发放日期"),
                    new Field("as_of", "统计日期", List.of("统计日期"), FieldType.AS_OF_DATE, true, null, null, null, true)),
            List.of(),
            List.of(),
            Map.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2018-12-31",
                "2018年12月",
                "2018.12",
                "2018-12",
                "201812",
                "2018年12月末",
                "2018年12月底",
                "12月底",
                "12月",
                "12月末"
            })
    void aLedgerDateGivenAsAMonthIsItsLastDayAndTheTitleNamesAMissingYear(String asOf) {
        // given a title stating the ledger date, and one naming only the year, with a 填报日期 of the next year
        Outcome dated = ledger(List.of("天镇县扶贫小额信贷台账（截至2018年12月31日）"), "张三", "2018-03-15", asOf);
        Outcome yearOnly = ledger(List.of("天镇县2018年扶贫小额信贷台账", "填报单位：农商银行　填报日期：2019年1月5日"), "张三", "2018-03-15", asOf);

        // then
        assertThat(dated.findings()).isEmpty();
        assertThat(dated.values()).containsExactly("张三", LocalDate.of(2018, 3, 15), LocalDate.of(2018, 12, 31));
        assertThat(yearOnly.findings()).isEmpty();
        assertThat(yearOnly.values()).containsExactly("张三", LocalDate.of(2018, 3, 15), LocalDate.of(2018, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "——", "无"})
    void aBlankOrPlaceholderLedgerDateIsTheTitlesDate(String asOf) {
        // given a title stating the month only
        Outcome outcome = ledger(List.of("天镇县扶贫小额信贷台账（截止2018年6月底）"), "张三", "2018-03-15", asOf);

        // then
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.values()).containsExactly("张三", LocalDate.of(2018, 3, 15), LocalDate.of(2018, 6, 30));
    }

    @Test
    void aLedgerMonthWithoutAYearAnywhereAsksForTheYear() {
        // given a title naming only when the form was filled in, and a sheet without a title
        Outcome filledIn = ledger(List.of("填报日期：2019年1月5日"), "张三", "2018-03-15", "12月底");
        Outcome untitled = ledger(List.of(), "张三", "2018-03-15", "12月");

        // then
        assertThat(filledIn.findings())
                .containsExactly(new Finding(
                        "Sheet1",
                        3,
                        "as_of",
                        "统计日期",
                        "12月底",
                        Issue.reject(
                                Reason.DATE_INVALID, "日期“12月底”没有写年份，表格标题中也没有年份。请写明年份，例如 2018年12月底 或 2018-12-31。")));
        assertThat(untitled.findings())
                .extracting(f -> f.issue().reason(), Finding::rawValue)
                .containsExactly(tuple(Reason.DATE_INVALID, "12月"));
    }

    @Test
    void aMonthWhereADayIsNeededStaysInvalidAndAPlaceholderWithoutATitleDateIsMissing() {
        // given an issue date written as a month, and a ledger date as 无 under a title without a date
        Outcome outcome = ledger(List.of("天镇县2018年扶贫小额信贷台账"), "张三", "2018年3月", "无");

        // then
        assertThat(outcome.findings())
                .containsExactly(
                        new Finding(
                                "Sheet1",
                                3,
                                "issued",
                                "发放日期",
                                "2018年3月",
                                Issue.reject(
                                        Reason.DATE_INVALID,
                                        "日期“2018年3月”无法识别，请填写实际日期。可用的写法：2018-06-01、2018/6/1、2018.6.1、2018年6月1日、20180601。")),
                        new Finding(
                                "Sheet1",
                                3,
                                "as_of",
                                "统计日期",
                                "无",
                                Issue.reject(Reason.REQUIRED_MISSING, "统计日期为空（“无”视为未填写）。这是必填项，请补填。")));
    }

    /** The ledger row below {@code title} lines and the header 借款人姓名, 发放日期, 统计日期. */
    private static Outcome ledger(List<String> title, String... cells) {
        List<RawRow> rows = new ArrayList<>();
        for (String line : title) {
            rows.add(ListRowStream.row("Sheet1", rows.size() + 1, line));
        }
        rows.add(ListRowStream.row("Sheet1", title.size() + 1, "借款人姓名", "发放日期", "统计日期"));
        rows.add(ListRowStream.row("Sheet1", title.size() + 2, cells));
        try (TableReader reader = new TableReader(new ListRowStream(rows), LEDGER)) {
            return new RowValidator(LEDGER, Gazetteer.bundled(), PSEUDONYMS).validate(reader.next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Field field(String name, String label, FieldType type, boolean required, String header) {
        return new Field(name, label, List.of(header), type, required, null, null, null);
    }

    /** A data row of a sheet with the full registry header; cells past {@code cells} are empty. */
    private static DataRow registryRow(String... cells) {
        return row(REGISTRY, HEADER, cells);
    }

    private static DataRow hiddenRegistryRow(String... cells) {
        return row(REGISTRY, HEADER, ListRowStream.hiddenRow("Sheet1", 2, cells));
    }

    /** A registry data row whose cells in the {@code uncalculated} columns are formulas without a result. */
    private static DataRow registryRow(Set<Integer> uncalculated, String... cells) {
        return row(REGISTRY, HEADER, new RawRow("Sheet1", 2, List.of(cells), false, uncalculated, uncalculated));
    }

    /** The data row below {@code header}, as TableReader gives it. */
    private static DataRow row(Contract contract, String[] header, String... cells) {
        return row(contract, header, ListRowStream.row("Sheet1", 2, cells));
    }

    private static DataRow row(Contract contract, String[] header, RawRow second) {
        try (TableReader reader =
                new TableReader(new ListRowStream(List.of(ListRowStream.row("Sheet1", 1, header), second)), contract)) {
            SheetRow row = reader.next();
            assertThat(row).isInstanceOf(DataRow.class);
            return (DataRow) row;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
