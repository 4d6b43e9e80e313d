package org.hhw.sources.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's yearly targets, read by the same reader as the policy rules, each citing its indicator table row. */
class PlanTargetsTest {

    private final PolicyRules targets = PolicyRules.planTargets();

    @Test
    void readsEachTargetOfEachPlanYearWithItsTableRow() {
        // when
        List<String> read = targets.all().stream()
                .map(t -> t.rule() + " " + t.validFrom().getYear() + " "
                        + t.value().toPlainString() + " " + t.unit() + " " + t.appliesTo())
                .toList();

        // then: the comment lines before the header are skipped, and each year is its own version
        assertThat(read)
                .containsExactly(
                        "free_training_trainees 2018 1000 persons training",
                        "free_training_trainees 2019 1000 persons training",
                        "free_training_trainees 2020 1000 persons training",
                        "microloan_issued 2018 12000 wan_yuan microloan",
                        "microloan_issued 2019 15000 wan_yuan microloan",
                        "microloan_issued 2020 20000 wan_yuan microloan");
        assertThat(targets.all())
                .allMatch(t -> t.validTo().equals(LocalDate.of(t.validFrom().getYear(), 12, 31)));
        assertThat(targets.inForce("microloan_issued", "microloan", LocalDate.of(2019, 6, 30))
                        .orElseThrow()
                        .source())
                .startsWith("天镇县攻克深度贫困脱贫攻坚指标（2018-2020）序号37：金融扶贫|扶贫小额信贷|完成省办下达任务（万元）");
        assertThat(targets.inForce("free_training_trainees", "training", LocalDate.of(2021, 1, 1)))
                .isEmpty();
    }

    @Test
    void aLineWithACommaInsideAFieldStopsTheReadNamingTheFileAndLine() {
        // when
        Throwable thrown = catchThrowable(() -> PolicyRules.read("/rules/plan_targets_bad.csv"));

        // then: the line counts the comment lines, so it is the line an editor shows
        assertThat(thrown)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("/rules/plan_targets_bad.csv line 3: expected 7 fields (no commas inside a field), got 8");
    }
}
