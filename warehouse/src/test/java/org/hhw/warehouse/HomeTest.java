package org.hhw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home of the commands that run without the application, found as the application finds it. */
class HomeTest {

    @TempDir
    Path dir;

    private String property;

    @BeforeEach
    void setProperty() {
        property = System.getProperty("hhw.home");
        System.setProperty("hhw.home", dir.resolve("property").toString());
    }

    @AfterEach
    void restoreProperty() {
        if (property == null) {
            System.clearProperty("hhw.home");
        } else {
            System.setProperty("hhw.home", property);
        }
    }

    @Test
    void takesTheArgumentBeforeTheSystemProperty() {
        // given
        String[] args = {"sql", "--csv", "--hhw.home=" + dir.resolve("argument/../argument"), "select 1"};

        // when
        Home home = Home.resolve(args);

        // then
        assertThat(home.root()).isEqualTo(dir.resolve("argument"));
    }

    @Test
    void takesTheSystemPropertyWithoutAnArgument() {
        assertThat(Home.resolve("log", "--limit=5").root()).isEqualTo(dir.resolve("property"));
    }

    @Test
    void makesARelativeHomeAbsolute() {
        assertThat(Home.resolve("--hhw.home=relative").root())
                .isEqualTo(Path.of("relative").toAbsolutePath());
    }
}
