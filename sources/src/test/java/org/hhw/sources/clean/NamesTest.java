package org.hhw.sources.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @CsvSource({
        "'张三', 张三",
        "'张　三', 张三",
        "' 张 三 ', 张三",
        "'欧阳\u00A0 小 明', 欧阳小明",
        "'阿不都·热合曼', 阿不都·热合曼",
        "'阿不都 · 热合曼', 阿不都·热合曼",
        "'阿不都•热合曼', 阿不都·热合曼",
        "'阿不都・热合曼', 阿不都·热合曼",
        "'阿不都．热合曼', 阿不都·热合曼",
        "'John  Smith', John Smith",
        "'Ｌｉ Ｍｉｎｇ', Li Ming",
    })
    void cleanNames(String raw, String expected) {
        // given / when / then
        assertThat(Names.cleanPersonName(raw)).isEqualTo(Cleaned.ok(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"张三1", "李四２", "王五(3)"})
    void namesWithDigitsAreRejected(String raw) {
        // given / when
        Cleaned<String> cleaned = Names.cleanPersonName(raw);

        // then
        assertThat(cleaned.rejected()).isTrue();
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.TEXT_INVALID);
        assertThat(cleaned.issue().message())
                .isEqualTo("姓名“" + Text.normalize(raw) + "”中含有数字，姓名里不应有数字（可能填错了列）。请对照身份证或户口簿核对后重新填写。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000"})
    void blankNames(String raw) {
        // given / when / then
        assertThat(Names.cleanPersonName(raw).isBlank()).isTrue();
    }
}
