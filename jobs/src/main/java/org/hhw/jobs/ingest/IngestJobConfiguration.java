package org.hhw.jobs.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.hhw.jobs.HhwProperties;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Pseudonyms;
import org.hhw.sources.contract.Contract;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.sources.read.UnusableFileException;
import org.hhw.sources.validate.Outcome;
import org.hhw.sources.validate.RowValidator;
import org.hhw.warehouse.EtlFile;
import org.hhw.warehouse.FileToLoad;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.SheetSummary;
import org.hhw.warehouse.Warehouse;
import org.hhw.warehouse.WarehouseReader;
import org.hhw.warehouse.intake.Intake;
import org.hhw.warehouse.lake.Lake;
import org.hhw.warehouse.lake.LakeChunkWriter;
import org.hhw.warehouse.lake.ReceiptSpool;
import org.hhw.warehouse.receipt.Receipts;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job: one department file from the inbox to the warehouse, then, once published, to the clerk.
 * <pre>
 * ingestArchiveStep   archive the original by hash; register it in etl_file; content loaded before? → DUPLICATE
 * ingestReadStep      chunks: rows of the sheets, validated ahead (RowValidator) → lake parts (rows, rejects,
 *                     warnings, non-data; resident IDs masked) and the receipt spool (the values masking changed)
 *   — a file of a poll of several stops here (STOPPED, AWAITING_LOAD), for the poll's load ({@code loadJob});
 *     launched again, it goes on to its receipt if the poll's load took it and a publish passed since, else
 *     ({@link PollLoadDecider}) to its load —
 * ingestLoadStep      one DuckDB transaction from the lake parts
 * ingestDuplicateStep (a duplicate, instead of reading) recorded as a duplicate, nothing loaded
 * ingestUnusableStep  (an unusable file: corrupt, encrypted, columns missing, …) recorded REJECTED, its spool
 *                     deleted: the first half of {@link FileRejection}
 *   — the run stops here (STOPPED), the file in the inbox awaiting the poll's publish ({@code publishJob}) —
 * ingestReceiptStep   (after a load or a duplicate) receipt beside the original in processed/; the spool deleted
 * ingestRejectStep    (after an unusable file) the note, and the original to rejected/
 * </pre>
 * The stops are Spring Batch's own ({@code stopAndRestart}): the poll ingests every file it found, publishes once
 * for all of them, and only then launches each stopped run again, which restarts at its receipt or reject step.
 * A clerk's receipt thus never announces data analysts cannot see yet; a publish that fails its data tests leaves
 * every run stopped and every file in the inbox, and a later poll's publish lets them through.
 *
 * <p>A poll of several files loads them together ({@link PollLoadJobConfiguration}): each file's run, launched with
 * {@value #WITH_THE_POLLS_LOAD}, stops after its read; the poll's load loads them all; after the publish, each run,
 * launched again with {@value #PUBLISHED}, finds its file loaded and goes on to its receipt without stopping again.
 * Launched without it (the poll's load failed, or a crash came between), the run goes to its load step, which loads
 * the file if need be and stops for a publish as ever.
 *
 * <p>Job parameters, identifying (relaunching the same file in the inbox restarts a stopped or failed run):
 * {@code source}, {@code file} (absolute path), {@code sha256}, {@code modified} (epoch millis); not identifying, as
 * the poll launches a run: {@value #WITH_THE_POLLS_LOAD}, {@value #PUBLISHED} (the publish run that passed).
 */
@Configuration(proxyBeanMethods = false)
@Import(PollLoadJobConfiguration.class)
public class IngestJobConfiguration {

    public static final String JOB_NAME = "ingestJob";
    public static final String SOURCE = "source";
    public static final String FILE = "file";
    public static final String SHA256 = "sha256";
    public static final String MODIFIED = "modified";
    /** Launched with it ({@code true}), a run stops after its read, for the poll's load of several files. */
    public static final String WITH_THE_POLLS_LOAD = "withThePollsLoad";
    /** The publish run that passed since the poll's load: a run launched with it goes on to its receipt. */
    public static final String PUBLISHED = "published";

    /**
     * The steps a run stops after, awaiting the publish: once one of them completed, the file's data (or its
     * duplicate or rejected row) is in the warehouse, and launching the run again goes on to the clerk's receipt or
     * note, so it is launched again only after a publish.
     */
    private static final Set<String> AWAITING_PUBLISH_STEPS =
            Set.of("ingestLoadStep", "ingestDuplicateStep", "ingestUnusableStep");

    /** The steps a run ends with, whichever way it went: once one of them completed, the run's work is done. */
    public static final Set<String> LAST_STEPS = Set.of("ingestReceiptStep", "ingestRejectStep");

    static final String FILE_KEY = "fileKey";
    static final String DUPLICATE_OF = "duplicateOf";
    static final String UNUSABLE_CODE = "unusable.code";
    static final String UNUSABLE_EXPLANATION = "unusable.explanation";
    static final String DUPLICATE = "DUPLICATE";
    static final String UNUSABLE = "UNUSABLE";
    /** The read step's exit when its file awaits the poll's load. */
    static final String AWAITING_LOAD = "AWAITING_LOAD";

    /** The parameters of one file's run; the same file unchanged gives the same ones, hence a restart. */
    public static JobParameters parameters(String source, Path file) throws IOException {
        return new JobParametersBuilder()
                .addString(SOURCE, source)
                .addString(FILE, file.toAbsolutePath().toString())
                .addString(SHA256, Intake.sha256(file))
                .addLong(MODIFIED, Files.getLastModifiedTime(file).toMillis())
                .toJobParameters();
    }

    /** The parameters of a file's run as a poll of several files launches it: it stops after its read. */
    public static JobParameters withThePollsLoad(JobParameters parameters) {
        return new JobParametersBuilder(parameters)
                .addString(WITH_THE_POLLS_LOAD, "true", false)
                .toJobParameters();
    }

    /** The parameters of a file's run launched again after the publish run {@code publishRun} passed. */
    public static JobParameters published(JobParameters parameters, long publishRun) {
        return new JobParametersBuilder(parameters)
                .addLong(PUBLISHED, publishRun, false)
                .toJobParameters();
    }

    /** Whether this run of a file stopped after its read, for the poll's load. */
    public static boolean awaitsThePollsLoad(JobExecution execution) {
        return execution.getStatus() == BatchStatus.STOPPED
                && execution.getStepExecutions().stream()
                        .anyMatch(step -> step.getStepName().equals("ingestReadStep")
                                && AWAITING_LOAD.equals(step.getExitStatus().getExitCode()))
                && execution.getStepExecutions().stream()
                        .noneMatch(step -> step.getStepName().equals("ingestLoadStep"));
    }

    /** The file a run registered (its key in etl_file), once its archive step has. */
    public static int fileKey(JobExecution execution) {
        return execution.getExecutionContext().getInt(FILE_KEY);
    }

    /**
     * A run's file, read, for a load: its registration restored from the lake if the warehouse lost it, and what the
     * read found of its sheets.
     */
    static FileToLoad fileToLoad(JobExecution run, ContractRegistry contracts, Warehouse warehouse) {
        ExecutionContext job = run.getExecutionContext();
        String source = run.getJobParameters().getString(SOURCE);
        int fileKey = job.getInt(FILE_KEY);
        warehouse.restoreRegistration(source, fileKey);
        return new FileToLoad(
                contracts.get(source),
                fileKey,
                new SheetSummary(
                        job.getString(ValidatedRowReader.SHEETS_READ, ""),
                        job.getString(ValidatedRowReader.SHEETS_SKIPPED, ""),
                        job.getString(ValidatedRowReader.UNKNOWN_COLUMNS, "")));
    }

    /**
     * Whether a file's run (these are its instance's executions) waits for a publish: it has completed the step
     * it stops after and not yet its last step. Launched again, it goes straight on to the clerk's receipt or note
     * (Spring Batch restarts after the stop), so it is to be launched again only once a publish has passed.
     */
    public static boolean awaitsPublish(List<JobExecution> executions) {
        return executions.stream().noneMatch(e -> e.getStatus() == BatchStatus.COMPLETED)
                && executions.stream()
                        .flatMap(e -> e.getStepExecutions().stream())
                        .anyMatch(step -> step.getStatus() == BatchStatus.COMPLETED
                                && AWAITING_PUBLISH_STEPS.contains(step.getStepName()));
    }

    @Bean
    public PollLoadDecider pollLoadDecider(ObjectProvider<Warehouse> warehouses) {
        return new PollLoadDecider(warehouses);
    }

    @Bean
    public Job ingestJob(
            JobRepository jobRepository,
            PollLoadDecider pollLoadDecider,
            Step ingestArchiveStep,
            Step ingestReadStep,
            Step ingestLoadStep,
            Step ingestDuplicateStep,
            Step ingestUnusableStep,
            Step ingestReceiptStep,
            Step ingestRejectStep) {
        String completed = ExitStatus.COMPLETED.getExitCode();
        // every step's other outcomes fail the run explicitly: an outcome no transition names ends the flow with an
        // exception that hides the step's own failure
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(ingestArchiveStep)
                .on(DUPLICATE)
                .to(ingestDuplicateStep)
                .from(ingestArchiveStep)
                .on(completed)
                .to(ingestReadStep)
                .from(ingestArchiveStep)
                .on("*")
                .fail()
                .from(ingestReadStep)
                .on(UNUSABLE)
                .to(ingestUnusableStep)
                .from(ingestReadStep)
                .on(AWAITING_LOAD)
                .stopAndRestart(pollLoadDecider)
                .from(pollLoadDecider)
                .on(PollLoadDecider.LOADED_BY_THE_POLL)
                .to(ingestReceiptStep)
                .from(pollLoadDecider)
                .on(PollLoadDecider.LOAD)
                .to(ingestLoadStep)
                .from(ingestReadStep)
                .on(completed)
                .to(ingestLoadStep)
                .from(ingestReadStep)
                .on("*")
                .fail()
                .from(ingestLoadStep)
                .on(completed)
                .stopAndRestart(ingestReceiptStep)
                .from(ingestLoadStep)
                .on("*")
                .fail()
                .from(ingestDuplicateStep)
                .on(completed)
                .stopAndRestart(ingestReceiptStep)
                .from(ingestDuplicateStep)
                .on("*")
                .fail()
                .from(ingestUnusableStep)
                .on(completed)
                .stopAndRestart(ingestRejectStep)
                .from(ingestUnusableStep)
                .on("*")
                .fail()
                .end()
                .build();
    }

    @Bean
    public Step ingestArchiveStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet ingestArchiveTasklet) {
        return new StepBuilder("ingestArchiveStep", jobRepository)
                .tasklet(ingestArchiveTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public Tasklet ingestArchiveTasklet(
            @Value("#{jobParameters['source']}") String source,
            @Value("#{jobParameters['file']}") String file,
            @Value("#{jobParameters['sha256']}") String sha256,
            Home home,
            Warehouse warehouse) {
        return (contribution, chunk) -> {
            Path path = Path.of(file);
            new Intake(home).archive(path, sha256);
            String name = path.getFileName().toString();
            int fileKey = warehouse
                    .unfinished(sha256, name)
                    .map(EtlFile::fileKey)
                    .orElseGet(() -> warehouse.register(source, name, sha256, LocalDateTime.now()));
            ExecutionContext job = jobContext(contribution.getStepExecution());
            job.putInt(FILE_KEY, fileKey);
            warehouse.loadedWithSha(sha256).ifPresent(first -> {
                job.putInt(DUPLICATE_OF, first.fileKey());
                contribution.setExitStatus(new ExitStatus(DUPLICATE));
            });
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    public Step ingestReadStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            HhwProperties properties,
            ValidatedRowReader ingestReader,
            LakeOutcomeWriter ingestLakeWriter) {
        return new StepBuilder("ingestReadStep", jobRepository)
                .<Outcome, Outcome>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(ingestReader)
                .writer(ingestLakeWriter)
                .listener(new ReadStepListener())
                .build();
    }

    @Bean
    @StepScope
    public ValidatedRowReader ingestReader(
            @Value("#{jobParameters['source']}") String source,
            @Value("#{jobParameters['file']}") String file,
            Gazetteer gazetteer,
            Pseudonyms pseudonyms,
            ContractRegistry contracts) {
        Contract contract = contracts.get(source);
        return new ValidatedRowReader(Path.of(file), contract, new RowValidator(contract, gazetteer, pseudonyms));
    }

    @Bean
    @StepScope
    public LakeOutcomeWriter ingestLakeWriter(
            @Value("#{jobParameters['source']}") String source,
            @Value("#{jobParameters['sha256']}") String sha256,
            @Value("#{jobExecutionContext['fileKey']}") Integer fileKey,
            Lake lake,
            ReceiptSpool receiptSpool,
            ContractRegistry contracts) {
        lake.checkClaim(source, fileKey, sha256);
        return new LakeOutcomeWriter(new LakeChunkWriter(lake, receiptSpool, contracts.get(source), fileKey));
    }

    @Bean
    public Step ingestLoadStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet ingestLoadTasklet) {
        return new StepBuilder("ingestLoadStep", jobRepository)
                .tasklet(ingestLoadTasklet, transactionManager)
                .build();
    }

    /** Loads the run's file (unless it is loaded already: a run killed after its load committed, say). */
    @Bean
    @StepScope
    public Tasklet ingestLoadTasklet(Warehouse warehouse, ContractRegistry contracts) {
        return (contribution, chunk) -> {
            warehouse.load(
                    List.of(fileToLoad(contribution.getStepExecution().getJobExecution(), contracts, warehouse)));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    public Step ingestReceiptStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet ingestReceiptTasklet) {
        return new StepBuilder("ingestReceiptStep", jobRepository)
                .tasklet(ingestReceiptTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public Tasklet ingestReceiptTasklet(
            @Value("#{jobParameters['source']}") String source,
            @Value("#{jobParameters['file']}") String file,
            Home home,
            Warehouse warehouse,
            ReceiptSpool receiptSpool,
            ContractRegistry contracts) {
        return (contribution, chunk) -> {
            receiptThenMove(
                    home,
                    warehouse,
                    receiptSpool,
                    contracts.get(source),
                    Path.of(file),
                    jobContext(contribution.getStepExecution()).getInt(FILE_KEY));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    public Step ingestDuplicateStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            Tasklet ingestDuplicateTasklet) {
        return new StepBuilder("ingestDuplicateStep", jobRepository)
                .tasklet(ingestDuplicateTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public Tasklet ingestDuplicateTasklet(Warehouse warehouse) {
        return (contribution, chunk) -> {
            ExecutionContext job = jobContext(contribution.getStepExecution());
            warehouse.markDuplicate(job.getInt(FILE_KEY), job.getInt(DUPLICATE_OF));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    public Step ingestUnusableStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet ingestUnusableTasklet) {
        return new StepBuilder("ingestUnusableStep", jobRepository)
                .tasklet(ingestUnusableTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public Tasklet ingestUnusableTasklet(
            @Value("#{jobParameters['source']}") String source,
            Home home,
            Warehouse warehouse,
            ReceiptSpool receiptSpool,
            ContractRegistry contracts) {
        return (contribution, chunk) -> {
            ExecutionContext job = jobContext(contribution.getStepExecution());
            new FileRejection(warehouse, home, receiptSpool, contracts)
                    .record(
                            source,
                            OptionalInt.of(job.getInt(FILE_KEY)),
                            job.getString(UNUSABLE_CODE),
                            job.getString(UNUSABLE_EXPLANATION));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    public Step ingestRejectStep(
            JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet ingestRejectTasklet) {
        return new StepBuilder("ingestRejectStep", jobRepository)
                .tasklet(ingestRejectTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    public Tasklet ingestRejectTasklet(
            @Value("#{jobParameters['source']}") String source,
            @Value("#{jobParameters['file']}") String file,
            Home home,
            Warehouse warehouse,
            ReceiptSpool receiptSpool,
            ContractRegistry contracts) {
        return (contribution, chunk) -> {
            ExecutionContext job = jobContext(contribution.getStepExecution());
            new FileRejection(warehouse, home, receiptSpool, contracts)
                    .deliver(source, Path.of(file), job.getString(UNUSABLE_CODE), job.getString(UNUSABLE_EXPLANATION));
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * The receipt first, where the original is going in processed/, then the original (kept once, a
     * hard link to its archived copy: {@link Intake#deliver}): a crash in between leaves the file in the
     * inbox, and the restarted step writes both again, at the same place.
     */
    private static void receiptThenMove(
            Home home, Warehouse warehouse, ReceiptSpool spool, Contract contract, Path original, int fileKey) {
        Intake intake = new Intake(home);
        Path target = intake.processedTarget(contract.source(), original);
        try (WarehouseReader reader = warehouse.reader()) {
            Receipts.write(reader, spool, contract, fileKey, Intake.receiptOf(target));
            // the hash the archive step archived the file under, registered with it
            intake.deliver(original, reader.file(fileKey).orElseThrow().sha256(), target);
        }
    }

    private static ExecutionContext jobContext(StepExecution step) {
        return step.getJobExecution().getExecutionContext();
    }

    /**
     * Hands the reader's findings about the sheets to the later steps, turns a file that
     * cannot be used into the UNUSABLE exit, which routes it to the rejected folder instead of
     * failing the job, and a file read for the poll's load into the AWAITING_LOAD exit.
     */
    static final class ReadStepListener implements StepExecutionListener {

        @Override
        public ExitStatus afterStep(StepExecution step) {
            ExecutionContext job = jobContext(step);
            for (String key : List.of(
                    ValidatedRowReader.SHEETS_READ,
                    ValidatedRowReader.SHEETS_SKIPPED,
                    ValidatedRowReader.UNKNOWN_COLUMNS)) {
                if (step.getExecutionContext().containsKey(key)) {
                    job.putString(key, step.getExecutionContext().getString(key));
                }
            }
            for (Throwable failure : step.getFailureExceptions()) {
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    if (t instanceof UnusableFileException unusable) {
                        job.putString(UNUSABLE_CODE, unusable.code().name());
                        job.putString(UNUSABLE_EXPLANATION, unusable.explanation());
                        return new ExitStatus(UNUSABLE);
                    }
                }
            }
            if (step.getStatus() == BatchStatus.COMPLETED
                    && "true".equals(step.getJobParameters().getString(WITH_THE_POLLS_LOAD))) {
                return new ExitStatus(AWAITING_LOAD);
            }
            return null;
        }
    }
}
