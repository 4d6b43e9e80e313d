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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.hhw.jobs.HhwProperties;
import org.hhw.jobs.ingest.FileRejection;
import org.hhw.jobs.ingest.IngestJobConfiguration;
import org.hhw.jobs.ingest.PollLoadJobConfiguration;
import org.hhw.jobs.publish.DataTestsFailedException;
import org.hhw.jobs.publish.PublishJobConfiguration;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.sources.contract.Contracts;
import org.hhw.warehouse.EtlFile;
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
 * Finds files in the inboxes and ingests them, a poll at a time (the warehouse has one writer). A file is taken
 * only once it has stopped changing. A poll is the ingest job for each file it found, one at a time, each run
 * stopping once its file is loaded (or recorded as a duplicate, or rejected); then one publish
 * ({@code publishJob}) for all of them; then, once it has passed, each stopped run launched again for its receipt or
 * note and the move out of the inbox. Analysts see every file of a poll at once or none of them, and a clerk's
 * receipt never announces data they cannot see yet.
 *
 * <p>A poll of several files loads them together: each run stops after its read, and the poll's load
 * ({@code loadJob}) loads all their files, one department's in one pass, before the publish; the runs, launched again
 * after it, go on to their receipts. A file whose content is that of a file awaiting the load waits for that load, so
 * that it is found a duplicate. When the poll's load fails, each of its files' runs is launched again and loads its
 * file on its own, so that one file the load cannot take fails alone.
 *
 * <p>A run that fails leaves the file in the inbox, and the next launch with the same parameters restarts it where
 * it stopped; after {@value #MAX_ATTEMPTS} failed attempts the file is set aside in rejected/ with a note (or, when
 * its data is loaded and only its receipt keeps failing, delivered to processed/ with a note), so one bad file never
 * blocks the others. Not so the files of a publish that failed on the data tests: that is the warehouse's fault, not
 * the files', and every later publish fails the same way until it is repaired, so they wait in the inbox, their
 * runs stopped (no attempt counted), re-checked at every poll.
 */
@Component
public class Ingestor {

    static final int MAX_ATTEMPTS = 3;

