package org.hhw.schedules.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.clean.ResidentIds;

/**
 * Synthetic education aid rosters (教育扶贫资助发放名册), deterministic from a seed. The students
 * are the school-age members of the registry demo ({@link DemoData#writeDemoSet} with the same
 * seed), so the rosters link to its persons and households, plus about one in twenty students the
 * registry does not know. Each roster carries the field guide's mess (title and 填报单位 lines,
 * header variants, a sheet per township, terms and amounts written several ways, names with spaces,
 * subtotals and footers) and three defects: an amount 待定, a programme outside the list, and a
 * payment listed twice.
 */
public final class EducationSample {

    /**
     * One roster written: the day its aid was paid, its payment rows (the repeated one included) and
     * how many of them the cleaning must reject, by reason.
     */
    public record Roster(Path file, LocalDate paidOn, int dataRows, Map<Reason, Integer> rejects) {
        public Roster {
            rejects = Map.copyOf(rejects);
        }
    }

    /** A student and the stage the registry's 在校生状况 puts them in. */
    private record Student(String name, String id, String township, String village, String guardian, Stage stage) {}

    /** The stages of the contract, with the programmes a registered student of that stage is paid, per term. */
    private enum Stage {
        PRESCHOOL("学前", "幼儿园", programme("建档立卡学生资助", 500)),
        PRIMARY("小学", "中心小学", programme("营养改善计划", 600), programme("寄宿生生活补助", 500)),
        JUNIOR_HIGH("初中", "中学", programme("营养改善计划", 600), programme("寄宿生生活补助", 625)),
        HIGH_SCHOOL("普通高中", "天镇县第一中学", programme("普高助学金", 1000), programme("免学费", 800)),
        SECONDARY_VOCATIONAL("中职", "天镇县职业中学", programme("中职助学金", 1000), programme("免学费", 1000)),
        HIGHER_VOCATIONAL("高职", "山西职业技术学院", programme("高职助学金", 1000), programme("建档立卡学生资助", 1500)),
        UNDERGRADUATE("本科", "山西大学", programme("建档立卡学生资助", 1500), programme("生源地信用助学贷款", 8000));

        final String label;
        /** A school of the township for the first three stages, the one school of the county or province else. */
        final String school;

        final List<Map.Entry<String, Integer>> programmes;

        @SafeVarargs
        Stage(String label, String school, Map.Entry<String, Integer>... programmes) {
            this.label = label;
            this.school = school;
            this.programmes = List.of(programmes);
        }

        String school(String township) {
            return ordinal() <= JUNIOR_HIGH.ordinal() ? township.replaceAll("[乡镇]$", "") + school : school;
        }

        /** The stage of a registry 在校生状况, or null for a person not in school. */
        static Stage of(String schooling) {
            return switch (schooling) {
                case "学前教育" -> PRESCHOOL;
                case "小学" -> PRIMARY;
                case "七年级", "八年级", "九年级" -> JUNIOR_HIGH;
                case "高中" -> HIGH_SCHOOL;
                case "中职" -> SECONDARY_VOCATIONAL;
                case "高职" -> HIGHER_VOCATIONAL;
                case "本科及以上" -> UNDERGRADUATE;
                default -> null;
            };
        }
    }

    private static Map.Entry<String, Integer> programme(String label, int yuanPerTerm) {
        return Map.entry(label, yuanPerTerm);
    }

    /** The header variants of each column, in the order clerks lay them out. */
    private static final List<List<String>> HEADERS = List.of(
            List.of("学生姓名", "姓名"),
            List.of("学生身份证号", "身份证号", "证件号码"),
            List.of("学校名称", "就读学校"),
            List.of("学段", "就读阶段"),
            List.of("资助项目", "资助类别"),
            List.of("学期", "资助学期"),
            List.of("资助金额", "发放金额", "金额（元）"),
            List.of("发放日期", "发放时间"),
            List.of("家长姓名", "监护人", "户主姓名"),
            List.of("乡镇", "所属乡镇", "乡(镇)", "乡镇名称"),
            List.of("行政村", "村名", "村", "所属村", "行政村名称"));

    private static final int UNREGISTERED_PER_HUNDRED = 5;

    private EducationSample() {}

