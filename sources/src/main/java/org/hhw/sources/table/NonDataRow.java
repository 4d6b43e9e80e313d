package org.hhw.sources.table;

/** A row below the header that carries no record: counted, never loaded, never rejected. */
public record NonDataRow(int sheetIndex, String sheet, int rowNumber, Kind kind) implements SheetRow {

    public enum Kind {
        BLANK("空行"),
        TOTAL("合计/小计行"),
        FOOTER("表尾（制表人、审核人、盖章等）"),
        HEADER("重复的表头");

        private final String labelZh;

        Kind(String labelZh) {
            this.labelZh = labelZh;
        }

        public String labelZh() {
            return labelZh;
        }
    }
}
