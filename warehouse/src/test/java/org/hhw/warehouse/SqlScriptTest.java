package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

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
