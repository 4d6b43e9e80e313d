package org.hhw.schedules.demo;

import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.hhw.sources.clean.ResidentIds;

/**
 * Synthetic registered households of Tianzhen (建档立卡贫困人口), deterministic from a seed: real
 * townships and villages from the bundled gazetteer, invented people with valid resident ID
 * numbers whose birth dates fit their relation to the head. Nothing here is real data.
 *
 * <p>The same seed, person count and townships always give the same households, whether taken as
 * a list ({@link #generate}) or streamed ({@link #stream}); IDs and household numbers are unique
 * within one run.
 */
public final class RegistrySample {

    /** The registry year the people's ages, schooling and exits are reckoned in. */
    public static final int YEAR = 2019;
    /** Tianzhen's area code: the first six digits of its residents' IDs. */
    public static final String AREA_CODE = "140222";
    /** Every household number starts so; township, village and serial digits follow. */
    public static final String HOUSEHOLD_PREFIX = AREA_CODE + "0";

    public static final int MAX_HOUSEHOLD_SIZE = 6;

    private static final String[] SURNAMES = ("王李张刘赵杨郭高武贾薛胡田史孙马梁韩冯宋乔白任范侯吴陈周许曹段苏温崔郝牛闫程康秦").split("");
    private static final String[] MALE_CHARS = "国建军文明志永海平强华伟俊福贵宝生林山成德金利东忠刚峰斌鹏龙亮杰兵旺有喜全富".split("");
    private static final String[] FEMALE_CHARS = "秀英兰芳桂玉梅珍凤琴霞花莲娟丽燕红萍艳翠春月敏静婷慧荣娥巧云".split("");
    private static final int[] SIZE_WEIGHTS = {12, 26, 22, 20, 12, 8};

    private RegistrySample() {}

    /** The townships of the gazetteer, in its order: the scope used when none is given. */
    public static List<String> townships() {
        return Places.bundled().townships().stream().map(Places.Township::name).toList();
    }

    public static List<Household> generate(long seed, int persons) {
        return generate(seed, persons, townships());
    }

    /** Households spread evenly over the given townships (official names), {@code persons} people in all. */
    public static List<Household> generate(long seed, int persons, List<String> townships) {
        List<Household> households = new ArrayList<>();
        stream(seed, persons, townships).forEachRemaining(households::add);
        return households;
    }

    public static Iterator<Household> stream(long seed, int persons) {
        return stream(seed, persons, townships());
    }

    /**
     * The same households as {@link #generate(long, int, List)}, produced one at a time so that
     * a million people never sit in memory together.
     */
    public static Iterator<Household> stream(long seed, int persons, List<String> townships) {
        if (persons < 0) {
            throw new IllegalArgumentException("persons must not be negative: " + persons);
        }
        if (townships.isEmpty()) {
            throw new IllegalArgumentException("at least one township is needed");
        }
        List<Places.Township> scope =
                townships.stream().map(Places.bundled()::township).toList();
        return new Generator(new SplittableRandom(seed), persons, scope);
    }

    /** A plausible full name, for the people a file mentions besides the registered (clerks, auditors). */
    static String personName(SplittableRandom random, boolean male) {
        return pick(random, SURNAMES) + givenName(random, male);
    }

