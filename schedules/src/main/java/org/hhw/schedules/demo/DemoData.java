package org.hhw.schedules.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Ready-made registry files: a small messy set for the demo, large clean files for the benchmark. */
public final class DemoData {

    public static final int DEMO_PERSONS = 2_000;

    /** The demo files: name, townships, format. Ten of the eleven townships, as four clerks would send them. */
    private enum DemoFile {
        XLSX("2019年南河堡乡等四乡镇花名册.xlsx", List.of("南河堡乡", "逯家湾镇", "新平堡镇", "卅里铺乡")),
        XLS("2019年米薪关镇张西河乡花名册.xls", List.of("米薪关镇", "张西河乡")),
        CSV_UTF8("2019年赵家沟乡贾家屯乡花名册.csv", List.of("赵家沟乡", "贾家屯乡")),
        CSV_GB18030("2019年南高崖乡玉泉镇花名册.csv", List.of("南高崖乡", "玉泉镇"));

        final String fileName;
        final List<String> townships;

        DemoFile(String fileName, List<String> townships) {
            this.fileName = fileName;
            this.townships = townships;
        }
    }

    private DemoData() {}

    /**
     * Writes the demo set into {@code inbox} (created if missing): one xlsx workbook with a sheet
     * for each of four townships plus a hidden and an empty sheet; one xls for two townships with
     * a two-row header; a UTF-8 csv (no BOM) and a GB18030 csv of two townships each. About
     * {@value #DEMO_PERSONS} people in all, with every {@link Mess} a format allows.
     *
     * @return the manifest of each file, in the order above
     */
    public static List<Manifest> writeDemoSet(Path inbox, long seed) throws IOException {
        Files.createDirectories(inbox);
        List<Household> households = households(seed);
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Manifest> manifests = new ArrayList<>();
        for (DemoFile f : DemoFile.values()) {
            List<Household> mine = households.stream()
                    .filter(h -> f.townships.contains(h.township()))
                    .toList();
            Path file = inbox.resolve(f.fileName);
            manifests.add(
                    switch (f) {
                        case XLSX ->
                            new RegistryFileWriter(without(Mess.TWO_ROW_HEADER), seeds.nextLong())
                                    .writeXlsx(file, mine);
                        case XLS ->
                            new RegistryFileWriter(without(Mess.HIDDEN_SHEET, Mess.EMPTY_SHEET), seeds.nextLong())
                                    .writeXls(file, mine);
                        case CSV_UTF8 ->
                            new RegistryFileWriter(Mess.all(), seeds.nextLong()).writeCsv(file, mine, CsvEncoding.UTF8);
                        case CSV_GB18030 ->
                            new RegistryFileWriter(Mess.all(), seeds.nextLong())
                                    .writeCsv(file, mine, CsvEncoding.GB18030);
                    });
        }
        return manifests;
    }

    /** The registered households of the demo set: the people every department's demo files name. */
    public static List<Household> households(long seed) {
        List<String> townships = new ArrayList<>();
        for (DemoFile f : DemoFile.values()) {
            townships.addAll(f.townships);
        }
        return RegistrySample.generate(seed, DEMO_PERSONS, townships);
    }

    /** A clean csv of {@code persons} people over all townships, streamed: for the benchmark. */
    public static Manifest writeLargeCsv(Path file, int persons, long seed, CsvEncoding encoding) throws IOException {
        return RegistryFileWriter.writeCleanCsv(file, RegistrySample.stream(seed, persons), encoding);
    }

    /** A clean xlsx of {@code persons} people over all townships, streamed (a million fit in -Xmx256m). */
    public static Manifest writeLargeXlsx(Path file, int persons, long seed) throws IOException {
        return RegistryFileWriter.writeCleanXlsx(file, RegistrySample.stream(seed, persons));
    }

    private static Set<Mess> without(Mess... excluded) {
        Set<Mess> mess = EnumSet.allOf(Mess.class);
        mess.removeAll(List.of(excluded));
        return mess;
    }
}
