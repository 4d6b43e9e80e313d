package org.hhw.schedules.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.clean.ResidentIds;

/**
 * Synthetic inpatient "one-stop" settlements (建档立卡贫困人口住院费用"一站式"结算明细) for the
 * persons of the registry demo ({@link DemoData#writeDemoSet}), deterministic from the seed: most
 * patients are registered, a few are not (their IDs were issued in the neighbouring 阳高县). Costs
 * and reimbursements follow the hospital level; the parts add up to the total unless a
 * {@link Defect} says otherwise. Nothing here is real data.
 */
public final class MedicalSample {

    /** The year the stays are in. */
    public static final int YEAR = RegistrySample.YEAR;
    /** Where the unregistered patients' IDs come from (阳高县): never a Tianzhen registry ID. */
    static final String OTHER_AREA_CODE = "140221";

    static final String UNKNOWN_LEVEL = "二级甲等";
    static final String PENDING = "待定";

    /** What a clerk spoiled in a row of a demo file, and what the ingest must make of it. */
    public enum Defect {
        NAME_SPACES(null, false),
        LOWERCASE_X(null, false),
        /** The key falls back to patient + hospital + admission day. */
        NO_SETTLEMENT_NO(null, false),
        DISCHARGE_BEFORE_ADMISSION(Reason.INCONSISTENT, true),
        /** Self-paid written too high: loaded with a warning. */
        PARTS_DO_NOT_ADD_UP(Reason.INCONSISTENT, false),
        AMOUNT_PENDING(Reason.AMOUNT_INVALID, true),
        UNKNOWN_LEVEL(Reason.CODE_UNKNOWN, true),
        /** The row of another claim repeated, settlement number and all. */
        DUPLICATE_SETTLEMENT(Reason.DUPLICATE_IN_FILE, true);

        private final Reason reason;
        private final boolean rejects;

        Defect(Reason reason, boolean rejects) {
            this.reason = reason;
            this.rejects = rejects;
        }

        /** The reason the ingest reports for such a row, or null when it loads unchanged. */
        public Reason reason() {
            return reason;
        }

        public boolean rejects() {
            return rejects;
        }
    }

    /** One spoiled row: its number as Excel shows it. */
    public record Injection(Defect defect, int row) {}

    /**
     * What one file holds.
     *
     * @param lastDischarge the day its last stay ended: the last day the file tells of
     * @param claimRows     data rows, the duplicate included
     * @param unregistered  data rows of patients the registry does not know
     */
    public record ClaimFile(
            Path file,
            LocalDate lastDischarge,
            String sheet,
            int headerRow,
            int claimRows,
            int unregistered,
            List<Injection> injections) {

        public ClaimFile {
            injections = List.copyOf(injections);
        }

        public Map<Defect, Integer> counts() {
            Map<Defect, Integer> counts = new EnumMap<>(Defect.class);
            injections.forEach(i -> counts.merge(i.defect(), 1, Integer::sum));
            return counts;
        }
    }

    private enum Level {
        TOWNSHIP("乡镇卫生院", 80_000, 300_000, 90),
        COUNTY("县级", 300_000, 1_500_000, 80),
        CITY("市级", 1_000_000, 4_000_000, 70),
        PROVINCE("省级", 2_000_000, 8_000_000, 60),
        OUT_OF_PROVINCE("省外", 3_000_000, 12_000_000, 50);

        final String label;
        final long minFen;
        final long maxFen;
        final int basicPercent;

        Level(String label, long minFen, long maxFen, int basicPercent) {
            this.label = label;
            this.minFen = minFen;
            this.maxFen = maxFen;
            this.basicPercent = basicPercent;
        }
    }

    private record Hospital(String name, Level level) {}

