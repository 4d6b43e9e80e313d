package org.hhw.sources.contract;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One field of a source contract: the header variants it is recognised by and how it is cleaned.
 *
 * @param label       the field's name as clerks know it, used in messages and receipts
 * @param codeList    for {@link FieldType#CODE}: the name of the contract's code list
 * @param pattern     for text fields: what the cleaned text must match, or null
 * @param patternHint what a clerk is told when the pattern does not match
 * @param fromTitle   when the sheet has no such column (or the cell is blank), the value is the date
 *                    its title states ("截至2018年6月30日"); the value is then required, the column not
 * @param notPlaceholders words that are a value of this field, not a placeholder for a blank cell
 *                    (training's 就业情况 "无": not employed), compact; a code list's own labels and
 *                    aliases are values without being listed here
 */
public record Field(
        String name,
        String label,
        List<String> headers,
        FieldType type,
        boolean required,
        String codeList,
        Pattern pattern,
        String patternHint,
        boolean fromTitle,
        Set<String> notPlaceholders) {

    public Field {
        notPlaceholders = Set.copyOf(notPlaceholders);
    }

    public Field(
            String name,
            String label,
            List<String> headers,
            FieldType type,
            boolean required,
            String codeList,
            Pattern pattern,
            String patternHint,
            boolean fromTitle) {
        this(name, label, headers, type, required, codeList, pattern, patternHint, fromTitle, Set.of());
    }

    public Field(
            String name,
            String label,
            List<String> headers,
            FieldType type,
            boolean required,
            String codeList,
            Pattern pattern,
            String patternHint) {
        this(name, label, headers, type, required, codeList, pattern, patternHint, false);
    }
}
