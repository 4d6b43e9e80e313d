package org.hhw.schedules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastXlsxParseTest {

    @TempDir
    Path dir;

    @Test
    void countsEveryWrittenRowAndCellOfEverySheet() throws IOException {
        // given a workbook with a gap row, a formatted blank cell, a hidden sheet and an empty one
        Path file = dir.resolve("register.xlsx");
        try (Workbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet township = workbook.createSheet("南河堡乡");
            Row header = township.createRow(0);
            header.createCell(0).setCellValue("序号");
            header.createCell(1).setCellValue("姓名");
            header.createCell(2).setCellValue("身份证号");
            Row person = township.createRow(2);
            person.createCell(0).setCellValue(1);
            person.createCell(1).setCellValue("张三");
            township.createRow(4).createCell(2).setCellStyle(workbook.createCellStyle());
            workbook.createSheet("隐藏").createRow(0).createCell(0).setCellValue("旧数据");
            workbook.setSheetHidden(1, true);
            workbook.createSheet("Sheet3");
            workbook.write(out);
        }

        // when
        FastXlsxParse.Counts counts = FastXlsxParse.count(file);

        // then: 3 + 1 rows, 3 + 2 + 1 + 1 cells; the gap row is not counted, the blank cell and the hidden sheet are
        assertThat(counts).isEqualTo(new FastXlsxParse.Counts(4, 7));
    }
}
