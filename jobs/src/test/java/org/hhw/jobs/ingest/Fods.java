package org.hhw.jobs.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a flat OpenDocument spreadsheet (.fods) of text cells: the source from which LibreOffice
 * writes a fixture as a spreadsheet program other than POI writes it
 * ({@code soffice --headless --convert-to xlsx|xls --outdir DIR FILE.fods}). Every cell is text, so
 * LibreOffice keeps "2018.12" or "201812" as written instead of reading numbers or dates into them.
 */
final class Fods {

    private Fods() {}

    static void write(Path file, String sheet, List<String[]> rows) throws IOException {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
                xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" \
                office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
                 <office:body>
                  <office:spreadsheet>
                """);
        xml.append("   <table:table table:name=\"").append(escape(sheet)).append("\">\n");
        for (String[] row : rows) {
            xml.append("    <table:table-row>");
            for (String cell : row) {
                xml.append(
                        cell.isEmpty()
                                ? "<table:table-cell/>"
                                : "<table:table-cell office:value-type=\"string\"><text:p>" + escape(cell)
                                        + "</text:p></table:table-cell>");
            }
            xml.append("</table:table-row>\n");
        }
        xml.append("""
                   </table:table>
                  </office:spreadsheet>
                 </office:body>
                </office:document>
                """);
        Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
