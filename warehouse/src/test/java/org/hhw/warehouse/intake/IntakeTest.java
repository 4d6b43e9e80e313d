package org.hhw.warehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.hhw.warehouse.Home;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTest {

    private static final String EIGHTY = "天镇县".repeat(26) + "表格"; // 80 Chinese characters, 240 bytes

    @TempDir
    Path dir;

    @Test
    void aReceiptOfALongNameIsShortenedToALegalName() throws Exception {
        // given a legal file name of 80 Chinese characters, in processed/
        Path processed =
                Files.createDirectories(dir.resolve("processed/registry")).resolve(EIGHTY + ".xlsx");
        Files.writeString(processed, "x");

        // when its receipt's and note's names are made
        Path receipt = Intake.receiptOf(processed);
        Path note = Intake.noteOf(processed);

        // then each fits, with its .tmp, in 255 bytes, keeps as much of the name as fits, and can be created
        for (Path p : new Path[] {receipt, note}) {
            String name = p.getFileName().toString();
            assertThat((name + ".tmp").getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
            assertThat(name).startsWith(EIGHTY.substring(0, 70)).contains("…");
            Files.writeString(p.resolveSibling(name + ".tmp"), "receipt");
        }
        assertThat(receipt.getFileName().toString()).endsWith("….回执.xlsx");
        assertThat(note.getFileName().toString()).endsWith("….说明.txt");
    }

    @Test
    void aShortNameIsKeptAsItIs() {
        // given / when / then
        assertThat(Intake.receiptOf(dir.resolve("花名册.xlsx")).getFileName().toString())
                .isEqualTo("花名册.xlsx.回执.xlsx");
        assertThat(Intake.fit("a".repeat(300), "").getBytes(StandardCharsets.UTF_8))
                .hasSize(251);
        assertThat(Intake.fit("a".repeat(300), "")).isEqualTo("a".repeat(248) + "…");
    }

    @Test
    void aFileDroppedAgainWithTheSameContentIsTheOneWaitingAndOtherContentTakesAFreeName() throws Exception {
        // given a file waiting in the inbox
        Intake intake = new Intake(new Home(dir.resolve("home")).create(java.util.List.of("registry")));
        Path file = Files.writeString(dir.resolve("花名册.csv"), "a");
        Path first = intake.drop("registry", file);

        // when the same file is dropped again, then a different one of the same name
        Path again = intake.drop("registry", file);
        Path other = intake.drop(
                "registry",
                Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("花名册.csv"), "b"));

        // then the first is resumed, the second takes a free name, and no temporary copy is left
        assertThat(again).isEqualTo(first);
        assertThat(other.getFileName().toString()).isEqualTo("花名册 (2).csv");
        try (var files = Files.list(first.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("花名册.csv", "花名册 (2).csv");
        }
    }

    @Test
    void aDeliveredOriginalIsKeptOnceAsAHardLinkToItsArchivedCopyThatClerksMayReadButNotChange() throws Exception {
        // given a clerk's file in the inbox of a home with a clerks' group, archived
        Home home = clerksHome();
        Intake intake = new Intake(home);
        Path file = clerksFile(home, "花名册.csv", "证件号码\n1\n");
        String sha256 = Intake.sha256(file);
        Path archived = intake.archive(file, sha256);

        // when it is delivered to processed/
        Path target = intake.processedTarget("registry", file);
        intake.deliver(file, sha256, target);

        // then it has left the inbox, and processed/ holds its bytes under its name: the archived copy itself
        assertThat(file).doesNotExist();
        assertThat(target).isEqualTo(home.processed("registry").resolve("花名册.csv"));
        assertThat(Files.readString(target)).isEqualTo("证件号码\n1\n");
        assertThat(Files.isSameFile(target, archived)).isTrue();
        assertThat(names(home.processed("registry"))).containsExactly("花名册.csv");
        // and it is the clerks' group's to read, not to write, with the clerk's time, as a receipt there is
        assertThat(mode(target)).isEqualTo("rw-r-----");
        assertThat(group(target)).isEqualTo(group(home.processed("registry")));
        assertThat(Files.getLastModifiedTime(target)).isEqualTo(CLERKS_TIME);
        // and the archive folder is still the owner's alone
        assertThat(mode(home.archive())).isEqualTo("rwx------");
    }

    @Test
    void aDeliveryCutShortAfterTheArchivedCopyTookTheClerksFileIsFinishedUnderTheSameName() throws Exception {
        // given an archived file whose delivery fails at its last step, as if killed there
        Home home = clerksHome();
        Intake intake = new Intake(home);
        Path file = clerksFile(home, "花名册.csv", "证件号码\n1\n");
        String sha256 = Intake.sha256(file);
        Path archived = intake.archive(file, sha256);
        Path target = intake.processedTarget("registry", file);
        Path blocker = Files.writeString(Files.createDirectories(target).resolve("占位"), "x");
        assertThatThrownBy(() -> intake.deliver(file, sha256, target)).isInstanceOf(UncheckedIOException.class);
        Files.delete(blocker);
        Files.delete(target);

        // then the inbox holds the archived copy under the clerk's name, with the clerk's bytes and time
        // (so the restarted run has the same parameters), and processed/ nothing yet
        assertThat(Files.isSameFile(file, archived)).isTrue();
        assertThat(Intake.sha256(file)).isEqualTo(sha256);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(CLERKS_TIME);
        assertThat(names(home.processed("registry"))).isEmpty();

        // when the delivery is done again, as the restarted run does
        Path again = intake.processedTarget("registry", file);
        intake.deliver(file, sha256, again);

        // then it is finished under the same name, and no second name is made
        assertThat(again).isEqualTo(target);
        assertThat(file).doesNotExist();
        assertThat(Files.isSameFile(target, archived)).isTrue();
        assertThat(names(home.processed("registry"))).containsExactly("花名册.csv");
    }

    @Test
    void theSameContentDeliveredUnderTwoNamesAtOnceIsLinkedUnderTwoHiddenNames() throws Exception {
        // given one content archived, sent under two names (a poll delivers its files two at a time)
        Home home = clerksHome();
        Intake intake = new Intake(home);
        Path first = clerksFile(home, "南高崖乡.csv", "证件号码\n1\n");
        Path again = clerksFile(home, "南高崖乡（再次报送）.csv", "证件号码\n1\n");
        String sha256 = Intake.sha256(first);
        Path archived = intake.archive(first, sha256);

        // when each delivery names the hidden link it makes beside its target
        Path firstLink = Intake.pendingLink(intake.processedTarget("registry", first), archived);
        Path againLink = Intake.pendingLink(intake.processedTarget("registry", again), archived);

        // then the two are apart, and both are delivered
        assertThat(firstLink).isNotEqualTo(againLink);
        intake.deliver(first, sha256, intake.processedTarget("registry", first));
        intake.deliver(again, sha256, intake.processedTarget("registry", again));
        assertThat(names(home.processed("registry"))).containsExactly("南高崖乡.csv", "南高崖乡（再次报送）.csv");
    }

    @Test
    void twoOriginalsOnTheirWayAtOnceAreGivenNamesOfTheirOwn() throws Exception {
        // given 花名册.csv delivered, then sent again, and a file named 花名册 (2).csv, both waiting in the inbox
        Home home = clerksHome();
        Intake intake = new Intake(home);
        deliverWithReceipt(intake, clerksFile(home, "花名册.csv", "a"));
        Path again = clerksFile(home, "花名册.csv", "b");
        Path second = clerksFile(home, "花名册 (2).csv", "c");

        // when both are given their names before either is there (two deliveries at once)
        Path againTarget = intake.processedTarget("registry", again);
        Path secondTarget = intake.processedTarget("registry", second);

        // then the names differ, each original is given its own again, and each is delivered under it
        assertThat(againTarget.getFileName()).hasToString("花名册 (2).csv");
        assertThat(secondTarget.getFileName()).hasToString("花名册 (2) (2).csv");
        assertThat(intake.processedTarget("registry", again)).isEqualTo(againTarget);
        Intake.move(again, againTarget);
        Intake.move(second, secondTarget);
        assertThat(names(home.processed("registry"))).contains("花名册.csv", "花名册 (2).csv", "花名册 (2) (2).csv");
    }

    @Test
    void aLinkLeftByADeliveryCutShortBeforeItTookTheClerksFileIsReplaced() throws Exception {
        // given an archived file whose delivery was killed once the archived copy was linked beside its target
        Home home = clerksHome();
        Intake intake = new Intake(home);
        Path file = clerksFile(home, "花名册.csv", "证件号码\n1\n");
        String sha256 = Intake.sha256(file);
        Path archived = intake.archive(file, sha256);
        Path target = intake.processedTarget("registry", file);
        Files.createLink(Intake.pendingLink(target, archived), archived);

        // when the delivery is done again
        intake.deliver(file, sha256, intake.processedTarget("registry", file));

        // then processed/ holds the file once, under its name, and no hidden link is left
        assertThat(file).doesNotExist();
        assertThat(Files.isSameFile(target, archived)).isTrue();
        assertThat(names(home.processed("registry"))).containsExactly("花名册.csv");
    }

    @Test
    void theSameContentSentAgainUnderTheSameNameTakesANameOfItsOwnAndOtherContentToo() throws Exception {
        // given a file delivered with its receipt
        Home home = clerksHome();
        Intake intake = new Intake(home);
        Path first = deliverWithReceipt(intake, clerksFile(home, "花名册.csv", "a"));

        // when the same content is sent again under the same name (a duplicate), then other content under it
        Path again = deliverWithReceipt(intake, clerksFile(home, "花名册.csv", "a"));
        Path other = deliverWithReceipt(intake, clerksFile(home, "花名册.csv", "b"));

        // then each takes a name of its own beside the first, whose receipt is kept: the duplicate is the
        // same archived copy, the other its own
        assertThat(first.getFileName().toString()).isEqualTo("花名册.csv");
        assertThat(again.getFileName().toString()).isEqualTo("花名册 (2).csv");
        assertThat(other.getFileName().toString()).isEqualTo("花名册 (3).csv");
        assertThat(Files.readString(Intake.receiptOf(first))).isEqualTo("receipt of 花名册.csv");
        assertThat(Files.isSameFile(first, again)).isTrue();
        assertThat(Files.readString(other)).isEqualTo("b");
        assertThat(Files.isSameFile(other, home.archive().resolve(Intake.sha256(other) + ".csv")))
                .isTrue();
        assertThat(names(home.inbox("registry"))).isEmpty();
    }

    @Test
    void aFileNeverArchivedIsMovedAsItIs() throws Exception {
        // given a file in the inbox that was never archived
        Home home = clerksHome();
        Intake intake = new Intake(home);
        Path file = clerksFile(home, "花名册.csv", "a");
        Object inode = inode(file);

        // when it is delivered to rejected/
        Path target = intake.rejectedTarget("registry", file);
        intake.deliver(file, Intake.sha256(file), target);

        // then the clerk's file itself is there, and nothing is in the archive
        assertThat(file).doesNotExist();
        assertThat(inode(target)).isEqualTo(inode);
        assertThat(names(home.archive())).isEmpty();
    }

    @Test
    void anArchiveOnAnotherFileSystemGetsTheOriginalMovedAsItIs() throws Exception {
        // given a home whose archive/ is on another file system (a tmpfs), and an archived file
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(dir)));
        Path elsewhere = Files.createTempDirectory(shm, "hhw-archive-");
        try {
            Home home = new Home(dir.resolve("home")).create(List.of("registry"));
            Files.delete(home.archive());
            Files.createSymbolicLink(home.archive(), elsewhere);
            Intake intake = new Intake(home);
            Path file = clerksFile(home, "花名册.csv", "a");
            Object inode = inode(file);
            String sha256 = Intake.sha256(file);
            Path archived = intake.archive(file, sha256);

            // when it is delivered to processed/
            Path target = intake.processedTarget("registry", file);
            intake.deliver(file, sha256, target);

            // then the clerk's file itself is moved there, kept twice, and no link is left behind
            assertThat(file).doesNotExist();
            assertThat(inode(target)).isEqualTo(inode);
            assertThat(Files.readString(archived)).isEqualTo("a");
            assertThat(names(home.processed("registry"))).containsExactly("花名册.csv");
        } finally {
            try (Stream<Path> paths = Files.walk(elsewhere)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static final FileTime CLERKS_TIME = FileTime.from(Instant.parse("2019-03-01T08:00:00Z"));

    /** A home whose clerks' group is the user's own, as HomePermissionsTest makes one. */
    private Home clerksHome() throws IOException {
        return new Home(dir.resolve("home"), group(dir), null).create(List.of("registry"));
    }

    private static Path clerksFile(Home home, String name, String content) throws IOException {
        Path file = Files.writeString(home.inbox("registry").resolve(name), content);
        Files.setLastModifiedTime(file, CLERKS_TIME);
        return file;
    }

    /** What the ingest job does with a file: archived, its receipt written where it goes, delivered there. */
    private static Path deliverWithReceipt(Intake intake, Path file) throws IOException {
        String sha256 = Intake.sha256(file);
        intake.archive(file, sha256);
        Path target = intake.processedTarget("registry", file);
        Files.writeString(Intake.receiptOf(target), "receipt of " + target.getFileName());
        intake.deliver(file, sha256, target);
        return target;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".回执.xlsx"))
                    .sorted()
                    .toList();
        }
    }

    private static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static String group(Path p) throws IOException {
        return Files.readAttributes(p, PosixFileAttributes.class).group().getName();
    }
}
