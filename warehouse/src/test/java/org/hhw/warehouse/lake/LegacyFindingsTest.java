package org.hhw.warehouse.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hhw.sources.contract.ContractRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyFindingsTest {

    @TempDir
    Path dir;

    @Test
    void aLakeOfAnEarlierVersionHasItsFindingsMaskedOnceAndItsCleanPartsLeftAlone() throws Exception {
        // given a lake written before findings were masked: a reject part with raw IDs, a warning part without
        Lake lake = new Lake(dir.resolve("lake"));
        Path rejects = lake.partFile("registry", 3, Lake.Part.REJECTS, 0);
        try (LakePartWriter w = LakePartWriter.create(rejects, Lake.FINDING_COLUMNS)) {
            w.write(new Object[] {
                "玉泉镇", 7, "id_number", "证件号码", "14022219650312011X", "ID_CHECKSUM", "身份证号码“14022219650312011X”校验位不对。"
            });
            w.write(new Object[] {
                "玉泉镇",
                8,
                "relation",
                "与户主关系",
                "户主140222196503120117",
                "CODE_UNKNOWN",
                "与户主关系“户主140222196503120117”不在选项中。"
            });
        }
        Path warnings = lake.partFile("medical", 4, Lake.Part.WARNINGS, 0);
        try (LakePartWriter w = LakePartWriter.create(warnings, Lake.FINDING_COLUMNS)) {
            w.write(new Object[] {"Sheet1", 2, "hospital", "医院", "天镇县人民医院", "CODE_UNKNOWN", "医院不在名录中。"});
        }
        long warningsModified = Files.getLastModifiedTime(warnings).toMillis();

        // when
        int rewritten = LegacyFindings.mask(lake, ContractRegistry.bundled());

        // then
        assertThat(rewritten).isEqualTo(1);
        assertThat(rows(rejects))
                .containsExactly(
                        "玉泉镇|7|id_number|证件号码|140222********011X|ID_CHECKSUM|身份证号码“140222********011X”校验位不对。",
                        "玉泉镇|8|relation|与户主关系|户主140222********0117|CODE_UNKNOWN|与户主关系“户主140222********0117”不在选项中。");
        assertThat(rows(warnings)).containsExactly("Sheet1|2|hospital|医院|天镇县人民医院|CODE_UNKNOWN|医院不在名录中。");
        assertThat(Files.getLastModifiedTime(warnings).toMillis()).isEqualTo(warningsModified);
        assertThat(Files.list(rejects.getParent()).map(p -> p.getFileName().toString()))
                .containsExactly("part-000000.parquet");

        // and a second start has nothing to do
        assertThat(LegacyFindings.mask(lake, ContractRegistry.bundled())).isZero();
        assertThat(lake.root().resolve("findings-masked")).exists();
    }

    private static List<String> rows(Path part) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select * from read_parquet('" + part + "')")) {
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= 7; i++) {
                    cells.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", cells));
            }
        }
        return out;
    }
}
