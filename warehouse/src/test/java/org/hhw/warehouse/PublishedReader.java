package org.hhw.warehouse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/**
 * An analyst in another process: opens the published copy read-only, prints its totals
 * ({@code open <totals>}), then keeps the connection and re-queries it in a loop until stdin ends.
 * Commands on stdin: {@code report} prints {@code held <queries> <every distinct totals seen>};
 * {@code reopen} closes the connection and opens the file again, printing {@code reopened <totals>}
 * (DuckDB shares one database per path within a process, so only that sees a newer copy). Exits 0,
 * or 1 when a query failed.
 */
public final class PublishedReader {

    private static final String TOTALS = "select 'persons=' || (select count(*) from dim_person) "
            + "|| ' households=' || (select count(*) from dim_household where household_key > 0) "
            + "|| ' files=' || (select count(*) from etl_file)";

    private PublishedReader() {}

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Requery held = new Requery(db);
        System.out.println("open " + held.first);
        System.out.flush();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command;
            while ((command = in.readLine()) != null) {
                if (command.equals("report")) {
                    System.out.println("held " + held.report());
                } else if (command.equals("reopen")) {
                    held.close();
                    held = new Requery(db);
                    System.out.println("reopened " + held.first);
                }
                System.out.flush();
            }
            held.close();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static String totals(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(TOTALS)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** One open connection, queried every few milliseconds by its own thread. */
    private static final class Requery {
        final String first;
        private final Connection connection;
        private final Set<String> seen = new TreeSet<>();
        private final Thread thread;
        private long queries;
        private Exception failure;

        Requery(Path db) throws SQLException {
            connection = RegistryLoads.openReadOnly(db);
            first = totals(connection);
            seen.add(first);
            thread = new Thread(this::loop);
            thread.start();
        }

        private void loop() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    String totals = totals(connection);
                    synchronized (this) {
                        seen.add(totals);
                        queries++;
                    }
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException | RuntimeException e) {
                synchronized (this) {
                    failure = e;
                }
            }
        }

        synchronized String report() {
            return queries + " " + String.join(";", seen);
        }

        void close() throws Exception {
            thread.interrupt();
            thread.join();
            connection.close();
            if (failure != null) {
                throw failure;
            }
        }
    }
}
