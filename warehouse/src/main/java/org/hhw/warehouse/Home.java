package org.hhw.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The product's home directory and its fixed layout (documented in the README):
 * <pre>
 * inbox/&lt;source&gt;/      clerks drop files here
 * processed/&lt;source&gt;/  loaded originals and their receipts (&lt;name&gt;.回执.xlsx)
 * rejected/&lt;source&gt;/   unusable files and their explanations (&lt;name&gt;.说明.txt)
 * archive/             every original received, byte for byte, named by its sha256
 * lake/                the Parquet lake: the durable record the warehouse is rebuilt from
 * warehouse.duckdb     the warehouse (one writer: the service)
 * analytics.duckdb     the published read-only copy analysts open
 * state/               job repository, pseudonym key
 * state/spool/         the clerks' own values of masked findings, owner-only, until each file's receipt is written
 * reports/             leaders' reports
 * </pre>
 */
public record Home(Path root) {

    public Path inbox(String source) {
        return root.resolve("inbox").resolve(source);
    }

    public Path processed(String source) {
        return root.resolve("processed").resolve(source);
    }

    public Path rejected(String source) {
        return root.resolve("rejected").resolve(source);
    }

    public Path archive() {
        return root.resolve("archive");
    }

    public Path lake() {
        return root.resolve("lake");
    }

    public Path warehouseDb() {
        return root.resolve("warehouse.duckdb");
    }

    public Path analyticsDb() {
        return root.resolve("analytics.duckdb");
    }

    public Path state() {
        return root.resolve("state");
    }

    public Path spool() {
        return state().resolve("spool");
    }

    public Path reports() {
        return root.resolve("reports");
    }

    /** Creates every folder of the layout for these sources; existing ones are kept. */
    public Home create(List<String> sources) {
        try {
            for (String s : sources) {
                Files.createDirectories(inbox(s));
                Files.createDirectories(processed(s));
                Files.createDirectories(rejected(s));
            }
            Files.createDirectories(archive());
            Files.createDirectories(lake());
            Files.createDirectories(state());
            Files.createDirectories(reports());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the home layout under " + root, e);
        }
    }
}
