package org.hhw.jobs.ingest;

import org.hhw.sources.validate.Outcome;
import org.hhw.warehouse.lake.LakeChunkWriter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes each chunk of outcomes to the lake as numbered parts. The part number is saved with
 * the chunk's commit, so a restarted step rewrites (replaces) exactly the parts it redoes.
 */
public class LakeOutcomeWriter implements ItemStreamWriter<Outcome> {

    static final String NEXT_PART = "writer.nextPart";

    private final LakeChunkWriter lake;
    private int nextPart;

    public LakeOutcomeWriter(LakeChunkWriter lake) {
        this.lake = lake;
    }

    @Override
    public void open(ExecutionContext context) {
        nextPart = context.getInt(NEXT_PART, 1);
    }

    @Override
    public void write(Chunk<? extends Outcome> chunk) throws Exception {
        lake.write(nextPart, chunk.getItems());
        nextPart++;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(NEXT_PART, nextPart);
    }
}
