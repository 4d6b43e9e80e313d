package org.hhw.sources.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymsTest {

    /** Computed with: printf '%s' 11010519491231002X | openssl dgst -sha256 -hmac hhw-test-key */
    private static final String EXPECTED_1 = "5ccef4c6cb8d800611c3abe609c4c7d11551a6a1189ed33637d5e5aedc639538";
    /** Computed with: printf '%s' 140222199001011235 | openssl dgst -sha256 -hmac hhw-test-key */
    private static final String EXPECTED_2 = "ad517ec70060efebaaa86643c9d35003a15d464dc37fd0045b284e56932d870e";

    private final Pseudonyms pseudonyms = new Pseudonyms("hhw-test-key".getBytes(StandardCharsets.UTF_8));

    @Test
    void hmacMatchesOpenssl() {
        // given / when / then
        assertThat(pseudonyms.personIdHash("11010519491231002X")).isEqualTo(EXPECTED_1);
        assertThat(pseudonyms.personIdHash("140222199001011235")).isEqualTo(EXPECTED_2);
        assertThat(pseudonyms.personIdHash("11010519491231002X")).isEqualTo(EXPECTED_1);
    }

    @Test
    void threadsGetTheSameResult() throws Exception {
        // given
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> results = new ArrayList<>();

        // when
        try {
            for (int i = 0; i < 200; i++) {
                String id = i % 2 == 0 ? "11010519491231002X" : "140222199001011235";
                results.add(pool.submit(() -> pseudonyms.personIdHash(id)));
            }
            // then
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? EXPECTED_1 : EXPECTED_2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDifferentKeyGivesDifferentPseudonyms() {
        // given
        Pseudonyms other = new Pseudonyms("another-key".getBytes(StandardCharsets.UTF_8));

        // when / then
        assertThat(other.personIdHash("11010519491231002X"))
                .isNotEqualTo(EXPECTED_1)
                .hasSize(64);
    }

    @Test
    void createsAnOwnerOnlyHexKeyAndReadsItBack(@TempDir Path dir) throws IOException {
        // given
        Path keyFile = dir.resolve("secrets").resolve("pseudonym.key");

        // when
        byte[] created = Pseudonyms.loadOrCreateKey(keyFile);
        byte[] reread = Pseudonyms.loadOrCreateKey(keyFile);

        // then
        assertThat(created).hasSize(32);
        assertThat(reread).isEqualTo(created);
        assertThat(Files.readString(keyFile).strip()).isEqualTo(HexFormat.of().formatHex(created));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
    }

    @Test
    void readsAHexKeyOf32BytesOrMore(@TempDir Path dir) throws IOException {
        // given
        Path keyFile = dir.resolve("k");
        Files.writeString(keyFile, "  00112233445566778899AABBCCDDEEFF00112233445566778899aabbccddeeff\n");

        // when
        byte[] key = Pseudonyms.loadOrCreateKey(keyFile);

        // then
        assertThat(key)
                .isEqualTo(HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
    }

    @Test
    void refusesAKeyFileNotHoldingAtLeast32BytesOfHexNamingTheFile(@TempDir Path dir) throws IOException {
        // given a key of 16 bytes, one digit short of 32 bytes, base64 and garbage
        Path sixteenBytes = Files.writeString(dir.resolve("sixteen"), "00112233445566778899aabbccddeeff\n");
        Path oddDigits = Files.writeString(dir.resolve("odd"), "0".repeat(63));
        Path base64 = Files.writeString(dir.resolve("base64"), "aGh3LXRlc3Qta2V5LWJhc2U2NC1vZi0zMi1ieXRlcyE=");
        Path garbage = Files.writeString(dir.resolve("garbage"), "not a key!");

        // when / then
        String rule = " is not a pseudonym key: it must be at least 32 bytes written as hex, an even number, 64 or "
                + "more, of the digits 0-9 and a-f (e.g. what `openssl rand -hex 32` prints), but holds ";
        assertThatThrownBy(() -> Pseudonyms.loadOrCreateKey(sixteenBytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key file " + sixteenBytes + rule + "32 characters");
        assertThatThrownBy(() -> Pseudonyms.loadOrCreateKey(oddDigits))
                .hasMessage("the key file " + oddDigits + rule + "63 characters");
        assertThatThrownBy(() -> Pseudonyms.loadOrCreateKey(base64))
                .hasMessage("the key file " + base64 + rule + "44 characters, not all of them hex digits");
        assertThatThrownBy(() -> Pseudonyms.loadOrCreateKey(garbage))
                .hasMessage("the key file " + garbage + rule + "10 characters, not all of them hex digits");
    }

    @Test
    void parsesAKeyGivenAsTextByTheSameRuleNamingItsOrigin() {
        // given / when / then
        assertThat(Pseudonyms.parseKey("ff".repeat(40), "a setting"))
                .hasSize(40)
                .containsOnly((byte) 0xff);
        assertThatThrownBy(() -> Pseudonyms.parseKey("00ff", "the setting x"))
                .hasMessageStartingWith("the setting x is not a pseudonym key: ")
                .hasMessageNotContaining("00ff");
    }
}
