package org.hhw.schedules.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The files {@code hhw demo} ingests: every source's demo files, all naming the people of one registry, and when
 * each comes in, so that the demo replays the county's year as its clerks would have sent it.
 */
public final class DemoCounty {

    /**
     * The day of the month after the last day a department's file tells of (its aid paid, its 统计日期, its last
     * discharge, its last course's end) on which the file comes in: departments report by the 10th of the next month
     * (次月10日前报送).
     */
    private static final int SENT_ON_DAY = 10;

    /** The first working day of the registry year: the township clerks send the year's registry in, one a day. */
    private static final LocalDate REGISTRY_SENT = LocalDate.of(RegistrySample.YEAR, 1, 2);

    private static final LocalTime OFFICE_OPENS = LocalTime.of(9, 0);

    /** The files of one day come in from nine, this many minutes apart, in the order written. */
    private static final int MINUTES_APART = 30;

    private DemoCounty() {}

    /** One demo file in its source's inbox, and when it is received. */
    public record Drop(String source, Path file, LocalDateTime receivedAt) {}

    private record Sent(String source, Path file, LocalDate day) {}

    /**
     * Writes the demo files of the registry and the four departments, each into its source's inbox;
     * the departments' files name the people of the registry demo of the same seed. The registry comes
     * in at the start of its year, each department's file on the {@value #SENT_ON_DAY}th of the month after
     * the last day it tells of.
     *
     * @param inbox the inbox folder of a source, by its name
     * @return the files written, in the order received (of a day, in the order written)
     */
    public static List<Drop> writeInboxes(Function<String, Path> inbox, long seed) throws IOException {
        List<Sent> sent = new ArrayList<>();
        List<Manifest> registry = DemoData.writeDemoSet(inbox.apply("registry"), seed);
        for (int i = 0; i < registry.size(); i++) {
            sent.add(new Sent("registry", registry.get(i).file(), REGISTRY_SENT.plusDays(i)));
        }
        for (EducationSample.Roster r : EducationSample.writeDemo(inbox.apply("education"), seed)) {
            sent.add(new Sent("education", r.file(), sentAfter(r.paidOn())));
        }
        for (MedicalSample.ClaimFile f : MedicalSample.writeDemo(inbox.apply("medical"), seed)) {
            sent.add(new Sent("medical", f.file(), sentAfter(f.lastDischarge())));
        }
        for (MicroloanSample.Ledger l : MicroloanSample.writeDemo(inbox.apply("microloan"), seed)) {
            sent.add(new Sent("microloan", l.file(), sentAfter(l.asOf())));
        }
        for (TrainingSample.Roster r : TrainingSample.writeDemo(inbox.apply("training"), seed)) {
            sent.add(new Sent("training", r.file(), sentAfter(r.lastCourseEnd())));
        }
        sent.sort(Comparator.comparing(Sent::day));
        List<Drop> drops = new ArrayList<>();
        LocalDateTime previous = LocalDateTime.MIN;
        for (Sent s : sent) {
            LocalDateTime at = s.day().atTime(OFFICE_OPENS);
            LocalDateTime receivedAt = at.isAfter(previous) ? at : previous.plusMinutes(MINUTES_APART);
            drops.add(new Drop(s.source(), s.file(), receivedAt));
            previous = receivedAt;
        }
        return drops;
    }

    private static LocalDate sentAfter(LocalDate lastDay) {
        return lastDay.plusMonths(1).withDayOfMonth(SENT_ON_DAY);
    }
}