    /**
     * Writes the demo rosters into {@code inbox}: the spring 2019 roster as xlsx with a sheet per
     * township, the autumn 2019 roster of the second programmes as xls, and the autumn 2019
     * nutrition and preschool roster as a GB18030 csv.
     */
    public static List<Roster> writeDemo(Path inbox, long seed) throws IOException {
        Files.createDirectories(inbox);
        SplittableRandom random = new SplittableRandom(seed ^ 0x6564756361L);
        List<Student> students = students(DemoData.households(seed), true, random);
        Map<String, List<Student>> byTownship = new LinkedHashMap<>();
        for (Student s : students) {
            byTownship.computeIfAbsent(s.township(), t -> new ArrayList<>()).add(s);
        }
        List<Roster> rosters = new ArrayList<>();
        try (SheetSink sink = SheetSink.xlsx(inbox.resolve("2019年春季学期教育扶贫资助发放名册.xlsx"))) {
            LocalDate paidOn = LocalDate.of(2019, 4, 15);
            List<List<Row>> sheets = new ArrayList<>();
            for (List<Student> mine : byTownship.values()) {
                sheets.add(payments(mine, 0, "2019年春季", paidOn));
            }
            rosters.add(write(
                    sink,
                    inbox.resolve("2019年春季学期教育扶贫资助发放名册.xlsx"),
                    paidOn,
                    List.copyOf(byTownship.keySet()),
                    sheets,
                    "天镇县2019年春季学期建档立卡学生资助发放名册",
                    random));
        }
        Path xls = inbox.resolve("2019年秋季学期教育扶贫资助发放名册.xls");
        try (SheetSink sink = SheetSink.xls(xls)) {
            LocalDate paidOn = LocalDate.of(2019, 10, 20);
            rosters.add(write(
                    sink,
                    xls,
                    paidOn,
                    List.of("全县"),
                    List.of(payments(students, 1, "2019-2020学年第一学期", paidOn)),
                    "天镇县2019年秋季学期教育扶贫资助发放名册",
                    random));
        }
        Path csv = inbox.resolve("2019年秋季学期营养改善计划发放名册.csv");
        List<Student> young = students.stream()
                .filter(s -> s.stage().ordinal() <= Stage.JUNIOR_HIGH.ordinal())
                .toList();
        try (SheetSink sink = SheetSink.csv(csv, CsvEncoding.GB18030)) {
            LocalDate paidOn = LocalDate.of(2019, 11, 5);
            rosters.add(write(
                    sink,
                    csv,
                    paidOn,
                    List.of("营养改善计划"),
                    List.of(payments(young, 0, "2019秋", paidOn)),
                    "天镇县2019年秋季学期营养改善计划及学前资助发放名册",
                    random));
        }
        return rosters;
    }

    /**
     * A clean csv (UTF-8, one header row) of {@code rows} payments to the registered students of
     * {@link RegistrySample#stream} of the same seed, streamed: for the benchmark. Every payment has
     * its own (student, programme, term).
     */
    public static void writeLarge(Path file, int rows, long seed) throws IOException {
        // A registry person is in school about one time in six and is paid one or two programmes a
        // term: twelve persons a payment leaves room, and the stream is lazy, so no more are made.
        Iterator<Household> households = RegistrySample.stream(seed, Math.max(rows, 1) * 12);
        SplittableRandom random = new SplittableRandom(seed);
        try (SheetSink sink = SheetSink.csv(file, CsvEncoding.UTF8)) {
            sink.sheet(file.getFileName().toString(), false, HEADERS.size());
            sink.row(HEADERS.stream().map(h -> (Cell) Cell.text(h.get(0))).toList());
            int written = 0;
            while (written < rows) {
                if (!households.hasNext()) {
                    throw new IllegalStateException("the registry sample ran out of students after " + written);
                }
                for (Student s : students(List.of(households.next()), false, random)) {
                    for (int p = 0; p < s.stage().programmes.size() && written < rows; p++) {
                        sink.row(cells(s, s.stage().programmes.get(p), "2019年春季", LocalDate.of(2019, 4, 15)));
                        written++;
                    }
                }
            }
            sink.finish();
        }
    }

    /**
     * The school-age members of the households and, {@code withUnregistered}, after every twenty of
     * them about one the registry lacks.
     */
    private static List<Student> students(
            List<Household> households, boolean withUnregistered, SplittableRandom random) {
        Set<String> registered = new HashSet<>();
        households.forEach(h -> h.members().forEach(p -> registered.add(p.id())));
        List<Student> out = new ArrayList<>();
        for (Household h : households) {
            for (Person p : h.members()) {
                Stage stage = Stage.of(p.schooling());
                if (stage == null) {
                    continue;
                }
                out.add(new Student(
                        p.name(), p.id(), h.township(), h.village(), h.head().name(), stage));
                if (withUnregistered && random.nextInt(100) < UNREGISTERED_PER_HUNDRED) {
                    out.add(unregistered(h, stage, registered, random));
                }
            }
        }
        return out;
    }

