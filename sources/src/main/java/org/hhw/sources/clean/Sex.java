package org.hhw.sources.clean;

/** Sex as encoded in a resident ID number (odd sequence digit = male). */
public enum Sex {
    MALE,
    FEMALE
}
