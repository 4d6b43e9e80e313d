package org.hhw.schedules.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.clean.ResidentIds;

/**
 * Synthetic training rosters (贫困劳动力技能培训花名册), deterministic from a seed. The demo rosters
 * enrol labourers of the demo registry ({@link DemoData#writeDemoSet}) aged 18 to 50, as the plan's
 * training targets, plus a few trainees the registry does not list; they carry the field guide's mess
 * (header variants, title and 填报单位 lines, spaces in names, full-width IDs, every date form, units in
 * cells, jobs described instead of 是) and, in each file, one row of every {@link Defect}.
 */
public final class TrainingSample {

    /** A row the cleaning must report: all but {@link #AGE_MISMATCH} keep the row out. */
    public enum Defect {
        END_BEFORE_START(Reason.INCONSISTENT),
        ZERO_HOURS(Reason.NUMBER_INVALID),
        UNKNOWN_COURSE(Reason.CODE_UNKNOWN),
        SUBSIDY_PENDING(Reason.AMOUNT_INVALID),
        DUPLICATE(Reason.DUPLICATE_IN_FILE),
        AGE_MISMATCH(Reason.INCONSISTENT);

        private final Reason reason;

        Defect(Reason reason) {
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * What one roster holds.
     *
     * @param lastCourseEnd the day its last course ended: the last day the roster tells of
     * @param dataRows      enrolment rows, the duplicate included
     * @param unregistered  rows of trainees the demo registry does not list
     * @param defects       rows per defect
     */
    public record Roster(
            Path file, LocalDate lastCourseEnd, int dataRows, int unregistered, Map<Defect, Integer> defects) {
        public Roster {
            defects = Map.copyOf(defects);
        }
    }

    private record Course(String label, String school, String certificatePrefix, int hours, int subsidy) {}

    private static final Course DOMESTIC = new Course("家政服务员", "方源职业培训学校", "JZ", 120, 1500);
    private static final Course ELDERLY = new Course("养老护理员", "方源职业培训学校", "YL", 96, 1500);
    private static final Course INFANT = new Course("育婴员", "天大职业培训学校", "YY", 100, 1200);
    private static final Course SECURITY = new Course("保安员", "阳光职业培训学校", "BA", 80, 1000);
    private static final Course E_COMMERCE = new Course("电子商务", "阳光职业培训学校", "DS", 60, 800);
    private static final Course CROPS = new Course("种植技术", "博宇职业培训学校", "ZZ", 72, 900);
    private static final Course LIVESTOCK = new Course("养殖技术", "博宇职业培训学校", "YZ", 72, 900);

    /** The demo rosters: name, courses, format. */
    private enum DemoFile {
        XLSX("2019年方源天大职业培训学校家政养老育婴培训花名册.xlsx", List.of(DOMESTIC, ELDERLY, INFANT)),
        XLS("2019年阳光职业培训学校保安电商培训花名册.xls", List.of(SECURITY, E_COMMERCE)),
        CSV_GB18030("2019年博宇职业培训学校种植养殖培训花名册.csv", List.of(CROPS, LIVESTOCK));

        final String fileName;
        final List<Course> courses;

        DemoFile(String fileName, List<Course> courses) {
            this.fileName = fileName;
            this.courses = courses;
        }
    }

    /** A column with the header variants the field guide lists, the first being the one a clean file uses. */
    private enum Column {
        SERIAL("序号"),
        NAME("姓名", "学员姓名"),
        SEX("性别"),
        AGE("年龄"),
        ID("身份证号", "证件号码"),
        COURSE("培训项目", "培训工种", "培训专业"),
        SCHOOL("培训机构", "培训学校"),
        START("开班日期"),
        END("结业日期"),
        HOURS("培训课时", "学时"),
        COMPLETED("是否结业"),
        CERTIFICATE("证书编号", "职业资格证书"),
        EMPLOYED("是否就业", "就业情况"),
        PLACE("就业地点"),
        WAGE("月收入（元）", "月工资"),
        SUBSIDY("补贴金额（元）", "培训补贴");

        final List<String> headers;

        Column(String... headers) {
            this.headers = List.of(headers);
        }
    }

    private static final List<Column> LARGE_COLUMNS = List.of(
            Column.NAME,
            Column.ID,
            Column.COURSE,
            Column.SCHOOL,
            Column.START,
            Column.END,
            Column.HOURS,
            Column.COMPLETED,
            Column.CERTIFICATE,
            Column.EMPLOYED,
            Column.PLACE,
            Column.WAGE,
            Column.SUBSIDY);
    private static final String[] PLACES = {"北京", "天津", "太原", "大同", "县内"};
    private static final String[] UNKNOWN_COURSES = {"美容美发", "电焊工", "挖掘机驾驶"};
    private static final DateTimeFormatter[] DATE_FORMS = {
        DateTimeFormatter.ISO_LOCAL_DATE,
        DateTimeFormatter.ofPattern("yyyy/M/d"),
        DateTimeFormatter.ofPattern("yyyy.M.d"),
        DateTimeFormatter.ofPattern("yyyy年M月d日"),
        DateTimeFormatter.BASIC_ISO_DATE
    };
    /** The trainees the plan means: registered labourers able to work. */
    private static final Set<String> ABLE = Set.of("普通劳动力", "技能劳动力");
    /** The first rows of each demo file: trainees the registry does not list. */
    private static final int UNREGISTERED_PER_FILE = 2;

    /** One enrolment as it should read once cleaned. */
    private record Enrolment(
            String name,
            String id,
            String sex,
            LocalDate born,
            Course course,
            LocalDate start,
            LocalDate end,
            int hours,
            boolean completed,
            String certificate,
            String employment,
            String place,
            Integer wage,
            int subsidy) {}

    private TrainingSample() {}

    /**
     * Writes the demo rosters into {@code inbox} (created if missing): an xlsx, an xls and a GB18030
     * csv, whose trainees are the demo registry's people of {@code seed}.
     */
    public static List<Roster> writeDemo(Path inbox, long seed) throws IOException {
        Files.createDirectories(inbox);
        List<Person> labourers = new ArrayList<>();
        Set<String> registered = new HashSet<>();
        for (Household h : DemoData.households(seed)) {
            for (Person p : h.members()) {
                registered.add(p.id());
                int age = RegistrySample.YEAR - p.birthDate().getYear();
                if (age >= 18 && age <= 50 && ABLE.contains(p.labourCapacity())) {
                    labourers.add(p);
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x7261696EL);
        DemoFile[] files = DemoFile.values();
        List<List<Person>> trainees = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            trainees.add(new ArrayList<>());
        }
        for (Person p : labourers) {
            if (random.nextInt(100) < 30) {
                trainees.get(random.nextInt(files.length)).add(p);
            }
        }
        List<Roster> rosters = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            DemoFile f = files[i];
            List<Enrolment> enrolments = new ArrayList<>();
            for (Person p : trainees.get(i)) {
                enrolments.add(enrolment(random, p.name(), p.id(), p.sex(), p.birthDate(), pick(random, f.courses)));
            }
            for (int k = 0; k < UNREGISTERED_PER_FILE; k++) {
                boolean male = random.nextBoolean();
                String id = unregisteredId(random, male, registered);
                registered.add(id);
                LocalDate born = LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
                enrolments.add(
                        k,
                        enrolment(
                                random,
                                RegistrySample.personName(random, male),
                                id,
                                male ? "男" : "女",
                                born,
                                pick(random, f.courses)));
            }
            Path file = inbox.resolve(f.fileName);
            SheetSink sink = switch (f) {
                case XLSX -> SheetSink.xlsx(file);
                case XLS -> SheetSink.xls(file);
                case CSV_GB18030 -> SheetSink.csv(file, CsvEncoding.GB18030);
            };
            rosters.add(writeMessy(
                    file,
                    sink,
                    f.courses.get(0).school(),
                    enrolments,
                    UNREGISTERED_PER_FILE,
                    f != DemoFile.CSV_GB18030,
                    random.nextLong()));
        }
        return rosters;
    }

    /** A clean csv of {@code rows} enrolments, one per person of a streamed registry: for the benchmark. */
    public static void writeLarge(Path file, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<Course> courses = List.of(DOMESTIC, ELDERLY, INFANT, SECURITY, E_COMMERCE, CROPS, LIVESTOCK);
        Iterator<Household> households = RegistrySample.stream(seed, rows);
        try (SheetSink sink = SheetSink.csv(file, CsvEncoding.UTF8)) {
            sink.sheet("培训花名册", false, LARGE_COLUMNS.size());
            sink.row(
                    LARGE_COLUMNS.stream().map(c -> Cell.text(c.headers.get(0))).toList());
            while (households.hasNext()) {
                for (Person p : households.next().members()) {
                    Enrolment e = enrolment(random, p.name(), p.id(), p.sex(), p.birthDate(), pick(random, courses));
                    sink.row(LARGE_COLUMNS.stream().map(c -> cleanCell(c, e)).toList());
                }
            }
            sink.finish();
        }
    }

    private static Enrolment enrolment(
            SplittableRandom random, String name, String id, String sex, LocalDate born, Course course) {
        LocalDate start = LocalDate.of(RegistrySample.YEAR, 3 + random.nextInt(8), 1 + random.nextInt(28));
        LocalDate end = start.plusDays(course.hours() / 6 + random.nextInt(10));
        boolean completed = random.nextInt(100) < 92;
        String certificate = completed && random.nextInt(100) < 70
                ? course.certificatePrefix() + RegistrySample.YEAR + String.format("%04d", random.nextInt(10_000))
                : null;
        int roll = random.nextInt(100);
        String place = roll < 60 ? pick(random, List.of(PLACES)) : null;
        String employment = place == null
                ? (roll < 90 ? "否" : "未就业")
                : roll < 45 ? "是" : "在" + place + "做" + course.label().replace("员", "");
        Integer wage = place == null ? null : 1800 + 100 * random.nextInt(40);
        return new Enrolment(
                name,
                id,
                sex,
                born,
                course,
                start,
                end,
                course.hours(),
                completed,
                certificate,
                employment,
                place,
                wage,
                course.subsidy());
    }

    /** A valid Tianzhen ID that no registered person has. */
    private static String unregisteredId(SplittableRandom random, boolean male, Set<String> taken) {
        while (true) {
            LocalDate born = LocalDate.of(1975 + random.nextInt(25), 1 + random.nextInt(12), 1 + random.nextInt(28));
            int sequence = 2 * random.nextInt(499) + (male ? 1 : 2);
            String first17 = RegistrySample.AREA_CODE
                    + born.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", sequence);
            String id = first17 + ResidentIds.checkChar(first17);
            if (!taken.contains(id)) {
                return id;
            }
        }
    }

    private static Roster writeMessy(
            Path file,
            SheetSink sink,
            String school,
            List<Enrolment> enrolments,
            int unregistered,
            boolean workbook,
            long seed)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<Column> columns = List.of(Column.values());
        Map<Defect, Integer> defects = new EnumMap<>(Defect.class);
        // each defect on its own row of a registered trainee, spread over the file
        Map<Integer, Defect> defectAt = new HashMap<>();
        int step = Math.max(1, (enrolments.size() - unregistered) / Defect.values().length);
        for (Defect d : Defect.values()) {
            defectAt.put(unregistered + step * d.ordinal(), d);
            defects.put(d, 1);
        }
        try (sink) {
            sink.sheet(
                    workbook ? "培训花名册" : file.getFileName().toString().replaceFirst("\\.[^.]*$", ""),
                    false,
                    columns.size());
            sink.row(List.of(Cell.text("天镇县" + RegistrySample.YEAR + "年贫困劳动力技能培训花名册")));
            sink.merge(0, 0, 0, columns.size() - 1);
            if (workbook) {
                sink.row(List.of(Cell.text("填报单位：" + school + "　填报日期：" + RegistrySample.YEAR + "年11月")));
            }
            sink.row(columns.stream()
                    .map(c -> Cell.text(c.headers.get(random.nextInt(c.headers.size()))))
                    .toList());
            int serial = 0;
            int rows = 0;
            long subsidies = 0;
            Enrolment duplicated = null;
            for (int i = 0; i < enrolments.size(); i++) {
                Enrolment e = enrolments.get(i);
                Defect defect = defectAt.get(i);
                List<Cell> cells = new ArrayList<>();
                for (Column c : columns) {
                    cells.add(
                            c == Column.SERIAL
                                    ? Cell.text(Integer.toString(++serial))
                                    : messyCell(random, c, e, defect, workbook));
                }
                sink.row(cells);
                rows++;
                subsidies += e.subsidy();
                if (defect == Defect.DUPLICATE) {
                    duplicated = e;
                }
                if (duplicated != null && i == enrolments.size() - 1) {
                    Enrolment again = duplicated;
                    List<Cell> copy = new ArrayList<>();
                    for (Column c : columns) {
                        copy.add(c == Column.SERIAL ? Cell.text(Integer.toString(++serial)) : cleanCell(c, again));
                    }
                    sink.row(copy);
                    rows++;
                }
            }
            List<Cell> total = new ArrayList<>();
            for (Column c : columns) {
                total.add(c == Column.SERIAL ? Cell.text("合计") : c == Column.SUBSIDY ? Cell.number(subsidies) : null);
            }
            sink.row(total);
            sink.row(List.of(Cell.text("制表人：" + RegistrySample.personName(random, random.nextBoolean()) + "　审核人："
                    + RegistrySample.personName(random, random.nextBoolean()))));
            sink.finish();
            LocalDate lastCourseEnd = enrolments.stream()
                    .map(Enrolment::end)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            return new Roster(file, lastCourseEnd, rows, unregistered, defects);
        }
    }

