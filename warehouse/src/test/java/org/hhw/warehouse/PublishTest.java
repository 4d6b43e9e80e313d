package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
        reader = startReader(analytics);
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

    @Test
    @Timeout(60)
    void aCopyAReaderInAnotherProcessStillHasIsNeverWrittenIntoByTheLaterPublishes() throws Exception {
        // given: a reader on the first copy, whose file two publishes later is the one the next publish would write
        // into
        Path analytics = dir.resolve("home").resolve("analytics.duckdb");
        loads.load(RegistryFiles.yuquan(dir), LocalDateTime.of(2024, 3, 1, 9, 0));
        assertThat(loads.warehouse().publishIfTestsPass(analytics, null)).isEmpty();
        String first = sha256(analytics);
        Object firstFile = fileKey(analytics);
        reader = startReader(analytics);
        BufferedReader out = new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(reader.getOutputStream(), StandardCharsets.UTF_8);
        assertThat(out.readLine()).isEqualTo("open " + BEFORE);
        loads.load(RegistryFiles.mixinguan(dir), LocalDateTime.of(2024, 3, 2, 9, 0));
        assertThat(loads.warehouse().publishIfTestsPass(analytics, null)).isEmpty();

        // when
        loads.load(RegistryFiles.yuquanCorrected(dir), LocalDateTime.of(2024, 3, 3, 9, 0));
        assertThat(loads.warehouse().publishIfTestsPass(analytics, null)).isEmpty();

        // then: the reader's file has the bytes it opened, and it reads them; a new connection reads the latest
        Path held = openFiles(reader).stream()
                .filter(f -> firstFile.equals(fileKey(f)))
                .findFirst()
                .orElseThrow();
        assertThat(sha256(held)).isEqualTo(first);
        assertThat(ask(in, out, "report").split(" ", 3)[2]).isEqualTo(BEFORE);
        // versions counted: 王小明 moved village and 孙强 registered; their households a version each
        assertThat(ask(in, out, "reopen")).isEqualTo("reopened persons=10 households=6 files=3");
        in.close();
        assertThat(reader.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.exitValue()).isZero();
    }

    private Process startReader(Path analytics) throws IOException {
        return new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PublishedReader.class.getName(),
                        analytics.toString())
                .redirectError(dir.resolve("reader.err").toFile())
                .start();
    }

    /** The files a process has open, as Linux shows them. */
    private static List<Path> openFiles(Process process) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
            return fds.toList();
        }
    }

    /** The file's content as a SHA-256 digest, which a failing test can print (through /proc's links too). */
    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            // a descriptor closed meanwhile, or not a file
            return null;
        }
    }

    private static String ask(Writer in, BufferedReader out, String command) throws IOException {
        in.write(command + "\n");
        in.flush();
        return out.readLine();
    }
}
