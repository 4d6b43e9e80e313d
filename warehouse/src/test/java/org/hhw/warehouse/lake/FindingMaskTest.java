package org.hhw.warehouse.lake;

import static org.assertj.core.api.Assertions.assertThat;

import org.hhw.sources.clean.Issue;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.contract.Contracts;
import org.hhw.sources.validate.Finding;
import org.junit.jupiter.api.Test;

class FindingMaskTest {

    private final FindingMask mask = new FindingMask(Contracts.load("registry"));

    @Test
    void anIdCellIsMaskedWholeAndSoIsItsQuoteInTheMessage() {
        // given an ID cell Excel stored as a number: no run of ID characters, yet an ID
        Finding f = new Finding(
                "玉泉镇",
                7,
                "id_number",
                "证件号码",
                "1.40222196503E+17",
                Issue.reject(Reason.ID_PRECISION_LOST, "身份证号码“1.40222196503E+17”已损坏。"));

        // when / then
        assertThat(mask.value(f.field(), f.rawValue())).isEqualTo("1.4022*******E+17");
        assertThat(mask.message(f.field(), f.rawValue(), f.issue().message()))
                .isEqualTo("身份证号码“1.4022*******E+17”已损坏。");
    }

    @Test
    void anotherCellHasOnlyItsRunsOfIdCharactersMasked() {
        // given an ID typed into the relation column, beside text
        Finding f = new Finding(
                "玉泉镇",
                8,
                "relation",
                "与户主关系",
                "户主140222196503120117",
                Issue.reject(Reason.CODE_UNKNOWN, "与户主关系“户主140222196503120117”不在选项中。"));

        // when / then
        assertThat(mask.value(f.field(), f.rawValue())).isEqualTo("户主140222********0117");
        assertThat(mask.message(f.field(), f.rawValue(), f.issue().message()))
                .isEqualTo("与户主关系“户主140222********0117”不在选项中。");
    }

    @Test
    void aShortIdCellIsLeftAsWritten() {
        // given fourteen characters in the ID column: too short to be an ID, however mistyped
        Finding f = new Finding(
                "玉泉镇",
                9,
                "id_number",
                "证件号码",
                "14022219650312",
                Issue.reject(Reason.ID_MALFORMED, "身份证号码“14022219650312”有14位，应为18位。"));

        // when / then
        assertThat(mask.value(f.field(), f.rawValue())).isEqualTo("14022219650312");
        assertThat(mask.message(f.field(), f.rawValue(), f.issue().message()))
                .isEqualTo("身份证号码“14022219650312”有14位，应为18位。");
    }
}
