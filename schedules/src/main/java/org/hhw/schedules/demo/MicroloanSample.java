package org.hhw.schedules.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.clean.ResidentIds;

/**
 * Synthetic microloan ledgers (扶贫小额信贷台账) for the people of the registry demo, deterministic
 * from the seed: most borrowers are registered heads of households, a few are not in the registry.
 * The demo ledgers carry the field guide's mess (title rows, principal in 万元, "3年" terms, rates as
 * 4.35% or 0.0435, names with spaces, a ledger dated only by its title, totals and footers) and one
 * row of each defect the cleaning must report, counted in each file's {@link Ledger}.
 */
public final class MicroloanSample {

    /** Borrowers the registry does not know, per demo ledger set. */
    public static final int UNREGISTERED = 3;
    /** One loan for about one registered household in this many. */
    private static final int HOUSEHOLDS_PER_LOAN = 4;

    private static final LocalDate JUNE = LocalDate.of(RegistrySample.YEAR, 6, 30);
    private static final LocalDate JULY = LocalDate.of(RegistrySample.YEAR, 7, 31);
    private static final String RURAL_BANK = "天镇农商银行";
    private static final String POSTAL_BANK = "邮储银行";
    private static final String[] PURPOSES = {"养殖", "种植", "入股分红", "农产品加工"};
    private static final int[] PRINCIPALS = {10_000, 20_000, 30_000, 50_000};
    private static final int[] TERMS = {12, 24, 36};
    private static final List<String> HEADER = List.of(
            "序号", "借款人姓名", "借款人身份证号", "户编号", "贷款银行", "借款合同号", "贷款金额（元）", "发放日期", "到期日期", "期限（月）", "年利率", "贷款用途", "贴息金额",
            "贷款余额", "还款状态", "逾期天数", "统计日期");

    /**
     * What one demo ledger holds.
     *
     * @param loans   loan rows, defective and duplicated rows included
     * @param defects rows the cleaning must reject, by the reason it must give
     */
    public record Ledger(Path file, LocalDate asOf, int loans, int unregistered, Map<Reason, Integer> defects) {
        public Ledger {
            defects = Map.copyOf(defects);
        }
    }

    /** One loan as it should read once cleaned. */
    record Loan(
            String name,
            String id,
            String householdNumber,
            String bank,
            String contract,
            int principal,
            LocalDate issued,
            int termMonths,
            String rate,
            String purpose,
            String status,
            int daysOverdue,
            boolean registered) {

        LocalDate due() {
            return issued.plusMonths(termMonths).minusDays(1);
        }

        /** Half a year's interest: the county's subsidy so far, as a mid-year ledger shows it. */
        BigDecimal subsidy() {
            return BigDecimal.valueOf(principal)
                    .multiply(new BigDecimal(rate.replace("%", "")))
                    .divide(BigDecimal.valueOf(200), 2, RoundingMode.HALF_UP);
        }

        int balance() {
            return "已结清".equals(status) ? 0 : principal;
        }
    }

    private MicroloanSample() {}

    /**
     * Writes the demo ledgers into {@code inbox}: the rural commercial bank's June ledger (xlsx,
     * principal in 万元), the postal bank's June ledger (xls, dated only by its title) and the rural
     * commercial bank's July ledger (csv in GB18030), for the people of
     * {@link DemoData#writeDemoSet(Path, long)} with the same seed.
     */
    public static List<Ledger> writeDemo(Path inbox, long seed) throws IOException {
        Files.createDirectories(inbox);
        List<Loan> loans = loans(DemoData.households(seed), new SplittableRandom(seed));
        List<Loan> rural =
                loans.stream().filter(l -> RURAL_BANK.equals(l.bank())).toList();
        List<Loan> postal =
                loans.stream().filter(l -> POSTAL_BANK.equals(l.bank())).toList();
        List<Ledger> out = new ArrayList<>();
        Path june = inbox.resolve(RegistrySample.YEAR + "年6月扶贫小额信贷台账（农商银行）.xlsx");
        try (SheetSink sink = SheetSink.xlsx(june)) {
            out.add(ledger(sink, june, "农商银行", rural, JUNE, true, true));
        }
        Path postalJune = inbox.resolve(RegistrySample.YEAR + "年6月扶贫小额信贷台账（邮储银行）.xls");
        try (SheetSink sink = SheetSink.xls(postalJune)) {
            out.add(ledger(sink, postalJune, "邮储银行", postal, JUNE, false, false));
        }
        Path july = inbox.resolve(RegistrySample.YEAR + "年7月扶贫小额信贷台账（农商银行）.csv");
        try (SheetSink sink = SheetSink.csv(july, CsvEncoding.GB18030)) {
            out.add(ledger(sink, july, "农商银行", rural, JULY, false, true));
        }
        return out;
    }

