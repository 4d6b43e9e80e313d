package org.hhw.sources.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.hhw.sources.read.Fixtures.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastXlsxParseTest {

    @TempDir
    Path dir;

    @Test
    void countsEveryWrittenRowAndCellOfEverySheet() throws IOException {
        // given
        Path file = Fixtures.write(dir, "register.xlsx", Format.XLSX, Fixtures::register);

        // when
        FastXlsxParse.Counts counts = FastXlsxParse.count(file);

        // then: 8 + 1 + 0 + 1 + 1 rows; hidden and blank sheets and blank cells included
        assertThat(counts).isEqualTo(new FastXlsxParse.Counts(11, 37));
    }
}
