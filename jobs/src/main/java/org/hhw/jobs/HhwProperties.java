package org.hhw.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the product, with its default. Set them in {@code application.properties},
 * as {@code --hhw.name=value} arguments, or as environment variables ({@code HHW_HOME},
 * {@code HHW_POLL_INTERVAL}, {@code HHW_PSEUDONYM_KEY}, …). The README lists them.
 *
 * @param home          the product's home folder (inbox, processed, rejected, archive, lake, databases);
 *                      default {@code ./home}
 * @param pollInterval  how often every inbox is scanned; default 1 minute
 * @param settleTime    a file is taken only when its size and modification time have not changed for
 *                      this long (a file still being copied is left alone); default 10 seconds
 * @param chunkSize     rows cleaned and written to the lake per transaction of the ingest job; default 10000
 * @param pseudonymKey  the HMAC key that turns resident IDs into {@code person_id_hash}: at least 32 bytes
 *                      as hex (64 or more hex digits), checked at start-up; default none: read from, or
 *                      generated into, {@code <home>/state/pseudonym.key} (the same rule). Never commit it
 * @param gazetteerExtra an operator's CSV of extra villages and aliases (same columns as the bundled
 *                      gazetteer); default none
 * @param clerksGroup   the OS group of the clerks: the inboxes are its to write, processed/ and rejected/
 *                      its to read; default none (the service's user alone)
 * @param analystsGroup the OS group that may read the published copy {@code analytics.duckdb}; default
 *                      {@code analysts} (a machine without that group: the service's user alone)
 * @param reportCron    when {@code hhw run} makes the monthly reports, a Quartz cron expression; each time it
 *                      reports the months due up to the calendar month before; default {@code 0 0 6 3 * ?}
 *                      (06:00 on the 3rd, leaving the departments two days to send the month's last files)
 * @param reportTimeZone the time zone of {@code reportCron} and of the month a fire time falls in, and of the
 *                      generation time a report states; default none: the system's
 * @param county        the county's name, which heads every report and its file names; default 天镇县
 * @param reportFont    the TrueType font (.ttf or .ttc) the report's PDF embeds; default none: the first found of
 *                      Debian's fonts-wqy-microhei, fonts-wqy-zenhei, fonts-droid-fallback
 * @param checkCron     when {@code hhw run} runs the full check of the published copy (every data test over every
 *                      row, every incremental model against a whole build), a Quartz cron expression in the
 *                      system's time zone; default {@code 0 30 2 * * ?} (02:30 every night)
 */
@ConfigurationProperties("hhw")
public record HhwProperties(
        @DefaultValue("home") Path home,
        @DefaultValue("1m") Duration pollInterval,
        @DefaultValue("10s") Duration settleTime,
        @DefaultValue("10000") int chunkSize,
        String pseudonymKey,
        Path gazetteerExtra,
        String clerksGroup,
        @DefaultValue("analysts") String analystsGroup,
        @DefaultValue("0 0 6 3 * ?") String reportCron,
        ZoneId reportTimeZone,
        @DefaultValue("天镇县") String county,
        String reportFont,
        @DefaultValue("0 30 2 * * ?") String checkCron) {}
