package org.hhw.sources.clean;

import java.time.LocalDate;

/** A valid 18-character resident ID number with the facts it encodes. */
public record ResidentId(String number, LocalDate birthDate, Sex sex) {}
