package org.hhw.schedules.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hhw.sources.clean.ResidentIds;
import org.junit.jupiter.api.Test;

class RegistrySampleTest {

    private static final List<Household> SAMPLE = RegistrySample.generate(7, 20_000);

    private static List<Person> persons(List<Household> households) {
        return households.stream().flatMap(h -> h.members().stream()).toList();
    }

    @Test
    void everyIdIsValidAndAgreesWithSexAndBirthDate() {
        // given
        List<Person> persons = persons(SAMPLE);

        // when / then
        assertThat(persons).hasSize(20_000);
        for (Person p : persons) {
            String id = p.id();
            assertThat(id).hasSize(18).startsWith("140222");
            assertThat(id.charAt(17)).as(id).isEqualTo(ResidentIds.checkChar(id.substring(0, 17)));
            assertThat((id.charAt(16) - '0') % 2 == 1 ? "男" : "女").as(id).isEqualTo(p.sex());
            assertThat(LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE))
                    .isEqualTo(p.birthDate());
        }
    }

    @Test
    void idsAndHouseholdNumbersAreUnique() {
        // given
        List<Person> persons = persons(SAMPLE);

        // when
        Set<String> ids = new HashSet<>(persons.stream().map(Person::id).toList());
        Set<String> numbers =
                new HashSet<>(SAMPLE.stream().map(Household::number).toList());

        // then
        assertThat(ids).hasSize(persons.size());
        assertThat(numbers).hasSize(SAMPLE.size());
    }

    @Test
    void householdsHaveOneHeadFirstAndShareTheirNumberPlaceAndSize() {
        for (Household h : SAMPLE) {
            // given
            List<Person> members = h.members();

            // then
            assertThat(members).hasSizeBetween(1, 6);
            assertThat(h.number()).matches("1402220\\d{9,11}");
            assertThat(members.get(0).relation()).isEqualTo("户主");
            assertThat(members.stream().filter(Person::isHead)).hasSize(1);
            for (Person p : members) {
                assertThat(p.householdNumber()).isEqualTo(h.number());
                assertThat(p.township()).isEqualTo(h.township());
                assertThat(p.village()).isEqualTo(h.village());
                assertThat(p.householdSize()).isEqualTo(members.size());
                assertThat(p.povertyStatus()).isEqualTo(h.head().povertyStatus());
                assertThat(p.exitYear()).isEqualTo(h.head().exitYear());
            }
            assertThat(Places.bundled().township(h.township()).villages())
                    .extracting(Places.Village::name)
                    .contains(h.village());
        }
    }

    @Test
    void birthYearsFitTheRelationToTheHead() {
        for (Household h : SAMPLE) {
            int head = h.head().birthDate().getYear();
            assertThat(head).isBetween(1940, 1985);
            for (Person p : h.members()) {
                int year = p.birthDate().getYear();
                assertThat(year).isLessThan(RegistrySample.YEAR);
                switch (p.relation()) {
                    case "户主" -> assertThat(p).isSameAs(h.head());
                    case "配偶" -> assertThat(year - head).isBetween(-3, 5);
                    case "之子", "之女" -> assertThat(year - head).isBetween(20, 40);
                    case "儿媳" -> assertThat(p.sex()).isEqualTo("女");
                    case "孙子", "孙女" -> assertThat(year - head).isGreaterThanOrEqualTo(40);
                    case "父亲", "母亲" -> assertThat(head - year).isBetween(20, 35);
                    default -> throw new AssertionError("unexpected relation " + p.relation());
                }
            }
        }
    }

    @Test
    void codedValuesComeFromTheRegistryListsAndExitYearGoesWithExit() {
        for (Person p : persons(SAMPLE)) {
            assertThat(p.povertyStatus()).isIn("一般贫困户", "低保贫困户", "特困供养贫困户");
            assertThat(p.mainCause())
                    .isIn("因病", "因残", "因学", "因灾", "缺土地", "缺水", "缺技术", "缺劳力", "缺资金", "交通条件落后", "自身发展动力不足");
            assertThat(p.labourCapacity()).isIn("普通劳动力", "技能劳动力", "弱劳动力或半劳动力", "丧失劳动力", "无劳动力");
            assertThat(p.health()).isIn("健康", "长期慢性病", "患有大病", "残疾");
            assertThat(p.schooling()).isIn("学前教育", "小学", "七年级", "八年级", "九年级", "高中", "中职", "高职", "本科及以上", "非在校生");
            if (p.exited()) {
                assertThat(p.exitStatus()).isEqualTo("已脱贫");
                assertThat(p.exitYear()).isBetween(2014, 2019);
            } else {
                assertThat(p.exitStatus()).isEqualTo("未脱贫");
            }
        }
    }

    @Test
    void sameSeedGivesTheSameHouseholdsAndAnotherSeedOthers() {
        // when
        List<Household> again = RegistrySample.generate(7, 20_000);
        List<Household> other = RegistrySample.generate(8, 20_000);

        // then
        assertThat(again).isEqualTo(SAMPLE);
        assertThat(other.get(0)).isNotEqualTo(SAMPLE.get(0));
    }

    @Test
    void streamingGivesExactlyTheGeneratedHouseholds() {
        // given
        List<Household> streamed = new ArrayList<>();

        // when
        RegistrySample.stream(7, 20_000).forEachRemaining(streamed::add);

        // then
        assertThat(streamed).isEqualTo(SAMPLE);
    }

    @Test
    void staysInTheGivenTownshipsWithTheExactPersonCount() {
        // when
        List<Household> households = RegistrySample.generate(3, 1_234, List.of("南河堡乡", "逯家湾镇"));

        // then
        assertThat(persons(households)).hasSize(1_234);
        assertThat(households).extracting(Household::township).containsOnly("南河堡乡", "逯家湾镇");
        assertThat(households.stream()
                        .filter(h -> h.township().equals("南河堡乡"))
                        .findFirst()
                        .orElseThrow()
                        .number())
                .startsWith("140222007");
    }

    @Test
    void rejectsATownshipOutsideTheGazetteer() {
        assertThatThrownBy(() -> RegistrySample.generate(1, 10, List.of("南河堡")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("南河堡");
    }
}
