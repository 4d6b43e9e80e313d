package org.hhw.sources.clean;

/** A township of the gazetteer; {@code code} is its 1-based position of first appearance. */
public record Township(int code, String name) {}
