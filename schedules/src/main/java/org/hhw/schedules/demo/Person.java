package org.hhw.schedules.demo;

import java.time.LocalDate;

/**
 * One row of the registry as it should read once cleaned: the truth a messy file was made from.
 * Household fields (number, places, status, cause, exit, relocation, size) repeat on every member.
 *
 * @param sex "男" or "女", as the 17th digit of {@code id} says
 * @param exitYear the year the household left poverty, or null while it has not
 */
public record Person(
        String householdNumber,
        String township,
        String village,
        String name,
        String id,
        String relation,
        String sex,
        LocalDate birthDate,
        int householdSize,
        String povertyStatus,
        String mainCause,
        Integer exitYear,
        String labourCapacity,
        String health,
        String schooling,
        boolean relocated) {

    public static final String HEAD = "户主";

    public boolean isHead() {
        return HEAD.equals(relation);
    }

    public boolean exited() {
        return exitYear != null;
    }

    /** 脱贫状态 as the registry writes it. */
    public String exitStatus() {
        return exited() ? "已脱贫" : "未脱贫";
    }
}
