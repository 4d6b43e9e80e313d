package org.hhw.schedules.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The files {@code hhw demo} ingests: every source's demo files, all naming the people of one registry. */
public final class DemoCounty {

    private DemoCounty() {}

    /**
     * Writes the demo files of the registry and the four departments, each into its source's inbox;
     * the departments' files name the people of the registry demo of the same seed.
     *
     * @param inbox the inbox folder of a source, by its name
     * @return the files written, by source, in the order they were written
     */
    public static Map<String, List<Path>> writeInboxes(Function<String, Path> inbox, long seed) throws IOException {
        Map<String, List<Path>> written = new LinkedHashMap<>();
        written.put(
                "registry",
                DemoData.writeDemoSet(inbox.apply("registry"), seed).stream()
                        .map(Manifest::file)
                        .toList());
        written.put(
                "education",
                EducationSample.writeDemo(inbox.apply("education"), seed).stream()
                        .map(EducationSample.Roster::file)
                        .toList());
        written.put(
                "medical",
                MedicalSample.writeDemo(inbox.apply("medical"), seed).stream()
                        .map(MedicalSample.ClaimFile::file)
                        .toList());
        written.put(
                "microloan",
                MicroloanSample.writeDemo(inbox.apply("microloan"), seed).stream()
                        .map(MicroloanSample.Ledger::file)
                        .toList());
        written.put(
                "training",
                TrainingSample.writeDemo(inbox.apply("training"), seed).stream()
                        .map(TrainingSample.Roster::file)
                        .toList());
        return written;
    }
}
