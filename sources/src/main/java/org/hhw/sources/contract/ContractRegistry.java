package org.hhw.sources.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every source's contract, parsed once ({@link #bundled()}, at start-up) and then looked up by
 * source wherever a step, the warehouse or a note needs one, instead of each reading the YAML again.
 */
public final class ContractRegistry {

    private final Map<String, Contract> bySource;

    private ContractRegistry(Map<String, Contract> bySource) {
        this.bySource = bySource;
    }

    /** The contracts of {@link Contracts#SOURCES}, in that order. */
    public static ContractRegistry bundled() {
        Map<String, Contract> bySource = new LinkedHashMap<>();
        for (String source : Contracts.SOURCES) {
            bySource.put(source, Contracts.load(source));
        }
        return new ContractRegistry(bySource);
    }

    /**
     * @throws IllegalArgumentException for a source the product does not know
     */
    public Contract get(String source) {
        Contract contract = bySource.get(source);
        if (contract == null) {
            throw new IllegalArgumentException("unknown source: " + source + " (known: " + bySource.keySet() + ")");
        }
        return contract;
    }

    /** Every contract, in the order inbox folders are polled. */
    public List<Contract> all() {
        return List.copyOf(bySource.values());
    }
}
