package org.hhw.sources.contract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One field of a source contract: the header variants it is recognised by and how it is cleaned.
 *
 * @param label       the field's name as clerks know it, used in messages and receipts
 * @param codeList    for {@link FieldType#CODE}: the name of the contract's code list
 * @param pattern     for text fields: what the cleaned text must match, or null
 * @param patternHint what a clerk is told when the pattern does not match
 */
public record Field(String name, String label, List<String> headers, FieldType type, boolean required,
                    String codeList, Pattern pattern, String patternHint) {
}
