package org.hhw.warehouse.report;

import java.sql.SQLException;
import java.time.YearMonth;

/** Builds one block of a unit's monthly report from the report models, and nothing else. */
public interface BlockQuery {

    Block build(ReportData data, ReportUnit unit, YearMonth month) throws SQLException;
}