    private static final List<Hospital> HOSPITALS = List.of(
            new Hospital("天镇县人民医院", Level.COUNTY), new Hospital("天镇县中医医院", Level.COUNTY),
            new Hospital("大同市第三人民医院", Level.CITY), new Hospital("大同市第五人民医院", Level.CITY),
            new Hospital("山西省人民医院", Level.PROVINCE), new Hospital("山西医科大学第一医院", Level.PROVINCE),
            new Hospital("北京协和医院", Level.OUT_OF_PROVINCE), new Hospital("中国人民解放军总医院", Level.OUT_OF_PROVINCE));
    private static final String[] ORDINARY = {"肺炎", "慢性支气管炎", "高血压", "糖尿病", "腰椎间盘突出", "胆囊结石", "白内障"};
    private static final String[] MAJOR = {"肺癌", "胃癌", "冠心病", "脑梗死", "慢性肾衰竭", "耐多药肺结核"};

    /** A settled stay as it should read once cleaned; amounts in fen. */
    private record Claim(
            String settlementNo,
            String name,
            String id,
            Hospital hospital,
            LocalDate admitted,
            LocalDate discharged,
            String diagnosis,
            boolean major,
            long total,
            long catalogue,
            long basic,
            long critical,
            long supplementary,
            long assistance,
            long selfPaid,
            boolean registered) {}

    /** The columns of a settlement sheet, each with its header variants; the group is the parent of a two-row header. */
    private enum Col {
        SERIAL(null, null, "序号"),
        SETTLEMENT(null, Claim::settlementNo, "结算单号", "结算编号", "住院号"),
        NAME(null, Claim::name, "患者姓名", "姓名"),
        ID(null, Claim::id, "身份证号", "患者身份证号", "证件号码"),
        HOSPITAL(null, c -> c.hospital().name(), "就诊医院", "定点医院", "医疗机构名称"),
        LEVEL(null, c -> c.hospital().level().label, "医院级别", "医疗机构级别"),
        ADMITTED(null, c -> c.admitted().toString(), "入院日期"),
        DISCHARGED(null, c -> c.discharged().toString(), "出院日期"),
        DIAGNOSIS(null, Claim::diagnosis, "疾病名称", "诊断", "病种"),
        MAJOR(null, c -> c.major() ? "是" : "否", "是否重特大疾病", "是否大病"),
        TOTAL(null, c -> yuan(c.total()), "医疗总费用", "住院总费用", "总费用"),
        CATALOGUE(null, c -> yuan(c.catalogue()), "目录内费用", "政策范围内费用"),
        BASIC(Col.REIMBURSED, c -> yuan(c.basic()), "基本医保报销", "统筹支付", "基本医疗保险"),
        CRITICAL(Col.REIMBURSED, c -> yuan(c.critical()), "大病保险报销", "大病保险"),
        SUPPLEMENTARY(Col.REIMBURSED, c -> yuan(c.supplementary()), "补充医疗保险", "补充保险"),
        ASSISTANCE(Col.REIMBURSED, c -> yuan(c.assistance()), "医疗救助", "民政救助"),
        SELF_PAID(null, c -> yuan(c.selfPaid()), "个人自付", "个人负担"),
        SETTLED(null, c -> c.discharged().toString(), "结算日期");

        static final String REIMBURSED = "报销金额";

        final String group;
        final Function<Claim, String> value;
        final List<String> headers;

        Col(String group, Function<Claim, String> value, String... headers) {
            this.group = group;
            this.value = value;
            this.headers = List.of(headers);
        }

        /** The header variant a file of that style uses (0: canonical). */
        String header(int variant) {
            return headers.get(Math.min(variant, headers.size() - 1));
        }
    }

    /** The demo files: each office sends the stays of its hospital levels in its own layout. */
    private enum DemoFile {
        XLSX("2019年天镇县县级市级医院住院一站式结算明细.xlsx", "县级及市级", Set.of(Level.COUNTY, Level.CITY), 0),
        XLS("2019年乡镇卫生院住院结算明细.xls", "乡镇卫生院", Set.of(Level.TOWNSHIP), 1),
        CSV_GB18030("2019年省级及省外住院结算明细.csv", null, Set.of(Level.PROVINCE, Level.OUT_OF_PROVINCE), 2);

        final String fileName;
        final String sheet;
        final Set<Level> levels;
        final int headerVariant;

