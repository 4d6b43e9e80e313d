package org.hhw.sources.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hhw.sources.clean.Reason;
import org.hhw.sources.read.UnusableFileException;
import org.junit.jupiter.api.Test;

/** The README's tables of columns and reason codes cannot drift from the contracts and the code. */
class ReadmeInSyncTest {

    private static final Path README = Path.of("../README.md");

    @Test
    void everyHeaderVariantOfEveryContractIsListed() throws IOException {
        // given
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();

        // when
        for (String source : Contracts.SOURCES) {
            for (Field field : Contracts.load(source).fields()) {
                for (String header : field.headers()) {
                    if (!readme.contains(header)) {
                        missing.add(source + "." + field.name() + ": " + header);
                    }
                }
            }
        }

        // then
        assertThat(missing).isEmpty();
    }

    @Test
    void everyReasonCodeAndFileProblemIsDocumented() throws IOException {
        // given
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();

        // when
        for (Reason r : Reason.values()) {
            if (!readme.contains("`" + r.name() + "`")) {
                missing.add(r.name());
            }
        }
        for (UnusableFileException.Code c : UnusableFileException.Code.values()) {
            if (!readme.contains("`" + c.name() + "`")) {
                missing.add(c.name());
            }
        }

        // then
        assertThat(missing).isEmpty();
    }
}
