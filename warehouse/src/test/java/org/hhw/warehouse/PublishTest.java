package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PublishTest {

    private static final String BEFORE = "persons=6 households=3 files=1";
    private static final String AFTER = "persons=8 households=4 files=2";

    @TempDir
    Path dir;

    private RegistryLoads loads;
    private Process reader;

    @BeforeEach
    void open() {
        loads = new RegistryLoads(dir.resolve("home"));
    }

    @AfterEach
    void close() {
        if (reader != null) {
            reader.destroyForcibly();
        }
        loads.close();
    }

    @Test
    @Timeout(60)
    void readerInAnotherProcessKeepsItsCopyWhileTheWriterLoadsAndPublishes() throws Exception {
        // given
        Path analytics = dir.resolve("home").resolve("analytics.duckdb");
        loads.load(RegistryFiles.yuquan(dir), LocalDateTime.of(2024, 3, 1, 9, 0));
        assertThat(loads.warehouse().publishIfTestsPass(analytics, null)).isEmpty();
        reader = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PublishedReader.class.getName(),
                        analytics.toString())
                .redirectError(dir.resolve("reader.err").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(reader.getOutputStream(), StandardCharsets.UTF_8);
        assertThat(out.readLine()).isEqualTo("open " + BEFORE);
        long queriesBefore = Long.parseLong(ask(in, out, "report").split(" ")[1]);

        // when
        loads.load(RegistryFiles.mixinguan(dir), LocalDateTime.of(2024, 3, 2, 9, 0));
        assertThat(loads.warehouse().publishIfTestsPass(analytics, null)).isEmpty();

        // then
        String[] held = ask(in, out, "report").split(" ", 3);
        assertThat(held[0]).isEqualTo("held");
        assertThat(Long.parseLong(held[1])).isGreaterThan(queriesBefore);
        assertThat(held[2]).isEqualTo(BEFORE);
        assertThat(ask(in, out, "reopen")).isEqualTo("reopened " + AFTER);
        in.close();
        assertThat(reader.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.exitValue()).isZero();
    }

    private static String ask(Writer in, BufferedReader out, String command) throws IOException {
        in.write(command + "\n");
        in.flush();
        return out.readLine();
    }
}