        DemoFile(String fileName, String sheet, Set<Level> levels, int headerVariant) {
            this.fileName = fileName;
            this.sheet = sheet;
            this.levels = levels;
            this.headerVariant = headerVariant;
        }
    }

    private MedicalSample() {}

    /**
     * Writes the demo claims into {@code inbox} (created if missing): an xlsx with title, 填报单位
     * line, a two-row header (报销金额 over the reimbursements), a 合计 row and a footer; an xls with
     * header synonyms and the total in 万元; a GB18030 csv. Every file carries each {@link Defect}
     * once (lowercase x only where a patient's ID ends in X).
     */
    public static List<ClaimFile> writeDemo(Path inbox, long seed) throws IOException {
        Files.createDirectories(inbox);
        SplittableRandom random = new SplittableRandom(seed ^ 0x4D45444943414CL);
        List<Claim> claims = claims(DemoData.households(seed), random);
        List<ClaimFile> files = new ArrayList<>();
        for (DemoFile f : DemoFile.values()) {
            List<Claim> mine = claims.stream()
                    .filter(c -> f.levels.contains(c.hospital().level()))
                    .toList();
            Path file = inbox.resolve(f.fileName);
            long fileSeed = random.nextLong();
            files.add(
                    switch (f) {
                        case XLSX -> write(file, f, mine, fileSeed, SheetSink.xlsx(file));
                        case XLS -> write(file, f, mine, fileSeed, SheetSink.xls(file));
                        case CSV_GB18030 -> write(file, f, mine, fileSeed, SheetSink.csv(file, CsvEncoding.GB18030));
                    });
        }
        return files;
    }

    /**
     * A clean UTF-8 csv of {@code rows} claims, one header row, one claim for each person of
     * {@link RegistrySample#stream}: households are pulled one at a time, so the heap stays small.
     */
    public static void writeLarge(Path file, int rows, long seed) throws IOException {
        List<Col> columns = List.of(Col.values()).subList(1, Col.values().length);
        Iterator<Household> households = RegistrySample.stream(seed, rows);
        SplittableRandom random = new SplittableRandom(seed);
        int serial = 0;
        try (SheetSink sink = SheetSink.csv(file, CsvEncoding.UTF8)) {
            sink.sheet("结算明细", false, columns.size());
            sink.row(columns.stream().map(c -> Cell.text(c.header(0))).toList());
            while (households.hasNext()) {
                Household h = households.next();
                for (Person p : h.members()) {
                    Claim c = claim(++serial, p.name(), p.id(), hospital(h.township(), random), random, true);
                    sink.row(columns.stream()
                            .map(col -> Cell.text(col.value.apply(c)))
                            .toList());
                }
            }
            sink.finish();
        }
    }

    /** About one registered person in eight has a stay, a few twice; every twentieth stay is of an unregistered patient. */
    private static List<Claim> claims(List<Household> households, SplittableRandom random) {
        List<Claim> claims = new ArrayList<>();
        for (Household h : households) {
            for (Person p : h.members()) {
                for (int stays = random.nextInt(100) < 12 ? 1 + (random.nextInt(100) < 20 ? 1 : 0) : 0;
                        stays > 0;
                        stays--) {
                    if ((claims.size() + 1) % 20 == 0) {
                        boolean male = random.nextBoolean();
                        claims.add(claim(
                                claims.size() + 1,
                                RegistrySample.personName(random, male),
                                unregisteredId(random, male),
                                hospital(h.township(), random),
                                random,
                                false));
                    }
                    claims.add(
                            claim(claims.size() + 1, p.name(), p.id(), hospital(h.township(), random), random, true));
                }
            }
        }
        return claims;
    }

    private static String unregisteredId(SplittableRandom random, boolean male) {
        LocalDate born = LocalDate.of(1940 + random.nextInt(60), 1, 1).plusDays(random.nextInt(365));
        int sequence = 2 * random.nextInt(499) + (male ? 1 : 2);
        String first17 =
                OTHER_AREA_CODE + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return first17 + ResidentIds.checkChar(first17);
    }

