package org.hhw.warehouse.report.blocks;

import java.time.LocalDateTime;
import java.util.List;
import org.hhw.warehouse.report.BlockQuery;

/** The monthly bulletin's sections in the order a leader reads them, the provenance (数据来源) last. */
public final class Bulletin {

    private Bulletin() {}

    /**
     * @param generatedAt when the report is made (the county's local time), which its provenance states
     * @param productVersion the product's version that makes it
     */
    public static List<BlockQuery> blocks(LocalDateTime generatedAt, String productVersion) {
        return List.of(
                new RegistryBlock(),
                new EducationBlock(),
                new MedicalBlock(),
                new MicroloanBlock(),
                new TrainingBlock(),
                new PlanTargetBlock(),
                new FindingBlock(),
                new DataReceivedBlock(),
                new ProvenanceBlock(generatedAt, productVersion));
    }
}
