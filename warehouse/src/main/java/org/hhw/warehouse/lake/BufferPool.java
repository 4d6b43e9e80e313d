package org.hhw.warehouse.lake;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * Heap buffers for parquet-java's column and page buffers, taken back when a part is done with
 * them and handed to the next part. parquet-java grows every column's buffers from a small slab
 * by doubling and lets go of them at each page and part, so writing a chunk's part allocated
 * (and zeroed) several times the part's size; at a 256 MB heap its larger slabs were humongous
 * objects for G1. Reused, a chunk after the first allocates almost nothing.
 *
 * <p>Only buffers this pool handed out are taken back, each once; at most {@code maxPooledBytes}
 * are kept, beyond that a released buffer is left to the garbage collector. Not thread-safe: one
 * pool serves the parts written one after another by one thread.
 */
final class BufferPool implements ByteBufferAllocator {

    private final long maxPooledBytes;
    private final Map<Integer, ArrayDeque<ByteBuffer>> free = new HashMap<>();
    private final Set<ByteBuffer> lent = Collections.newSetFromMap(new IdentityHashMap<>());
    private long pooledBytes;

    BufferPool(long maxPooledBytes) {
        this.maxPooledBytes = maxPooledBytes;
    }

    @Override
    public ByteBuffer allocate(int size) {
        ArrayDeque<ByteBuffer> sized = free.get(size);
        ByteBuffer buffer = sized == null ? null : sized.pollLast();
        if (buffer == null) {
            buffer = ByteBuffer.allocate(size);
        } else {
            pooledBytes -= size;
            // as fresh as a new one, but for the bytes, which a writer only reads after writing them
            buffer.clear().order(ByteOrder.BIG_ENDIAN);
        }
        lent.add(buffer);
        return buffer;
    }

    @Override
    public void release(ByteBuffer buffer) {
        if (!lent.remove(buffer) || pooledBytes + buffer.capacity() > maxPooledBytes) {
            return;
        }
        free.computeIfAbsent(buffer.capacity(), size -> new ArrayDeque<>()).addLast(buffer);
        pooledBytes += buffer.capacity();
    }

    @Override
    public boolean isDirect() {
        return false;
    }

    /** Bytes held for reuse now. */
    long pooledBytes() {
        return pooledBytes;
    }
}
