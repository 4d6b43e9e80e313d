package org.hhw.warehouse.report;

/**
 * Whom a report is for: the county (township key null) or one township. The report models hold a
 * county row ({@code unit = 'county'}) and a row per township ({@code unit = 'township'}).
 */
public record ReportUnit(Integer townshipKey, String name) {

    public static ReportUnit county(String countyName) {
        return new ReportUnit(null, countyName);
    }

    public boolean isCounty() {
        return townshipKey == null;
    }

    /** The value of the report models' {@code unit} column for this unit. */
    public String unitColumn() {
        return isCounty() ? "county" : "township";
    }
}
