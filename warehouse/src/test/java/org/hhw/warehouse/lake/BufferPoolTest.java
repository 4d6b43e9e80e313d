package org.hhw.warehouse.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

    @Test
    void handsAReleasedBufferOutAgainAsIfNew() {
        // given
        BufferPool pool = new BufferPool(1 << 20);
        ByteBuffer first = pool.allocate(1024);
        first.order(ByteOrder.LITTLE_ENDIAN).putInt(42).flip();

        // when
        pool.release(first);
        ByteBuffer second = pool.allocate(1024);

        // then
        assertThat(second).isSameAs(first);
        assertThat(second.position()).isZero();
        assertThat(second.limit()).isEqualTo(1024);
        assertThat(second.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(pool.pooledBytes()).isZero();
    }

    @Test
    void keepsOnlyItsOwnBuffersOnceEachAndNoMoreThanItsLimit() {
        // given
        BufferPool pool = new BufferPool(3000);
        ByteBuffer a = pool.allocate(1024);
        ByteBuffer b = pool.allocate(1024);
        ByteBuffer c = pool.allocate(1024);

        // when
        pool.release(ByteBuffer.allocate(1024));
        pool.release(a);
        pool.release(a);
        pool.release(b);
        pool.release(c);

        // then: a foreign buffer, a second release and a third kilobyte beyond 3000 bytes are left to the GC
        assertThat(pool.pooledBytes()).isEqualTo(2048);
        assertThat(pool.allocate(1024)).isSameAs(b);
        assertThat(pool.allocate(1024)).isSameAs(a);
        assertThat(pool.allocate(1024)).isNotSameAs(a).isNotSameAs(b).isNotSameAs(c);
    }

    @Test
    void givesANewBufferForASizeItHasNot() {
        // given
        BufferPool pool = new BufferPool(1 << 20);
        pool.release(pool.allocate(512));

        // when
        ByteBuffer other = pool.allocate(2048);

        // then
        assertThat(other.capacity()).isEqualTo(2048);
        assertThat(pool.pooledBytes()).isEqualTo(512);
    }
}
