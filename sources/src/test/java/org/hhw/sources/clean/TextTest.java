package org.hhw.sources.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @Test
    void normalizeFoldsFullWidthAndCollapsesEverySpaceKind() {
        // given
        String raw = "\u3000 ＡＢｃ１２３（Ｘ）\u00A0\u00A0张\t三\r\n ";

        // when
        String normalized = Text.normalize(raw);

        // then
        assertThat(normalized).isEqualTo("ABc123(X) 张 三");
    }

    @Test
    void normalizeOfNullIsEmpty() {
        // given / when / then
        assertThat(Text.normalize(null)).isEmpty();
    }

    @Test
    void compactRemovesAllSpaces() {
        // given
        String raw = " 1，200\u3000元 ";

        // when
        String compact = Text.compact(raw);

        // then
        assertThat(compact).isEqualTo("1,200元");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "张三|张三",
                "Tom Lee|Tom Lee",
                "\"\"|\"\"",
                "张  三|张 三",
                "\" 张三\"|张三",
                "\"张三 \"|张三",
                "张\u3000三|张 三",
                "张\u200B三|张 三",
                "张\u00A0三|张 三",
                "ｘ张|x张",
                "①号|①号"
            })
    void normalizeChangesACellOnlyWhereItMust(String raw, String expected) {
        // given a cell that is already normal, or differs from normal in one place

        // when
        String normalized = Text.normalize(raw);

        // then
        assertThat(normalized).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {"14022219800101001X|14022219800101001X", "户主|户主", "户 主|户主", "１２|12", "a\uFEFFb|ab", "\"a \"|a"})
    void compactChangesACellOnlyWhereItMust(String raw, String expected) {
        // given a cell without spaces or full-width forms, or with one

        // when
        String compact = Text.compact(raw);

        // then
        assertThat(compact).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000", "\u00A0", " \t\r\n\u3000\u00A0"})
    void blankStrings(String raw) {
        // given / when / then
        assertThat(Text.isBlank(raw)).isTrue();
    }

    @Test
    void nullIsBlankAndTextIsNot() {
        // given / when / then
        assertThat(Text.isBlank(null)).isTrue();
        assertThat(Text.isBlank("\u3000张")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "'金额（元）', 金额",
        "'贷款金额(万元)', 贷款金额",
        "'期限（月）', 期限",
        "'执行利率(%)', 执行利率",
        "'发放金额【元】', 发放金额",
        "'金额（单位：元）', 金额",
        "'身份证 号码', 身份证号码",
        "'公民身份\n号码', 公民身份号码",
        "'乡(镇)', 乡(镇)",
        "'乡（镇）', 乡(镇)",
        "'\u3000姓　名 ', 姓名",
    })
    void normalizeHeader(String header, String expected) {
        // given / when
        String normalized = Text.normalizeHeader(header);

        // then
        assertThat(normalized).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "'贷款金额(万元)', true",
        "'金额（万元）', true",
        "'万元', true",
        "'金额（万 元）', true",
        "'贷款金额（元）', false",
        "'放款金额', false",
    })
    void mentionsTenThousandYuan(String header, boolean expected) {
        // given / when / then
        assertThat(Text.mentionsTenThousandYuan(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "／",
                "//",
                "-",
                "－",
                "--",
                "- -",
                "—",
                "——",
                "― ―",
                "–",
                "﹣",
                "无",
                " 无 ",
                "无\u3000",
                "空",
                "暂无",
                "暂 无",
                "不详",
                "不　详",
                "\u00A0/\u00A0"
            })
    void placeholdersForNothingHere(String raw) {
        // given / when / then
        assertThat(Text.isPlaceholder(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "张三",
                "无业",
                "无劳动力",
                "暂无就业",
                "不是",
                "空调",
                "-1",
                "1-2",
                "/5",
                "2018/6/1",
                "1.40222E+17",
                "一",
                "0",
                "N/A"
            })
    void valuesAndBlanksAreNoPlaceholders(String raw) {
        // given / when / then
        assertThat(Text.isPlaceholder(raw)).isFalse();
    }

    @Test
    void nullIsNoPlaceholder() {
        // given / when / then: null is blank, which Text.isBlank tells
        assertThat(Text.isPlaceholder(null)).isFalse();
    }
}
