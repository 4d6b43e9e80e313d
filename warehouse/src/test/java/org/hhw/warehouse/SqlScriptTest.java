package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void statementsEndAtASemicolonEndingALineAndGetTheirPlaceholders() {
        // given
        SqlScript script = SqlScript.of("t.sql", """
                -- a comment before a statement is dropped
                create temp table t as
                select {key} as k;
                insert into x select k from t;
                """);

        // when / then
        assertThat(script.statements(Map.of("key", "7")))
                .containsExactly("create temp table t as\nselect 7 as k;", "insert into x select k from t;");
    }

    @Test
    void commentsAndBlankLinesAfterTheLastStatementMakeNoStatement() {
        // given a staging script: everything above the writes line, nothing but a comment below it
        SqlScript script = SqlScript.of("t.sql", """
                create temp view v as select 1 as k;

                -- writes, in the load's transaction:

                -- none: staging only names what the loads read.
                """);

        // when / then
        assertThat(script.preparation().statements(Map.of())).containsExactly("create temp view v as select 1 as k;");
        assertThat(script.writes().statements(Map.of())).isEmpty();
    }

    @Test
    void theWritesLineSplitsPreparationFromWrites() {
        // given
        SqlScript script = SqlScript.of("t.sql", """
                create temp table t as select 1 as k;

                -- writes, in the load's transaction:

                insert into x select k from t;
                """);

        // when / then
        assertThat(script.preparation().statements(Map.of())).containsExactly("create temp table t as select 1 as k;");
        assertThat(script.writes().statements(Map.of())).containsExactly("insert into x select k from t;");
    }

    @Test
    void aWriteAboveTheWritesLineIsRefused() {
        // given a script that inserts before the line, where no transaction would hold the insert
        SqlScript script = SqlScript.of("bad.sql", """
                create or replace temp view v as select 1 as k;
                insert into x select k from v;

                -- writes, in the load's transaction:

                insert into y select k from v;
                """);

        // when / then
        assertThatThrownBy(script::preparation)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "bad.sql: above the line \"-- writes, in the load's transaction:\" a statement may only make "
                                + "a temporary table, view or macro, not: insert into x select k from v;");
    }

    @Test
    void everyLoadScriptPreparesOnlyTemporaryObjects() {
        // given the load scripts, when / then: none writes above its writes line
        for (String name : SqlResources.list("load")) {
            assertThat(SqlScript.resource(name).preparation().statements(Map.of()))
                    .as(name)
                    .allMatch(sql -> sql.lines()
                            .filter(l -> !l.startsWith("--"))
                            .findFirst()
                            .orElseThrow()
                            .startsWith("create or replace temp "));
        }
    }

    @Test
    void aScriptWithoutTheWritesLineIsAllWrites() {
        // given: the marker's words inside a longer comment do not split
        SqlScript script = SqlScript.of("t.sql", """
                -- not a marker: -- writes, in the load's transaction:
                create temp table t as select 1 as k;
                insert into x select k from t;
                """);

        // when / then
        assertThat(script.preparation().statements(Map.of())).isEmpty();
        assertThat(script.writes().statements(Map.of()))
                .containsExactly("create temp table t as select 1 as k;", "insert into x select k from t;");
    }
}