    /** A classmate from the same village whose household is not registered: an ID no registry row has. */
    private static Student unregistered(Household neighbour, Stage stage, Set<String> taken, SplittableRandom random) {
        boolean male = random.nextBoolean();
        String id;
        do {
            LocalDate born = LocalDate.of(RegistrySample.YEAR - 6 - 2 * stage.ordinal(), 1, 1)
                    .plusDays(random.nextInt(365));
            int sequence = 2 * random.nextInt(500) + (male ? 1 : 0);
            String first17 =
                    RegistrySample.AREA_CODE + born.toString().replace("-", "") + String.format("%03d", sequence);
            id = first17 + ResidentIds.checkChar(first17);
        } while (!taken.add(id));
        String guardian = RegistrySample.personName(random, true);
        return new Student(
                guardian.charAt(0) + RegistrySample.personName(random, male).substring(1),
                id,
                neighbour.township(),
                neighbour.village(),
                guardian,
                stage);
    }

    /** A payment row to write, and what the cleaning must say about it (null: it loads). */
    private record Row(List<Cell> cells, Reason reason) {}

    private static List<Row> payments(List<Student> students, int programme, String term, LocalDate paidOn) {
        List<Row> rows = new ArrayList<>();
        for (Student s : students) {
            if (programme < s.stage().programmes.size()) {
                rows.add(new Row(cells(s, s.stage().programmes.get(programme), term, paidOn), null));
            }
        }
        return rows;
    }

    private static List<Cell> cells(Student s, Map.Entry<String, Integer> programme, String term, LocalDate paidOn) {
        return List.of(
                Cell.text(s.name()),
                Cell.text(s.id()),
                Cell.text(s.stage().school(s.township())),
                Cell.text(s.stage().label),
                Cell.text(programme.getKey()),
                Cell.text(term),
                Cell.number(programme.getValue()),
                Cell.text(paidOn.toString()),
                Cell.text(s.guardian()),
                Cell.text(s.township()),
                Cell.text(s.village()));
    }

    /**
     * Writes the sheets with the roster's mess and its three defects (in the first sheet that has
     * three rows): an amount 待定, an unknown programme, and its first payment repeated at the end.
     */
    private static Roster write(
            SheetSink sink,
            Path file,
            LocalDate paidOn,
            List<String> sheetNames,
            List<List<Row>> sheets,
            String title,
            SplittableRandom random)
            throws IOException {
        Map<Reason, Integer> rejects = new EnumMap<>(Reason.class);
        int dataRows = 0;
        boolean defectsDone = false;
        for (int i = 0; i < sheets.size(); i++) {
            List<Row> rows = new ArrayList<>(sheets.get(i));
            if (!defectsDone && rows.size() >= 3) {
                rows.set(1, replace(rows.get(1), 6, Cell.text("待定"), Reason.AMOUNT_INVALID));
                rows.set(2, replace(rows.get(2), 4, Cell.text("爱心助学金"), Reason.CODE_UNKNOWN));
                rows.add(new Row(rows.get(0).cells(), Reason.DUPLICATE_IN_FILE));
                defectsDone = true;
            }
            sink.sheet(sheetNames.get(i), false, HEADERS.size() + 1);
            sink.row(List.of(Cell.text(title)));
            sink.row(List.of(Cell.text("填报单位：天镇县教育局学生资助管理中心")));
            List<Cell> header = new ArrayList<>(List.of(Cell.text("序号")));
            HEADERS.forEach(h -> header.add(Cell.text(h.get(random.nextInt(h.size())))));
            sink.row(header);
            int serial = 0;
            for (Row row : rows) {
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.number(++serial));
                cells.addAll(messy(row.cells(), random));
                sink.row(cells);
                dataRows++;
                if (row.reason() != null) {
                    rejects.merge(row.reason(), 1, Integer::sum);
                }
            }
            sink.row(List.of(Cell.text("合计"), Cell.text(rows.size() + "人")));
            sink.row(List.of(Cell.text("制表人：" + RegistrySample.personName(random, false) + "　审核人："
                    + RegistrySample.personName(random, true))));
        }
        sink.finish();
        return new Roster(file, paidOn, dataRows, rejects);
    }

    private static Row replace(Row row, int column, Cell cell, Reason reason) {
        List<Cell> cells = new ArrayList<>(row.cells());
        cells.set(column, cell);
        return new Row(cells, reason);
    }

    /** What clerks do to a good row and the cleaning undoes: spaces in names, amounts and dates written as text. */
    private static List<Cell> messy(List<Cell> cells, SplittableRandom random) {
        List<Cell> out = new ArrayList<>(cells);
        if (out.get(0) instanceof Cell.Text name && name.value().length() == 2 && random.nextInt(10) == 0) {
            out.set(0, Cell.text(name.value().charAt(0) + "　" + name.value().charAt(1)));
        }
        if (out.get(6) instanceof Cell.Number amount && random.nextInt(4) == 0) {
            out.set(6, Cell.text(String.format("%,.2f元", amount.value())));
        }
        if (out.get(7) instanceof Cell.Text date && random.nextInt(3) == 0) {
            LocalDate d = LocalDate.parse(date.value());
            out.set(7, Cell.text(d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日"));
        }
        return out;
    }
}
