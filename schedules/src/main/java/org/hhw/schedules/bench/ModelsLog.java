package org.hhw.schedules.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Listens to the publish gate's log for the models' build ({@code models update in 6210 ms for 3102 households, …}).
 * The publish step records the gate's time as a whole (the models, the data tests, the copy); only this line tells the
 * models' share apart, and the warehouse keeps it nowhere else.
 */
final class ModelsLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** The warehouse's class that logs the build (package-private there, so named here). */
    static final String LOGGER = "org.hhw.warehouse.Publisher";

    private static final Pattern LINE = Pattern.compile("models (\\w+) in (\\d+) ms(?: for (\\d+) households)?");

    /**
     * A build as logged.
     *
     * @param kind update, whole or none
     * @param households the households an update redid; -1 when the line names none (a whole build)
     */
    record Build(String kind, long millis, long households) {

        static Optional<Build> parse(String message) {
            Matcher m = LINE.matcher(message);
            if (!m.lookingAt()) {
                return Optional.empty();
            }
            return Optional.of(new Build(
                    m.group(1), Long.parseLong(m.group(2)), m.group(3) == null ? -1 : Long.parseLong(m.group(3))));
        }

        /** {@code update 6.2 s for 3,102 households}, {@code whole 27.0 s}. */
        String describe() {
            return String.format("%s %.1f s", kind, millis / 1e3)
                    + (households < 0 ? "" : String.format(" for %,d households", households));
        }
    }

    private final Logger logger;
    private volatile Build last;

    private ModelsLog(Logger logger) {
        this.logger = logger;
    }

    /** Listens from now until closed. */
    static ModelsLog listen() {
        ModelsLog log = new ModelsLog((Logger) LoggerFactory.getLogger(LOGGER));
        log.setContext(log.logger.getLoggerContext());
        log.start();
        log.logger.addAppender(log);
        return log;
    }

    @Override
    protected void append(ILoggingEvent event) {
        Build.parse(event.getFormattedMessage()).ifPresent(build -> last = build);
    }

    /** The last build logged while listening. */
    Optional<Build> last() {
        return Optional.ofNullable(last);
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
