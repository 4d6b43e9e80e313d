package org.hhw.warehouse.report.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hhw.warehouse.RegistryEducationCounty;
import org.hhw.warehouse.RegistryLoads;
import org.hhw.warehouse.report.ReportData;
import org.hhw.warehouse.report.ReportUnit;

/** The small county of {@link RegistryEducationCounty} published, and its report models opened as a report reads them. */
final class RegistryEducationBlocks implements AutoCloseable {

    static final String COUNTY = "天镇县";

    final ReportData data;
    final ReportUnit county;
    final ReportUnit yuquan;
    private final List<ReportUnit> townships;

    RegistryEducationBlocks(Path dir) throws SQLException {
        Path copy = dir.resolve("analytics.duckdb");
        try (RegistryLoads loads = RegistryEducationCounty.load(dir)) {
            assertThat(loads.warehouse().publishIfTestsPass(copy, null)).isEmpty();
        }
        data = ReportData.open(copy);
        List<ReportUnit> units = data.units(COUNTY);
        county = units.get(0);
        townships = units.subList(1, units.size());
        yuquan = townships.stream()
                .filter(u -> u.name().equals("玉泉镇"))
                .findFirst()
                .orElseThrow();
    }

    /**
     * The rows a county's township table should hold: every township in the gazetteer's order, then 未归属乡镇,
     * those named with the given values and the others with {@code others}.
     */
    List<List<Object>> townshipRows(List<Object> unplaced, Map<String, List<Object>> named, List<Object> others) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReportUnit township : townships) {
            rows.add(withName(township.name(), named.getOrDefault(township.name(), others)));
        }
        rows.add(withName("未归属乡镇", unplaced));
        return rows;
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static List<Object> withName(String name, List<Object> values) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        row.addAll(values);
        return row;
    }

    @Override
    public void close() throws SQLException {
        data.close();
    }
}
