package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedCopyTest {

    private static final int PART = 64 * 1024;
    private static final int SIZE = 5 * PART + 100;

    @TempDir
    Path dir;

    private Path database;
    private Path target;

    @BeforeEach
    void files() throws IOException {
        database = Files.createDirectories(dir.resolve("warehouse")).resolve("warehouse.duckdb");
        target = dir.resolve("analytics.duckdb");
    }

    @Test
    void writesOnlyThePartsThatDifferIntoTheCopyPublishedBeforeTheLast() throws IOException {
        // given: state A published, then state B (A with its second part changed)
        byte[] a = new byte[SIZE];
        new Random(7).nextBytes(a);
        byte[] b = change(a, PART + 10);
        assertThat(publish(a)).isEqualTo(new PublishedCopy.Written(SIZE, SIZE));
        Object firstCopy = fileKey(target);
        assertThat(publish(b)).isEqualTo(new PublishedCopy.Written(SIZE, SIZE));

        // when: state C, B with its fourth part changed, goes into the copy of A
        byte[] c = change(b, 3 * PART + 5);
        PublishedCopy.Written written = publish(c);

        // then: the second and fourth parts written, A's file is the published one, B's the spare
        assertThat(written).isEqualTo(new PublishedCopy.Written(SIZE, 2 * PART));
        assertThat(Files.readAllBytes(target)).isEqualTo(c);
        assertThat(fileKey(target)).isEqualTo(firstCopy);
        assertThat(Files.readAllBytes(spare())).isEqualTo(b);
    }

    @Test
    void aShorterDatabaseLeavesNothingOfTheLongerCopyBehind() throws IOException {
        // given
        byte[] a = change(new byte[SIZE], 7);
        publish(a);
        publish(change(a, 9));
        byte[] shorter = new byte[2 * PART + 3];

        // when
        PublishedCopy.Written written = publish(shorter);

        // then: the copy of A cut to the new size, its first part (changed in A) written
        assertThat(written).isEqualTo(new PublishedCopy.Written(shorter.length, PART));
        assertThat(Files.readAllBytes(target)).isEqualTo(shorter);
    }

    @Test
    void aCopyAReportKeepsAsItsSnapshotIsNeverWrittenInto() throws IOException {
        // given: the copy of B linked as a report's snapshot, then C published: B's copy is now the spare
        byte[] a = change(new byte[SIZE], 1);
        byte[] b = change(a, PART + 1);
        publish(a);
        publish(b);
        Path snapshot = dir.resolve("analytics-2019-12.duckdb");
        Files.createLink(snapshot, target);
        publish(change(b, 2 * PART + 1));

        // when
        byte[] d = change(b, 4 * PART + 1);
        PublishedCopy.Written written = publish(d);

        // then: written whole into a new file; the snapshot keeps B
        assertThat(written).isEqualTo(new PublishedCopy.Written(SIZE, SIZE));
        assertThat(Files.readAllBytes(target)).isEqualTo(d);
        assertThat(Files.readAllBytes(snapshot)).isEqualTo(b);
    }

    @Test
    void aCopyAConnectionOfThisProcessStillReadsIsNeverWrittenInto() throws Exception {
        // given: an analyst connection on the first copy, which two publishes later is the spare
        Path warehouse = database;
        execute(warehouse, "create table t as select range as n from range(1000)");
        publishDatabase();
        try (Connection analyst = AnalystConnection.open(target)) {
            execute(warehouse, "insert into t select range from range(1000, 2000)");
            publishDatabase();
            execute(warehouse, "insert into t select range from range(2000, 3000)");

            // when
            PublishedCopy.Written written = publishDatabase();

            // then: written whole; the connection reads its state, a new one the latest
            assertThat(written.written()).isEqualTo(written.bytes());
            assertThat(count(analyst)).isEqualTo(1000);
        }
        try (Connection latest = AnalystConnection.open(target)) {
            assertThat(count(latest)).isEqualTo(3000);
        }
    }

    @Test
    void aPublishKilledBeforeTheSpareTookThePublishedNameLeavesThePublishedCopyAlone() throws IOException {
        // given: killed after linking the published copy (B) as previous, before the spare (A) took its name
        byte[] a = change(new byte[SIZE], 3);
        byte[] b = change(a, PART + 3);
        publish(a);
        publish(b);
        Files.createLink(previous(), target);

        // when
        byte[] c = change(b, 2 * PART + 3);
        PublishedCopy.Written written = publish(c);

        // then: the published copy was not taken as the spare; the spare (A) was written into
        assertThat(written).isEqualTo(new PublishedCopy.Written(SIZE, 2 * PART));
        assertThat(Files.readAllBytes(target)).isEqualTo(c);
        assertThat(Files.readAllBytes(spare())).isEqualTo(b);
        assertThat(previous()).doesNotExist();
    }

    @Test
    void aPublishKilledAfterTheSpareTookThePublishedNameIsFinishedByTheNext() throws IOException {
        // given: killed after the spare (A) took the published name, before the copy it replaced (B) became the spare
        byte[] a = change(new byte[SIZE], 4);
        byte[] b = change(a, PART + 4);
        publish(a);
        publish(b);
        Files.createLink(previous(), target);
        Files.move(spare(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        // when
        byte[] c = change(b, 2 * PART + 4);
        PublishedCopy.Written written = publish(c);

        // then: B's copy was the spare, written into
        assertThat(written).isEqualTo(new PublishedCopy.Written(SIZE, PART));
        assertThat(Files.readAllBytes(target)).isEqualTo(c);
        assertThat(Files.readAllBytes(spare())).isEqualTo(a);
        assertThat(previous()).doesNotExist();
    }

    private PublishedCopy.Written publish(byte[] state) throws IOException {
        Files.write(database, state);
        return new PublishedCopy(database, target).publish(null);
    }

    private PublishedCopy.Written publishDatabase() throws IOException {
        return new PublishedCopy(database, target).publish(null);
    }

    private Path spare() {
        return dir.resolve("warehouse/analytics.duckdb.spare");
    }

    private Path previous() {
        return dir.resolve("warehouse/analytics.duckdb.previous");
    }

    private static byte[] change(byte[] state, int at) {
        byte[] changed = state.clone();
        changed[at]++;
        return changed;
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static void execute(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
                Statement st = c.createStatement()) {
            st.execute(sql);
            st.execute("checkpoint");
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