    /** A cell as a clerk types it: the true value in one of its written forms, or the row's defect. */
    private static Cell messyCell(
            SplittableRandom random, Column column, Enrolment e, Defect defect, boolean workbook) {
        int roll = random.nextInt(100);
        return switch (column) {
            case NAME ->
                Cell.text(
                        roll < 8 && e.name().length() > 1
                                ? e.name().charAt(0) + "　" + e.name().substring(1)
                                : e.name());
            case SEX -> Cell.text(e.sex());
            case AGE -> {
                int age = Period.between(e.born(), e.start()).getYears();
                yield workbook
                        ? Cell.number(defect == Defect.AGE_MISMATCH ? age + 12 : age)
                        : Cell.text(Integer.toString(defect == Defect.AGE_MISMATCH ? age + 12 : age));
            }
            case ID -> Cell.text(roll < 6 ? fullWidth(e.id()) : roll < 9 ? e.id().toLowerCase() : e.id());
            case COURSE ->
                Cell.text(
                        defect == Defect.UNKNOWN_COURSE
                                ? pick(random, List.of(UNKNOWN_COURSES))
                                : e.course().label());
            case START -> Cell.text(e.start().format(DATE_FORMS[random.nextInt(DATE_FORMS.length)]));
            case END ->
                Cell.text((defect == Defect.END_BEFORE_START ? e.start().minusDays(5) : e.end())
                        .format(DATE_FORMS[random.nextInt(DATE_FORMS.length)]));
            case HOURS ->
                defect == Defect.ZERO_HOURS
                        ? Cell.text("0")
                        : roll < 30
                                ? Cell.text(e.hours() + "课时")
                                : workbook ? Cell.number(e.hours()) : cleanCell(column, e);
            case WAGE ->
                e.wage() == null
                        ? null
                        : roll < 20
                                ? Cell.text(String.format("%,d.00元", e.wage()))
                                : workbook ? Cell.number(e.wage()) : cleanCell(column, e);
            case SUBSIDY ->
                defect == Defect.SUBSIDY_PENDING
                        ? Cell.text("待定")
                        : roll < 20 ? Cell.text(String.format("%,d.00元", e.subsidy())) : cleanCell(column, e);
            default -> cleanCell(column, e);
        };
    }