    /**
     * How many of a poll's files are delivered (receipt, move) at once: two, the cores of the machine it is sized for.
     * A receipt is the warehouse's queries, then POI writing a workbook, on one thread; the warehouse takes the
     * writer's turns ({@link Warehouse}) and a receipt reads on a connection of its own. (A file's read uses two
     * threads of its own already: reading two files at once gained nothing.)
     */
    static final int FILES_AT_ONCE = 2;

    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job ingestJob;
    private final Job loadJob;
    private final Job publishJob;
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
            Job loadJob,
            Job publishJob,
            Home home,
            ObjectProvider<Warehouse> warehouse,
            ReceiptSpool receiptSpool,
            ContractRegistry contracts,
            HhwProperties properties) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ingestJob = ingestJob;
        this.loadJob = loadJob;
        this.publishJob = publishJob;
        this.home = home;
        this.warehouse = warehouse;
        this.receiptSpool = receiptSpool;
        this.contracts = contracts;
        this.settleTime = properties.settleTime();
    }

    /** The result of one file's run. */
    public record Run(String source, Path file, BatchStatus status, String exitCode, String failure) {}

    /** A file for a poll: in its source's inbox, received now, or at a given time (the demo's replay). */
    private record Inbound(String source, Path file, Optional<LocalDateTime> receivedAt) {}

    /** What the ingest half of a poll left a file as. */
    private sealed interface Ingested permits AwaitingLoad, Waiting, Ended {}

    /** Read, its run ({@code run}) stopped for the poll's load. */
    private record AwaitingLoad(Inbound inbound, JobParameters parameters, long run) implements Ingested {}

    /**
     * Waiting for the publish, and how it leaves the inbox once that has passed: its stopped run launched again, or
     * the set-aside or no-receipt way out.
     */
    private record Waiting(Inbound inbound, JobParameters parameters, Delivery delivery, String why)
            implements Ingested {}

    /** Done with for this poll: its run failed (or ended otherwise) before the publish. */
    private record Ended(Run run) implements Ingested {}

    private enum Delivery {
        RUN,
        SET_ASIDE,
        NO_RECEIPT
    }

    /** The poll's publish: its run, and why it did not pass (null when it did). */
    private record Publish(long run, String failure) {
        boolean passed() {
            return failure == null;
        }
    }

    /** The steps whose completion means a run of the job did all its work. */
    private static final Map<String, Set<String>> LAST_STEPS = Map.of(
            IngestJobConfiguration.JOB_NAME, IngestJobConfiguration.LAST_STEPS,
            PollLoadJobConfiguration.JOB_NAME, Set.of(PollLoadJobConfiguration.STEP_NAME),
            PublishJobConfiguration.JOB_NAME, Set.of(PublishJobConfiguration.STEP_NAME));

    /**
     * Closes the ingest, load and publish runs a crash left "running". Only the holder of the home's writer lock may:
     * with it held, no other process is running a job, so every run still marked running is truly dead. A run killed
     * after its last step had completed did all its work and is closed COMPLETED; any other is marked FAILED (its
     * running step too): the next launch of its file restarts an ingest run where it stopped (a run that had loaded
     * its file waits for the next publish), and the next poll loads what is left and publishes afresh.
     */
    public int recoverInterrupted(WriterLock lock) {
        if (!lock.isValid()) {
            throw new IllegalStateException("crash recovery needs the home's writer lock");
        }
        int recovered = 0;
        for (String job : List.of(
                IngestJobConfiguration.JOB_NAME, PollLoadJobConfiguration.JOB_NAME, PublishJobConfiguration.JOB_NAME)) {
            Set<String> lastSteps = LAST_STEPS.get(job);
            for (JobExecution execution : jobRepository.findRunningJobExecutions(job)) {
                String what = job + " run " + execution.getId()
                        + Optional.ofNullable(execution.getJobParameters().getString(IngestJobConfiguration.FILE))
                                .map(file -> " of " + file)
                                .orElse("");
                boolean done = execution.getStepExecutions().stream()
                        .anyMatch(step ->
                                step.getStatus() == BatchStatus.COMPLETED && lastSteps.contains(step.getStepName()));
                if (done) {
                    log.warn("closing {}: a crash came after its last step", what);
                    execution.setStatus(BatchStatus.COMPLETED);
                    execution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(
                            "closed at start-up: the process " + "ended after the run's last step"));
                    execution.setEndTime(LocalDateTime.now());
                    jobRepository.update(execution);
                } else {
                    log.warn("recovering {} left running by a crash", what);
                    jobOperator.recover(execution);
                }
                recovered++;
            }
        }
        return recovered;
    }

    /** One scheduled poll: every inbox file that has stopped changing, ingested and published together. */
    public synchronized List<Run> poll() {
        List<Inbound> settledFiles = new ArrayList<>();
        Map<Path, Seen> now = new HashMap<>();
        for (String source : Contracts.SOURCES) {
            for (Path file : inboxFiles(source)) {
                Seen current = Seen.of(file);
                Seen before = seen.get(file);
                boolean settled =
                        Duration.between(current.modified(), Instant.now()).compareTo(settleTime) >= 0;
                if (settled && (before == null || current.equals(before))) {
                    settledFiles.add(new Inbound(source, file, Optional.empty()));
                } else {
                    now.put(file, current);
                }
            }
        }
        seen.clear();
        seen.putAll(now);
        return ingest(settledFiles);
    }

    /**
     * Copies files from anywhere into the source's inbox and ingests them there, as one poll (one publish for all);
     * a file already waiting there (left by a crash) is resumed, not copied again.
     */
    public synchronized List<Run> ingestCopies(String source, List<Path> files) {
        Intake intake = new Intake(home);
        return ingest(files.stream()
                .map(f -> new Inbound(source, intake.drop(source, f), Optional.empty()))
                .toList());
    }

    /** Ingests (or resumes) one inbox file, as a poll of it alone, the file received now. Never throws. */
    public synchronized Run ingest(String source, Path file) {
        return ingest(List.of(new Inbound(source, file, Optional.empty()))).get(0);
    }

    /**
     * Ingests one inbox file as {@link #ingest(String, Path)} does, the file received at {@code receivedAt} instead
     * of now: {@code hhw demo} replays a county's past, each file received when its clerk would have sent it, so
     * that the registry's versions begin and the files count in the months they tell of. Files are to be given in
     * the order received. A file whose earlier run was cut short keeps the time it was received then.
     */
    public synchronized Run ingest(String source, Path file, LocalDateTime receivedAt) {
        return ingest(List.of(new Inbound(source, file, Optional.of(receivedAt))))
                .get(0);
    }

    /**
     * A poll of these files: each one's ingest run, the poll's load of those awaiting it, then one publish for every
     * file left waiting, then each of those out of the inbox. A file's outcome is its own: one file's failure is not
     * another's. Never throws.
     */
    private List<Run> ingest(List<Inbound> files) {
        boolean together = files.size() > 1;
        Ingested[] ingested = new Ingested[files.size()];
        List<Integer> awaitingLoad = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Inbound inbound = files.get(i);
            try {
                JobParameters parameters = IngestJobConfiguration.parameters(inbound.source(), inbound.file());
                if (sameContent(parameters, awaitingLoad, ingested)) {
                    // loaded first, so that this copy is found its duplicate
                    load(awaitingLoad, ingested);
                }
                ingested[i] = ingestOne(inbound, parameters, together);
                if (ingested[i] instanceof AwaitingLoad) {
                    awaitingLoad.add(i);
                }
            } catch (Exception e) {
                ingested[i] = new Ended(couldNotRun(inbound, e));
            }
        }
        load(awaitingLoad, ingested);
        long waiting = Arrays.stream(ingested).filter(Waiting.class::isInstance).count();
        Publish publish = waiting == 0 ? null : publish(waiting);
        Run[] runs = new Run[files.size()];
        List<Integer> toDeliver = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (ingested[i] instanceof Ended e) {
                runs[i] = e.run();
            } else if (ingested[i] instanceof Waiting w) {
                if (publish.passed()) {
                    toDeliver.add(i);
                } else {
                    runs[i] = new Run(
                            w.inbound().source(), w.inbound().file(), BatchStatus.FAILED, "FAILED", publish.failure());
                }
            }
        }
        deliverAll(toDeliver, ingested, publish, runs);
        return List.of(runs);
    }

    /** The waiting files out of the inbox after the publish passed, each one's outcome into {@code runs}. */
    private void deliverAll(List<Integer> toDeliver, Ingested[] ingested, Publish publish, Run[] runs) {
        atOnce(toDeliver, i -> runs[i] = deliver((Waiting) ingested[i], publish.run()));
    }

    /** Does {@code work} for every index, {@value #FILES_AT_ONCE} at a time (one alone on this thread), and waits. */
    private static void atOnce(List<Integer> indices, IntConsumer work) {
        if (indices.size() <= 1) {
            indices.forEach(work::accept);
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(FILES_AT_ONCE);
        try {
            CompletableFuture.allOf(indices.stream()
                            .map(i -> CompletableFuture.runAsync(() -> work.accept(i), threads))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } finally {
            threads.shutdown();
        }
    }

    /** Whether a file of these parameters has the content of one awaiting the poll's load. */
    private static boolean sameContent(JobParameters parameters, List<Integer> awaitingLoad, Ingested[] ingested) {
        String sha256 = parameters.getString(IngestJobConfiguration.SHA256);
        return awaitingLoad.stream()
                .map(k -> ((AwaitingLoad) ingested[k]).parameters().getString(IngestJobConfiguration.SHA256))
                .anyMatch(sha256::equals);
    }

    /**
     * The poll's load of the files awaiting it (at most {@value PollLoadJobConfiguration#MOST_RUNS} a run), each then
     * waiting for the publish; when a load fails, each of its files loaded on its own by its run launched again.
     */
    private void load(List<Integer> awaitingLoad, Ingested[] ingested) {
        for (int from = 0; from < awaitingLoad.size(); from += PollLoadJobConfiguration.MOST_RUNS) {
            List<Integer> part = awaitingLoad.subList(
                    from, Math.min(awaitingLoad.size(), from + PollLoadJobConfiguration.MOST_RUNS));
            List<AwaitingLoad> files =
                    part.stream().map(k -> (AwaitingLoad) ingested[k]).toList();
            Optional<String> failure = loadTogether(files);
            for (int k = 0; k < part.size(); k++) {
                AwaitingLoad file = files.get(k);
                ingested[part.get(k)] = failure.isEmpty()
                        ? new Waiting(file.inbound(), file.parameters(), Delivery.RUN, null)
                        : loadAlone(file);
            }
        }
        awaitingLoad.clear();
    }

    /** @return why the poll's load of these files failed, or empty when it loaded them */
    private Optional<String> loadTogether(List<AwaitingLoad> files) {
        try {
            JobExecution execution = jobOperator.start(
                    loadJob,
                    PollLoadJobConfiguration.parameters(
                            jobRepository, files.stream().map(AwaitingLoad::run).toList()));
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                return Optional.empty();
            }
            String why = failure(execution).orElse(execution.getStatus().toString());
            log.error(
                    "the poll's load of {} ended {}; each is loaded on its own: {}",
                    files(files.size()),
                    execution.getStatus(),
                    why);
            return Optional.of(why);
        } catch (Exception e) {
            log.error("the poll's load of {} could not run; each is loaded on its own", files(files.size()), e);
            return Optional.of(e.toString());
        }
    }

    /** A file the poll's load did not take, loaded by its own run launched again. Never throws. */
    private Ingested loadAlone(AwaitingLoad file) {
        try {
            JobExecution execution = jobOperator.start(ingestJob, file.parameters());
            if (execution.getStatus() == BatchStatus.STOPPED) {
                return new Waiting(file.inbound(), file.parameters(), Delivery.RUN, null);
            }
            return new Ended(ended(file.inbound(), execution));
        } catch (Exception e) {
            return new Ended(couldNotRun(file.inbound(), e));
        }
    }

    /**
     * The ingest half of a poll for one file; of a poll of several ({@code together}), a file read stops for the
     * poll's load.
     */
    private Ingested ingestOne(Inbound inbound, JobParameters parameters, boolean together) throws Exception {
        String source = inbound.source();
        Path file = inbound.file();
        String sha256 = parameters.getString(IngestJobConfiguration.SHA256);
        JobInstance instance = jobRepository.getJobInstance(IngestJobConfiguration.JOB_NAME, parameters);
        List<JobExecution> attempts = instance == null ? List.of() : jobRepository.getJobExecutions(instance);
        List<JobExecution> failed = attempts.stream()
                .filter(a -> a.getStatus() == BatchStatus.FAILED && !failedOnDataTests(a))
                .toList();
        if (failed.size() >= MAX_ATTEMPTS) {
            String why = failed.get(0).getExitStatus().getExitDescription();
            if (warehouse.getObject().loadedWithSha(sha256).isEmpty()) {
                return setAside(inbound, parameters, sha256);
            }
            return new Waiting(inbound, parameters, Delivery.NO_RECEIPT, why);
        }
        if (IngestJobConfiguration.awaitsPublish(attempts)) {
            return new Waiting(inbound, parameters, Delivery.RUN, null);
        }
        Optional<JobExecution> latest = attempts.stream().max(Comparator.comparing(JobExecution::getId));
        if (latest.isPresent() && IngestJobConfiguration.awaitsThePollsLoad(latest.get())) {
            return awaitingLoad(inbound, parameters, latest.get());
        }
        if (attempts.isEmpty()) {
            inbound.receivedAt().ifPresent(at -> registerReceived(source, file, sha256, at));
        }
        JobExecution execution = jobOperator.start(
                ingestJob, together ? IngestJobConfiguration.withThePollsLoad(parameters) : parameters);
        if (IngestJobConfiguration.awaitsThePollsLoad(execution)) {
            return awaitingLoad(inbound, parameters, execution);
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return new Waiting(inbound, parameters, Delivery.RUN, null);
        }
        return new Ended(ended(inbound, execution));
    }

    /**
     * A file read, its run stopped for the poll's load; waiting for the publish instead when a poll's load took it
     * already (and a crash, or a failed publish, came before its receipt).
     */
    private Ingested awaitingLoad(Inbound inbound, JobParameters parameters, JobExecution run) {
        boolean loaded = warehouse
                .getObject()
                .file(IngestJobConfiguration.fileKey(run))
                .filter(f -> EtlFile.LOADED.equals(f.status()))
                .isPresent();
        return loaded
                ? new Waiting(inbound, parameters, Delivery.RUN, null)
                : new AwaitingLoad(inbound, parameters, run.getId());
    }

    /** The poll's one publish, for {@code files} files waiting. */
    private Publish publish(long files) {
        try {
            JobExecution execution =
                    jobOperator.start(publishJob, PublishJobConfiguration.parameters(jobRepository, files));
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                return new Publish(execution.getId(), null);
            }
            String why = failure(execution).orElse(execution.getStatus().toString());
            log.error("publish ended {}, its {} waiting in the inbox: {}", execution.getStatus(), files(files), why);
            return new Publish(execution.getId(), why);
        } catch (Exception e) {
            log.error("publish could not run, its {} waiting in the inbox", files(files), e);
            return new Publish(-1, NoSpace.explain(e, home.root()).orElse(e.toString()));
        }
    }

    private static String files(long n) {
        return n + (n == 1 ? " file" : " files");
    }

    /** A waiting file out of the inbox, after the publish run {@code publishRun} passed. Never throws. */
    private Run deliver(Waiting w, long publishRun) {
        Inbound inbound = w.inbound();
        try {
            return switch (w.delivery()) {
                case RUN ->
                    ended(
                            inbound,
                            jobOperator.start(ingestJob, IngestJobConfiguration.published(w.parameters(), publishRun)));
                case SET_ASIDE -> deliverSetAside(inbound);
                case NO_RECEIPT ->
                    deliverWithoutReceipt(
                            inbound.source(),
                            inbound.file(),
                            w.parameters().getString(IngestJobConfiguration.SHA256),
                            w.why());
            };
        } catch (Exception e) {
            return couldNotRun(inbound, e);
        }
    }

    private Run ended(Inbound inbound, JobExecution execution) {
        String failure = failure(execution).orElse(null);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            log.error("ingest of {} ended {}: {}", inbound.file(), execution.getStatus(), failure);
        } else {
            log.info(
                    "ingested {} ({})",
                    inbound.file().getFileName(),
                    execution.getExitStatus().getExitCode());
        }
        return new Run(
                inbound.source(),
                inbound.file(),
                execution.getStatus(),
                execution.getExitStatus().getExitCode(),
                failure);
    }

    private Optional<String> failure(JobExecution execution) {
        return execution.getAllFailureExceptions().stream()
                .map(t -> NoSpace.message(t, home.root()))
                .findFirst();
    }

    private Run couldNotRun(Inbound inbound, Exception e) {
        log.error("ingest of {} could not run", inbound.file(), e);
        return new Run(
                inbound.source(),
                inbound.file(),
                BatchStatus.FAILED,
                "FAILED",
                NoSpace.explain(e, home.root()).orElse(e.toString()));
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

    /** The clerk's explanation for a file set aside. */
    private static final String SET_ASIDE =
            "系统处理该文件时出错（已尝试处理" + MAX_ATTEMPTS + "次均未成功），文件中的数据均未入库。" + "已通知系统管理员排查；您也可以用Excel或WPS打开后另存为新的xlsx文件再发送一次。";

    /**
     * A file the job keeps failing on, none of it loaded: out of the inbox the way of every file that cannot be
     * used ({@link FileRejection}), as INTERNAL_ERROR, so the others go on. Its etl_file row (the one its attempts
     * left RUNNING, if they got as far as registering it) is marked REJECTED now; the note and the move wait for the
     * poll's publish, so the file stays in the inbox (its row already REJECTED) should it fail.
     */
    private Waiting setAside(Inbound inbound, JobParameters parameters, String sha256) {
        OptionalInt fileKey = warehouse
                .getObject()
                .unfinished(sha256, inbound.file().getFileName().toString())
                .map(f -> OptionalInt.of(f.fileKey()))
                .orElse(OptionalInt.empty());
        rejection().record(inbound.source(), fileKey, "INTERNAL_ERROR", SET_ASIDE);
        return new Waiting(inbound, parameters, Delivery.SET_ASIDE, null);
    }

    private Run deliverSetAside(Inbound inbound) throws IOException {
        rejection().deliver(inbound.source(), inbound.file(), "INTERNAL_ERROR", SET_ASIDE);
        log.error("set aside {} after {} failed attempts", inbound.file(), MAX_ATTEMPTS);
        return new Run(
                inbound.source(), inbound.file(), BatchStatus.ABANDONED, "SET_ASIDE", "已尝试处理" + MAX_ATTEMPTS + "次均未成功");
    }

    private FileRejection rejection() {
        return new FileRejection(warehouse.getObject(), home, receiptSpool, contracts);
    }

    /**
     * A loaded file whose receipt keeps failing: retrying a step that failed the same way three times only fails
     * again at every poll, so, once the poll's publish has passed, the original goes to processed/ with a note saying
     * its data is loaded and the receipt could not be made (kept once, a hard link to its archived copy:
     * {@link Intake#deliver}). (A publish failing on its data tests is the operator's to repair and counts no
     * attempt: see the class comment.)
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

    /**
     * Runs of earlier versions passed the publish gate inside the ingest job, and failed there on the data tests:
     * such a failure is the warehouse's, and no attempt of the file's.
     */
    private static boolean failedOnDataTests(JobExecution attempt) {
        return Stream.concat(
                        Stream.of(attempt.getExitStatus()),
                        attempt.getStepExecutions().stream().map(step -> step.getExitStatus()))
                .map(ExitStatus::getExitDescription)
                .anyMatch(d -> d != null && d.contains(DataTestsFailedException.class.getSimpleName()));
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
