package org.hhw.sources.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The policy rules file, its versions by date, and that contracts name its rules instead of copying numbers. */
class PolicyRulesTest {

    private final PolicyRules rules = PolicyRules.bundled();

    @Test
    void readsEveryVersionTypedWithItsOwnDatesAndSource() {
        // when
        PolicyRule principal = rules.inForce("microloan_principal_max", "all", LocalDate.of(2016, 5, 1))
                .orElseThrow();

        // then: the microloan terms are national policy since december 2014, not since the county plan of 2018
        assertThat(principal.value()).isEqualByComparingTo("50000");
        assertThat(principal.unit()).isEqualTo("yuan");
        assertThat(principal.validFrom()).isEqualTo(LocalDate.of(2014, 12, 10));
        assertThat(principal.validTo()).isNull();
        assertThat(principal.source()).contains("国开办发〔2014〕78号");
        assertThat(rules.inForce("microloan_principal_max", "all", LocalDate.of(2014, 12, 9)))
                .isEmpty();
        assertThat(rules.inForce("microloan_rate_max", "all", LocalDate.of(2015, 9, 1))
                        .orElseThrow()
                        .value())
                .isEqualByComparingTo("0.24");
        assertThat(rules.inForce("microloan_rate_max", "all", LocalDate.of(2015, 8, 31)))
                .isEmpty();
        assertThat(rules.inForce("dibao_standard", "all", LocalDate.of(2019, 12, 31))
                        .orElseThrow()
                        .value())
                .isEqualByComparingTo("3906");
        assertThat(rules.inForce("dibao_standard", "all", LocalDate.of(2021, 1, 1)))
                .isEmpty();
        assertThat(rules.inForce("medical_self_pay_cap", "city", LocalDate.of(2018, 1, 1))
                        .orElseThrow()
                        .value())
                .isEqualByComparingTo("3000");
        assertThat(rules.has("education_aid_amount_max")).isTrue();
        assertThat(rules.has("education_amount_max")).isFalse();
    }

    @Test
    void everyVersionCitesItsSourceAndEndsAfterItStarts() {
        // when
        List<String> bad = new ArrayList<>();
        for (PolicyRule r : rules.all()) {
            if (r.source().isBlank() || r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
                bad.add(r.rule() + " " + r.appliesTo() + " " + r.validFrom());
            }
        }

        // then
        assertThat(rules.all()).hasSize(21);
        assertThat(bad).isEmpty();
    }

    /**
     * Every number in every contract's {@code checks} is compared with every rule's value; a match means a policy
     * number was copied into a contract instead of naming its rule. Units are not compared, as a policy number
     * copied into a contract keeps its value whatever unit the contract reads it in, with one exception: a
     * {@code flag} rule's value 1 only says "on" and is no quantity, so it is left out (else the medical sum
     * tolerance of 1 yuan, which is rounding and no policy, would match it).
     */
    @Test
    void noContractCarriesANumberThatARuleHolds() throws IOException {
        // given
        List<BigDecimal> values = rules.all().stream()
                .filter(r -> !r.unit().equals("flag"))
                .map(PolicyRule::value)
                .toList();
        List<String> copies = new ArrayList<>();
        int numbers = 0;

        // when
        for (String source : Contracts.SOURCES) {
            for (Map<String, Object> check : checks(source)) {
                for (Map.Entry<String, Object> parameter : check.entrySet()) {
                    if (parameter.getValue() instanceof Number n) {
                        numbers++;
                        BigDecimal number = new BigDecimal(n.toString());
                        if (values.stream().anyMatch(v -> v.compareTo(number) == 0)) {
                            copies.add(source + " " + check.get("field") + " " + parameter.getKey() + ": " + n);
                        }
                    }
                }
            }
        }

        // then: the remaining numbers (0 as a lower bound, the 1 yuan tolerance) are no policy
        assertThat(numbers).isEqualTo(4);
        assertThat(copies).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> checks(String source) throws IOException {
        try (InputStream in = PolicyRulesTest.class.getResourceAsStream("/contracts/" + source + ".yaml")) {
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return (List<Map<String, Object>>) doc.getOrDefault("checks", List.of());
        }
    }
}