    private static Cell cleanCell(Column column, Enrolment e) {
        return switch (column) {
            case SERIAL -> null;
            case NAME -> Cell.text(e.name());
            case SEX -> Cell.text(e.sex());
            case AGE ->
                Cell.text(Integer.toString(Period.between(e.born(), e.start()).getYears()));
            case ID -> Cell.text(e.id());
            case COURSE -> Cell.text(e.course().label());
            case SCHOOL -> Cell.text(e.course().school());
            case START -> Cell.text(e.start().toString());
            case END -> Cell.text(e.end().toString());
            case HOURS -> Cell.text(Integer.toString(e.hours()));
            case COMPLETED -> Cell.text(e.completed() ? "是" : "否");
            case CERTIFICATE -> e.certificate() == null ? null : Cell.text(e.certificate());
            case EMPLOYED -> Cell.text(e.employment());
            case PLACE -> e.place() == null ? null : Cell.text(e.place());
            case WAGE -> e.wage() == null ? null : Cell.text(Integer.toString(e.wage()));
            case SUBSIDY -> Cell.text(Integer.toString(e.subsidy()));
        };
    }

    private static String fullWidth(String id) {
        StringBuilder out = new StringBuilder();
        for (char ch : id.toCharArray()) {
            out.append(Character.isDigit(ch) ? (char) (ch - '0' + '０') : ch == 'X' ? 'Ｘ' : ch);
        }
        return out.toString();
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
