package org.hhw.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.hhw.sources.clean.Pseudonyms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * One rule for the pseudonym key whichever source gives it (the setting, its environment variable,
 * the home's key file): at least 32 bytes as hex, else the start fails naming the source, before
 * the home is created.
 */
class PseudonymKeyTest {

    private static final String KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    /** 16 bytes: what the key file accepted, and the setting accepted a shorter key still. */
    private static final String SHORT_KEY = "00112233445566778899aabbccddeeff";

    private static final String SETTING = "the setting hhw.pseudonym-key (environment variable HHW_PSEUDONYM_KEY)";
    private static final String RULE = " is not a pseudonym key: it must be at least 32 bytes written as hex, an even "
            + "number, 64 or more, of the digits 0-9 and a-f (e.g. what `openssl rand -hex 32` prints), but holds ";
    private static final String ID = "140222199001011235";

    @TempDir
    Path dir;

    @Test
    void aShortKeyInTheSettingStopsTheStartBeforeTheHomeIsCreated() {
        // given a home not created yet
        Path home = dir.resolve("home");

        // when the application starts with a 16-byte key in the setting
        application(home).withPropertyValues("hhw.pseudonym-key=" + SHORT_KEY).run(context -> {
            // then it fails, naming the setting
            assertThat(context).getFailure().rootCause().hasMessage(SETTING + RULE + "32 characters");
        });
        // and nothing was written
        assertThat(home).doesNotExist();
    }

    @Test
    void aShortKeyInTheEnvironmentVariableStopsTheStartBeforeTheHomeIsCreated() {
        // given a home not created yet
        Path home = dir.resolve("home");

        // when the application starts with a key of 20 characters in HHW_PSEUDONYM_KEY
        application(home)
                .withInitializer(context ->
                        context.getEnvironment().getPropertySources().addFirst(environment("not-hex-at-all-12345")))
                .run(context -> {
                    // then it fails, naming the setting
                    assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessage(SETTING + RULE + "20 characters, not all of them hex digits");
                });
        // and nothing was written
        assertThat(home).doesNotExist();
    }

    @Test
    void aKeyOf32BytesInTheEnvironmentVariableIsTheOneUsed() {
        // given / when the application starts with a 32-byte key in HHW_PSEUDONYM_KEY
        application(dir.resolve("home"))
                .withInitializer(
                        context -> context.getEnvironment().getPropertySources().addFirst(environment(KEY)))
                .run(context -> {
                    // then its pseudonyms are those of that key
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Pseudonyms.class).personIdHash(ID))
                            .isEqualTo(new Pseudonyms(HexFormat.of().parseHex(KEY)).personIdHash(ID));
                });
        // and no key file was generated beside it
        assertThat(dir.resolve("home/state/pseudonym.key")).doesNotExist();
    }

    @Test
    void aShortKeyInTheKeyFileStopsTheStartNamingTheFileBeforeTheHomeIsCreated() throws IOException {
        // given a home holding only a key file of 16 bytes
        Path keyFile = Files.createDirectories(dir.resolve("home/state")).resolve("pseudonym.key");
        Files.writeString(keyFile, SHORT_KEY + "\n");

        // when the application starts without a key setting
        application(dir.resolve("home")).run(context -> {
            // then it fails, naming the file
            assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage("the key file " + keyFile.toAbsolutePath() + RULE + "32 characters");
        });
        // and the home's folders were not created
        assertThat(dir.resolve("home/inbox")).doesNotExist();
    }

    @Test
    void withoutAKeyAKeyFileOf32BytesIsGeneratedAndUsed() {
        // given / when the application starts in a new home without a key setting
        application(dir.resolve("home")).run(context -> {
            // then it generated a 32-byte key into the home's key file and uses it
            assertThat(context).hasNotFailed();
            String written =
                    Files.readString(dir.resolve("home/state/pseudonym.key")).strip();
            assertThat(written).hasSize(64);
            assertThat(context.getBean(Pseudonyms.class).personIdHash(ID))
                    .isEqualTo(new Pseudonyms(HexFormat.of().parseHex(written)).personIdHash(ID));
        });
    }

    private static ApplicationContextRunner application(Path home) {
        return new ApplicationContextRunner()
                .withUserConfiguration(WarehouseConfiguration.class)
                .withPropertyValues("hhw.home=" + home);
    }

    /** The variable as the operating system's environment gives it, bound by Spring's rules for one. */
    private static SystemEnvironmentPropertySource environment(String key) {
        return new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of("HHW_PSEUDONYM_KEY", key));
    }
}
