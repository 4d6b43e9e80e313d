package org.hhw.schedules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Homes for the tests that share one application context: the home must be known before the
 * context starts (a static field), so JUnit's per-test temporary folders cannot be used.
 */
final class TestHomes {

    private TestHomes() {}

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Deletes what it can: the shared application context outlives the test class and its job
     * repository may still write a file into the home while it is being deleted.
     */
    static void delete(Path home) throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException stillInUse) {
                    // left for the system's temporary folder cleanup
                }
            }
        } catch (UncheckedIOException vanished) {
            // a file the context removed meanwhile
        }
    }
}