    /** A clean csv (UTF-8, one header row) of {@code rows} loans, one per registered person, streamed. */
    public static void writeLarge(Path file, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Iterator<Household> households = RegistrySample.stream(seed, rows);
        int serial = 0;
        try (SheetSink sink = SheetSink.csv(file, CsvEncoding.UTF8)) {
            sink.sheet("台账", false, HEADER.size());
            sink.row(HEADER.stream().map(Cell::text).toList());
            while (households.hasNext()) {
                Household h = households.next();
                for (Person p : h.members()) {
                    serial++;
                    Loan loan = loan(random, p.name(), p.id(), h.number(), serial, true);
                    sink.row(cells(
                            serial,
                            loan,
                            loan.name(),
                            Cell.number(loan.principal()),
                            Cell.text(loan.rate()),
                            Integer.toString(loan.termMonths()),
                            JUNE,
                            true));
                }
            }
            sink.finish();
        }
    }

    /** About one registered household in {@value #HOUSEHOLDS_PER_LOAN} borrows through its head; a few outsiders too. */
    static List<Loan> loans(List<Household> households, SplittableRandom random) {
        List<Loan> loans = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Household h : households) {
            h.members().forEach(p -> known.add(p.id()));
        }
        for (Household h : households) {
            if (random.nextInt(HOUSEHOLDS_PER_LOAN) == 0) {
                Person head = h.head();
                loans.add(loan(random, head.name(), head.id(), h.number(), loans.size() + 1, true));
            }
        }
        int outsiders = 0;
        while (outsiders < UNREGISTERED) {
            String id = outsiderId(random);
            if (known.add(id)) {
                outsiders++;
                loans.add(loan(
                        random,
                        RegistrySample.personName(random, id.charAt(16) % 2 == 1),
                        id,
                        "",
                        loans.size() + 1,
                        false));
            }
        }
        return loans;
    }

    private static Loan loan(
            SplittableRandom random, String name, String id, String household, int serial, boolean registered) {
        boolean rural = random.nextInt(10) < 7;
        int term = TERMS[random.nextInt(TERMS.length)];
        LocalDate issued = JUNE.minusDays(30 + random.nextInt(330));
        int roll = random.nextInt(20);
        String status = roll == 0 ? "逾期" : roll == 1 ? "已结清" : "正常";
        return new Loan(
                name,
                id,
                household,
                rural ? RURAL_BANK : POSTAL_BANK,
                String.format("%s%d-%05d", rural ? "NSH" : "YC", RegistrySample.YEAR, serial),
                PRINCIPALS[random.nextInt(PRINCIPALS.length)],
                issued,
                term,
                random.nextInt(4) == 0 ? "4.75%" : "4.35%",
                PURPOSES[random.nextInt(PURPOSES.length)],
                status,
                "逾期".equals(status) ? 1 + random.nextInt(90) : 0,
                registered);
    }

    private static String outsiderId(SplittableRandom random) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 35));
        String first17 = RegistrySample.AREA_CODE
                + birth.toString().replace("-", "")
                + String.format("%03d", random.nextInt(1000));
        return first17 + ResidentIds.checkChar(first17);
    }

    /**
     * One ledger sheet. Defects go to the first loans (one row each): a due date before the issue date,
     * an unknown status, an amount 待定 and a repeated contract.
     *
     * @param sheet       the bank, naming the sheet (a csv sheet is named after its file) and the title
     * @param tenThousand principal in 万元, announced only by the header
     * @param dateColumn  whether the ledger has a 统计日期 column or states its date only in the title
     */
    private static Ledger ledger(
            SheetSink sink,
            Path file,
            String sheet,
            List<Loan> loans,
            LocalDate asOf,
            boolean tenThousand,
            boolean dateColumn)
            throws IOException {
        List<String> header = new ArrayList<>(HEADER);
        if (tenThousand) {
            header.set(6, "贷款金额(万元)");
        }
        if (!dateColumn) {
            header.remove(header.size() - 1);
        }
        sink.sheet(sheet, false, header.size());
        sink.row(List.of(Cell.text("天镇县扶贫小额信贷台账（" + sheet
                + (dateColumn
                        ? "）"
                        : "，截至" + asOf.getYear() + "年" + asOf.getMonthValue() + "月" + asOf.getDayOfMonth() + "日）"))));
        sink.row(header.stream().map(Cell::text).toList());
        Map<Reason, Integer> defects = new EnumMap<>(Reason.class);
        int rows = 0;
        long total = 0;
        for (int i = 0; i < loans.size(); i++) {
            Loan loan = loans.get(i);
            Reason defect = i < 4 && loans.size() > 8
                    ? List.of(Reason.INCONSISTENT, Reason.CODE_UNKNOWN, Reason.AMOUNT_INVALID, Reason.DUPLICATE_IN_FILE)
                            .get(i)
                    : null;
            String name = i % 7 == 3 && loan.name().length() == 2
                    ? loan.name().charAt(0) + "　" + loan.name().charAt(1)
                    : loan.name();
            Cell principal = defect == Reason.AMOUNT_INVALID
                    ? Cell.text("待定")
                    : tenThousand ? Cell.number(loan.principal() / 10_000.0) : Cell.number(loan.principal());
            Cell rate = i % 3 == 0 ? Cell.text(loan.rate()) : Cell.number(fraction(loan.rate()));
            String term = loan.termMonths() % 12 == 0 && i % 2 == 0
                    ? loan.termMonths() / 12 + "年"
                    : Integer.toString(loan.termMonths());
            Loan written = defect == Reason.CODE_UNKNOWN ? withStatus(loan, "展期") : loan;
            List<Cell> cells = new ArrayList<>(cells(i + 1, written, name, principal, rate, term, asOf, dateColumn));
            if (defect == Reason.INCONSISTENT) {
                cells.set(8, Cell.text(loan.issued().minusDays(1).toString()));
            }
            sink.row(cells);
            rows++;
            if (defect == Reason.DUPLICATE_IN_FILE) {
                sink.row(cells);
                rows++;
            }
            if (defect != null) {
                defects.merge(defect, 1, Integer::sum);
            }
            total += defect == Reason.AMOUNT_INVALID ? 0 : loan.principal();
        }
        sink.row(List.of());
        List<Cell> sum = new ArrayList<>(Collections.nCopies(7, (Cell) null));
        sum.set(0, Cell.text("合计"));
        sum.set(6, Cell.number(tenThousand ? total / 10_000.0 : total));
        sink.row(sum);
        sink.row(List.of(Cell.text("制表人：刘芳　审核人：王建国")));
        sink.finish();
        int unregistered = (int) loans.stream().filter(l -> !l.registered()).count();
        return new Ledger(file, asOf, rows, unregistered, defects);
    }

    private static List<Cell> cells(
            int serial,
            Loan loan,
            String name,
            Cell principal,
            Cell rate,
            String term,
            LocalDate asOf,
            boolean dateColumn) {
        List<Cell> cells = new ArrayList<>(List.of(
                Cell.number(serial),
                Cell.text(name),
                Cell.text(loan.id()),
                Cell.text(loan.householdNumber()),
                Cell.text(loan.bank()),
                Cell.text(loan.contract()),
                principal,
                Cell.text(loan.issued().toString()),
                Cell.text(loan.due().toString()),
                Cell.text(term),
                rate,
                Cell.text(loan.purpose()),
                Cell.text(loan.subsidy().toPlainString()),
                Cell.number(loan.balance()),
                Cell.text(loan.status()),
                Cell.number(loan.daysOverdue())));
        if (dateColumn) {
            cells.add(Cell.text(asOf.toString()));
        }
        return cells;
    }

    private static Loan withStatus(Loan l, String status) {
        return new Loan(
                l.name(),
                l.id(),
                l.householdNumber(),
                l.bank(),
                l.contract(),
                l.principal(),
                l.issued(),
                l.termMonths(),
                l.rate(),
                l.purpose(),
                status,
                l.daysOverdue(),
                l.registered());
    }

    private static double fraction(String percent) {
        return new BigDecimal(percent.replace("%", "")).movePointLeft(2).doubleValue();
    }
}
