package org.hhw.sources.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellTextTest {

    @ParameterizedTest
    @CsvSource({
        "3.0, 3",
        "1200.50, 1200.5",
        "0.30000000000000004, 0.3",
        "1E-3, 0.001",
        "-0.0, 0",
        "999999999999999, 999999999999999",
        "140222199001011008, 1.40222199001011E17",
        "1.40222199001011008E17, 1.40222199001011E17",
        "1E15, 1.0E15",
        "-15000000000000000, -1.5E16"
    })
    void writesNumbersPlainBelowOneQuadrillionAndScientificFromThere(String stored, String expected) {
        // given
        BigDecimal value = new BigDecimal(stored);

        // when
        String text = CellText.number(value);

        // then
        assertThat(text).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "43252   | 14  | m/d/yy                       | 2018-06-01",
                "43252.5 | 14  | m/d/yy                       | 2018-06-01 12:00:00",
                "43252   | 31  |                              | 2018-06-01",
                "43252   | 31  | reserved-0x1f                | 2018-06-01",
                "43252   | 176 | yyyy\"年\"m\"月\"d\"日\";@     | 2018-06-01",
                "43252   | 28  | reserved-0x1c                | 2018-06-01",
                "43252   | 2   | 0.00                         | 43252",
                "43252   | 0   | General                      | 43252",
                "-1      | 14  | m/d/yy                       | -1"
            })
    void writesDateFormattedNumbersAsIsoDates(String serial, int formatId, String formatString, String expected) {
        // given
        CellText cells = new CellText(false);

        // when
        String text = cells.numeric(new BigDecimal(serial), formatId, formatString);

        // then
        assertThat(text).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "43435   | 57  | reserved-0x39                | 2018-12",
                "43435   | 27  |                              | 2018-12",
                "43435   | 177 | yyyy\"年\"m\"月\";@          | 2018-12",
                "43435   | 178 | [$-804]yyyy\"年\"m\"月\"     | 2018-12",
                "43435   | 179 | yyyy-mm                      | 2018-12",
                "43435   | 17  | mmm-yy                       | 2018-12",
                "43435.5 | 180 | yyyy/m                       | 2018-12"
            })
    void writesNumbersFormattedAsAMonthOnlyAsIsoMonths(
            String serial, int formatId, String formatString, String expected) {
        // given a clerk's 2018年12月, which Excel stores as the 1st of the month and shows as a month
        CellText cells = new CellText(false);

        // when
        String text = cells.numeric(new BigDecimal(serial), formatId, formatString);

        // then the month, as the clerk sees it, not a day nobody wrote
        assertThat(text).isEqualTo(expected);
    }

    @Test
    void honoursThe1904DateSystem() {
        // given
        CellText cells = new CellText(true);

        // when
        String text = cells.numeric(new BigDecimal("41790"), 14, "m/d/yy");

        // then
        assertThat(text).isEqualTo("2018-06-01");
    }
}
