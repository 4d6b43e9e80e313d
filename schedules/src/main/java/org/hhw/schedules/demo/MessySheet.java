package org.hhw.schedules.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.poi.ss.util.CellReference;
import org.hhw.sources.clean.ResidentIds;

/**
 * One sheet laid out the way a township clerk lays it out, with the chosen {@link Mess}. It is
 * planned in memory (a township's registry is a few thousand rows at most) and then written to
 * any {@link SheetSink}, so every format carries the same content.
 */
final class MessySheet {

    static final String TITLE = "天镇县" + RegistrySample.YEAR + "年建档立卡贫困人口花名册";
    /** Relations no code list has, by the member's sex. */
    static final String UNKNOWN_RELATION_MALE = "干儿子";

    static final String UNKNOWN_RELATION_FEMALE = "干女儿";
    /** Plausible village names that are not in the gazetteer. */
    static final List<String> UNKNOWN_VILLAGES = List.of("幸福村", "红旗村", "新建村", "东风村");

    /** Habits that go to one household of the sheet; the aliases are spread differently. */
    private static final Set<Mess> HOUSEHOLD_HABITS = EnumSet.of(
            Mess.NAME_SPACES,
            Mess.FULLWIDTH_ID,
            Mess.LOWERCASE_X,
            Mess.FORMULA,
            Mess.OLD_ID_15,
            Mess.ID_AS_NUMBER,
            Mess.BAD_CHECK_DIGIT,
            Mess.UNKNOWN_VILLAGE,
            Mess.UNKNOWN_CODE,
            Mess.DUPLICATE_ROW);

    private static final String[] REMARKS = {"外出务工", "长期在外", "享受低保", "危房改造户"};

    private record Merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {}

    private final String name;
    private final Set<Mess> mess;
    private final boolean workbook;
    private final SplittableRandom random;
    private final List<Column> columns = new ArrayList<>();
    private final List<List<Cell>> rows = new ArrayList<>();
    private final List<Merge> merges = new ArrayList<>();
    private final List<Manifest.Injection> injections = new ArrayList<>();
    private final Manifest.SheetSummary summary;
    private int dataRows;
    private int subtotalRows;
    private int blankRows;
    private int footerRows;
    private int serial;

    /**
     * @param unit who fills the sheet in, for the 填报单位 line
     * @param workbook whether the target is a workbook (merges, formulas and numeric cells exist) or csv
     */
    MessySheet(String name, String unit, List<Household> households, Set<Mess> mess, long seed, boolean workbook) {
        this.name = name;
        this.mess = mess;
        this.workbook = workbook;
        this.random = new SplittableRandom(seed);
        if (mess.contains(Mess.SERIAL_COLUMN)) {
            columns.add(Column.SERIAL);
        }
        columns.addAll(Column.REGISTRY);
        if (mess.contains(Mess.EXTRA_COLUMN)) {
            columns.add(random.nextBoolean() ? Column.REMARK : Column.PHONE);
        }
        List<String> header = columns.stream()
                .map(c -> mess.contains(Mess.HEADER_SYNONYMS) ? c.anyHeader(random) : c.canonicalHeader())
                .toList();
        if (mess.contains(Mess.TITLE)) {
            merges.add(new Merge(rows.size(), rows.size(), 0, columns.size() - 1));
            line(TITLE);
        }
        if (mess.contains(Mess.FILL_LINE)) {
            line("填报单位：" + unit + "　填报日期：" + RegistrySample.YEAR + "年10月");
        }
        int headerRows = mess.contains(Mess.TWO_ROW_HEADER) ? 2 : 1;
        if (headerRows == 2) {
            twoRowHeader(header);
        } else {
            rows.add(header.stream().map(Cell::text).toList());
        }
        int headerRow = rows.size();
        body(households);
        if (mess.contains(Mess.FOOTER)) {
            line("制表人：" + RegistrySample.personName(random, false) + "　　审核人："
                    + RegistrySample.personName(random, true));
            line("单位盖章：");
            footerRows = 2;
        }
        summary = new Manifest.SheetSummary(
                name,
                false,
                header,
                headerRows,
                headerRow,
                dataRows,
                households.size(),
                subtotalRows,
                blankRows,
                footerRows,
                rows.size(),
                injections);
    }

    int rowCount() {
        return rows.size();
    }

    Manifest.SheetSummary summary() {
        return summary;
    }

    void writeTo(SheetSink sink) throws IOException {
        sink.sheet(name, false, columns.size());
        for (List<Cell> row : rows) {
            sink.row(row);
        }
        for (Merge m : merges) {
            sink.merge(m.firstRow(), m.lastRow(), m.firstColumn(), m.lastColumn());
        }
    }

