package org.hhw.warehouse.report.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.hhw.warehouse.report.Measure;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void eachMeasureIsWrittenAsCountyBulletinsWriteIt() {
        // given values of each measure / when formatted / then
        assertThat(Formats.format(1234L, Measure.COUNT)).isEqualTo("1,234");
        assertThat(Formats.format(0L, Measure.COUNT)).isEqualTo("0");
        assertThat(Formats.format(new BigDecimal("1234567.885"), Measure.YUAN)).isEqualTo("1,234,567.89");
        assertThat(Formats.format(new BigDecimal("512.345600"), Measure.WAN_YUAN))
                .isEqualTo("512.35");
        assertThat(Formats.format(new BigDecimal("-3.5"), Measure.WAN_YUAN)).isEqualTo("-3.50");
        assertThat(Formats.format(new BigDecimal("3.25"), Measure.PERCENT)).isEqualTo("3.25%");
        assertThat(Formats.format("2019-06", Measure.TEXT)).isEqualTo("2019-06");
        assertThat(Formats.format(1234L, Measure.TEXT)).isEqualTo("1234");
        assertThat(Formats.format(null, Measure.COUNT)).isEqualTo("—");
    }

    @Test
    void theChangeOnTheMonthBeforeIsSignedAndAPercentageChangesInPoints() {
        // given two months' figures / when compared / then
        assertThat(Formats.change(1120L, 118L, Measure.COUNT)).isEqualTo("+1,002");
        assertThat(Formats.change(118L, 120L, Measure.COUNT)).isEqualTo("-2");
        assertThat(Formats.change(5L, 5L, Measure.COUNT)).isEqualTo("0");
        assertThat(Formats.change(new BigDecimal("20.5"), new BigDecimal("35"), Measure.WAN_YUAN))
                .isEqualTo("-14.50");
        assertThat(Formats.change(new BigDecimal("2.80"), new BigDecimal("2.80"), Measure.PERCENT))
                .isEqualTo("0.00个百分点");
        assertThat(Formats.change(new BigDecimal("3.25"), null, Measure.PERCENT))
                .isEqualTo("—");
        assertThat(Formats.change(null, 5L, Measure.COUNT)).isEqualTo("—");
    }
}
