package org.hhw.sources.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxPartsTest {

    @TempDir
    Path dir;

    private Path zip(Map<String, String> entries) throws IOException {
        Path file = dir.resolve("parts.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    @Test
    void findsEachSheetsPartAndTheSharedStringsByTheWorkbooksRelationships() throws IOException {
        // given
        Path file = zip(Map.of("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/../worksheets/./sheet2.xml"/>
                  <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                  <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.org/" TargetMode="External"/>
                </Relationships>"""));

        // when
        XlsxParts.Relationships relationships;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            relationships = XlsxParts.relationships(zip);
        }

        // then
        assertThat(relationships.partsById())
                .containsOnly(
                        Map.entry("rId1", "xl/worksheets/sheet1.xml"),
                        Map.entry("rId2", "xl/worksheets/sheet2.xml"),
                        Map.entry("rId3", "xl/sharedStrings.xml"));
        assertThat(relationships.sharedStrings()).isEqualTo("xl/sharedStrings.xml");
    }

    @Test
    void readsSharedStringsAsExcelShowsThem() throws IOException {
        // given: plain, rich text in runs, a phonetic guide, an entity and an empty item
        Path file = zip(Map.of("xl/sharedStrings.xml", """
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
                  <si><t>南河堡乡</t></si>
                  <si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve"> 三</t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh></si>
                  <si><t>A&amp;B</t></si>
                  <si><t/></si>
                </sst>"""));

        // when
        List<String> strings;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            strings = XlsxParts.sharedStrings(zip, "xl/sharedStrings.xml");
        }

        // then
        assertThat(strings).containsExactly("南河堡乡", "张 三", "A&B", "");
    }

    @Test
    void refusesAWorkbookWithoutRelationships() throws IOException {
        Path file = zip(Map.of("xl/workbook.xml", "<workbook/>"));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThatThrownBy(() -> XlsxParts.relationships(zip))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("xl/_rels/workbook.xml.rels");
        }
    }
}
