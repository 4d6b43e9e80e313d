package org.hhw.warehouse.report.monthly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hhw.warehouse.FileModes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history of the monthly reports, {@code <home>/state/reports.tsv}: a line per attempt, made or not,
 * appended once the attempt has ended. A made line is written after the last file is in place, so a crash
 * mid-run leaves no line and the month is still due. Tab-separated text, so an operator reads it with
 * {@code column -t} as well as {@code hhw status}.
 */
public final class ReportLedger {

    private static final Logger log = LoggerFactory.getLogger(ReportLedger.class);

    static final String HEADER = "month\tversion\tunits\tstatus\tat\tsnapshot\treason";

    /**
     * One attempt.
     *
     * @param version  the month's version the attempt made (1, 2, …); for one not made, the version it would have been
     * @param units    全部 (the county and every township) or the one township made
     * @param made     whether every file was written
     * @param at       when it was made: the report's generation time, which its provenance states
     * @param snapshot the snapshot's file name under {@code snapshots/}, empty when none was kept
     * @param reason   why it was not made, empty when it was
     */
    public record Entry(
            YearMonth month,
            int version,
            String units,
            boolean made,
            LocalDateTime at,
            String snapshot,
            String reason) {

        public static final String ALL_UNITS = "全部";

        public boolean allUnits() {
            return units.equals(ALL_UNITS);
        }
    }

    private final Path file;

    public ReportLedger(Path file) {
        this.file = file;
    }

    public List<Entry> entries() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.equals(HEADER)) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                try {
                    entries.add(new Entry(
                            YearMonth.parse(f[0]),
                            Integer.parseInt(f[1]),
                            f[2],
                            f[3].equals("made"),
                            LocalDateTime.parse(f[4]),
                            f[5],
                            f[6]));
                } catch (RuntimeException e) {
                    // A line cut off by a power loss is an attempt that did not end: its month stays due.
                    log.warn("report ledger {}: line not understood, skipped: {}", file, line);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report ledger " + file, e);
        }
    }

    /** The month's made versions, oldest first. */
    public List<Entry> made(YearMonth month) {
        return entries().stream()
                .filter(e -> e.made() && e.month().equals(month))
                .toList();
    }

    /**
     * The latest month whose county and townships were all made, if any. A township's own run does not count: the
     * county's report of that month is still due.
     */
    public Optional<YearMonth> lastReported() {
        return entries().stream()
                .filter(e -> e.made() && e.allUnits())
                .map(Entry::month)
                .max(YearMonth::compareTo);
    }

    /** Appends the attempt and forces it to disk: a made line is the month's record that it needs no more run. */
    public void append(Entry e) {
        try {
            boolean fresh = !Files.exists(file);
            String line = String.join(
                            "\t",
                            e.month().toString(),
                            Integer.toString(e.version()),
                            clean(e.units()),
                            e.made() ? "made" : "not made",
                            e.at().withNano(0).toString(),
                            clean(e.snapshot()),
                            clean(e.reason()))
                    + "\n";
            Files.writeString(
                    file,
                    (fresh ? HEADER + "\n" : endsCut() ? "\n" : "") + line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
            if (fresh) {
                FileModes.ownerOnly(file);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the report ledger " + file, ex);
        }
    }

    /** Whether the last line was cut off (a power loss mid-write): the next starts on a line of its own. */
    private boolean endsCut() throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            if (channel.size() == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) != '\n';
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
