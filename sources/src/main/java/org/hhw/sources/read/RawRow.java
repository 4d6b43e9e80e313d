package org.hhw.sources.read;

import java.util.List;
import java.util.Set;

/**
 * One physical row of a department file, before any interpretation: the cells as strings
 * (blank = ""), in column order, with the sheet it came from and its 1-based row number as
 * Excel, WPS or a text editor shows it, and whether the sheet hides it (clerks hide rows they have
 * checked rather than delete them, so a hidden row is read like any other, and the clerk told).
 *
 * <p>Cell conventions shared by every reader, so that cleaning sees one shape whatever the format:
 * <ul>
 *   <li>text cells: the text as written (no trimming);</li>
 *   <li>numeric cells: the plain decimal form ("1200", "1200.5"); a number of 1e15 or more is
 *       given in scientific form ("1.40222199001011E17") because its trailing digits are not
 *       trustworthy (Excel keeps 15 significant digits);</li>
 *   <li>date-formatted numeric cells: ISO "yyyy-MM-dd" (or "yyyy-MM-dd HH:mm:ss" with a time); a
 *       format that shows a year and month only (2018年12月) gives the ISO month "yyyy-MM", as the
 *       cell shows it;</li>
 *   <li>formula cells: their cached value, by the rules above, their column in {@code formulas};
 *       a formula saved without one (a program that writes formulas without calculating them) is
 *       "", its column in {@code uncalculated} too, so that the clerk is told why the cell is
 *       empty;</li>
 *   <li>booleans: "TRUE" / "FALSE".</li>
 * </ul>
 *
 * @param uncalculated the 0-based columns of formula cells without a calculated result (only an
 *                     xlsx can have them: an xls stores a result with every formula)
 * @param formulas     the 0-based columns of formula cells, calculated or not (a csv has none):
 *                     amounts summed by formulas mark a subtotal row whatever its label says
 */
public record RawRow(
        String sheet,
        int rowNumber,
        List<String> cells,
        boolean hidden,
        Set<Integer> uncalculated,
        Set<Integer> formulas) {

    /** A row of values only, as a csv has them. */
    public RawRow(String sheet, int rowNumber, List<String> cells) {
        this(sheet, rowNumber, cells, false, Set.of(), Set.of());
    }

    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    public boolean isBlank() {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
