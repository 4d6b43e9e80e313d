package org.hhw.sources.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.hhw.sources.table.ListRowStream.hiddenRow;
import static org.hhw.sources.table.ListRowStream.row;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.Contracts;
import org.hhw.sources.contract.Field;
import org.hhw.sources.contract.FieldType;
import org.hhw.sources.read.RawRow;
import org.hhw.sources.read.RowStream.SkippedSheet;
import org.hhw.sources.read.UnusableFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableReaderTest {

    static final Contract REGISTRY = Contracts.load("registry");
    private static final String[] HEADER = {"户编号", "乡镇", "行政村", "姓名", "身份证号", "与户主关系"};

    @Test
    void findsTheHeaderBelowTheTitleAndTheFillLine() throws IOException {
        // given
        List<RawRow> rows = List.of(
                row("Sheet1", 1, "天镇县2018年建档立卡贫困人口花名册"),
                row("Sheet1", 2, "填报单位：南河堡乡　填报日期：2018年10月"),
                row("Sheet1", 3, "序号", "户编号", "乡镇", "行政村", "姓名", "性别", "身份证号", "与户主关系", "联系电话"),
                row(
                        "Sheet1",
                        4,
                        "1",
                        "1402220701001",
                        "南河堡乡",
                        "南河堡",
                        "张三",
                        "男",
                        "140222198001010013",
                        "户主",
                        "13512345678"),
                row("Sheet1", 5, "2", "1402220701001", "南河堡乡", "南河堡", "李四", "女", "140222198503120028", "配偶"));

        // when
        Read read = readAll(rows);

        // then
        assertThat(read.shown())
                .containsExactly(
                        data("Sheet1", 4, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主", "男"),
                        data("Sheet1", 5, "1402220701001", "南河堡乡", "南河堡", "李四", "140222198503120028", "配偶", "女"));
        SheetHeader header = read.headers().get(0);
        assertThat(read.headers()).hasSize(1);
        assertThat(header.sheet()).isEqualTo("Sheet1");
        assertThat(header.sheetIndex()).isZero();
        assertThat(header.firstHeaderRow()).isEqualTo(3);
        assertThat(header.lastHeaderRow()).isEqualTo(3);
        assertThat(header.fieldColumns()).containsExactly(1, 2, 3, 4, 6, 7, 5, -1, -1, -1, -1, -1, -1, -1, -1, -1);
        assertThat(header.fieldHeaders())
                .containsExactly(
                        "户编号", "乡镇", "行政村", "姓名", "身份证号", "与户主关系", "性别", null, null, null, null, null, null, null, null,
                        null);
        assertThat(header.tenThousandYuan()).containsOnly(false).hasSize(16);
        assertThat(header.unknownColumns()).containsExactly("联系电话");
        assertThat(header.preamble()).containsExactly("天镇县2018年建档立卡贫困人口花名册", "填报单位:南河堡乡 填报日期:2018年10月");
        assertThat(read.sheetsWithoutTable()).isEmpty();
    }

    @Test
    void matchesHeaderVariantsWrittenWithSpacesBreaksFullWidthBracketsAndUnits() throws IOException {
        // given
        List<RawRow> rows = List.of(
                row("户", 1, "编号", "户 码", "乡（镇）", "所属\n村", "成员姓名", "公民身份号码", "与户主\r\n关系", "家庭人口数（人）", "姓名", "备注"),
                row("户", 2, "1", "1402220701001", "南河堡", "南河堡", "张三", "140222198001010013", "户主", "3", "张三"));

        // when
        Read read = readAll(rows);

        // then
        SheetHeader header = read.headers().get(0);
        assertThat(header.fieldHeaders())
                .containsExactly(
                        "户 码",
                        "乡(镇)",
                        "所属 村",
                        "成员姓名",
                        "公民身份号码",
                        "与户主 关系",
                        null,
                        "家庭人口数(人)",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        assertThat(header.fieldColumns()).containsExactly(1, 2, 3, 4, 5, 6, -1, 7, -1, -1, -1, -1, -1, -1, -1, -1);
        assertThat(header.unknownColumns()).containsExactly("姓名（重复的列，已忽略）", "备注");
        assertThat(header.preamble()).isEmpty();
        assertThat(read.shown())
                .containsExactly(
                        data("户", 2, "1402220701001", "南河堡", "南河堡", "张三", "140222198001010013", "户主", null, "3"));
    }

    @Test
    void readsATwoRowHeaderWithMergedParentCells() throws IOException {
        // given: 家庭情况 spans three sub-columns; 脱贫 spans 状态 and 年度, which only name a field together
        List<RawRow> rows = List.of(
                row("Sheet1", 1, "天镇县2018年建档立卡贫困人口花名册"),
                row("Sheet1", 2, "序号", "户编号", "乡镇", "行政村", "姓名", "身份证号", "与户主关系", "家庭情况", "", "", "脱贫"),
                row("Sheet1", 3, "", "", "", "", "", "", "", "家庭人口数", "贫困户属性", "致贫原因", "状态", "年度"),
                row(
                        "Sheet1",
                        4,
                        "1",
                        "1402220701001",
                        "南河堡乡",
                        "南河堡",
                        "张三",
                        "140222198001010013",
                        "户主",
                        "2",
                        "一般贫困户",
                        "因病",
                        "已脱贫",
                        "2019"));

        // when
        Read read = readAll(rows);

        // then
        SheetHeader header = read.headers().get(0);
        assertThat(header.firstHeaderRow()).isEqualTo(2);
        assertThat(header.lastHeaderRow()).isEqualTo(3);
        assertThat(header.fieldHeaders())
                .containsExactly(
                        "户编号", "乡镇", "行政村", "姓名", "身份证号", "与户主关系", null, "家庭人口数", "贫困户属性", "致贫原因", "脱贫状态", "脱贫年度", null,
                        null, null, null);
        assertThat(header.fieldColumns()).containsExactly(1, 2, 3, 4, 5, 6, -1, 7, 8, 9, 10, 11, -1, -1, -1, -1);
        assertThat(header.unknownColumns()).isEmpty();
        assertThat(header.preamble()).containsExactly("天镇县2018年建档立卡贫困人口花名册");
        assertThat(read.shown())
                .containsExactly(data(
                        "Sheet1",
                        4,
                        "1402220701001",
                        "南河堡乡",
                        "南河堡",
                        "张三",
                        "140222198001010013",
                        "户主",
                        null,
                        "2",
                        "一般贫困户",
                        "因病",
                        "已脱贫",
                        "2019"));
    }

    @Test
    void aFillLineDirectlyAboveAOneRowHeaderIsPreambleNotAParentRow() throws IOException {
        // given
        List<RawRow> rows = List.of(
                row("Sheet1", 1, "填报单位：南河堡乡", "", "", "", "", "", "填报日期：2018年10月"),
                row("Sheet1", 2, HEADER),
                row("Sheet1", 3, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"));

        // when
        Read read = readAll(rows);

        // then
        SheetHeader header = read.headers().get(0);
        assertThat(header.firstHeaderRow()).isEqualTo(2);
        assertThat(header.lastHeaderRow()).isEqualTo(2);
        assertThat(header.unknownColumns()).isEmpty();
        assertThat(header.preamble()).containsExactly("填报单位:南河堡乡 填报日期:2018年10月");
        assertThat(read.shown())
                .containsExactly(data("Sheet1", 3, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"));
    }

    @Test
    void tellsWhichMoneyColumnsAreInTenThousandYuan() throws IOException {
        // given
        List<RawRow> rows = List.of(
                row("补贴", 1, "姓名", "身份证号", "补贴金额（万元）", "贴息金额(元)", "发放日期"),
                row("补贴", 2, "张三", "140222198001010013", "0.12", "300", "2018-06-01"));

        // when
        Read read = readAll(rows, SUBSIDY);

        // then
        SheetHeader header = read.headers().get(0);
        assertThat(header.fieldHeaders()).containsExactly("姓名", "身份证号", "补贴金额(万元)", "贴息金额(元)", "发放日期");
        assertThat(header.tenThousandYuan()).containsExactly(false, false, true, false, false);
    }

    @Test
    void aUnitWrittenInsideTheHeaderCountsToo() throws IOException {
        // given
        List<RawRow> rows =
                List.of(row("补贴", 1, "姓名", "身份证号", "补贴金额（单位：万元）"), row("补贴", 2, "张三", "140222198001010013", "0.12"));

        // when
        Read read = readAll(rows, SUBSIDY);

        // then
        assertThat(read.headers().get(0).fieldColumns()).containsExactly(0, 1, 2, -1, -1);
        assertThat(read.headers().get(0).tenThousandYuan()).containsExactly(false, false, true, false, false);
    }

    @Test
    void aMergedParentAnnouncingTenThousandYuanAppliesToItsSubColumns() throws IOException {
        // given
        List<RawRow> rows = List.of(
                row("补贴", 1, "姓名", "身份证号", "金额（万元）", "", "发放日期"),
                row("补贴", 2, "", "", "补贴金额", "贴息金额"),
                row("补贴", 3, "张三", "140222198001010013", "0.12", "0.03", "2018-06-01"));

        // when
        Read read = readAll(rows, SUBSIDY);

        // then
        SheetHeader header = read.headers().get(0);
        assertThat(header.lastHeaderRow()).isEqualTo(2);
        assertThat(header.fieldHeaders()).containsExactly("姓名", "身份证号", "补贴金额", "贴息金额", "发放日期");
        assertThat(header.tenThousandYuan()).containsExactly(false, false, true, true, false);
    }

    @Test
    void aParentWithAUnitStillCombinesWithItsSubColumn() throws IOException {
        // given: 贴息（万元） over 金额 is the field 贴息金额
        List<RawRow> rows = List.of(
                row("补贴", 1, "姓名", "身份证号", "贴息（万元）"),
                row("补贴", 2, "", "", "金额"),
                row("补贴", 3, "张三", "140222198001010013", "0.03"));

        // when
        Read read = readAll(rows, SUBSIDY);

        // then
        SheetHeader header = read.headers().get(0);
        assertThat(header.fieldColumns()).containsExactly(0, 1, -1, 2, -1);
        assertThat(header.fieldHeaders()[3]).isEqualTo("贴息(万元)金额");
        assertThat(header.tenThousandYuan()).containsExactly(false, false, false, true, false);
    }

    @Test
    void classifiesTotalsFootersAndBlankRowsCountedFromGapsInRowNumbers() throws IOException {
        // given: rows 4, 8, 9 and 14 are blank, so the reader does not stream them
        List<RawRow> rows = List.of(
                row("Sheet1", 1, "天镇县2018年建档立卡贫困人口花名册"),
                row("Sheet1", 3, HEADER),
                row("Sheet1", 5, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"),
                row("Sheet1", 6, "小计", "1户"),
                row("Sheet1", 7, "1402220701002", "南河堡乡", "南河堡", "李四", "140222198503120028", "户主"),
                row("Sheet1", 10, "1402220701003", "南河堡乡", "赵小堡", "王五", "14022219900101123X", "户主"),
                row("Sheet1", 11, "", "", "", "合　计", "", "3人"),
                row("Sheet1", 12, "制表人：王五　　审核人：李四"),
                row("Sheet1", 13, "", "", "单位盖章："),
                row("Sheet1", 15, "1402220701004", "南河堡乡", "南河堡", "赵六", "140222197512310005", "户主"));

        // when
        Read read = readAll(rows);

        // then
        assertThat(read.shown())
                .containsExactly(
                        nonData("Sheet1", 4, NonDataRow.Kind.BLANK),
                        data("Sheet1", 5, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"),
                        nonData("Sheet1", 6, NonDataRow.Kind.TOTAL),
                        data("Sheet1", 7, "1402220701002", "南河堡乡", "南河堡", "李四", "140222198503120028", "户主"),
                        nonData("Sheet1", 8, NonDataRow.Kind.BLANK),
                        nonData("Sheet1", 9, NonDataRow.Kind.BLANK),
                        data("Sheet1", 10, "1402220701003", "南河堡乡", "赵小堡", "王五", "14022219900101123X", "户主"),
                        nonData("Sheet1", 11, NonDataRow.Kind.TOTAL),
                        nonData("Sheet1", 12, NonDataRow.Kind.FOOTER),
                        nonData("Sheet1", 13, NonDataRow.Kind.FOOTER),
                        nonData("Sheet1", 14, NonDataRow.Kind.BLANK),
                        nonData("Sheet1", 15, NonDataRow.Kind.FOOTER));
        assertThat(read.rows()).allSatisfy(r -> assertThat(r.sheetIndex()).isZero());
    }

    @Test
    void carriesTheHiddenFlagOfADataRowButAHiddenNonDataRowStaysNonData() throws IOException {
        // given: rows 1 (the header), 3 and 4 are hidden
        List<RawRow> rows = List.of(
                hiddenRow("Sheet1", 1, HEADER),
                row("Sheet1", 2, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"),
                hiddenRow("Sheet1", 3, "1402220701002", "南河堡乡", "南河堡", "李四", "140222198503120028", "户主"),
                hiddenRow("Sheet1", 4, "小计", "2户"));

        // when
        Read read = readAll(rows);

        // then
        assertThat(read.shown())
                .containsExactly(
                        data("Sheet1", 2, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"),
                        data("Sheet1", 3, "1402220701002", "南河堡乡", "南河堡", "李四", "140222198503120028", "户主") + " hidden",
                        nonData("Sheet1", 4, NonDataRow.Kind.TOTAL));
        assertThat(read.headers().get(0).firstHeaderRow()).isEqualTo(1);
    }

    @Test
    void tellsWhichFieldsHoldAFormulaSavedWithoutAResult() throws IOException {
        // given: 姓名 (column 3) and an unnamed column 7 are formulas without a result
        List<RawRow> rows = List.of(
                row("Sheet1", 1, HEADER),
                new RawRow(
                        "Sheet1",
                        2,
                        List.of("1402220701001", "南河堡乡", "南河堡", "", "140222198001010013", "户主"),
                        false,
                        Set.of(3, 7),
                        Set.of(3, 7)),
                row("Sheet1", 3, "1402220701002", "南河堡乡", "南河堡", "李四", "140222198503120028", "户主"));

        // when
        Read read = readAll(rows);

        // then
        assertThat(read.rows()).extracting(r -> ((DataRow) r).uncalculated()).containsExactly(Set.of(3), Set.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"合计", "小计", "总计", "共计", "合 计：3户", "小计（南河堡村）"})
    void aTotalMarkerAtTheStartOfAnyCellMakesATotalRow(String cell) throws IOException {
        // given
        List<RawRow> rows = List.of(
                row("Sheet1", 1, HEADER),
                row("Sheet1", 2, "", "", cell, "", "", ""),
                row("Sheet1", 3, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"));

        // when
        Read read = readAll(rows);

        // then
        assertThat(read.shown())
                .containsExactly(
                        nonData("Sheet1", 2, NonDataRow.Kind.TOTAL),
                        data("Sheet1", 3, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "玉泉镇小计|0",
                "玉泉镇小计|1",
                "小 计|1",
                "小　计|2",
                "本页合计|0",
                "本页合计|4",
                "合计：|1",
                "合计:|0",
                "总计(元)|1",
                "总计（元）|3",
                "其中：脱贫户|1",
                "其中:玉泉镇|0",
                "（其中）|1",
                "共计15人|1",
                "南河堡村小计：|1"
            })
    void aShortLabelNamingATotalInAnyColumnMakesATotalRowWhenNoPersonIsNamed(String label, int column)
            throws IOException {
        // given: the label in the 序号, 姓名, 身份证号, amount or date column; amounts as a csv has them (no formulas)
        String[] total = {"", "", "", "2000", ""};
        total[column] = label;
        List<RawRow> rows = List.of(
                row("补贴", 1, "序号", "姓名", "身份证号", "补贴金额", "发放日期"),
                row("补贴", 2, "1", "张三", "140222198001010013", "2000", "2018-06-01"),
                row("补贴", 3, total));

        // when
        Read read = readAll(rows, SUBSIDY);

        // then
        assertThat(read.rows())
                .extracting(TableReaderTest::show)
                .containsExactly(
                        "补贴!2 张三|140222198001010013|2000|∅|2018-06-01", nonData("补贴", 3, NonDataRow.Kind.TOTAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "玉泉镇", "南河堡村", "小计", "/", "12人"})
    void aRowWhoseAmountsAreFormulasIsATotalWhateverItsLabel(String name) throws IOException {
        // given: the amounts are =SUM(…) over the rows above, the name column empty, a place, a label, a placeholder or
        // a count
        List<RawRow> rows = List.of(
                row("补贴", 1, "姓名", "身份证号", "补贴金额", "贴息金额"),
                row("补贴", 2, "张三", "140222198001010013", "1200", "30"),
                row("补贴", 3, "李四", "140222198503120028", "800", "20"),
                new RawRow("补贴", 4, List.of(name, "", "2000", "50"), false, Set.of(), Set.of(2, 3)));

        // when
        Read read = readAll(rows, SUBSIDY);

        // then
        assertThat(read.rows())
                .extracting(TableReaderTest::show)
                .containsExactly(
                        "补贴!2 张三|140222198001010013|1200|30|∅",
                        "补贴!3 李四|140222198503120028|800|20|∅",
                        nonData("补贴", 4, NonDataRow.Kind.TOTAL));
    }

    @Test
    void aRowNamingAPersonIsDataWhateverFormulasOrLabelsItHolds() throws IOException {
        // given: formulas in the amounts (=C2*0.025), a total word in a remark, an ID mistyped or destroyed,
        // a name without an ID
        List<RawRow> rows = List.of(
                row("补贴", 1, "姓名", "身份证号", "补贴金额", "贴息金额", "备注"),
                new RawRow(
                        "补贴",
                        2,
                        List.of("张三", "140222198001010013", "1200", "30", "其中：贴息"),
                        false,
                        Set.of(),
                        Set.of(3)),
                new RawRow("补贴", 3, List.of("小计", "1.40222E+17", "800", "20"), false, Set.of(), Set.of(2, 3)),
                new RawRow("补贴", 4, List.of("李四", "", "800", "20"), false, Set.of(), Set.of(2, 3)),
                row("补贴", 5, "", "140222198503120028", "600", "", "合计"));

        // when
        Read read = readAll(rows, SUBSIDY);

        // then
        assertThat(read.rows())
                .extracting(TableReaderTest::show)
                .containsExactly(
                        "补贴!2 张三|140222198001010013|1200|30|∅",
                        "补贴!3 小计|1.40222E+17|800|20|∅",
                        "补贴!4 李四||800|20|∅",
                        "补贴!5 |140222198503120028|600||∅");
    }

    @Test
    void aLongRemarkMentioningATotalIsNoLabel() throws IOException {
        // given: a row without a person, whose remark mentions 合计 well inside a sentence
        List<RawRow> rows =
                List.of(row("补贴", 1, "姓名", "身份证号", "补贴金额", "发放日期"), row("补贴", 2, "", "", "600", "本月补发的款项已计入上月合计请核对"));

        // when
        Read read = readAll(rows, SUBSIDY);

        // then
        assertThat(read.rows()).extracting(TableReaderTest::show).containsExactly("补贴!2 ||600|∅|本月补发的款项已计入上月合计请核对");
    }

    @ParameterizedTest
    @ValueSource(strings = {"报销金额", "各项报销", "报销情况", "报销金额（元）"})
    void shortSubHeadersUnderAReimbursementParentMapToTheirFields(String parent) throws IOException {
        // given: 基本医保 | 大病保险 | 医疗救助 | 补充保险 | 其他 under a merged reimbursement parent
        List<RawRow> rows = List.of(
                row("医疗", 1, "姓名", "身份证号", "就诊医院", "医院级别", "入院日期", "出院日期", "医疗总费用", parent, "", "", "", "", "个人自付"),
                row("医疗", 2, "", "", "", "", "", "", "", "基本医保", "大病保险", "医疗救助", "补充保险", "其他"));

        // when
        Read read = readAll(rows, MEDICAL);

        // then
        SheetHeader header = read.headers().get(0);
        assertThat(header.unknownColumns()).isEmpty();
        assertThat(columnOf(header, "basic_insurance")).isEqualTo(7);
        assertThat(columnOf(header, "critical_illness_insurance")).isEqualTo(8);
        assertThat(columnOf(header, "medical_assistance")).isEqualTo(9);
        assertThat(columnOf(header, "supplementary_insurance")).isEqualTo(10);
        assertThat(columnOf(header, "other_reimbursement")).isEqualTo(11);
        assertThat(columnOf(header, "self_paid")).isEqualTo(12);
    }

    @Test
    void aShortFormQualifiedByItsParentCountsOnlyUnderThatParent() throws IOException {
        // given: 其他 alone, and 其他 under a parent that is no reimbursement
        List<RawRow> alone = List.of(row("医疗", 1, "姓名", "身份证号", "就诊医院", "医院级别", "入院日期", "出院日期", "医疗总费用", "其他", "个人自付"));
        List<RawRow> otherParent = List.of(
                row("医疗", 1, "姓名", "身份证号", "就诊医院", "医院级别", "入院日期", "出院日期", "医疗总费用", "费用构成", "", "个人自付"),
                row("医疗", 2, "", "", "", "", "", "", "", "目录内费用", "其他"));

        // when
        SheetHeader aloneHeader = readAll(alone, MEDICAL).headers().get(0);
        SheetHeader otherParentHeader = readAll(otherParent, MEDICAL).headers().get(0);

        // then
        assertThat(columnOf(aloneHeader, "other_reimbursement")).isEqualTo(-1);
        assertThat(aloneHeader.unknownColumns()).containsExactly("其他");
        assertThat(columnOf(otherParentHeader, "in_catalogue_cost")).isEqualTo(7);
        assertThat(columnOf(otherParentHeader, "other_reimbursement")).isEqualTo(-1);
        assertThat(otherParentHeader.unknownColumns()).containsExactly("费用构成其他");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "制表人：王五",
                "制表：王五",
                "审核人：李四",
                "审 核：",
                "填表人：",
                "填报人：王五",
                "负责人：",
                "单位盖章",
                "盖章：",
                "（盖章）",
                "填报说明：户编号按统一编码填写",
                "填表说明：",
                "说明：数据截至10月底",
                "备注：另有2户待核实",
                "制表日期：2018年10月31日",
                "填表日期：2018-10-31"
            })
    void aFooterMarkerEndsTheTable(String cell) throws IOException {
        // given
        List<RawRow> rows = List.of(
                row("Sheet1", 1, HEADER),
                row("Sheet1", 2, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"),
                row("Sheet1", 3, "", cell),
                row("Sheet1", 4, "1402220701002", "南河堡乡", "南河堡", "李四", "140222198503120028", "户主"));

        // when
        Read read = readAll(rows);

        // then
        assertThat(read.shown())
                .containsExactly(
                        data("Sheet1", 2, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"),
                        nonData("Sheet1", 3, NonDataRow.Kind.FOOTER),
                        nonData("Sheet1", 4, NonDataRow.Kind.FOOTER));
    }

    @Test
    void marksInsideDataCellsDoNotMakeANonDataRow() throws IOException {
        // given: names and villages that contain 计, 审, 盖, 制, 填, 负, 说 or 备 without starting a marker
        List<RawRow> rows = List.of(
                row("Sheet1", 1, HEADER),
                row("Sheet1", 2, "1402220701001", "南河堡乡", "南河堡", "盖计审", "140222198001010013", "户主"),
                row("Sheet1", 3, "1402220701002", "南河堡乡", "制衣厂", "填负说备", "140222198503120028", "配偶"));

        // when
        Read read = readAll(rows);

        // then
        assertThat(read.shown())
                .containsExactly(
                        data("Sheet1", 2, "1402220701001", "南河堡乡", "南河堡", "盖计审", "140222198001010013", "户主"),
                        data("Sheet1", 3, "1402220701002", "南河堡乡", "制衣厂", "填负说备", "140222198503120028", "配偶"));
    }

    @Test
    void recognisesARepeatedHeaderAlsoInOtherVariants() throws IOException {
        // given: a page-break copy of the header, one written with variants, and a row that only
        // has a header word in its first column
        List<RawRow> rows = List.of(
                row("Sheet1", 1, "序号", "户编号", "乡镇", "行政村", "姓名", "身份证号", "与户主关系"),
                row("Sheet1", 2, "1", "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"),
                row("Sheet1", 3, "序号", "户编号", "乡镇", "行政村", "姓名", "身份证号", "与户主关系"),
                row("Sheet1", 4, "2", "1402220701001", "南河堡乡", "南河堡", "李四", "140222198503120028", "配偶"),
                row("Sheet1", 5, "", "户 码", "乡(镇)", "村", "成员姓名", "公民身份号码", "与户主关系"),
                row("Sheet1", 6, "3", "户编号", "南河堡乡", "南河堡", "王五", "14022219900101123X", "之子"));

        // when
        Read read = readAll(rows);

        // then
        assertThat(read.shown())
                .containsExactly(
                        data("Sheet1", 2, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"),
                        nonData("Sheet1", 3, NonDataRow.Kind.HEADER),
                        data("Sheet1", 4, "1402220701001", "南河堡乡", "南河堡", "李四", "140222198503120028", "配偶"),
                        nonData("Sheet1", 5, NonDataRow.Kind.HEADER),
                        data("Sheet1", 6, "户编号", "南河堡乡", "南河堡", "王五", "14022219900101123X", "之子"));
    }

    @Test
    void aRepeatedHeaderWithATotalColumnIsAHeaderNotATotal() throws IOException {
        // given
        String[] header = {"户编号", "乡镇", "行政村", "姓名", "身份证号", "与户主关系", "小计"};
        List<RawRow> rows = List.of(
                row("Sheet1", 1, header),
                row("Sheet1", 2, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主", "1"),
                row("Sheet1", 3, header));

        // when
        Read read = readAll(rows);

        // then
        assertThat(read.headers().get(0).unknownColumns()).containsExactly("小计");
        assertThat(read.shown())
                .containsExactly(
                        data("Sheet1", 2, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"),
                        nonData("Sheet1", 3, NonDataRow.Kind.HEADER));
    }

    @Test
    void aRepeatedHeaderMustNameAsManyFieldsAsTheHeader() throws IOException {
        // given: row 3 names only five of the header's seven fields
        List<RawRow> rows = List.of(
                row("Sheet1", 1, "户编号", "乡镇", "行政村", "姓名", "身份证号", "与户主关系", "性别"),
                row("Sheet1", 2, "户编号", "乡镇", "行政村", "姓名", "身份证号", "", ""));

        // when
        Read read = readAll(rows);

        // then
        assertThat(read.shown()).containsExactly(data("Sheet1", 2, "户编号", "乡镇", "行政村", "姓名", "身份证号", "", ""));
    }

    @Test
    void recognisesBothRowsOfARepeatedTwoRowHeader() throws IOException {
        // given
        String[] parent = {"户编号", "乡镇", "行政村", "姓名", "身份证号", "与户主关系", "家庭情况", ""};
        String[] child = {"", "", "", "", "", "", "家庭人口数", "贫困户属性"};
        List<RawRow> rows = List.of(
                row("Sheet1", 1, parent),
                row("Sheet1", 2, child),
                row("Sheet1", 3, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主", "2", "一般户"),
                row("Sheet1", 4, parent),
                row("Sheet1", 5, child),
                row("Sheet1", 6, "1402220701001", "南河堡乡", "南河堡", "李四", "140222198503120028", "配偶", "", ""));

        // when
        Read read = readAll(rows);

        // then
        assertThat(read.shown())
                .containsExactly(
                        data(
                                "Sheet1",
                                3,
                                "1402220701001",
                                "南河堡乡",
                                "南河堡",
                                "张三",
                                "140222198001010013",
                                "户主",
                                null,
                                "2",
                                "一般户"),
                        nonData("Sheet1", 4, NonDataRow.Kind.HEADER),
                        nonData("Sheet1", 5, NonDataRow.Kind.HEADER),
                        data(
                                "Sheet1",
                                6,
                                "1402220701001",
                                "南河堡乡",
                                "南河堡",
                                "李四",
                                "140222198503120028",
                                "配偶",
                                null,
                                "",
                                ""));
    }

    @Test
    void readsEverySheetWithATableAndListsTheOthers() throws IOException {
        // given
        List<RawRow> rows = List.of(
                row("南河堡乡", 1, HEADER),
                row("南河堡乡", 2, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"),
                row("填表说明", 1, "本表由各乡镇填报"),
                row("填表说明", 2, "审核人：李四"),
                row("米薪关镇", 1, "天镇县2018年建档立卡贫困人口花名册"),
                row("米薪关镇", 2, HEADER),
                row("米薪关镇", 4, "1402220301001", "米薪关镇", "赵家夭", "王五", "14022219900101123X", "户主"));
        List<SkippedSheet> skipped = List.of(new SkippedSheet("旧表", SkippedSheet.Reason.HIDDEN));
        ListRowStream stream = new ListRowStream(rows, skipped);

        // when
        Read read = readAll(stream, REGISTRY);

        // then
        assertThat(read.shown())
                .containsExactly(
                        data("南河堡乡", 2, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"),
                        nonData("米薪关镇", 3, NonDataRow.Kind.BLANK),
                        data("米薪关镇", 4, "1402220301001", "米薪关镇", "赵家夭", "王五", "14022219900101123X", "户主"));
        assertThat(read.rows()).extracting(SheetRow::sheetIndex).containsExactly(0, 1, 1);
        assertThat(read.headers())
                .extracting(SheetHeader::sheet, SheetHeader::sheetIndex, SheetHeader::firstHeaderRow)
                .containsExactly(tuple("南河堡乡", 0, 1), tuple("米薪关镇", 1, 2));
        assertThat(read.sheetsWithoutTable()).containsExactly("填表说明");
        assertThat(read.reader().rowStream()).isSameAs(stream);
        assertThat(read.reader().rowStream().skippedSheets()).isEqualTo(skipped);
    }

    @Test
    void aSheetWithAHeaderButNoRowsGivesNoRows() throws IOException {
        // given
        List<RawRow> rows = List.of(row("Sheet1", 1, "标题"), row("Sheet1", 2, HEADER));

        // when
        Read read = readAll(rows);

        // then
        assertThat(read.rows()).isEmpty();
        assertThat(read.headers()).extracting(SheetHeader::lastHeaderRow).containsExactly(2);
        assertThat(read.reader().next()).isNull();
    }

    @Test
    void findsTheHeaderOnTheTwentiethRowStreamedButNoLower() throws IOException {
        // given
        List<RawRow> twentieth = new ArrayList<>();
        for (int i = 1; i <= 19; i++) {
            twentieth.add(row("Sheet1", i * 2, "说明第" + i + "条"));
        }
        twentieth.add(row("Sheet1", 40, HEADER));
        twentieth.add(row("Sheet1", 41, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"));
        List<RawRow> twentyFirst = new ArrayList<>(twentieth);
        twentyFirst.add(0, row("Sheet1", 1, "天镇县2018年建档立卡贫困人口花名册"));

        // when
        Read found = readAll(twentieth);
        UnusableFileException notFound = unusable(twentyFirst);

        // then
        assertThat(found.headers()).extracting(SheetHeader::firstHeaderRow).containsExactly(40);
        assertThat(found.shown())
                .containsExactly(data("Sheet1", 41, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"));
        assertThat(notFound.code()).isEqualTo(UnusableFileException.Code.COLUMNS_MISSING);
    }

    @Test
    void aHeaderWithoutRequiredColumnsMakesTheFileUnusable() {
        // given: the second sheet's header lacks 行政村 and 与户主关系
        List<RawRow> rows = List.of(
                row("南河堡乡", 1, HEADER),
                row("南河堡乡", 2, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"),
                row("米薪关镇", 1, "户编号", "乡镇", "姓名", "身份证号", "性别"),
                row("米薪关镇", 2, "1402220301001", "米薪关镇", "王五", "14022219900101123X", "男"));
        TableReader reader = new TableReader(new ListRowStream(rows), REGISTRY);

        // when
        List<SheetRow> before = new ArrayList<>();
        UnusableFileException e = catchThrowableOfType(UnusableFileException.class, () -> {
            for (SheetRow r = reader.next(); r != null; r = reader.next()) {
                before.add(r);
            }
        });

        // then
        assertThat(before)
                .extracting(TableReaderTest::show)
                .containsExactly(data("南河堡乡", 2, "1402220701001", "南河堡乡", "南河堡", "张三", "140222198001010013", "户主"));
        assertThat(e.code()).isEqualTo(UnusableFileException.Code.COLUMNS_MISSING);
        assertThat(e.explanation())
                .isEqualTo("工作表“米薪关镇”缺少必需的列：行政村（行政村、村、村名、所属村、行政村名称）；" + "与户主关系（与户主关系）。请在表头补上这些列（可用括号中的任一写法）后重新发送。");
    }

    @Test
    void aFileWithoutAnyTableIsUnusableAndSaysWhatAHeaderNeeds() {
        // given
        List<RawRow> rows = List.of(
                row("Sheet1", 1, "天镇县2018年建档立卡贫困人口花名册"),
                row("Sheet1", 2, "姓名", "身份证号", "联系电话"),
                row("Sheet1", 3, "张三", "140222198001010013", "13512345678"),
                row("Sheet2", 1, "说明"));
        TableReader reader = new TableReader(new ListRowStream(rows), REGISTRY);

        // when
        UnusableFileException e = catchThrowableOfType(UnusableFileException.class, reader::next);

        // then
        assertThat(e.code()).isEqualTo(UnusableFileException.Code.COLUMNS_MISSING);
        assertThat(e.explanation())
                .isEqualTo("在文件的各工作表前20行内找不到建档立卡贫困人口花名册的表头。表头至少应包含这些列："
                        + "户编号（户编号、户码、家庭编号、贫困户编号）；乡镇（乡镇、乡(镇)、所属乡镇、乡镇名称）；"
                        + "行政村（行政村、村、村名、所属村、行政村名称）；姓名（姓名、成员姓名）；"
                        + "证件号码（证件号码、身份证号、身份证号码、公民身份号码）；与户主关系（与户主关系）。"
                        + "请检查是否发错了文件，或表头写法是否有误。");
        assertThat(reader.sheetsWithoutTable()).containsExactly("Sheet1", "Sheet2");
        assertThat(reader.headers()).isEmpty();
    }

    @Test
    void aFileWithNothingInItIsEmpty() {
        // given
        List<List<RawRow>> files = List.of(List.of(), List.of(row("Sheet1", 1, "", "　"), row("Sheet2", 3, "\u00A0")));

        // when
        List<UnusableFileException> errors =
                files.stream().map(TableReaderTest::unusable).toList();

        // then
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.code()).isEqualTo(UnusableFileException.Code.EMPTY);
            assertThat(e.explanation()).isEqualTo("文件中没有任何数据（所有工作表都是空的或隐藏的）。请确认发送的是填好的建档立卡贫困人口花名册。");
        });
    }

    @Test
    void closingTheReaderClosesItsStream() throws IOException {
        // given
        ListRowStream stream = new ListRowStream(List.of(row("Sheet1", 1, HEADER)));
        TableReader reader = new TableReader(stream, REGISTRY);

        // when
        SheetRow first = reader.next();
        reader.close();

        // then
        assertThat(first).isNull();
        assertThat(stream.closed()).isTrue();
    }

    static final Contract MEDICAL = Contracts.load("medical");

    private static int columnOf(SheetHeader header, String field) {
        List<Field> fields = MEDICAL.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return header.fieldColumns()[i];
            }
        }
        throw new IllegalArgumentException("no field " + field);
    }

    /** A contract with money columns, for the 万元 rules. */
    static final Contract SUBSIDY = new Contract(
            "subsidy",
            "补贴发放名册",
            List.of(
                    field("name", "姓名", FieldType.PERSON_NAME, true, "姓名"),
                    field("id_number", "身份证号", FieldType.RESIDENT_ID, true, "身份证号"),
                    field("subsidy", "补贴金额", FieldType.MONEY, false, "补贴金额", "发放金额"),
                    field("interest", "贴息金额", FieldType.MONEY, false, "贴息金额"),
                    field("paid_on", "发放日期", FieldType.DATE, false, "发放日期")),
            List.of("id_number"),
            List.of("序号"),
            Map.of());

    static Field field(String name, String label, FieldType type, boolean required, String... headers) {
        return new Field(name, label, List.of(headers), type, required, null, null, null);
    }

    record Read(TableReader reader, List<SheetRow> rows) {
        List<String> shown() {
            return rows.stream().map(TableReaderTest::show).toList();
        }

        List<SheetHeader> headers() {
            return reader.headers();
        }

        List<String> sheetsWithoutTable() {
            return reader.sheetsWithoutTable();
        }
    }

    static Read readAll(List<RawRow> rows) throws IOException {
        return readAll(new ListRowStream(rows), REGISTRY);
    }

    static Read readAll(List<RawRow> rows, Contract contract) throws IOException {
        return readAll(new ListRowStream(rows), contract);
    }

    static Read readAll(ListRowStream stream, Contract contract) throws IOException {
        TableReader reader = new TableReader(stream, contract);
        List<SheetRow> out = new ArrayList<>();
        for (SheetRow r = reader.next(); r != null; r = reader.next()) {
            out.add(r);
        }
        return new Read(reader, out);
    }

    private static UnusableFileException unusable(List<RawRow> rows) {
        TableReader reader = new TableReader(new ListRowStream(rows), REGISTRY);
        return catchThrowableOfType(UnusableFileException.class, () -> {
            while (reader.next() != null) {
                // read to the end: the file is judged as a whole
            }
        });
    }

    /**
     * "sheet!row KIND" for a non-data row, "sheet!row a|b|…" for a data row (null shown as ∅,
     * " hidden" after a hidden one).
     */
    static String show(SheetRow row) {
        if (row instanceof NonDataRow n) {
            return nonData(n.sheet(), n.rowNumber(), n.kind());
        }
        DataRow d = (DataRow) row;
        return d.sheet() + "!" + d.rowNumber() + " "
                + Arrays.stream(d.raw()).map(v -> v == null ? "∅" : v).collect(Collectors.joining("|"))
                + (d.hidden() ? " hidden" : "");
    }

    static String nonData(String sheet, int rowNumber, NonDataRow.Kind kind) {
        return sheet + "!" + rowNumber + " " + kind;
    }

    /** A registry data row whose first fields are {@code values}; the rest have no column. */
    static String data(String sheet, int rowNumber, String... values) {
        String[] raw = new String[Math.max(values.length, REGISTRY.fields().size())];
        System.arraycopy(values, 0, raw, 0, values.length);
        return sheet + "!" + rowNumber + " "
                + Arrays.stream(raw).map(v -> v == null ? "∅" : v).collect(Collectors.joining("|"));
    }
}
