package org.hhw.sources.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermsTest {

    @ParameterizedTest
    @CsvSource({
        "2018年春季, 2018-spring",
        "2018春, 2018-spring",
        "2018年春, 2018-spring",
        "2018年上半年, 2018-spring",
        "2018年秋季, 2018-autumn",
        "2018秋, 2018-autumn",
        "２０１８年 秋季, 2018-autumn",
        "2018年下半年, 2018-autumn",
        "2018-2019学年第一学期, 2018-autumn",
        "2018—2019学年第二学期, 2019-spring",
        "2018-2019学年第1学期, 2018-autumn",
        "2018-2019学年上学期, 2018-autumn",
        "2018-2019学年下学期, 2019-spring",
        "2018-09-01, 2018-autumn",
        "2019-01-15, 2018-autumn",
        "2019-03-01, 2019-spring",
        "2018年9月, 2018-autumn"
    })
    void normalisesEveryTermForm(String raw, String term) {
        assertThat(Terms.parseTerm(raw)).isEqualTo(Cleaned.ok(term));
    }

    @Test
    void rejectsWhatIsNotATerm() {
        // when
        Cleaned<String> unknown = Terms.parseTerm("第三学期");
        Cleaned<String> badYears = Terms.parseTerm("2018-2020学年第一学期");

        // then
        assertThat(unknown.issue().reason()).isEqualTo(Reason.DATE_INVALID);
        assertThat(unknown.issue().message())
                .isEqualTo("学期“第三学期”无法识别。可用的写法：2018年春季、2018秋、2018-2019学年第一学期、2018-2019学年第二学期。");
        assertThat(badYears.issue().message()).startsWith("学期“2018-2020学年第一学期”的学年不对");
        assertThat(Terms.parseTerm("  ").isBlank()).isTrue();
    }

    @Test
    void aDayFallsInTheTermOfDimDate() {
        assertThat(Terms.of(LocalDate.of(2020, 7, 31))).isEqualTo("2020-spring");
        assertThat(Terms.of(LocalDate.of(2020, 8, 1))).isEqualTo("2020-autumn");
        assertThat(Terms.of(LocalDate.of(2021, 1, 31))).isEqualTo("2020-autumn");
    }
}
