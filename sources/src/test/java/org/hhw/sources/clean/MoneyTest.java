package org.hhw.sources.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
        "'1200', 1200.00",
        "'1200.5', 1200.50",
        "'1,200.00', 1200.00",
        "'1，200.00', 1200.00",
        "'1,234,567.8', 1234567.80",
        "'1200元', 1200.00",
        "'1,200.00元', 1200.00",
        "'1,200.00 元', 1200.00",
        "'￥1200', 1200.00",
        "'¥1,200', 1200.00",
        "'１２００', 1200.00",
        "' 1 200 ', 1200.00",
        "'1.2万元', 12000.00",
        "'1.2万', 12000.00",
        "'0', 0.00",
        "'12.345', 12.35",
        "'12.344', 12.34",
    })
    void yuanForms(String raw, BigDecimal expected) {
        // given / when
        Cleaned<BigDecimal> cleaned = Money.parseYuan(raw, false);

        // then
        assertThat(cleaned).isEqualTo(Cleaned.ok(expected));
        assertThat(cleaned.value().scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({
        "'5', 50000.00",
        "'1.2', 12000.00",
        "'0.123456', 1234.56",
        "'1.2万', 12000.00",
        "'1.2万元', 12000.00",
        "'3000元', 3000.00",
    })
    void tenThousandYuanHeaderAppliesToBareNumbersOnly(String raw, BigDecimal expected) {
        // given / when
        Cleaned<BigDecimal> cleaned = Money.parseYuan(raw, true);

        // then
        assertThat(cleaned).isEqualTo(Cleaned.ok(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000"})
    void blankAmounts(String raw) {
        // given / when / then
        assertThat(Money.parseYuan(raw, false).isBlank()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"待定", "无", "1,20", "12,00.00", "1.2.3", "壹仟元", "1200美元", "1e3", "元"})
    void garbageAmounts(String raw) {
        // given / when
        Cleaned<BigDecimal> cleaned = Money.parseYuan(raw, false);

        // then
        assertThat(cleaned.rejected()).isTrue();
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.AMOUNT_INVALID);
        assertThat(cleaned.issue().message())
                .isEqualTo("金额“" + raw + "”不是有效的数字。请填写阿拉伯数字金额，例如 1200 或 1,200.00；没有金额时留空。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-100", "-1,200.00元", "－5"})
    void negativeAmounts(String raw) {
        // given / when
        Cleaned<BigDecimal> cleaned = Money.parseYuan(raw, false);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.AMOUNT_INVALID);
        assertThat(cleaned.issue().message()).isEqualTo("金额“" + Text.normalize(raw) + "”是负数，金额不能为负。请对照原始凭证核对后重新填写。");
    }

    @ParameterizedTest
    @CsvSource({
        "'4.35%', 0.0435",
        "'4.35', 0.0435",
        "'0.0435', 0.0435",
        "'４．３５％', 0.0435",
        "'4.350 %', 0.0435",
        "'80%', 0.8",
        "'100%', 1",
        "'1', 1",
        "'0', 0",
    })
    void rates(String raw, BigDecimal expected) {
        // given / when
        Cleaned<BigDecimal> cleaned = Money.parsePercentRate(raw);

        // then
        assertThat(cleaned).isEqualTo(Cleaned.ok(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-4.35%", "150", "101%", "四厘", "4.35‰", "%"})
    void invalidRates(String raw) {
        // given / when
        Cleaned<BigDecimal> cleaned = Money.parsePercentRate(raw);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.NUMBER_INVALID);
        assertThat(cleaned.issue().message())
                .isEqualTo("比率“" + raw + "”无法识别。请填写百分数（例如 4.35%）或小数（例如 0.0435），不能为负，也不能超过100%。");
    }

    @ParameterizedTest
    @CsvSource({
        "'3', 3",
        "'3.0', 3",
        "'3人', 3",
        "'３', 3",
        "'0', 0",
        "'12 课时', 12",
        "'5户', 5",
        "'007', 7",
        "'123456789', 123456789",
        "'2147483647', 2147483647"
    })
    void counts(String raw, int expected) {
        // given / when / then
        assertThat(Money.parseCount(raw)).isEqualTo(Cleaned.ok(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5", "-1", "三", "3人左右", "人", "99999999999"})
    void invalidCounts(String raw) {
        // given / when
        Cleaned<Integer> cleaned = Money.parseCount(raw);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.NUMBER_INVALID);
        assertThat(cleaned.issue().message()).isEqualTo("数量“" + raw + "”不是整数。请填写阿拉伯数字整数，例如 3。");
    }

    @ParameterizedTest
    @CsvSource({
        "'36', 36",
        "'36.0', 36",
        "'36个月', 36",
        "'36月', 36",
        "'3年', 36",
        "'1.5年', 18",
        "'1年6个月', 18",
        "'３６个月', 36",
    })
    void loanTerms(String raw, int expected) {
        // given / when / then
        assertThat(Money.parseMonths(raw)).isEqualTo(Cleaned.ok(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"三年", "1.3年", "36.5", "0", "年", "长期"})
    void invalidLoanTerms(String raw) {
        // given / when
        Cleaned<Integer> cleaned = Money.parseMonths(raw);

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.NUMBER_INVALID);
        assertThat(cleaned.issue().message()).isEqualTo("期限“" + raw + "”无法识别。请填写整月数（例如 36 或 36个月）或年数（例如 3年）。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\u3000"})
    void blankNumbers(String raw) {
        // given / when / then
        assertThat(Money.parsePercentRate(raw).isBlank()).isTrue();
        assertThat(Money.parseCount(raw).isBlank()).isTrue();
        assertThat(Money.parseMonths(raw).isBlank()).isTrue();
    }
}
