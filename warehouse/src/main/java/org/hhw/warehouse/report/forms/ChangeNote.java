package org.hhw.warehouse.report.forms;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hhw.warehouse.report.Block;
import org.hhw.warehouse.report.Figure;
import org.hhw.warehouse.report.MonthlyReport;

/**
 * 变更说明_第N版.txt: what a re-made month's county totals changed from the version before, figure by
 * figure (the month's and the year-to-date values), so a leader holding the first version sees at once
 * whether anything they read has moved, and by how much.
 */
public final class ChangeNote {

    private ChangeNote() {}

    /** The note's lines: a heading, then a line per figure that changed, or a line saying none did. */
    public static List<String> lines(MonthlyReport before, int beforeVersion, MonthlyReport after, int version) {
        List<String> lines = new ArrayList<>();
        lines.add(after.title() + " " + after.monthLabel() + " 第" + version + "版 变更说明");
        lines.add("与第" + beforeVersion + "版相比（" + after.unit().name() + "合计数）：");
        List<String> changes = new ArrayList<>();
        for (Block block : after.blocks()) {
            for (Figure now : block.figures()) {
                Figure was = find(before, block.sheet(), now.label());
                if (was == null) {
                    changes.add(block.title() + " " + now.label() + "：新增本项");
                    continue;
                }
                change(changes, block, now, "本月", was.month(), now.month());
                change(changes, block, now, "本年累计", was.yearToDate(), now.yearToDate());
            }
        }
        if (changes.isEmpty()) {
            lines.add("各项合计数均无变化。");
        } else {
            lines.addAll(changes);
        }
        return lines;
    }

    public static Path write(Path file, MonthlyReport before, int beforeVersion, MonthlyReport after, int version)
            throws IOException {
        return Files.write(file, lines(before, beforeVersion, after, version), StandardCharsets.UTF_8);
    }

    private static void change(List<String> changes, Block block, Figure figure, String which, Object was, Object now) {
        if (!same(was, now)) {
            changes.add(block.title() + " " + figure.label() + "（" + which + "）："
                    + Formats.format(was, figure.measure()) + " → " + Formats.format(now, figure.measure()));
        }
    }

    /** Equal figures, 2.50 and 2.5 alike. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    private static Figure find(MonthlyReport report, String sheet, String label) {
        for (Block block : report.blocks()) {
            if (block.sheet().equals(sheet)) {
                for (Figure f : block.figures()) {
                    if (f.label().equals(label)) {
                        return f;
                    }
                }
            }
        }
        return null;
    }
}
