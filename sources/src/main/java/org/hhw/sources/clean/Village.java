package org.hhw.sources.clean;

/**
 * An administrative village; {@code code} is its 1-based position of first appearance in the
 * gazetteer. Village names repeat across townships, so a village is only ever identified together
 * with its township.
 */
public record Village(int code, Township township, String name) {}
