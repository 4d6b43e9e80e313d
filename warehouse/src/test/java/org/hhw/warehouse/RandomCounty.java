package org.hhw.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A small county that lives through a seeded random sequence of files, as clerks would send them: registry files of a
 * township (households added, dropped, changed; persons moving between households and townships, beneficiaries the
 * registry did not know becoming registered), department files of all four departments naming registered persons and
 * others, corrections of earlier files (the same natural keys, other values), duplicates and unusable files. Each
 * {@link #next} writes the next file and says what to do with it.
 */
final class RandomCounty {

    /** One file of the sequence: load it, record it as a duplicate of an earlier file, or as unusable. */
    record Step(String source, Path file, LocalDateTime receivedAt, Kind kind, String what) {}

    enum Kind {
        LOAD,
        DUPLICATE,
        UNUSABLE
    }

    private static final Map<String, List<String>> VILLAGES = Map.of(
            "玉泉镇", List.of("李家庄", "鲍家屯", "石家庄", "南园子"),
            "米薪关镇", List.of("孤峰山", "胡家屯"));
    private static final List<String> SURNAME = List.of("张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴");
    private static final List<String> GIVEN = List.of("建国", "秀英", "小明", "桂兰", "志强", "玉梅", "海军");
    private static final List<String> STATUS = List.of("一般贫困户", "低保贫困户", "特困供养贫困户");
    private static final List<String> CAUSE = List.of("因病", "因残", "因学", "缺资金", "缺技术");
    private static final List<String> LABOUR = List.of("普通劳动力", "技能劳动力", "弱劳动力或半劳动力", "无劳动力");
    private static final List<String> PROGRAMME = List.of("营养改善计划", "寄宿生生活补助", "普高助学金", "建档立卡学生资助", "中职助学金");
    private static final List<String> SCHOOL = List.of("天镇县第一中学", "玉泉镇中心小学", "天镇县职业中学");
    private static final List<String> HOSPITAL = List.of("天镇县人民医院,县级", "玉泉镇卫生院,乡镇卫生院", "大同市第三人民医院,市级");
    private static final List<String> COURSE = List.of("家政服务员", "养老护理员", "育婴员", "保安员");
    private static final List<String> BANK = List.of("天镇农商银行", "邮储银行");

    private final Random random;
    private final Path dir;
    private final List<Person> persons = new ArrayList<>();
    private final Map<String, Household> households = new LinkedHashMap<>();
    private final List<Step> sent = new ArrayList<>();
    private final Map<String, Loan> loans = new LinkedHashMap<>();
    private LocalDateTime clock = LocalDateTime.of(2019, 1, 5, 9, 0);
    private int files;
    private int claims;

    private record Person(String id, String name, LocalDate born) {}

    private static final class Household {
        final String id;
        String township;
        String village;
        String status;
        String cause;
        String exitYear;
        final List<Person> members = new ArrayList<>();
        final Map<Person, String> labour = new LinkedHashMap<>();

        Household(String id) {
            this.id = id;
        }
    }

    private record Loan(String contract, String bank, Person borrower, int principal, LocalDate issued) {}

    RandomCounty(long seed, Path dir) {
        this.random = new Random(seed);
        this.dir = dir;
        for (int i = 0; i < 70; i++) {
            boolean child = i % 4 == 0;
            LocalDate born = child
                    ? LocalDate.of(2004 + random.nextInt(11), 1 + random.nextInt(12), 1 + random.nextInt(28))
                    : LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String sequence = String.format("%03d", 100 + i);
            persons.add(new Person(
                    RegistryCsv.id(born.toString().replace("-", ""), sequence),
                    SURNAME.get(i % SURNAME.size()) + GIVEN.get(i / SURNAME.size()),
                    born));
        }
        // the first 50 persons in 16 households; the others appear in department files first
        for (int h = 0; h < 16; h++) {
            String township = h < 10 ? "玉泉镇" : "米薪关镇";
            Household household = new Household((h < 10 ? "31010000" : "31030000") + String.format("%02d", h + 1));
            household.township = township;
            household.village = pick(VILLAGES.get(township));
            household.status = pick(STATUS);
            household.cause = pick(CAUSE);
            households.put(household.id, household);
        }
        List<Household> all = new ArrayList<>(households.values());
        for (int i = 0; i < 50; i++) {
            Household household = all.get(i % all.size());
            household.members.add(persons.get(i));
            household.labour.put(persons.get(i), pick(LABOUR));
        }
    }

    /** The first files: every township's registry. */
    List<Step> start() {
        return List.of(registry("玉泉镇", "first registry"), registry("米薪关镇", "first registry"));
    }

    /** The next files of the sequence, at random: one, or two when a household moves between townships. */
    List<Step> next() {
        int roll = random.nextInt(100);
        if (roll < 30) {
            return registryChange();
        }
        return List.of(nextDepartmentFile(roll));
    }

    private Step nextDepartmentFile(int roll) {
        if (roll < 45) {
            return education();
        } else if (roll < 62) {
            return medical();
        } else if (roll < 72) {
            return microloan();
        } else if (roll < 82) {
            return training();
        } else if (roll < 90) {
            return correction();
        } else if (roll < 95) {
            return duplicate();
        }
        return unusable();
    }

    private List<Step> registryChange() {
        List<Household> all = new ArrayList<>(households.values());
        Household household = pick(all);
        String what;
        String other = null;
        switch (random.nextInt(6)) {
            case 0 -> {
                Household to = pick(all);
                if (household.members.size() > 1 && to != household) {
                    Person moving = household.members.remove(household.members.size() - 1);
                    to.labour.put(moving, household.labour.remove(moving));
                    to.members.add(moving);
                    other = to.township;
                }
                what = "a person moves from " + household.id + " to " + to.id;
            }
            case 1 -> {
                household.status = pick(STATUS);
                household.cause = pick(CAUSE);
                what = "household " + household.id + " status and cause change";
            }
            case 2 -> {
                household.exitYear = household.exitYear == null ? "2019" : null;
                what = "household " + household.id + " exits or returns";
            }
            case 3 -> {
                String from = household.township;
                household.township = household.township.equals("玉泉镇") ? "米薪关镇" : "玉泉镇";
                household.village = pick(VILLAGES.get(household.township));
                other = from;
                what = "household " + household.id + " moves to " + household.township;
            }
            case 4 -> {
                if (households.size() > 8) {
                    households.remove(household.id);
                    what = "household " + household.id + " is dropped";
                } else {
                    what = "no change to " + household.id;
                }
            }
            default -> {
                Person newcomer = persons.get(50 + random.nextInt(20));
                boolean registered = households.values().stream().anyMatch(h -> h.members.contains(newcomer));
                if (!registered) {
                    Household born = new Household((household.township.equals("玉泉镇") ? "31010001" : "31030001")
                            + String.format("%02d", files));
                    born.township = household.township;
                    born.village = pick(VILLAGES.get(born.township));
                    born.status = pick(STATUS);
                    born.cause = pick(CAUSE);
                    born.members.add(newcomer);
                    born.labour.put(newcomer, pick(LABOUR));
                    households.put(born.id, born);
                    what = "new household " + born.id;
                } else {
                    what = "no newcomer";
                }
            }
        }
        Step step = registry(household.township, what);
        if (other != null && !other.equals(household.township)) {
            // the other township's file follows at once: both townships' clerks report the move
            return List.of(step, registry(other, what + " (the other township)"));
        }
        return List.of(step);
    }

    private Step registry(String township, String what) {
        List<String> rows = new ArrayList<>();
        rows.add("户编号,乡镇,行政村,姓名,证件号码,与户主关系,性别,家庭人口数,贫困户属性,主要致贫原因,脱贫状态,脱贫年度,劳动能力");
        for (Household h : households.values()) {
            if (!h.township.equals(township) || h.members.isEmpty()) {
                continue;
            }
            for (int i = 0; i < h.members.size(); i++) {
                Person p = h.members.get(i);
                boolean head = i == 0;
                rows.add(String.join(
                        ",",
                        h.id,
                        h.township,
                        h.village,
                        p.name(),
                        p.id(),
                        head ? "户主" : "之子",
                        sex(p),
                        head ? Integer.toString(h.members.size()) : "",
                        head ? h.status : "",
                        head ? h.cause : "",
                        head ? (h.exitYear == null ? "未脱贫" : "已脱贫") : "",
                        head && h.exitYear != null ? h.exitYear : "",
                        h.labour.get(p)));
            }
        }
        return send("registry", township + "花名册", rows, what);
    }

    private Step education() {
        List<String> rows = new ArrayList<>(List.of("学生姓名,学生身份证号,学校名称,学段,资助项目,学期,资助金额,发放日期"));
        int year = 2019 + random.nextInt(2);
        boolean spring = random.nextBoolean();
        for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
            Person p = anyPerson();
            rows.add(String.join(
                    ",",
                    p.name(),
                    p.id(),
                    pick(SCHOOL),
                    pick(List.of("小学", "初中", "普通高中", "中职")),
                    pick(PROGRAMME),
                    year + (spring ? "年春季" : "年秋季"),
                    Integer.toString(500 + 100 * random.nextInt(10)),
                    LocalDate.of(year, spring ? 3 : 10, 1 + random.nextInt(28)).toString()));
        }
        return send("education", year + "年资助名册", rows, "education aid");
    }

    private Step medical() {
        List<String> rows = new ArrayList<>(
                List.of("结算单号,患者姓名,身份证号,就诊医院,医院级别,入院日期,出院日期,医疗总费用,基本医保报销,大病保险报销,补充医疗保险,医疗救助,其他报销,个人自付"));
        for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
            Person p = anyPerson();
            LocalDate in = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(600));
            int total = 2000 + 1000 * random.nextInt(30);
            int self = total / (2 + random.nextInt(4));
            int basic = total - self;
            // now and then an earlier settlement number again: the claim settled anew, superseding that one
            String number = "M" + (claims > 0 && random.nextInt(5) == 0 ? random.nextInt(claims) : ++claims);
            rows.add(String.join(
                    ",",
                    number,
                    p.name(),
                    p.id(),
                    pick(HOSPITAL),
                    in.toString(),
                    in.plusDays(3 + random.nextInt(10)).toString(),
                    Integer.toString(total),
                    Integer.toString(basic),
                    "0",
                    "0",
                    "0",
                    "0",
                    Integer.toString(self)));
        }
        return send("medical", "住院结算明细", rows, "medical claims");
    }

    private Step microloan() {
        String bank = pick(BANK);
        LocalDate asOf = clock.toLocalDate().withDayOfMonth(1).minusDays(1);
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            Person borrower = anyPerson();
            String contract = "HT" + (loans.size() + 1);
            LocalDate issued = asOf.minusDays(random.nextInt(500));
            loans.put(contract, new Loan(contract, bank, borrower, 10000 * (1 + random.nextInt(6)), issued));
        }
        List<String> rows = new ArrayList<>(List.of("借款人姓名,借款人身份证号,贷款银行,借款合同号,贷款金额,发放日期,到期日期,贷款余额,还款状态,统计日期"));
        for (Loan loan : loans.values()) {
            if (!loan.bank().equals(bank) || loan.issued().isAfter(asOf)) {
                continue;
            }
            rows.add(String.join(
                    ",",
                    loan.borrower().name(),
                    loan.borrower().id(),
                    loan.bank(),
                    loan.contract(),
                    Integer.toString(loan.principal()),
                    loan.issued().toString(),
                    loan.issued().plusMonths(random.nextBoolean() ? 36 : 48).toString(),
                    Integer.toString(loan.principal() / (1 + random.nextInt(3))),
                    random.nextInt(4) == 0 ? "逾期" : "正常",
                    asOf.toString()));
        }
        return send("microloan", "扶贫小额信贷台账", rows, "ledger of " + bank + " as of " + asOf);
    }

    private Step training() {
        List<String> rows = new ArrayList<>(List.of("姓名,身份证号,培训项目,培训机构,开班日期,结业日期,培训课时,是否结业,是否就业,补贴金额"));
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            Person p = anyPerson();
            LocalDate start = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(600));
            rows.add(String.join(
                    ",",
                    p.name(),
                    p.id(),
                    pick(COURSE),
                    "方源职业培训学校",
                    start.toString(),
                    start.plusDays(10).toString(),
                    "80",
                    random.nextBoolean() ? "是" : "否",
                    random.nextBoolean() ? "是" : "否",
                    "1200"));
        }
        return send("training", "培训花名册", rows, "training roster");
    }

    /** An earlier department file sent again with other amounts: the same natural keys, so its facts supersede. */
    private Step correction() {
        List<Step> departments = sent.stream()
                .filter(s -> !s.source().equals("registry") && s.kind() == Kind.LOAD)
                .toList();
        if (departments.isEmpty()) {
            return education();
        }
        Step earlier = pick(departments);
        List<String> lines = read(earlier.file());
        List<String> rows = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (random.nextInt(3) > 0) {
                int column = switch (earlier.source()) {
                    case "education" -> 6;
                    case "medical" -> 13;
                    case "microloan" -> 7;
                    default -> 9;
                };
                cells[column] = Integer.toString(Integer.parseInt(cells[column]) / 2 + 100);
                rows.add(String.join(",", cells));
            }
        }
        return send(
                earlier.source(), "更正", rows, "correction of " + earlier.file().getFileName());
    }

    private Step duplicate() {
        List<Step> loaded = sent.stream().filter(s -> s.kind() == Kind.LOAD).toList();
        Step earlier = pick(loaded);
        Path copy = dir.resolve(
                String.format("%03d-再次报送-%s", ++files, earlier.file().getFileName()));
        write(copy, read(earlier.file()));
        return remember(new Step(
                earlier.source(),
                copy,
                tick(),
                Kind.DUPLICATE,
                "duplicate of " + earlier.file().getFileName()));
    }

    private Step unusable() {
        Path file = dir.resolve(String.format("%03d-说明.csv", ++files));
        write(file, List.of("说明", "本月无数据"));
        return remember(
                new Step(pick(List.of("education", "medical", "training")), file, tick(), Kind.UNUSABLE, "unusable"));
    }

    private Step send(String source, String name, List<String> rows, String what) {
        Path file = dir.resolve(String.format("%03d-%s.csv", ++files, name));
        write(file, rows);
        return remember(new Step(source, file, tick(), Kind.LOAD, what));
    }

    private Step remember(Step step) {
        sent.add(step);
        return step;
    }

    private LocalDateTime tick() {
        clock = clock.plusDays(2 + random.nextInt(9)).plusMinutes(random.nextInt(600));
        return clock;
    }

    /** A registered person mostly, now and then one the registry does not know (yet). */
    private Person anyPerson() {
        return persons.get(random.nextInt(5) == 0 ? 50 + random.nextInt(20) : random.nextInt(50));
    }

    private static String sex(Person p) {
        return (p.id().charAt(16) - '0') % 2 == 1 ? "男" : "女";
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.writeString(file, lines.stream().collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
