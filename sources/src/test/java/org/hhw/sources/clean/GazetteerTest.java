package org.hhw.sources.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerTest {

    private static final String ELEVEN = "玉泉镇、谷前堡镇、米薪关镇、逯家湾镇、新平堡镇、赵家沟乡、南河堡乡、贾家屯乡、卅里铺乡、张西河乡、南高崖乡";

    private final Gazetteer gazetteer = Gazetteer.bundled();

    @Test
    void bundledHasElevenTownshipsAndTheVillagesOfThePlan() {
        // given / when / then
        assertThat(String.join(
                        "、", gazetteer.townships().stream().map(Township::name).toList()))
                .isEqualTo(ELEVEN);
        assertThat(gazetteer.townships().get(0)).isEqualTo(new Township(1, "玉泉镇"));
        assertThat(gazetteer.townships().get(10)).isEqualTo(new Township(11, "南高崖乡"));
        assertThat(gazetteer.villages()).hasSize(133);
        assertThat(gazetteer.villages().get(0)).isEqualTo(new Village(1, new Township(1, "玉泉镇"), "滹沱店"));
        assertThat(gazetteer.villages().get(132)).isEqualTo(new Village(133, new Township(11, "南高崖乡"), "左所沟"));
    }

    @ParameterizedTest
    @CsvSource({
        "卅里铺乡, 卅里铺乡",
        "三十里铺乡, 卅里铺乡",
        "三十里铺, 卅里铺乡",
        "新平镇, 新平堡镇",
        "新平堡, 新平堡镇",
        "米新关, 米薪关镇",
        "米新关镇, 米薪关镇",
        "南河堡, 南河堡乡",
        "南河堡乡, 南河堡乡",
        "'南 河 堡　乡', 南河堡乡",
        "南河堡镇, 南河堡乡",
        "谷前堡乡, 谷前堡镇",
        "玉泉, 玉泉镇",
    })
    void townshipNamesAndAliases(String raw, String expected) {
        // given / when
        Cleaned<Township> cleaned = gazetteer.township(raw);

        // then
        assertThat(cleaned.issue()).isNull();
        assertThat(cleaned.value().name()).isEqualTo(expected);
    }

    @Test
    void unknownTownshipListsTheEleven() {
        // given
        String raw = "永嘉堡乡";

        // when
        Cleaned<Township> cleaned = gazetteer.township(raw);

        // then
        assertThat(cleaned.rejected()).isTrue();
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.TOWNSHIP_UNKNOWN);
        assertThat(cleaned.issue().message()).isEqualTo("乡镇“永嘉堡乡”不在本县乡镇名单中。请填写以下11个乡镇之一：" + ELEVEN + "。");
    }

    @ParameterizedTest
    @CsvSource({
        "逯家湾镇, 瓦窑口, 瓦夭口",
        "逯家湾镇, 瓦夭口, 瓦夭口",
        "逯家湾镇, 百舍科, 白舍科",
        "逯家湾镇, 袁家梁, 胡家洼",
        "逯家湾镇, 胡家洼（袁家梁）, 胡家洼",
        "玉泉镇, 李家庄村, 李家庄",
        "玉泉镇, 呼沱店村, 滹沱店",
        "玉泉镇, '李家庄 ', 李家庄",
        "张西河乡, 西巴沟, 细巴沟",
        "张西河乡, 麻黄楞, 麻黄塄",
        "南高崖乡, 阎家梁, 闫家梁",
        "新平堡镇, 黃家湾, 黄家湾",
        "新平堡镇, 新平, 新平堡",
    })
    void villagesByNameAliasAndSuffix(String township, String raw, String expected) {
        // given
        Township t = gazetteer.township(township).value();

        // when
        Cleaned<Village> cleaned = gazetteer.village(t, raw);

        // then
        assertThat(cleaned.issue()).isNull();
        assertThat(cleaned.value().name()).isEqualTo(expected);
        assertThat(cleaned.value().township()).isEqualTo(t);
    }

    @Test
    void sameVillageNameInTwoTownshipsResolvesWithinEach() {
        // given
        Township mixinguan = gazetteer.township("米薪关镇").value();
        Township nangaoya = gazetteer.township("南高崖乡").value();
        Township lujiawan = gazetteer.township("逯家湾镇").value();

        // when
        Village zhaoInMixinguan = gazetteer.village(mixinguan, "赵家夭").value();
        Village zhaoInNangaoya = gazetteer.village(nangaoya, "赵家夭村").value();
        Village huaInMixinguan = gazetteer.village(mixinguan, "滑家沟").value();
        Village huaInLujiawan = gazetteer.village(lujiawan, "滑家沟").value();

        // then
        assertThat(zhaoInMixinguan).isEqualTo(new Village(21, mixinguan, "赵家夭"));
        assertThat(zhaoInNangaoya).isEqualTo(new Village(128, nangaoya, "赵家夭"));
        assertThat(huaInMixinguan.code()).isEqualTo(23);
        assertThat(huaInLujiawan.code()).isEqualTo(34);
    }

    @Test
    void aliasOfAnotherTownshipsVillageDoesNotMatch() {
        // given: 瓦窑口 is an alias of 逯家湾镇's 瓦夭口 only
        Township yuquan = gazetteer.township("玉泉镇").value();

        // when
        Cleaned<Village> cleaned = gazetteer.village(yuquan, "瓦窑口");

        // then
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.VILLAGE_UNKNOWN);
        assertThat(cleaned.issue().message())
                .isEqualTo("行政村“瓦窑口”不在玉泉镇的村名单中。"
                        + "名单中逯家湾镇有这个村，如果是乡镇填错了，请改正乡镇。"
                        + "请核对村名的写法；如果它确实是玉泉镇的行政村，请联系县扶贫办把它加入村名单。");
    }

    @Test
    void unknownVillageTellsTheClerkWhatToDo() {
        // given
        Township nanhebu = gazetteer.township("南河堡").value();

        // when
        Cleaned<Village> cleaned = gazetteer.village(nanhebu, "幸福村");

        // then
        assertThat(cleaned.rejected()).isTrue();
        assertThat(cleaned.issue().reason()).isEqualTo(Reason.VILLAGE_UNKNOWN);
        assertThat(cleaned.issue().message())
                .isEqualTo("行政村“幸福村”不在南河堡乡的村名单中。" + "请核对村名的写法；如果它确实是南河堡乡的行政村，请联系县扶贫办把它加入村名单。");
    }

    @Test
    void blankNamesAreBlank() {
        // given
        Township nanhebu = gazetteer.township("南河堡").value();

        // when / then
        assertThat(gazetteer.township("\u3000").isBlank()).isTrue();
        assertThat(gazetteer.village(nanhebu, " ").isBlank()).isTrue();
    }

    @Test
    void extraFileAddsVillagesAndAliasesWithoutChangingCodes() throws IOException {
        // given: an operator file saved by Chinese Excel (GB18030) with quotes
        String extra = "township,township_aliases,village,village_aliases\r\n"
                + "新平镇,,\"大营盘\",大营盘子\r\n"
                + "南河堡乡,南河堡镇|南河,幸福,幸福新村\r\n"
                + "\r\n"
                + "永嘉堡乡,永嘉,永嘉新村,\r\n";
        InputStream csv = new ByteArrayInputStream(extra.getBytes(Charset.forName("GB18030")));

        // when
        Gazetteer extended = gazetteer.withExtra(csv);

        // then
        Township xinpingbu = extended.township("新平堡镇").value();
        assertThat(extended.village(xinpingbu, "大营盘子").value()).isEqualTo(new Village(39, xinpingbu, "大营盘"));
        Township nanhebu = extended.township("南河").value();
        assertThat(nanhebu).isEqualTo(new Township(7, "南河堡乡"));
        assertThat(extended.village(nanhebu, "幸福新村").value()).isEqualTo(new Village(134, nanhebu, "幸福"));
        assertThat(extended.township("永嘉").value()).isEqualTo(new Township(12, "永嘉堡乡"));
        assertThat(extended.villages()).hasSize(135);
        assertThat(extended.villages().subList(0, 133)).isEqualTo(gazetteer.villages());
        assertThat(gazetteer.villages()).hasSize(133);
    }

    @Test
    void loadsUtf8WithBom() throws IOException {
        // given
        String csv = "\uFEFFtownship,township_aliases,village,village_aliases\n甲乡,甲,一村,一|壹\n";

        // when
        Gazetteer small = Gazetteer.load(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        // then
        Township jia = small.township("甲").value();
        assertThat(jia).isEqualTo(new Township(1, "甲乡"));
        assertThat(small.village(jia, "壹村").value()).isEqualTo(new Village(1, jia, "一村"));
    }

    @Test
    void refusesAFileWithoutTheHeader() {
        // given
        byte[] csv = "乡镇,别名,村,别名\n".getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> Gazetteer.load(new ByteArrayInputStream(csv)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gazetteer line 1: expected the header township,township_aliases,village,village_aliases");
    }

    @Test
    void refusesAnAliasNamingTwoVillages() {
        // given
        byte[] csv = "township,township_aliases,village,village_aliases\n甲乡,,一村,二村\n甲乡,,三村,二村\n"
                .getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> Gazetteer.load(new ByteArrayInputStream(csv)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("gazetteer line 3: \"二村\" already names");
    }
}
