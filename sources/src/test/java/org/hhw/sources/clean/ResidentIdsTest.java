package org.hhw.sources.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdsTest {

    private static final LocalDate TODAY = LocalDate.of(2019, 6, 30);

    @ParameterizedTest
    @CsvSource({
        "11010519491231002, X",
        "44052418800101001, 4",
        "14022219900101123, X",
        "14022219850315002, 4",
        "14022620010229001, 3",
    })
    void checkCharOfKnownNumbers(String first17, char expected) {
        // given / when / then
        assertThat(ResidentIds.checkChar(first17)).isEqualTo(expected);
    }

    @Test
    void cleanValidIdGivesBirthDateAndSex() {
        // given
        String raw = "11010519491231002X";

        // when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned)
                .isEqualTo(Cleaned.ok(new ResidentId("11010519491231002X", LocalDate.of(1949, 12, 31), Sex.FEMALE)));
    }

    @Test
    void oddSequenceDigitIsMale() {
        // given
        String raw = "14022219900101123X";

        // when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned.value()).isEqualTo(new ResidentId("14022219900101123X", LocalDate.of(1990, 1, 1), Sex.MALE));
        assertThat(cleaned.issue()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "14022219900101123x",
                "１４０２２２１９９００１０１１２３Ｘ",
                "140222 19900101 123X",
                "\u3000140222199001011\u00A023X ",
                "'14022219900101123X",
                "=\"14022219900101123X\"",
                "=14022219900101123X",
            })
    void cleanFoldsTypingVariants(String raw) {
        // given / when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned)
                .isEqualTo(Cleaned.ok(new ResidentId("14022219900101123X", LocalDate.of(1990, 1, 1), Sex.MALE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\u3000", "'"})
    void blankIsBlank(String raw) {
        // given / when / then
        assertThat(ResidentIds.clean(raw, TODAY).isBlank()).isTrue();
    }

    @Test
    void nullIsBlank() {
        // given / when / then
        assertThat(ResidentIds.clean(null, TODAY).isBlank()).isTrue();
    }

    @Test
    void wrongCheckCharIsChecksum() {
        // given
        String raw = "140222199001011231";

        // when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned.rejected()).isTrue();
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.ID_CHECKSUM);
        assertThat(cleaned.issue().message())
                .isEqualTo("身份证号码“140222199001011231”校验不通过，号码中至少有一位录错了。请对照身份证或户口簿逐位核对后重新填写。");
    }

    @Test
    void transposedDigitsAreCaughtByTheChecksum() {
        // given: 14022219900101123X with two digits of the sequence swapped
        String raw = "14022219900101132X";

        // when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.ID_CHECKSUM);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.40222E+17",
                "1.40222199001011E17",
                "1.40222199001011e+17",
                "140222199001011000.0",
                "１.４０２２２Ｅ＋１７"
            })
    void numberFormsArePrecisionLost(String raw) {
        // given / when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned.rejected()).isTrue();
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.ID_PRECISION_LOST);
        assertThat(cleaned.issue().message()).contains("数字格式", "“文本”", "重新录入");
    }

    @Test
    void precisionLostMessageQuotesTheValue() {
        // given
        String raw = "1.40222E+17";

        // when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned.issue().message())
                .isEqualTo("身份证号码“1.40222E+17”已损坏：这一列被存成了数字格式，"
                        + "Excel只保留前15位数字，后面几位已经丢失，无法恢复。请把这一列的单元格格式设置为“文本”，"
                        + "再对照身份证或户口簿原件重新录入完整号码。");
    }

    @Test
    void trailingZerosWithBadCheckAreExcelTruncation() {
        // given: the check character of 14022219900101100 is 2, so ...000 cannot be right
        String raw = "140222199001011000";

        // when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.ID_PRECISION_LOST);
        assertThat(cleaned.issue().message()).startsWith("身份证号码“140222199001011000”末三位是000且校验不通过");
    }

    @Test
    void validIdEndingInThreeZerosIsAccepted() {
        // given: the check character of 14022219900108100 happens to be 0
        String raw = "140222199001081000";

        // when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned)
                .isEqualTo(Cleaned.ok(new ResidentId("140222199001081000", LocalDate.of(1990, 1, 8), Sex.FEMALE)));
    }

    @Test
    void fifteenDigitIdIsConvertedWithAWarning() {
        // given
        String raw = "110105491231002";

        // when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned.value())
                .isEqualTo(new ResidentId("11010519491231002X", LocalDate.of(1949, 12, 31), Sex.FEMALE));
        assertThat(cleaned.rejected()).isFalse();
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.ID_CONVERTED_15);
        assertThat(cleaned.issue().message())
                .isEqualTo("15位旧身份证号码“110105491231002”已自动转换为18位号码“11010519491231002X”。如本人已换发新身份证，请在表中改填新证上的18位号码。");
    }

    @Test
    void fifteenDigitIdWithImpossibleDateIsMalformed() {
        // given: 1949-13-31
        String raw = "110105491331002";

        // when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.ID_MALFORMED);
        assertThat(cleaned.issue().message()).contains("“19491331”");
    }

    @ParameterizedTest
    @CsvSource({
        "1402221990010112, 有16位",
        "14022219900101123X1, 有19位",
        "14022219900101123, 有17位",
        "1402221990010112Y3, 含有不该出现的字符",
        "X40222199001011231, 含有不该出现的字符",
        "11010549123100X, 15位旧号码只能由数字组成",
    })
    void wrongShapeIsMalformed(String raw, String expectedFragment) {
        // given / when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.ID_MALFORMED);
        assertThat(cleaned.issue().message()).contains("“" + raw + "”", expectedFragment, "请对照身份证或户口簿核对");
    }

    @ParameterizedTest
    @CsvSource({
        // 1990-02-30 does not exist (check char computed so that only the date is wrong)
        "14022219900230123",
        // 1880: the well-known GB 11643 example is valid arithmetic but too old for 1900+
        "44052418800101001",
        // born after "today" (2019-06-30)
        "14022220190701123",
    })
    void impossibleBirthDateIsMalformed(String first17) {
        // given
        String raw = first17 + ResidentIds.checkChar(first17);

        // when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(raw, TODAY);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.ID_MALFORMED);
        assertThat(cleaned.issue().message())
                .isEqualTo("身份证号码“" + raw + "”中的出生日期“" + first17.substring(6, 14)
                        + "”不是有效日期（必须是1900年以后、今天以前真实存在的日期）。请对照身份证或户口簿核对后重新填写。");
    }

    @Test
    void bornTodayIsAccepted() {
        // given
        String first17 = "14022220190630123";

        // when
        Cleaned<ResidentId> cleaned = ResidentIds.clean(first17 + ResidentIds.checkChar(first17), TODAY);

        // then
        assertThat(cleaned.value().birthDate()).isEqualTo(TODAY);
    }

    @Test
    void maskKeepsAreaCodeAndLastFour() {
        // given / when / then
        assertThat(ResidentIds.mask("14022219900101123X")).isEqualTo("140222********123X");
    }

    @Test
    void maskRefusesOtherLengths() {
        // given / when / then
        assertThatThrownBy(() -> ResidentIds.mask("110105491231002")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "140222196503120118, 140222********0118",
        "140222850505123, 140222*****5123",
        "1.40222E+17, 1.40222E+17",
        "1.40222196503E+17, 1.4022*******E+17",
        "１４０２２２１９６５０３１２０１１８, １４０２２２********０１１８",
        "14022219650312, 14022219650312",
        "'', ''",
    })
    void maskWrittenStarsAllButTheFirstSixAndLastFourOfFifteenOrMoreCharacters(String written, String masked) {
        // given / when / then
        assertThat(ResidentIds.maskWritten(written)).isEqualTo(masked);
    }

    @Test
    void maskIdsInMasksEveryRunOfFifteenOrMoreIdCharacters() {
        // given a message quoting a 15-digit ID and the 18-character ID it became, and a shorter number
        String message = "15位旧身份证号码“140222850505123”已自动转换为18位号码“14022219850505123x”，户编号3101000001。";

        // when
        String masked = ResidentIds.maskIdsIn(message);

        // then
        assertThat(masked).isEqualTo("15位旧身份证号码“140222*****5123”已自动转换为18位号码“140222********123x”，户编号3101000001。");
    }

    @Test
    void maskIdsInLeavesTextWithoutIdsAndNullAsTheyAre() {
        // given / when / then
        assertThat(ResidentIds.maskIdsIn("金额“待定”不是数字")).isEqualTo("金额“待定”不是数字");
        assertThat(ResidentIds.maskIdsIn(null)).isNull();
        assertThat(ResidentIds.maskWritten(null)).isNull();
    }
}