    private static String givenName(SplittableRandom random, boolean male) {
        String[] chars = male ? MALE_CHARS : FEMALE_CHARS;
        String first = pick(random, chars);
        return random.nextInt(100) < 70 ? first + pick(random, chars) : first;
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private record Draft(String relation, boolean male, int year, String surname) {}

    private static final class Generator implements Iterator<Household> {

        private final SplittableRandom random;
        private final List<Places.Township> scope;
        private final int[][] serials;
        private final IdAllocator ids = new IdAllocator();
        private int remaining;

        Generator(SplittableRandom random, int persons, List<Places.Township> scope) {
            this.random = random;
            this.remaining = persons;
            this.scope = scope;
            this.serials = new int[scope.size()][];
            for (int i = 0; i < scope.size(); i++) {
                serials[i] = new int[scope.get(i).villages().size()];
            }
        }

        @Override
        public boolean hasNext() {
            return remaining > 0;
        }

        @Override
        public Household next() {
            if (remaining == 0) {
                throw new NoSuchElementException();
            }
            int size = Math.min(drawSize(), remaining);
            remaining -= size;
            int t = random.nextInt(scope.size());
            Places.Township township = scope.get(t);
            int v = random.nextInt(township.villages().size());
            Places.Village village = township.villages().get(v);
            String number =
                    HOUSEHOLD_PREFIX + String.format("%02d%03d%05d", township.code(), village.code(), ++serials[t][v]);
            return household(number, township.name(), village.name(), compose(size));
        }

        private int drawSize() {
            int roll = random.nextInt(100);
            for (int i = 0; i < SIZE_WEIGHTS.length; i++) {
                roll -= SIZE_WEIGHTS[i];
                if (roll < 0) {
                    return i + 1;
                }
            }
            return MAX_HOUSEHOLD_SIZE;
        }

        /** Who lives together, with birth years that make the relations possible. */
        private List<Draft> compose(int size) {
            List<Draft> drafts = new ArrayList<>();
            boolean headMale = chance(size == 1 ? 60 : 88);
            int headYear = between(1940, 1985);
            String surname = pick(SURNAMES);
            drafts.add(new Draft(Person.HEAD, headMale, headYear, surname));
            int left = size - 1;
            boolean withParent = left > 0 && headYear >= 1960 && chance(25);
            if (withParent) {
                left--;
            }
            if (left > 0 && headMale && chance(90)) {
                drafts.add(new Draft("配偶", false, headYear + between(-3, 5), otherSurname(surname)));
                left--;
            }
            // A widowed head's children carry their late father's surname.
            String familySurname = headMale ? surname : otherSurname(surname);
            boolean threeGenerations = left >= 3 && headYear <= 1970 && chance(50);
            int children = threeGenerations ? between(1, left - 2) : left;
            List<Integer> years = new ArrayList<>();
            for (int i = 0; i < children; i++) {
                years.add(between(headYear + 20, Math.min(headYear + 40, YEAR - 1)));
            }
            years.sort(Comparator.naturalOrder());
            if (threeGenerations) {
                // The eldest is the son whose wife and children live in the household too.
                int sonYear = between(headYear + 20, Math.min(headYear + 30, 1994));
                years.set(0, Math.min(sonYear, years.get(0)));
            }
            for (int i = 0; i < children; i++) {
                boolean male = (threeGenerations && i == 0) || chance(52);
                drafts.add(new Draft(male ? "之子" : "之女", male, years.get(i), familySurname));
            }
            left -= children;
            if (threeGenerations) {
                int sonYear = years.get(0);
                drafts.add(new Draft("儿媳", false, sonYear + between(-2, 3), otherSurname(familySurname)));
                left--;
                for (; left > 0; left--) {
                    boolean male = chance(52);
                    drafts.add(new Draft(
                            male ? "孙子" : "孙女",
                            male,
                            between(sonYear + 20, Math.min(sonYear + 35, YEAR - 1)),
                            familySurname));
                }
            }
            if (withParent) {
                boolean father = chance(40);
                drafts.add(new Draft(
                        father ? "父亲" : "母亲",
                        father,
                        Math.max(1920, headYear - between(20, 35)),
                        father ? surname : otherSurname(surname)));
            }
            return drafts;
        }

        private Household household(String number, String township, String village, List<Draft> drafts) {
            List<Member> members = new ArrayList<>();
            for (Draft d : drafts) {
                LocalDate planned = LocalDate.ofYearDay(
                        d.year(), 1 + random.nextInt(Year.of(d.year()).length()));
                String id = ids.allocate(planned, d.male());
                LocalDate born = LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
                String name = d.surname() + givenName(random, d.male());
                int age = YEAR - born.getYear();
                String health = health(age);
                String schooling = schooling(age);
                members.add(new Member(d, name, id, born, health, schooling, labour(age, health, schooling)));
            }
            String cause = cause(members);
            String status = status(members, cause);
            Integer exitYear = chance("特困供养贫困户".equals(status) ? 60 : 87) ? exitYear() : null;
            boolean relocated = chance(8);
            List<Person> persons = new ArrayList<>();
            for (Member m : members) {
                persons.add(new Person(
                        number,
                        township,
                        village,
                        m.name(),
                        m.id(),
                        m.draft().relation(),
                        m.draft().male() ? "男" : "女",
                        m.born(),
                        drafts.size(),
                        status,
                        cause,
                        exitYear,
                        m.labour(),
                        m.health(),
                        m.schooling(),
                        relocated));
            }
            return new Household(number, township, village, persons);
        }

        private record Member(
                Draft draft, String name, String id, LocalDate born, String health, String schooling, String labour) {}

        private String health(int age) {
            int roll = random.nextInt(100);
            if (age >= 60) {
                return roll < 50 ? "健康" : roll < 80 ? "长期慢性病" : roll < 90 ? "患有大病" : "残疾";
            }
            return roll < 80 ? "健康" : roll < 88 ? "长期慢性病" : roll < 93 ? "患有大病" : "残疾";
        }

        private String schooling(int age) {
            if (age >= 3 && age <= 5) {
                return "学前教育";
            }
            if (age >= 6 && age <= 11) {
                return "小学";
            }
            if (age >= 12 && age <= 14) {
                return new String[] {"七年级", "八年级", "九年级"}[age - 12];
            }
            int roll = random.nextInt(100);
            if (age >= 15 && age <= 17) {
                return roll < 60 ? "高中" : roll < 85 ? "中职" : "非在校生";
            }
            if (age >= 18 && age <= 21) {
                return roll < 20 ? "高职" : roll < 40 ? "本科及以上" : "非在校生";
            }
            return "非在校生";
        }

        private String labour(int age, String health, String schooling) {
            if (age < 16 || !"非在校生".equals(schooling)) {
                return "无劳动力";
            }
            int roll = random.nextInt(100);
            if ("残疾".equals(health) || "患有大病".equals(health)) {
                return roll < 70 ? "丧失劳动力" : "弱劳动力或半劳动力";
            }
            if (age > 64) {
                return roll < 40 ? "丧失劳动力" : "弱劳动力或半劳动力";
            }
            if (age > 55 || "长期慢性病".equals(health)) {
                return "弱劳动力或半劳动力";
            }
            return roll < 15 ? "技能劳动力" : "普通劳动力";
        }

        /** The main cause follows what the members suffer from, as the poverty survey recorded it. */
        private String cause(List<Member> members) {
            boolean ill = false;
            boolean disabled = false;
            boolean student = false;
            boolean labour = false;
            for (Member m : members) {
                ill |= "患有大病".equals(m.health()) || "长期慢性病".equals(m.health());
                disabled |= "残疾".equals(m.health());
                student |= "高职".equals(m.schooling()) || "本科及以上".equals(m.schooling());
                labour |= "普通劳动力".equals(m.labour()) || "技能劳动力".equals(m.labour());
            }
            if (ill && chance(60)) {
                return "因病";
            }
            if (disabled && chance(60)) {
                return "因残";
            }
            if (student && chance(50)) {
                return "因学";
            }
            if (!labour) {
                return "缺劳力";
            }
            int roll = random.nextInt(100);
            return roll < 28
                    ? "缺技术"
                    : roll < 60
                            ? "缺资金"
                            : roll < 67
                                    ? "缺土地"
                                    : roll < 73 ? "缺水" : roll < 79 ? "因灾" : roll < 86 ? "交通条件落后" : "自身发展动力不足";
        }

        private String status(List<Member> members, String cause) {
            if (members.size() == 1 && YEAR - members.get(0).born().getYear() >= 60 && chance(40)) {
                return "特困供养贫困户";
            }
            if (("缺劳力".equals(cause) || "因残".equals(cause)) && chance(50)) {
                return "低保贫困户";
            }
            return chance(85) ? "一般贫困户" : "低保贫困户";
        }

        /** Tianzhen left the national poverty list in 2019, so most exits are late. */
        private int exitYear() {
            int roll = random.nextInt(100);
            return roll < 5 ? 2014 : roll < 13 ? 2015 : roll < 25 ? 2016 : roll < 45 ? 2017 : roll < 75 ? 2018 : 2019;
        }

        private String otherSurname(String surname) {
            String other = pick(SURNAMES);
            return other.equals(surname) ? SURNAMES[(indexOf(surname) + 1) % SURNAMES.length] : other;
        }

        private static int indexOf(String surname) {
            for (int i = 0; i < SURNAMES.length; i++) {
                if (SURNAMES[i].equals(surname)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(surname);
        }

        private String pick(String[] values) {
            return RegistrySample.pick(random, values);
        }

        private int between(int low, int high) {
            return low + random.nextInt(high - low + 1);
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }
    }

    /**
     * Hands out distinct IDs: per birth date and sex the three sequence digits have 499 values
     * (odd for men, even for women), used in a scrambled order so that IDs do not look counted.
     * When a day is full, the next day is used: the birth date moves by a day, never the sex.
     */
    private static final class IdAllocator {

        private static final int SLOTS = 499;
        private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
        private final short[] used =
                new short[2 * (int) (LocalDate.of(2100, 1, 1).toEpochDay() - FIRST_DAY)];

        String allocate(LocalDate date, boolean male) {
            LocalDate day = date;
            int slot = slot(day, male);
            while (used[slot] == SLOTS) {
                day = day.plusDays(1);
                slot = slot(day, male);
            }
            int k = used[slot]++;
            int index = (int) Math.floorMod(day.toEpochDay() * 7919 + k * 97L, SLOTS);
            int sequence = 2 * index + (male ? 1 : 2);
            String first17 = AREA_CODE + day.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
            return first17 + ResidentIds.checkChar(first17);
        }

        private int slot(LocalDate day, boolean male) {
            return 2 * (int) (day.toEpochDay() - FIRST_DAY) + (male ? 1 : 0);
        }
    }
}
