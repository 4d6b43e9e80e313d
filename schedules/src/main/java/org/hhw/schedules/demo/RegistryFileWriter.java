package org.hhw.schedules.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes registry files as clerks send them: xlsx, xls or csv, with the chosen {@link Mess}.
 * The mess is deterministic (same households, habits and seed give the same content; csv files
 * are byte-identical) and counted: every method returns a {@link Manifest} of what it wrote.
 */
public final class RegistryFileWriter {

    /** The sheet of a clean, streamed workbook. */
    public static final String CLEAN_SHEET = "花名册";
    /** The empty sheet a workbook keeps when {@link Mess#EMPTY_SHEET} is chosen. */
    public static final String EMPTY_SHEET = "Sheet3";
    /** The hidden sheet holding drop-down lists when {@link Mess#HIDDEN_SHEET} is chosen. */
    public static final String HIDDEN_SHEET = "数据字典";
    /** The unit a sheet covering several townships is filled in by. */
    private static final String COUNTY_UNIT = "天镇县扶贫开发中心";

    private final Set<Mess> mess;
    private final long seed;

    public RegistryFileWriter(Set<Mess> mess, long seed) {
        this.mess = Set.copyOf(mess);
        this.seed = seed;
    }

    /** One sheet per township, in the order the townships first appear, then the hidden and empty sheets. */
    public Manifest writeXlsx(Path file, List<Household> households) throws IOException {
        return workbook(file, households, SheetSink.xlsx(file));
    }

    /** As {@link #writeXlsx}; a township too big for one .xls sheet goes on over "乡镇(2)", "乡镇(3)", …. */
    public Manifest writeXls(Path file, List<Household> households) throws IOException {
        return workbook(file, households, SheetSink.xls(file));
    }

    /**
     * All households in one sheet, named after the file. Habits that only a workbook can have
     * (formulas, hidden and empty sheets) are left out.
     */
    public Manifest writeCsv(Path file, List<Household> households, CsvEncoding encoding) throws IOException {
        List<String> townships = byTownship(households).keySet().stream().toList();
        String unit = townships.size() == 1 ? townships.get(0) : COUNTY_UNIT;
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        MessySheet sheet = new MessySheet(name, unit, households, mess, new SplittableRandom(seed).nextLong(), false);
        try (SheetSink sink = SheetSink.csv(file, encoding)) {
            sheet.writeTo(sink);
            sink.finish();
        }
        return new Manifest(file, List.of(sheet.summary()));
    }

    /**
     * A clean xlsx for benchmarks: one sheet, one header row, canonical headers, one row per person.
     * Households are pulled one at a time and rows are streamed, so the heap stays small.
     */
    public static Manifest writeCleanXlsx(Path file, Iterator<Household> households) throws IOException {
        return clean(file, households, SheetSink.xlsx(file), CLEAN_SHEET);
    }

    /** As {@link #writeCleanXlsx}, in csv. */
    public static Manifest writeCleanCsv(Path file, Iterator<Household> households, CsvEncoding encoding)
            throws IOException {
        return clean(file, households, SheetSink.csv(file, encoding), CLEAN_SHEET);
    }

    private Manifest workbook(Path file, List<Household> households, SheetSink sink) throws IOException {
        List<Manifest.SheetSummary> sheets = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(seed);
        try (sink) {
            for (Map.Entry<String, List<Household>> township :
                    byTownship(households).entrySet()) {
                long sheetSeed = seeds.nextLong();
                List<List<Household>> parts =
                        fitting(township.getKey(), township.getValue(), sheetSeed, sink.maxRows());
                for (int i = 0; i < parts.size(); i++) {
                    String name = i == 0 ? township.getKey() : township.getKey() + "(" + (i + 1) + ")";
                    MessySheet sheet = new MessySheet(name, township.getKey(), parts.get(i), mess, sheetSeed, true);
                    sheet.writeTo(sink);
                    sheets.add(sheet.summary());
                }
            }
            if (mess.contains(Mess.HIDDEN_SHEET)) {
                sheets.add(dictionary(sink));
            }
            if (mess.contains(Mess.EMPTY_SHEET)) {
                sink.sheet(EMPTY_SHEET, false, 0);
                sheets.add(new Manifest.SheetSummary(EMPTY_SHEET, false, List.of(), 0, 0, 0, 0, 0, 0, 0, 0, List.of()));
            }
            sink.finish();
        }
        return new Manifest(file, sheets);
    }

    /** Splits a township's households until each part fits on one sheet. */
    private List<List<Household>> fitting(String township, List<Household> households, long sheetSeed, int maxRows) {
        if (new MessySheet(township, township, households, mess, sheetSeed, true).rowCount() <= maxRows) {
            return List.of(households);
        }
        if (households.size() == 1) {
            throw new IllegalArgumentException("one household does not fit on a sheet of " + maxRows + " rows");
        }
        int half = households.size() / 2;
        List<List<Household>> parts =
                new ArrayList<>(fitting(township, households.subList(0, half), sheetSeed, maxRows));
        parts.addAll(fitting(township, households.subList(half, households.size()), sheetSeed, maxRows));
        return parts;
    }

    /** The drop-down lists a template keeps on a hidden sheet: no registry rows. */
    private static Manifest.SheetSummary dictionary(SheetSink sink) throws IOException {
        List<List<String>> lists = List.of(
                List.of("贫困户属性", "一般贫困户", "低保贫困户", "特困供养贫困户"),
                List.of("脱贫状态", "已脱贫", "未脱贫"),
                List.of("是否易地搬迁户", "是", "否"));
        sink.sheet(HIDDEN_SHEET, true, 4);
        for (List<String> list : lists) {
            sink.row(list.stream().map(Cell::text).toList());
        }
        return new Manifest.SheetSummary(HIDDEN_SHEET, true, List.of(), 0, 0, 0, 0, 0, 0, 0, lists.size(), List.of());
    }

    private static Manifest clean(Path file, Iterator<Household> households, SheetSink sink, String sheetName)
            throws IOException {
        List<String> header =
                Column.REGISTRY.stream().map(Column::canonicalHeader).toList();
        int rows = 0;
        int count = 0;
        try (sink) {
            sink.sheet(sheetName, false, header.size());
            sink.row(header.stream().map(Cell::text).toList());
            while (households.hasNext()) {
                count++;
                for (Person p : households.next().members()) {
                    sink.row(Column.REGISTRY.stream().map(c -> c.value(p)).toList());
                    rows++;
                }
            }
            sink.finish();
        }
        return new Manifest(
                file,
                List.of(new Manifest.SheetSummary(
                        sheetName, false, header, 1, 1, rows, count, 0, 0, 0, rows + 1, List.of())));
    }

    private static Map<String, List<Household>> byTownship(List<Household> households) {
        Map<String, List<Household>> groups = new LinkedHashMap<>();
        for (Household h : households) {
            groups.computeIfAbsent(h.township(), k -> new ArrayList<>()).add(h);
        }
        return groups;
    }
}
