package org.hhw.warehouse;

import org.hhw.sources.contract.Contract;

/** A file whose rows are in the lake, to load into the warehouse, with what its read found of its sheets. */
public record FileToLoad(Contract contract, int fileKey, SheetSummary sheets) {}