    /** Half of the stays are in the township's own health centre, the rest spread over the referral hospitals. */
    private static Hospital hospital(String township, SplittableRandom random) {
        return random.nextBoolean()
                ? new Hospital(township + "卫生院", Level.TOWNSHIP)
                : HOSPITALS.get(random.nextInt(HOSPITALS.size()));
    }

    private static Claim claim(
            int serial, String name, String id, Hospital hospital, SplittableRandom random, boolean registered) {
        Level level = hospital.level();
        LocalDate admitted = LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(350));
        LocalDate discharged = admitted.plusDays(1 + random.nextInt(20));
        boolean major = random.nextInt(100) < 25;
        String diagnosis = major ? MAJOR[random.nextInt(MAJOR.length)] : ORDINARY[random.nextInt(ORDINARY.length)];
        long total = level.minFen + random.nextLong(level.maxFen - level.minFen);
        long catalogue = total * (85 + random.nextInt(15)) / 100;
        long basic = catalogue * (major ? 80 : level.basicPercent) / 100;
        long critical = major ? (total - basic) * 40 / 100 : 0;
        long supplementary = (total - basic - critical) * 30 / 100;
        long assistance = (total - basic - critical - supplementary) * 40 / 100;
        long selfPaid = total - basic - critical - supplementary - assistance;
        return new Claim(
                String.format("JS%d%07d", YEAR, serial),
                name,
                id,
                hospital,
                admitted,
                discharged,
                diagnosis,
                major,
                total,
                catalogue,
                basic,
                critical,
                supplementary,
                assistance,
                selfPaid,
                registered);
    }

    private static ClaimFile write(Path file, DemoFile f, List<Claim> claims, long seed, SheetSink sink)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        boolean workbook = f.sheet != null;
        boolean twoRows = f == DemoFile.XLSX;
        boolean tenThousand = f == DemoFile.XLS;
        List<Col> columns = new ArrayList<>(List.of(Col.values()));
        if (!workbook) {
            columns.remove(Col.SERIAL);
        }
        String sheet = workbook ? f.sheet : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        List<List<Cell>> rows = new ArrayList<>();
        List<int[]> merges = new ArrayList<>();
        rows.add(line(columns, "天镇县" + YEAR + "年建档立卡贫困人口住院费用“一站式”结算明细"));
        if (workbook) {
            rows.add(line(columns, "填报单位：天镇县医疗保障服务中心　填报日期：" + YEAR + "年12月"));
        }
        List<Cell> header = new ArrayList<>();
        List<Cell> lower = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Col c = columns.get(i);
            Cell text = Cell.text(c.header(f.headerVariant) + (c == Col.TOTAL && tenThousand ? "(万元)" : ""));
            boolean grouped = twoRows && c.group != null;
            header.add(grouped ? (c == Col.BASIC ? Cell.text(c.group) : null) : text);
            lower.add(grouped ? text : null);
            if (twoRows && !grouped) {
                merges.add(new int[] {rows.size(), rows.size() + 1, i, i});
            }
        }
        rows.add(header);
        if (twoRows) {
            merges.add(new int[] {
                rows.size() - 1, rows.size() - 1, columns.indexOf(Col.BASIC), columns.indexOf(Col.ASSISTANCE)
            });
            rows.add(lower);
        }
        int headerRow = rows.size();
        List<Injection> injections = new ArrayList<>();
        Map<Integer, Defect> defects = defects(claims, random);
        int serial = 0;
        int unregistered = 0;
        long total = 0;
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            Defect defect = defects.get(i);
            int copies = defect == Defect.DUPLICATE_SETTLEMENT ? 2 : 1;
            for (int copy = 0; copy < copies; copy++) {
                List<String> values = new ArrayList<>();
                serial++;
                for (Col col : columns) {
                    values.add(
                            col == Col.SERIAL
                                    ? Integer.toString(serial)
                                    : col == Col.TOTAL && tenThousand
                                            ? BigDecimal.valueOf(c.total(), 6).toPlainString()
                                            : col.value.apply(c));
                }
                if (defect != null && (defect != Defect.DUPLICATE_SETTLEMENT || copy == 1)) {
                    spoil(defect, columns, values, random);
                    injections.add(new Injection(defect, rows.size() + 1));
                }
                rows.add(values.stream()
                        .map(v -> v == null ? null : Cell.text(v))
                        .toList());
                total += c.total();
                unregistered += c.registered() ? 0 : 1;
            }
        }
        List<Cell> sum = line(columns, "合计");
        sum.set(
                columns.indexOf(Col.TOTAL),
                Cell.text(tenThousand ? BigDecimal.valueOf(total, 6).toPlainString() : yuan(total)));
        rows.add(sum);
        if (workbook) {
            rows.add(line(
                    columns,
                    "制表人：" + RegistrySample.personName(random, false) + "　审核人："
                            + RegistrySample.personName(random, true)));
        }
        try (sink) {
            sink.sheet(sheet, false, columns.size());
            for (List<Cell> row : rows) {
                sink.row(row);
            }
            for (int[] m : merges) {
                sink.merge(m[0], m[1], m[2], m[3]);
            }
            sink.finish();
        }
        LocalDate lastDischarge = claims.stream()
                .map(Claim::discharged)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return new ClaimFile(file, lastDischarge, sheet, headerRow, serial, unregistered, injections);
    }

    /** Which claim of the file carries which defect: each defect once, on distinct claims. */
    private static Map<Integer, Defect> defects(List<Claim> claims, SplittableRandom random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(random.nextLong()));
        Map<Integer, Defect> defects = new HashMap<>();
        int next = 0;
        for (Defect d : Defect.values()) {
            if (d == Defect.LOWERCASE_X) {
                order.stream()
                        .filter(i ->
                                !defects.containsKey(i) && claims.get(i).id().endsWith("X"))
                        .findFirst()
                        .ifPresent(i -> defects.put(i, d));
                continue;
            }
            while (next < order.size() && defects.containsKey(order.get(next))) {
                next++;
            }
            if (next < order.size()) {
                defects.put(order.get(next), d);
            }
        }
        return defects;
    }

    private static void spoil(Defect defect, List<Col> columns, List<String> values, SplittableRandom random) {
        switch (defect) {
            case NAME_SPACES -> {
                int name = columns.indexOf(Col.NAME);
                values.set(
                        name,
                        values.get(name).charAt(0) + "　" + values.get(name).substring(1));
            }
            case LOWERCASE_X ->
                values.set(
                        columns.indexOf(Col.ID),
                        values.get(columns.indexOf(Col.ID)).toLowerCase());
            case NO_SETTLEMENT_NO -> values.set(columns.indexOf(Col.SETTLEMENT), null);
            case DISCHARGE_BEFORE_ADMISSION ->
                values.set(
                        columns.indexOf(Col.DISCHARGED),
                        LocalDate.parse(values.get(columns.indexOf(Col.ADMITTED)))
                                .minusDays(1 + random.nextInt(3))
                                .toString());
            case PARTS_DO_NOT_ADD_UP -> {
                int self = columns.indexOf(Col.SELF_PAID);
                values.set(
                        self,
                        new BigDecimal(values.get(self))
                                .add(BigDecimal.valueOf(100 + random.nextInt(400)))
                                .toPlainString());
            }
            case AMOUNT_PENDING -> values.set(columns.indexOf(Col.ASSISTANCE), PENDING);
            case UNKNOWN_LEVEL -> values.set(columns.indexOf(Col.LEVEL), UNKNOWN_LEVEL);
            case DUPLICATE_SETTLEMENT -> {
                // the repeated row is the claim as it was, settlement number and all
            }
        }
    }

    /** A row with text in its first cell only, as wide as the table. */
    private static List<Cell> line(List<Col> columns, String text) {
        List<Cell> row = new ArrayList<>(Collections.nCopies(columns.size(), (Cell) null));
        row.set(0, Cell.text(text));
        return row;
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
