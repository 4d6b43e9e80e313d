package org.hhw.schedules;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hhw.warehouse.Home;

/**
 * The audit log, {@code <home>/state/audit.log}, readable and writable by its owner only: who ran which
 * query or which command that changes the home, when, and what came of it. One line per entry, five
 * tab-separated fields: time (ISO 8601 with its offset), OS user, command, statement (the SQL, or the
 * command's arguments), result. A backslash, tab, line feed or carriage return inside a field is written
 * {@code \\}, {@code \t}, {@code \n}, {@code \r}, so an entry never spans two lines. {@code hhw log
 * [--limit=N]} prints the latest entries.
 */
public final class AuditLog {

    /** The commands that change the home: each is logged as it starts and as it ends. */
    private static final Set<String> CHANGES_STATE = Set.of("demo", "run", "ingest", "rebuild");

    /** A setting given as an argument whose value must not reach the log, such as the pseudonym key. */
    private static final Pattern SECRET = Pattern.compile("(?i)^(--[\\w.-]*(key|password|secret|token)=).*");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final Set<OpenOption> APPEND =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    private static final int DEFAULT_LIMIT = 50;
    private static final int CELL_LENGTH = 100;

    record Entry(String time, String user, String command, String statement, String result) {}

    private final Path file;

    public AuditLog(Home home) {
        this.file = home.auditLog();
    }

    Path file() {
        return file;
    }

    /** {@code hhw log [--limit=N]}: the latest entries as a table, newest last. */
    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        int limit = DEFAULT_LIMIT;
        for (String a : args) {
            if (a.matches("--limit=[1-9]\\d{0,8}")) {
                limit = Integer.parseInt(a.substring("--limit=".length()));
            } else if (!a.startsWith("--hhw.")) {
                err.println("usage: hhw log [--limit=N] (N a positive number, default " + DEFAULT_LIMIT + ")");
                return 2;
            }
        }
        AuditLog log = new AuditLog(Home.resolve(args));
        if (!Files.exists(log.file)) {
            out.println("No audit log yet at " + log.file + ".");
            return 0;
        }
        List<Entry> all = log.entries();
        List<Entry> latest = all.subList(Math.max(0, all.size() - limit), all.size());
        TextTable table = new TextTable(List.of("time", "user", "command", "statement", "result"));
        for (Entry e : latest) {
            table.add(List.of(e.time(), e.user(), e.command(), cell(e.statement()), cell(e.result())));
        }
        table.print(out);
        out.println("(" + latest.size() + " of " + all.size() + " entries; the file holds every statement in full: "
                + log.file + ")");
        return 0;
    }

    /**
     * Runs a command of {@code hhw}. One that changes the home is logged as it starts, so a command that
     * never ends is on record too, and as it ends: its exit code, its error, or {@code stopped} when the
     * JVM shuts down under it, which is how the service ends.
     */
    public int record(String command, String[] args, Callable<Integer> body) throws Exception {
        if (!CHANGES_STATE.contains(command)) {
            return body.call();
        }
        String statement = statement(command, args);
        append(command, statement, "started");
        Thread stopped = new Thread(() -> {
            try {
                append(command, statement, "stopped");
            } catch (IOException e) {
                System.err.println("cannot write the audit log " + file + ": " + e.getMessage());
            }
        });
        Runtime.getRuntime().addShutdownHook(stopped);
        int code;
        try {
            code = body.call();
        } catch (Exception e) {
            if (unhook(stopped)) {
                append(command, statement, "error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            throw e;
        }
        if (unhook(stopped)) {
            append(command, statement, "exit " + code);
        }
        return code;
    }

    /** Creates the log if need be; fails if it cannot be appended to, for a command that must not run unlogged. */
    public void ensureWritable() throws IOException {
        open().close();
    }

    public void append(String command, String statement, String result) throws IOException {
        String line = String.join(
                        "\t",
                        escape(TIME.format(OffsetDateTime.now())),
                        escape(System.getProperty("user.name")),
                        escape(command),
                        escape(statement),
                        escape(result))
                + "\n";
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        // Other processes wait on the file lock. The threads of this one wait on the class: a JVM holds a
        // file's lock for all its threads, and a second lock() from within it throws instead of waiting.
        synchronized (AuditLog.class) {
            try (FileChannel channel = open();
                    FileLock lock = channel.lock()) {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        }
    }

    List<Entry> entries() throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.map(AuditLog::parse).toList();
        }
    }

    private FileChannel open() throws IOException {
        Files.createDirectories(file.getParent());
        FileAttribute<?>[] ownerOnly =
                file.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? new FileAttribute<?>[] {
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                        }
                        : new FileAttribute<?>[0];
        return FileChannel.open(file, APPEND, ownerOnly);
    }

    /** The arguments after the command word; an ingest's files as absolute paths, secrets masked. */
    private static String statement(String command, String[] args) {
        List<String> words = new ArrayList<>();
        boolean commandSeen = false;
        for (String a : args) {
            if (a.startsWith("--")) {
                words.add(SECRET.matcher(a).replaceFirst("$1***"));
            } else if (!commandSeen) {
                commandSeen = true;
            } else {
                words.add(
                        command.equals("ingest")
                                ? Path.of(a).toAbsolutePath().normalize().toString()
                                : a);
            }
        }
        return String.join(" ", words);
    }

    /** A torn line (a crash in the middle of a write) still shows, with its missing fields empty. */
    private static Entry parse(String line) {
        String[] f = line.split("\t", 5);
        String[] fields = new String[5];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = i < f.length ? unescape(f[i]) : "";
        }
        return new Entry(fields[0], fields[1], fields[2], fields[3], fields[4]);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                sb.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** A statement or result as the table shows it: on one line, and cut short, since the file keeps it whole. */
    private static String cell(String s) {
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() <= CELL_LENGTH ? line : line.substring(0, CELL_LENGTH - 1) + "…";
    }

    private static boolean unhook(Thread hook) {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            return false;
        }
    }
}
