package org.hhw.schedules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.hhw.jobs.HhwProperties;
import org.hhw.jobs.ingest.DataTestsFailedException;
import org.hhw.jobs.ingest.FileRejection;
import org.hhw.jobs.ingest.IngestJobConfiguration;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.sources.contract.Contracts;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.NoSpace;
import org.hhw.warehouse.Warehouse;
import org.hhw.warehouse.WriterLock;
import org.hhw.warehouse.intake.Intake;
import org.hhw.warehouse.lake.ReceiptSpool;
import org.hhw.warehouse.receipt.RejectionNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Finds files in the inboxes and runs the ingest job for each, one at a time (the warehouse has
 * one writer). A file is taken only once it has stopped changing. A run that fails leaves the file
 * in the inbox, and the next launch with the same parameters restarts it where it stopped; after
 * {@value #MAX_ATTEMPTS} failed attempts the file is set aside in rejected/ with a note, so one
 * bad file never blocks the others. Not so a file whose run failed on the data tests (at the
 * publish gate): that is the warehouse's fault, not the file's, and every later file fails the same
 * way until it is repaired, so it waits in the inbox for the operator, re-checked at every poll.
 */
@Component
public class Ingestor {

    static final int MAX_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job ingestJob;
    private final Home home;
    private final ObjectProvider<Warehouse> warehouse;
    private final ReceiptSpool receiptSpool;
    private final ContractRegistry contracts;
    private final Duration settleTime;
    private final Map<Path, Seen> seen = new HashMap<>();

    public Ingestor(
            JobOperator jobOperator,
            JobRepository jobRepository,
            Job ingestJob,
            Home home,
            ObjectProvider<Warehouse> warehouse,
            ReceiptSpool receiptSpool,
            ContractRegistry contracts,
            HhwProperties properties) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ingestJob = ingestJob;
        this.home = home;
        this.warehouse = warehouse;
        this.receiptSpool = receiptSpool;
        this.contracts = contracts;
        this.settleTime = properties.settleTime();
    }

    /** The result of one file's run. */
    public record Run(String source, Path file, BatchStatus status, String exitCode, String failure) {}

    /**
     * Closes the ingest runs a crash left "running", so their files restart. Only the holder of the
     * home's writer lock may: with it held, no other process is running a job, so every run still
     * marked running is truly dead. A run killed after its last step had completed did all its work
     * and is closed COMPLETED; any other is marked FAILED (its running step too), and the next
     * launch of its file restarts it where it stopped.
     */
    public int recoverInterrupted(WriterLock lock) {
        if (!lock.isValid()) {
            throw new IllegalStateException("crash recovery needs the home's writer lock");
        }
        int recovered = 0;
        for (JobExecution execution : jobRepository.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME)) {
            String file = execution.getJobParameters().getString(IngestJobConfiguration.FILE);
            boolean done = execution.getStepExecutions().stream()
                    .anyMatch(step -> step.getStatus() == BatchStatus.COMPLETED
                            && IngestJobConfiguration.LAST_STEPS.contains(step.getStepName()));
            if (done) {
                log.warn("closing ingest run {} of {}: a crash came after its last step", execution.getId(), file);
                execution.setStatus(BatchStatus.COMPLETED);
                execution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(
                        "closed at start-up: the process " + "ended after the run's last step"));
                execution.setEndTime(LocalDateTime.now());
                jobRepository.update(execution);
            } else {
                log.warn("recovering ingest run {} left running by a crash ({})", execution.getId(), file);
                jobOperator.recover(execution);
            }
            recovered++;
        }
        return recovered;
    }

    /** One scheduled poll: every inbox file that has stopped changing. */
    public synchronized List<Run> poll() {
        List<Run> runs = new ArrayList<>();
        Map<Path, Seen> now = new HashMap<>();
        for (String source : Contracts.SOURCES) {
            for (Path file : inboxFiles(source)) {
                Seen current = Seen.of(file);
                Seen before = seen.get(file);
                boolean settled =
                        Duration.between(current.modified(), Instant.now()).compareTo(settleTime) >= 0;
                if (settled && (before == null || current.equals(before))) {
                    runs.add(ingest(source, file));
                } else {
                    now.put(file, current);
                }
            }
        }
        seen.clear();
        seen.putAll(now);
        return runs;
    }

    /**
     * Copies a file from anywhere into the source's inbox and ingests it there; the same file
     * already waiting there (left by a crash) is resumed, not copied again.
     */
    public synchronized Run ingestCopy(String source, Path file) {
        return ingest(source, new Intake(home).drop(source, file));
    }

    /** Runs (or restarts) the ingest job for one inbox file, synchronously, the file received now. Never throws. */
    public Run ingest(String source, Path file) {
        return ingest(source, file, Optional.empty());
    }

    /**
     * Runs the ingest job for one inbox file as {@link #ingest(String, Path)} does, the file received at
     * {@code receivedAt} instead of now: {@code hhw demo} replays a county's past, each file received when its
     * clerk would have sent it, so that the registry's versions begin and the files count in the months they
     * tell of. Files are to be given in the order received. A file whose earlier run was cut short keeps the
     * time it was received then.
     */
    public synchronized Run ingest(String source, Path file, LocalDateTime receivedAt) {
        return ingest(source, file, Optional.of(receivedAt));
    }

    private Run ingest(String source, Path file, Optional<LocalDateTime> receivedAt) {
        try {
            JobParameters parameters = IngestJobConfiguration.parameters(source, file);
            String sha256 = parameters.getString(IngestJobConfiguration.SHA256);
            JobInstance instance = jobRepository.getJobInstance(IngestJobConfiguration.JOB_NAME, parameters);
            List<JobExecution> attempts = instance == null ? List.of() : jobRepository.getJobExecutions(instance);
            if (attempts.size() >= MAX_ATTEMPTS && attempts.stream().noneMatch(Ingestor::failedOnDataTests)) {
                if (warehouse.getObject().loadedWithSha(sha256).isEmpty()) {
                    return setAside(source, file, sha256, "已尝试处理" + MAX_ATTEMPTS + "次均未成功");
                }
                return deliverWithoutReceipt(
                        source, file, sha256, attempts.get(0).getExitStatus().getExitDescription());
            }
            if (attempts.isEmpty()) {
                receivedAt.ifPresent(at -> registerReceived(source, file, sha256, at));
            }
            JobExecution execution = jobOperator.start(ingestJob, parameters);
            String failure = execution.getAllFailureExceptions().stream()
                    .map(t -> NoSpace.message(t, home.root()))
                    .findFirst()
                    .orElse(null);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                log.error("ingest of {} ended {}: {}", file, execution.getStatus(), failure);
            } else {
                log.info(
                        "ingested {} ({})",
                        file.getFileName(),
                        execution.getExitStatus().getExitCode());
            }
            return new Run(
                    source,
                    file,
                    execution.getStatus(),
                    execution.getExitStatus().getExitCode(),
                    failure);
        } catch (Exception e) {
            log.error("ingest of {} could not run", file, e);
            return new Run(
                    source,
                    file,
                    BatchStatus.FAILED,
                    "FAILED",
                    NoSpace.explain(e, home.root()).orElse(e.toString()));
        }
    }

    /**
     * Registers a file about to be run for the first time as received at {@code at}. Its run's archive step
     * then takes the registration for one an attempt left unfinished and goes on with it, where it would
     * register the file as received now; a registration some earlier run of the file left unfinished is
     * that one, and is kept.
     */
    private void registerReceived(String source, Path file, String sha256, LocalDateTime at) {
        Warehouse w = warehouse.getObject();
        String name = file.getFileName().toString();
        if (w.unfinished(sha256, name).isEmpty()) {
            w.register(source, name, sha256, at);
        }
    }

    /**
     * A file the job keeps failing on, none of it loaded: out of the inbox the way of every file that
     * cannot be used ({@link FileRejection}), as INTERNAL_ERROR, so the others go on. Its etl_file row
     * is the one its attempts left RUNNING, if they got as far as registering it. Should the publish
     * gate fail, the file stays in the inbox (its row already REJECTED) and the next poll tries again.
     */
    private Run setAside(String source, Path file, String sha256, String why) throws IOException {
        OptionalInt fileKey = warehouse
                .getObject()
                .unfinished(sha256, file.getFileName().toString())
                .map(f -> OptionalInt.of(f.fileKey()))
                .orElse(OptionalInt.empty());
        try {
            new FileRejection(warehouse.getObject(), home, receiptSpool, contracts)
                    .reject(
                            source,
                            file,
                            fileKey,
                            "INTERNAL_ERROR",
                            "系统处理该文件时出错（" + why + "），文件中的数据均未入库。" + "已通知系统管理员排查；您也可以用Excel或WPS打开后另存为新的xlsx文件再发送一次。");
        } catch (DataTestsFailedException e) {
            log.error("cannot set aside {}: {}", file, e.getMessage());
            return new Run(source, file, BatchStatus.FAILED, "FAILED", e.getMessage());
        }
        log.error("set aside {} after {} failed attempts", file, MAX_ATTEMPTS);
        return new Run(source, file, BatchStatus.ABANDONED, "SET_ASIDE", why);
    }

    /**
     * A loaded file whose later steps (publish, receipt) keep failing: retrying a step that failed
     * the same way three times only fails again at every poll, so the original goes to processed/
     * with a note saying its data is loaded and the receipt could not be made (kept once, a hard link
     * to its archived copy: {@link Intake#deliver}). (A run failing on its data tests is the operator's
     * to repair and keeps waiting: see the class comment.)
     */
    private Run deliverWithoutReceipt(String source, Path file, String sha256, String why) throws IOException {
        Intake intake = new Intake(home);
        Path target = intake.processedTarget(source, file);
        RejectionNote.write(
                Intake.noteOf(target),
                file.getFileName().toString(),
                contracts.get(source).label(),
                "RECEIPT_FAILED",
                "文件中的数据已入库，但系统" + MAX_ATTEMPTS + "次都未能生成回执。已通知系统管理员排查，" + "请勿重复发送该文件。",
                LocalDateTime.now());
        intake.deliver(file, sha256, target);
        log.error(
                "delivered {} without a receipt after {} failed attempts: {}",
                file,
                MAX_ATTEMPTS,
                why == null ? "" : why.lines().findFirst().orElse(""));
        return new Run(source, file, BatchStatus.ABANDONED, "NO_RECEIPT", why);
    }

    private static boolean failedOnDataTests(JobExecution attempt) {
        return Stream.concat(
                        Stream.of(attempt.getExitStatus()),
                        attempt.getStepExecutions().stream().map(step -> step.getExitStatus()))
                .map(ExitStatus::getExitDescription)
                .anyMatch(d -> d != null && d.contains(DataTestsFailedException.class.getName()));
    }

    /** The regular files of an inbox; anything else dropped there is refused unread. */
    private List<Path> inboxFiles(String source) {
        Path inbox = home.inbox(source);
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        List<Path> entries;
        try (Stream<Path> files = Files.list(inbox)) {
            entries = files.filter(Ingestor::isDroppedFile).sorted().toList();
        } catch (IOException e) {
            log.error("cannot list {}", inbox, e);
            return List.of();
        }
        List<Path> regular = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                regular.add(entry);
            } else {
                refuse(source, entry);
            }
        }
        return regular;
    }

    /**
     * A symbolic link, a folder or a device in an inbox is never read: a link could name any file
     * the service can read (it once copied /etc/shadow into the archive). It goes, as it is, to
     * rejected/ with a note.
     */
    private void refuse(String source, Path entry) {
        try {
            FileRejection.moveWithNote(
                    home,
                    contracts.get(source),
                    entry,
                    "NOT_A_FILE",
                    "放入的不是文件本身，而是"
                            + (Files.isSymbolicLink(entry)
                                    ? "一个快捷方式（链接）"
                                    : Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? "一个文件夹" : "一个特殊文件")
                            + "，系统不会读取它。请把表格文件本身（xlsx、xls或csv）放入收件箱。");
            log.warn("refused {}: not a regular file (moved to rejected/ unread)", entry);
        } catch (IOException | RuntimeException e) {
            log.error("cannot move the non-file {} out of the inbox", entry, e);
        }
    }

    /** Not a lock or partial file of an editor or a copy still in progress. */
    static boolean isDroppedFile(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase();
        return !name.startsWith("~$")
                && !name.startsWith(".")
                && !lower.endsWith(".tmp")
                && !lower.endsWith(".part")
                && !lower.endsWith(".crdownload")
                && !lower.endsWith(".download");
    }

    private record Seen(long size, Instant modified) {
        static Seen of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Seen(a.size(), a.lastModifiedTime().toInstant());
            } catch (IOException e) {
                return new Seen(-1, Instant.now());
            }
        }
    }
}
