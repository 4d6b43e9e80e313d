package org.hhw.schedules;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.NoSpace;
import org.hhw.warehouse.WarehousePreload;
import org.hhw.warehouse.WriterLock;
import org.hhw.warehouse.lake.LakePartWriter;
import org.hhw.warehouse.receipt.ReceiptWriter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;

/**
 * The product's one runnable: {@code hhw <command>}. {@code help} prints, {@code sql} opens only the
 * published analytics copy, {@code status} reads it and the state, {@code check} reads it and the lake, and
 * {@code log} reads only the audit log, all without starting the application, so they are quick and never touch a
 * load.
 *
 * <p>A command that writes to the home takes the home's {@link WriterLock} here, before the
 * application (its job repository, its warehouse) starts: a second writer is refused before it
 * has touched anything, and {@code ingest} while the service runs hands its files to the service.
 */
@SpringBootApplication(scanBasePackages = "org.hhw", proxyBeanMethods = false)
public class HhwApplication {

    /** The commands that write to the home; each holds its writer lock for its whole life. */
    static final Set<String> WRITERS = Set.of("run", "ingest", "rebuild", "demo");

    /** The commands that write clerks' receipts: their first one is prepared for while the context starts. */
    static final Set<String> RECEIPTS = Set.of("run", "ingest", "demo");

    /** Exit code of a writer refused because another one holds the home (sysexits' EX_TEMPFAIL). */
    static final int HOME_BUSY = 75;

    public static void main(String[] args) throws Exception {
        // The first word that is not an option, as the launcher and the CLI read it: `hhw --hhw.home=DIR ingest F` is
        // an ingest, and takes the writer lock like any other.
        String command =
                Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse("help");
        String[] rest = withoutFirst(args, command);
        if (Cli.HELP.contains(command)) {
            // The usage is text: starting the application for it cost seconds.
            new PrintStream(System.out, true, StandardCharsets.UTF_8).print(Cli.USAGE);
            System.exit(0);
        }
        if (command.equals("sql")) {
            System.exit(SqlShell.run(rest));
        }
        if (command.equals("status")) {
            System.exit(Status.run(Home.resolve(args), new PrintStream(System.out, true, StandardCharsets.UTF_8)));
        }
        if (command.equals("check")) {
            System.exit(
                    CheckCommand.run(Home.resolve(args), new PrintStream(System.out, true, StandardCharsets.UTF_8)));
        }
        if (command.equals("log")) {
            System.exit(AuditLog.run(rest, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err));
        }
        // Every command from here on opens DuckDB: its library and the SQL project load on the idle core while the
        // context starts, and the first receipt is prepared for.
        WarehousePreload.inBackground();
        if (RECEIPTS.contains(command)) {
            ReceiptWriter.warmUpInBackground();
            LakePartWriter.warmUpInBackground();
        }
        SpringApplication application = new SpringApplication(HhwApplication.class);
        if (!command.equals("run")) {
            // Only the service schedules: Quartz's scheduler, its tables' script and its stored jobs cost the
            // other commands' start about 0.3 s here, and none of them uses them.
            application.setDefaultProperties(
                    Map.of("spring.autoconfigure.exclude", QuartzAutoConfiguration.class.getName()));
        }
        if (WRITERS.contains(command)) {
            Path home = Home.resolve(args).root();
            Optional<WriterLock> lock;
            try {
                lock = acquire(home, command);
            } catch (UncheckedIOException e) {
                System.err.println("hhw " + command + ": nothing was changed: " + NoSpace.message(e, home));
                System.exit(1);
                return;
            }
            if (lock.isEmpty()) {
                System.exit(refuseOrHandOver(home, command, args));
            }
            application.addInitializers(
                    context -> context.getBeanFactory().registerSingleton("writerLock", lock.get()));
        }
        System.exit(SpringApplication.exit(application.run(args)));
    }

    /** The arguments but the first occurrence of {@code word}. */
    static String[] withoutFirst(String[] args, String word) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        rest.remove(word);
        return rest.toArray(String[]::new);
    }

    /**
     * The lock, or empty when another process holds it. A holder that has not yet written who it
     * is (it is starting) or has just ended is asked again for a moment, so the refusal can name it.
     */
    private static Optional<WriterLock> acquire(Path home, String command) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Optional<WriterLock> lock = WriterLock.tryAcquire(home, command);
            if (lock.isPresent() || WriterLock.holder(home).isPresent() || attempt == 10) {
                return lock;
            }
            Thread.sleep(200);
        }
    }

    private static int refuseOrHandOver(Path home, String command, String[] args) throws Exception {
        Optional<WriterLock.Holder> holder = WriterLock.holder(home);
        if (command.equals("ingest") && holder.map(WriterLock.Holder::isService).orElse(false)) {
            return new AuditLog(Home.resolve(args))
                    .record(command, args, () -> Handoff.run(home, holder.get(), withoutFirst(args, command)));
        }
        System.err.println("hhw " + command + ": refused, nothing was changed: another hhw process is writing to "
                + home.toAbsolutePath() + (holder.map(h -> ": " + h).orElse("")) + ". A home has one writer at a "
                + "time; run this again once it has ended"
                + (holder.map(WriterLock.Holder::isService).orElse(false)
                        ? " (stop the service first), or drop files into "
                                + home.toAbsolutePath().resolve("inbox") + " for the service to take."
                        : "."));
        return HOME_BUSY;
    }
}