    /** A parent cell merged over its sub-columns; a column without a parent is merged over both rows. */
    private void twoRowHeader(List<String> header) {
        int top = rows.size();
        List<Cell> upper = new ArrayList<>();
        List<Cell> lower = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String group = columns.get(c).group();
            if (group == null) {
                upper.add(Cell.text(header.get(c)));
                lower.add(null);
                merges.add(new Merge(top, top + 1, c, c));
                continue;
            }
            boolean first = c == 0 || !group.equals(columns.get(c - 1).group());
            upper.add(first ? Cell.text(group) : null);
            lower.add(Cell.text(header.get(c)));
            if (first) {
                int last = c;
                while (last + 1 < columns.size()
                        && group.equals(columns.get(last + 1).group())) {
                    last++;
                }
                merges.add(new Merge(top, top, c, last));
            }
        }
        rows.add(upper);
        rows.add(lower);
    }

    /** Households sorted by number, hence by township and village, one village after the other. */
    private void body(List<Household> households) {
        List<Household> sorted = new ArrayList<>(households);
        sorted.sort(Comparator.comparing(Household::number));
        Map<String, Mess> habits = assignHabits(sorted);
        int persons = 0;
        int groups = 0;
        for (int start = 0; start < sorted.size(); groups++) {
            int end = start;
            int groupPersons = 0;
            while (end < sorted.size() && place(sorted.get(end)).equals(place(sorted.get(start)))) {
                Household h = sorted.get(end++);
                boolean townshipAlias = mess.contains(Mess.TOWNSHIP_ALIAS) && random.nextInt(3) == 0;
                boolean villageAlias =
                        mess.contains(Mess.VILLAGE_ALIAS) && !villageAliases(h).isEmpty() && random.nextBoolean();
                household(h, habits.get(h.number()), townshipAlias, villageAlias);
                groupPersons += h.members().size();
            }
            if (mess.contains(Mess.SUBTOTALS)) {
                subtotal("小计", end - start, groupPersons);
            }
            if (mess.contains(Mess.BLANK_ROWS) && groups == 1) {
                blank();
            }
            persons += groupPersons;
            start = end;
        }
        if (mess.contains(Mess.SUBTOTALS)) {
            subtotal("合计", sorted.size(), persons);
        }
        if (mess.contains(Mess.BLANK_ROWS)) {
            blank();
        }
    }

    private static String place(Household h) {
        return h.township() + "/" + h.village();
    }

    private Map<String, Mess> assignHabits(List<Household> households) {
        Map<String, Mess> habits = new HashMap<>();
        for (Mess m : HOUSEHOLD_HABITS) {
            if (!mess.contains(m) || (m.workbookOnly() && !workbook)) {
                continue;
            }
            List<Household> eligible = households.stream()
                    .filter(h -> !habits.containsKey(h.number()) && eligible(m, h))
                    .toList();
            if (!eligible.isEmpty()) {
                habits.put(eligible.get(random.nextInt(eligible.size())).number(), m);
            }
        }
        return habits;
    }

    private static boolean eligible(Mess habit, Household h) {
        return switch (habit) {
            case LOWERCASE_X -> h.members().stream().anyMatch(p -> p.id().endsWith("X"));
            case UNKNOWN_CODE -> h.members().size() > 1;
            case ID_AS_NUMBER -> !h.head().id().endsWith("X");
            default -> true;
        };
    }

    /** The member a habit goes to, or null when it concerns every row of the household. */
    private static Person target(Mess habit, Household h) {
        return switch (habit) {
            case LOWERCASE_X ->
                h.members().stream()
                        .filter(p -> p.id().endsWith("X"))
                        .findFirst()
                        .orElseThrow();
            case UNKNOWN_CODE, DUPLICATE_ROW -> h.members().get(h.members().size() - 1);
            case UNKNOWN_VILLAGE -> null;
            default -> h.head();
        };
    }

    private static List<String> villageAliases(Household h) {
        return Places.bundled().township(h.township()).villages().stream()
                .filter(v -> v.name().equals(h.village()))
                .findFirst()
                .orElseThrow()
                .aliases();
    }

    private void household(Household h, Mess habit, boolean townshipAlias, boolean villageAlias) {
        int headRow = rows.size() + 1;
        Person target = habit == null ? null : target(habit, h);
        String unknownVillage =
                habit == Mess.UNKNOWN_VILLAGE ? UNKNOWN_VILLAGES.get(random.nextInt(UNKNOWN_VILLAGES.size())) : null;
        for (Person p : h.members()) {
            int row = rows.size() + 1;
            int firstInjection = injections.size();
            Map<Column, Cell> cells = values(p);
            if (townshipAlias) {
                put(
                        cells,
                        Column.TOWNSHIP,
                        Cell.text(Places.bundled().township(p.township()).alias()),
                        Mess.TOWNSHIP_ALIAS,
                        row);
            }
            if (unknownVillage != null) {
                put(cells, Column.VILLAGE, Cell.text(unknownVillage), Mess.UNKNOWN_VILLAGE, row);
            } else if (villageAlias) {
                put(cells, Column.VILLAGE, Cell.text(villageAliases(h).get(0)), Mess.VILLAGE_ALIAS, row);
            }
            if (p == target && habit != Mess.DUPLICATE_ROW) {
                apply(habit, p, cells, row, headRow);
            }
            List<Cell> written = columns.stream().map(cells::get).toList();
            rows.add(written);
            dataRows++;
            if (p == target && habit == Mess.DUPLICATE_ROW) {
                rows.add(written);
                dataRows++;
                // The copy repeats the original's aliases, which must be counted again.
                for (Manifest.Injection i : List.copyOf(injections.subList(firstInjection, injections.size()))) {
                    injections.add(new Manifest.Injection(i.mess(), rows.size(), i.value()));
                }
                injections.add(new Manifest.Injection(Mess.DUPLICATE_ROW, rows.size(), p.id()));
            }
        }
    }

    private Map<Column, Cell> values(Person p) {
        Map<Column, Cell> cells = new EnumMap<>(Column.class);
        for (Column c : columns) {
            Cell value = c.value(p);
            if (value != null) {
                cells.put(c, value);
            }
        }
        cells.put(Column.SERIAL, Cell.number(++serial));
        if (random.nextInt(100) < 8) {
            cells.put(Column.REMARK, Cell.text(REMARKS[random.nextInt(REMARKS.length)]));
        }
        if (p.isHead()) {
            cells.put(
                    Column.PHONE,
                    Cell.text("1" + "358".charAt(random.nextInt(3))
                            + String.format("%09d", random.nextInt(1_000_000_000))));
        }
        return cells;
    }

    private void apply(Mess habit, Person p, Map<Column, Cell> cells, int row, int headRow) {
        String id = p.id();
        switch (habit) {
            case NAME_SPACES ->
                put(
                        cells,
                        Column.NAME,
                        Cell.text(p.name().charAt(0) + "　" + p.name().substring(1)),
                        habit,
                        row);
            case FULLWIDTH_ID -> put(cells, Column.ID, Cell.text(fullWidth(id)), habit, row);
            case LOWERCASE_X -> put(cells, Column.ID, Cell.text(id.toLowerCase()), habit, row);
            case OLD_ID_15 -> put(cells, Column.ID, Cell.text(id.substring(0, 6) + id.substring(8, 17)), habit, row);
            case ID_AS_NUMBER -> put(cells, Column.ID, typedAsNumber(id), habit, row);
            case BAD_CHECK_DIGIT -> put(cells, Column.ID, Cell.text(id.substring(0, 17) + wrongCheck(id)), habit, row);
            case UNKNOWN_CODE ->
                put(
                        cells,
                        Column.RELATION,
                        Cell.text("男".equals(p.sex()) ? UNKNOWN_RELATION_MALE : UNKNOWN_RELATION_FEMALE),
                        habit,
                        row);
            case FORMULA -> {
                String column = CellReference.convertNumToColString(columns.indexOf(Column.HOUSEHOLD));
                int lastRow = headRow + p.householdSize() - 1;
                String formula = "COUNTIF(" + column + headRow + ":" + column + lastRow + "," + column + headRow + ")";
                cells.put(Column.SIZE, new Cell.Formula(formula, p.householdSize()));
                injections.add(new Manifest.Injection(habit, row, "=" + formula));
            }
            default -> throw new IllegalArgumentException("not a habit of one member: " + habit);
        }
    }

    /**
     * What is left of an ID typed into a numeric cell: Excel keeps 15 significant digits, and its
     * csv export shows the General format of the number.
     */
    private Cell typedAsNumber(String id) {
        if (workbook) {
            return Cell.number(new BigDecimal(id).round(new MathContext(15)).doubleValue());
        }
        return Cell.text(new BigDecimal(id)
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toString());
    }

    private static char wrongCheck(String id) {
        char right = ResidentIds.checkChar(id.substring(0, 17));
        int value = right == 'X' ? 10 : right - '0';
        return (char) ('0' + (value + 1) % 10);
    }

    private static String fullWidth(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            sb.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
        }
        return sb.toString();
    }

    private void put(Map<Column, Cell> cells, Column column, Cell value, Mess habit, int row) {
        cells.put(column, value);
        injections.add(new Manifest.Injection(habit, row, value.display()));
    }

    private void subtotal(String label, int households, int persons) {
        List<Cell> row = new ArrayList<>(Collections.nCopies(columns.size(), (Cell) null));
        row.set(0, Cell.text(label));
        row.set(columns.indexOf(Column.HOUSEHOLD), Cell.text(households + "户"));
        row.set(columns.indexOf(Column.SIZE), Cell.number(persons));
        rows.add(row);
        subtotalRows++;
    }

    private void blank() {
        rows.add(List.of());
        blankRows++;
    }

    private void line(String text) {
        rows.add(List.of(Cell.text(text)));
    }
}
