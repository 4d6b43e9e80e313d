package org.hhw.warehouse.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PageSetupTest {

    @Test
    void aSheetNarrowerThanAPortraitPagePrintsPortraitAndAWiderOneLandscape() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            // given: 95 characters at 7 pixels fit the 7.27 inches between the margins, 100 do not
            XSSFSheet narrow = sheetOfWidths(workbook, "narrow", 40, 55);
            XSSFSheet wide = sheetOfWidths(workbook, "wide", 40, 60);

            // when
            PageSetup.table(narrow, "名册", 2, 1);
            PageSetup.table(wide, "名册", 2, 1);

            // then
            assertThat(narrow.getPrintSetup().getLandscape()).isFalse();
            assertThat(wide.getPrintSetup().getLandscape()).isTrue();
        }
    }

    @Test
    void aLongTitleIsCutAndItsAmpersandsAreNotTakenForCodes() {
        // given
        String longTitle = "甲".repeat(150);

        // when
        String cut = PageSetup.headerText(longTitle);
        String escaped = PageSetup.headerText("A&B 花名册&P.xlsx");

        // then
        assertThat(cut).isEqualTo("甲".repeat(99) + "…");
        assertThat(escaped).isEqualTo("A&&B 花名册&&P.xlsx");
    }

    private static XSSFSheet sheetOfWidths(XSSFWorkbook workbook, String name, int... characters) {
        XSSFSheet sheet = workbook.createSheet(name);
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
        return sheet;
    }
}
