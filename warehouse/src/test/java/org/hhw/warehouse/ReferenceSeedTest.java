package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.warehouse.lake.Lake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference data seeded at every open: places, codes, programmes, rules, written a few statements at a time. */
class ReferenceSeedTest {

    private static final String COUNTS =
            "select (select count(*) from dim_township), (select count(*) from dim_village), "
                    + "(select count(*) from dim_code), (select count(*) from dim_programme), "
                    + "(select count(*) from ref_policy_rule), (select count(*) from ref_plan_target)";

    @TempDir
    Path dir;

    @Test
    void aGazetteerLongerThanOneStatementIsSeededWholeAndReopeningChangesNothing() throws Exception {
        // given the county's gazetteer and 1,200 villages more in a new township: three statements' worth
        StringBuilder extra = new StringBuilder("township,township_aliases,village,village_aliases\n");
        for (int i = 1; i <= 1200; i++) {
            extra.append("新立乡,新立,新村").append(i).append(",新").append(i).append('\n');
        }
        Gazetteer gazetteer = Gazetteer.bundled()
                .withExtra(new ByteArrayInputStream(extra.toString().getBytes(StandardCharsets.UTF_8)));
        Path db = dir.resolve("warehouse.duckdb");

        // when the warehouse is opened twice
        List<String> first = seeded(db, gazetteer);
        List<String> second = seeded(db, gazetteer);

        // then every place is there once, with its aliases, and the second seed wrote the same rows
        int villages = Gazetteer.bundled().villages().size() + 1200;
        int townships = Gazetteer.bundled().townships().size() + 1;
        assertThat(first.get(0)).startsWith(townships + "|" + villages + "|");
        assertThat(first.get(1)).isEqualTo("新立乡|新立|新村1200|新1200");
        assertThat(second).isEqualTo(first);
    }

    /** The counts of the reference tables and the last village, after opening the warehouse with this gazetteer. */
    private static List<String> seeded(Path db, Gazetteer gazetteer) throws Exception {
        try (Warehouse w =
                Warehouse.open(db, new Lake(db.resolveSibling("lake")), gazetteer, ContractRegistry.bundled())) {
            Connection c = w.connectionForTests();
            return List.of(
                    rows(c, COUNTS).get(0),
                    rows(
                                    c,
                                    "select t.township, t.aliases, v.village, v.aliases from dim_village v "
                                            + "join dim_township t using (township_key) order by v.village_key desc limit 1")
                            .get(0));
        }
    }

    private static List<String> rows(Connection c, String sql) {
        return RegistryLoads.rows(c, sql).stream()
                .map(row -> String.join("|", row.stream().map(String::valueOf).toList()))
                .toList();
    }
}
