package org.hhw.warehouse.lake;

import java.util.Objects;

/** One column of a lake part file. Every column is nullable. */
public record LakeColumn(String name, LakeType type) {

    public LakeColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A lake column needs a name");
        }
    }
}
