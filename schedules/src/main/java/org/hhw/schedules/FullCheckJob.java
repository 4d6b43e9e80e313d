package org.hhw.schedules;

import java.nio.file.Files;
import org.hhw.warehouse.DataTestFailure;
import org.hhw.warehouse.FullCheck;
import org.hhw.warehouse.Home;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz job: the nightly full check of the published copy ({@link CheckCommand#check}). A publish tests only what its
 * loads changed; this finds anything else gone wrong, logs it as an error and leaves it in {@code hhw status}.
 */
@DisallowConcurrentExecution
public class FullCheckJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(FullCheckJob.class);

    private final Home home;

    public FullCheckJob(Home home) {
        this.home = home;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        if (!Files.exists(home.analyticsDb())) {
            return;
        }
        try {
            FullCheck.Result result = CheckCommand.check(home);
            if (result.passed()) {
                log.info("full check passed in {} ms", result.millis());
            } else {
                for (DataTestFailure f : result.failures()) {
                    log.error("full check: {} returned {} rows, e.g. {}", f.test(), f.rows(), f.sample());
                }
            }
        } catch (RuntimeException e) {
            log.error("full check could not run: {}", e.getMessage(), e);
        }
    }
}
