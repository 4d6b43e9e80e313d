package org.hhw.sources.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SheetXmlTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<dimension ref=\"A1:C3\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetData>";
    private static final String TAIL =
            "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells></worksheet>";

    /** Each cell as type|style|value, so the test sees exactly what the scanner hands over. */
    private static final SheetXml.Cells RAW = (type, style, value) -> type + "|" + style + "|" + value;

    /**
     * The rows as "number: cells" ("number hidden: cells" for a hidden one, "number uncalculated
     * [columns]: cells" when formulas have no result), read through a stream that gives
     * {@code chunk} bytes at a time.
     */
    private static List<String> rows(String xml, int chunk) throws IOException {
        List<String> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        try (SheetXml sheet = new SheetXml(trickle(xml.getBytes(StandardCharsets.UTF_8), chunk), RAW)) {
            for (int number = sheet.nextRow(cells); number > 0; number = sheet.nextRow(cells)) {
                rows.add(number + (sheet.hidden() ? " hidden" : "")
                        + (sheet.uncalculated().isEmpty() ? "" : " uncalculated " + sheet.uncalculated())
                        + ": " + String.join(", ", cells));
            }
        }
        return rows;
    }

    private static InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 1 << 16})
    void readsCellsByTheirReferenceWhateverTheStreamGivesAtATime(int chunk) throws IOException {
        // given
        String xml = HEAD
                + "<row r=\"1\" spans=\"1:3\"><c r=\"A1\" t=\"s\" s=\"2\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>张三</t></is></c></row>"
                + "<row r=\"3\"><c r=\"B3\" s=\"5\"><f>SUM(A1:A2)</f><v>1203.5</v></c><c r=\"D3\" t=\"b\"><v>1</v></c><c r=\"E3\" s=\"1\"/></row>"
                + TAIL;

        // when
        List<String> rows = rows(xml, chunk);

        // then
        assertThat(rows).containsExactly("1: s|2|0, , inlineStr|-1|张三", "3: , null|5|1203.5, , b|-1|1, null|1|null");
    }

    @Test
    void readsTheMarkupThatXmlAllowsInASheet() throws IOException {
        // given: a namespace prefix, single quotes, entities, character references, CDATA, a
        // comment, a processing instruction, CR LF line ends and a rich text with a phonetic guide
        String xml = "<?xml version='1.0'?><x:worksheet xmlns:x='urn:main'><x:sheetData>"
                + "<!-- written by hand --><x:row r='2'>"
                + "<x:c r='A2' t='inlineStr'><x:is><x:t>A&amp;B &lt;1&gt; &quot;&apos; &#20013;&#x6587;</x:t></x:is></x:c>"
                + "<x:c r='B2' t='str'><x:v><![CDATA[<raw> & text]]></x:v></x:c>"
                + "<x:c r='C2' t='inlineStr'><x:is><x:r><x:t>一</x:t></x:r><x:rPh sb='0' eb='1'><x:t>いち</x:t></x:rPh>"
                + "<x:r><x:rPr><x:b/></x:rPr><x:t xml:space='preserve'>行\r\n二</x:t></x:r></x:is></x:c>"
                + "<?hint ignored?></x:row></x:sheetData></x:worksheet>";

        // when
        List<String> rows = rows(xml, 5);

        // then
        assertThat(rows).containsExactly("2: inlineStr|-1|A&B <1> \"' 中文, str|-1|<raw> & text, inlineStr|-1|一行\n二");
    }

    @Test
    void numbersRowsAndCellsWithoutReferencesByTheirPlace() throws IOException {
        // given
        String xml = HEAD
                + "<row><c><v>1</v></c><c><v>2</v></c></row><row/><row><c r=\"C9\"><v>3</v></c><c><v>4</v></c></row>"
                + TAIL;

        // when
        List<String> rows = rows(xml, 1 << 16);

        // then
        assertThat(rows).containsExactly("1: null|-1|1, null|-1|2", "2: ", "3: , , null|-1|3, null|-1|4");
    }

    @Test
    void tellsTheRowsTheSheetHides() throws IOException {
        // given
        String xml = HEAD + "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                + "<row r=\"2\" spans=\"1:1\" hidden=\"1\"><c r=\"A2\"><v>2</v></c></row>"
                + "<row r=\"3\" hidden='true' customHeight=\"1\" ht=\"0\"><c r=\"A3\"><v>3</v></c></row>"
                + "<row r=\"4\" hidden=\"0\"><c r=\"A4\"><v>4</v></c></row>"
                + "<row r=\"5\" hidden=\"1\"/><row r=\"6\" hidden=\"false\"><c r=\"A6\"><v>6</v></c></row>" + TAIL;

        // when
        List<String> rows = rows(xml, 3);

        // then
        assertThat(rows)
                .containsExactly(
                        "1: null|-1|1",
                        "2 hidden: null|-1|2",
                        "3 hidden: null|-1|3",
                        "4: null|-1|4",
                        "5 hidden: ",
                        "6: null|-1|6");
    }

    @Test
    void tellsFormulasSavedWithoutAResult() throws IOException {
        // given: a formula without <v>, one with a result, two whose result is empty text, a
        // shared formula's other cell without and with a result; then a row without formulas
        String xml = HEAD + "<row r=\"1\"><c r=\"A1\"><f>SUM(B1:C1)</f></c><c r=\"B1\"><f>A1</f><v>3</v></c>"
                + "<c r=\"C1\" t=\"str\"><f>\"\"</f><v></v></c><c r=\"D1\" t=\"str\"><f>\"\"</f><v/></c>"
                + "<c r=\"E1\"><f t=\"shared\" si=\"0\"/></c><c r=\"F1\"><f t=\"shared\" si=\"0\"/><v>2</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>" + TAIL;

        // when
        List<String> rows = rows(xml, 5);

        // then
        assertThat(rows)
                .containsExactly(
                        "1 uncalculated [0, 4]: null|-1|null, null|-1|3, str|-1|, str|-1|, null|-1|null, null|-1|2",
                        "2: null|-1|1");
    }

    @Test
    void readsACellTextLargerThanTheBuffer() throws IOException {
        // given
        String text = "长".repeat(40_000);
        String xml = HEAD + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + text + "</t></is></c></row>" + TAIL;

        // when
        List<String> rows = rows(xml, 1 << 16);

        // then
        assertThat(rows).containsExactly("1: inlineStr|-1|" + text);
    }

    @Test
    void aSheetWithoutDataHasNoRows() throws IOException {
        assertThat(rows("<worksheet><sheetData/></worksheet>", 3)).isEmpty();
        assertThat(rows("<worksheet><dimension ref=\"A1\"/></worksheet>", 3)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<!DOCTYPE worksheet [<!ENTITY a \"aaaa\">]><worksheet><sheetData><row r=\"1\"><c><v>&a;</v></c></row></sheetData></worksheet>",
                "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>",
                "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row></sheetData></worksheet>",
                "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>&nbsp;</v></c></row></sheetData></worksheet>",
                "<worksheet><sheetData><row r=\"x\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>",
                "<worksheet><sheetData><row r=\"1\"><c r=\"1A\"><v>1</v></c></row></sheetData></worksheet>",
                "<worksheet><sheetData><row r=\"1\"><c r=A1><v>1</v></c></row></sheetData></worksheet>",
                "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1<b/></v></c></row></sheetData></worksheet>"
            })
    void refusesMalformedOrUnsafeXml(String xml) {
        assertThatThrownBy(() -> rows(xml, 4))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("malformed worksheet XML: ");
    }

    @Test
    void refusesASheetInAnotherEncodingThanUtf8() {
        String gbk =
                "<?xml version=\"1.0\" encoding=\"GBK\"?><worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>";
        assertThatThrownBy(() -> rows(gbk, 1 << 16))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("an encoding other than UTF-8");
        byte[] utf16 = "\uFEFF<worksheet><sheetData/></worksheet>".getBytes(StandardCharsets.UTF_16BE);
        assertThatThrownBy(() -> new SheetXml(new ByteArrayInputStream(utf16), RAW).nextRow(new ArrayList<>()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("UTF-16");
    }

    @Test
    void givesIsoDateCellsTheSharedDateForm() {
        assertThat(XlsxRows.isoDate("2018-06-01")).isEqualTo("2018-06-01");
        assertThat(XlsxRows.isoDate("2018-06-01T00:00:00")).isEqualTo("2018-06-01");
        assertThat(XlsxRows.isoDate("2018-06-01T08:30:00Z")).isEqualTo("2018-06-01 08:30:00");
        assertThat(XlsxRows.isoDate("六月一日")).isEqualTo("六月一日");
    }
}
