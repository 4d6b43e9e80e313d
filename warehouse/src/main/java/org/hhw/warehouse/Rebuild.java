package org.hhw.warehouse;

import org.hhw.sources.contract.ContractRegistry;

/**
 * Recreates a warehouse from the lake alone: every file's row from its manifest, then the loaded
 * files replayed in the order they were loaded. That is not always key order: a file whose load
 * failed keeps its key and may load after files received later.
 */
final class Rebuild {

    private Rebuild() {}

    static void replayLake(EtlFiles files, Loads loads, ContractRegistry contracts) {
        files.restoreFromManifests();
        for (EtlFile f : files.loadedInLoadOrder()) {
            loads.replay(contracts.get(f.source()), f.fileKey(), () -> {});
        }
    }
}
