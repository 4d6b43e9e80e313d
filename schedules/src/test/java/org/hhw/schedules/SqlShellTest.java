package org.hhw.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What an analyst sees from {@code hhw sql}: aligned tables (Chinese counts double), CSV and JSON. */
class SqlShellTest {

    private static final String QUERY = """
            select * from (values ('南河堡乡', 12, 'ok'), ('玉泉镇', 3, 'a,"b"')) t(township, households, note)
            order by households desc""";

    @Test
    void printsATableAlignedByDisplayWidth() throws Exception {
        // given / when
        String out = run(SqlShell.Format.TABLE, QUERY);

        // then
        assertThat(out.lines().toList()).containsExactly(
                "township  households  note",
                "--------  ----------  -----",
                "南河堡乡  12          ok",
                "玉泉镇    3           a,\"b\"",
                "(2 rows)");
    }

    @Test
    void printsCsvWithQuotingWhereNeeded() throws Exception {
        assertThat(run(SqlShell.Format.CSV, QUERY).lines().toList()).containsExactly(
                "township,households,note", "南河堡乡,12,ok", "玉泉镇,3,\"a,\"\"b\"\"\"");
    }

    @Test
    void printsJsonWithNumbersUnquoted() throws Exception {
        assertThat(run(SqlShell.Format.JSON, QUERY).lines().toList()).containsExactly(
                "[",
                "  {\"township\": \"南河堡乡\", \"households\": 12, \"note\": \"ok\"},",
                "  {\"township\": \"玉泉镇\", \"households\": 3, \"note\": \"a,\\\"b\\\"\"}",
                "]");
    }

    @Test
    void reportsAnSqlErrorWithoutThrowing() throws Exception {
        // given / when
        boolean ok;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            ok = SqlShell.execute(c, "select * from no_such_table", SqlShell.Format.TABLE,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }

        // then
        assertThat(ok).isFalse();
    }

    @Test
    void countsEastAsianCharactersAsTwoColumns() {
        assertThat(List.of(TextTable.width("abc"), TextTable.width("乡镇"), TextTable.width("１２"), TextTable.width("a乡")))
                .containsExactly(3, 4, 4, 3);
    }

    private static String run(SqlShell.Format format, String sql) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            assertThat(SqlShell.execute(c, sql, format, new PrintStream(bytes, true, StandardCharsets.UTF_8))).isTrue();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
