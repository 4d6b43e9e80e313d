package org.hhw.sources.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeListTest {

    private final CodeList relation = new CodeList(
            "relation",
            "与户主关系",
            List.of(
                    new CodeList.Entry("HEAD", "户主", List.of("本人")),
                    new CodeList.Entry("SPOUSE", "配偶", List.of("妻子", "丈夫")),
                    new CodeList.Entry("SON", "之子", List.of("子", "儿子")),
                    new CodeList.Entry("DAUGHTER", "之女", List.of("女", "女儿"))));

    @ParameterizedTest
    @CsvSource({
        "户主, HEAD",
        "'户 主', HEAD",
        "'\u3000本人 ', HEAD",
        "妻子, SPOUSE",
        "之子, SON",
        "子, SON",
        "女儿, DAUGHTER",
    })
    void labelsAndAliasesResolveToCodes(String raw, String expected) {
        // given / when / then
        assertThat(relation.resolve(raw)).isEqualTo(Cleaned.ok(expected));
    }

    @Test
    void unknownValueListsTheAllowedLabels() {
        // given
        String raw = "侄子";

        // when
        Cleaned<String> cleaned = relation.resolve(raw);

        // then
        assertThat(cleaned.rejected()).isTrue();
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.CODE_UNKNOWN);
        assertThat(cleaned.issue().message()).isEqualTo("与户主关系“侄子”不是规定的填法，只能填写：户主、配偶、之子、之女。请改为其中之一。");
    }

    @Test
    void blankIsBlank() {
        // given / when / then
        assertThat(relation.resolve("\u3000").isBlank()).isTrue();
    }

    @Test
    void entriesKeepTheirOrder() {
        // given / when / then
        assertThat(relation.entries())
                .extracting(CodeList.Entry::code)
                .containsExactly("HEAD", "SPOUSE", "SON", "DAUGHTER");
        assertThat(relation.domain()).isEqualTo("relation");
        assertThat(relation.labelZh()).isEqualTo("与户主关系");
    }

    @Test
    void anAliasNamingTwoCodesIsRefused() {
        // given
        List<CodeList.Entry> entries = List.of(
                new CodeList.Entry("SON", "之子", List.of("子女")), new CodeList.Entry("DAUGHTER", "之女", List.of("子女")));

        // when / then
        assertThatThrownBy(() -> new CodeList("relation", "与户主关系", entries))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relation: \"子女\" is both SON and DAUGHTER");
    }
}
