package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SQL's house style, which the build's formatter (whitespace) cannot see: every file opens with
 * a comment saying what it is, a model's names its grain and key, and keywords are lowercase. A
 * violation names the file and line, so a newcomer's first model is told what to fix.
 */
class SqlStyleTest {

    private static final Path SQL = Path.of("src/main/resources/sql");

    /** The keywords our SQL uses; written in capitals anywhere outside comments and strings, they fail. */
    private static final Set<String> KEYWORDS = Set.of(
            "SELECT",
            "FROM",
            "WHERE",
            "JOIN",
            "LEFT",
            "INNER",
            "ON",
            "USING",
            "GROUP",
            "BY",
            "ORDER",
            "HAVING",
            "INSERT",
            "INTO",
            "VALUES",
            "CREATE",
            "REPLACE",
            "TABLE",
            "VIEW",
            "AS",
            "WITH",
            "UNION",
            "ALL",
            "DISTINCT",
            "CASE",
            "WHEN",
            "THEN",
            "ELSE",
            "END",
            "AND",
            "OR",
            "NOT",
            "NULL",
            "IS",
            "IN",
            "EXISTS",
            "UPDATE",
            "DELETE",
            "SET",
            "LIMIT",
            "QUALIFY",
            "OVER",
            "PARTITION",
            "CAST",
            "COALESCE",
            "COUNT",
            "SUM",
            "MIN",
            "MAX",
            "FILTER",
            "ALTER",
            "ADD",
            "COLUMN",
            "PRIMARY",
            "KEY",
            "DEFAULT",
            "BETWEEN",
            "LIKE",
            "DESC",
            "ASC",
            "TRUE",
            "FALSE",
            "DATE",
            "INTEGER",
            "VARCHAR",
            "BOOLEAN",
            "DECIMAL");
    /** Comments, string literals and quoted identifiers, which may hold anything; then words. */
    private static final Pattern TOKEN = Pattern.compile("--[^\\n]*|'(?:[^']|'')*'|\"[^\"]*\"|[A-Za-z_][A-Za-z_0-9]*");

    @Test
    void everySqlFileOpensWithACommentAndWritesItsKeywordsInLowercase() throws IOException {
        // given every SQL file of the warehouse
        List<Path> files = sqlFiles();
        assertThat(files).hasSizeGreaterThan(40);

        // when
        List<String> violations = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = SQL.relativize(file).toString();
            if (!text.startsWith("--")) {
                violations.add(name + ": does not open with a comment saying what it is");
            }
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                String token = m.group();
                if (KEYWORDS.contains(token)) {
                    violations.add(name + ":" + line(text, m.start()) + ": keyword " + token + " in capitals");
                }
            }
        }

        // then
        assertThat(violations).isEmpty();
    }

    @Test
    void everyModelNamesItsGrainAndKeyInItsHeader() throws IOException {
        // given the models: the intermediate layer, the marts and the reports
        List<Path> models = sqlFiles().stream()
                .filter(f -> SQL.relativize(f).startsWith("intermediate")
                        || SQL.relativize(f).startsWith("marts")
                        || SQL.relativize(f).startsWith("reports"))
                .toList();
        assertThat(models).isNotEmpty();

        // when
        List<String> withoutHeader = new ArrayList<>();
        for (Path model : models) {
            String header = header(Files.readString(model, StandardCharsets.UTF_8));
            if (!header.contains("grain:") || !header.contains("key:")) {
                withoutHeader.add(SQL.relativize(model).toString());
            }
        }

        // then
        assertThat(withoutHeader)
                .as("models whose leading comment lacks 'grain:' and 'key:'")
                .isEmpty();
    }

    @Test
    void aKeywordInCapitalsIsFoundButNotInACommentOrAString() {
        // given
        String sql = "-- SELECT in a comment\nselect 'FROM a string' as \"WHERE\"\nFROM t";

        // when
        List<String> found = new ArrayList<>();
        Matcher m = TOKEN.matcher(sql);
        while (m.find()) {
            if (KEYWORDS.contains(m.group())) {
                found.add(m.group() + "@" + line(sql, m.start()));
            }
        }

        // then
        assertThat(found).containsExactly("FROM@3");
    }

    private static List<Path> sqlFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(SQL)) {
            return walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** The comment lines a file opens with, joined. */
    private static String header(String text) {
        StringBuilder header = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.startsWith("--")) {
                break;
            }
            header.append(line).append('\n');
        }
        return header.toString();
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
