package org.hhw.schedules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hhw.schedules.bench.Figure.Unit;
import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void anUpperLimitIsMetAtItAndMissedPastItUnrounded() {
        // given measures at, below and just past their limits
        Figure at = Figure.atMost("1", "ratio", 1.2, 1.2, Unit.TIMES);
        Figure below = Figure.atMost("2", "publish", 0.44, 1, Unit.SECONDS);
        Figure past = Figure.atMost("1", "ratio", 1.2004, 1.2, Unit.TIMES);

        // then each is written as the issue writes it, with its verdict; a measure rounded to the limit still misses
        assertThat(at).isEqualTo(new Figure("1", "ratio", "1.20×", "≤ 1.2×", true));
        assertThat(at.verdict()).isEqualTo("MET");
        assertThat(below).isEqualTo(new Figure("2", "publish", "0.4 s", "≤ 1 s", true));
        assertThat(past.measured()).isEqualTo("1.20×");
        assertThat(past.verdict()).isEqualTo("MISSED");
    }

    @Test
    void aFigureWithoutTargetOrNotMeasuredHasNoVerdict() {
        // given a stated figure and one not measured
        Figure stated = Figure.stated("6", "disk: lake", "240 MB");
        Figure notMeasured = Figure.notMeasured("3", "hhw help", "not measured (run from ./hhw)", "≤ 2 s");

        // then neither is judged
        assertThat(stated).isEqualTo(new Figure("6", "disk: lake", "240 MB", "(stated)", null));
        assertThat(stated.verdict()).isEmpty();
        assertThat(notMeasured.verdict()).isEmpty();
    }

    @Test
    void whatAFigureWasMadeOfFollowsItsMeasure() {
        // when a ratio is given its two times
        Figure figure =
                Figure.atMost("4", "poll ÷ one file", 8.4, 2, Unit.TIMES).with("11.0 s ÷ 1.3 s");

        // then they follow the measure, the verdict unchanged
        assertThat(figure).isEqualTo(new Figure("4", "poll ÷ one file", "8.40× (11.0 s ÷ 1.3 s)", "≤ 2×", false));
    }

    @Test
    void printsOneAlignedLinePerFigure() {
        // given two figures
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when printed
        Figure.print(
                List.of(
                        Figure.atMost("1", "ratio", 1.84, 1.2, Unit.TIMES),
                        Figure.atMost("7", "reports", 8.3, 30, Unit.SECONDS)),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then the table has a header, a rule and a line each
        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "point  figure   measured  target  ",
                        "-----  -------  --------  ------  ------",
                        "1      ratio    1.84×     ≤ 1.2×  MISSED",
                        "7      reports  8.3 s     ≤ 30 s  MET");
    }
}
