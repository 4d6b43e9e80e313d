package org.hhw.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hhw.sources.clean.Gazetteer;
import org.hhw.sources.clean.Pseudonyms;
import org.hhw.sources.contract.ContractRegistry;
import org.hhw.sources.contract.Contracts;
import org.hhw.warehouse.Home;
import org.hhw.warehouse.Warehouse;
import org.hhw.warehouse.lake.Lake;
import org.hhw.warehouse.lake.ReceiptSpool;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Lazy;

/** The plain-Java parts of the product the jobs share: home, lake, receipt spool, reference data, warehouse. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HhwProperties.class)
public class WarehouseConfiguration {

    /** Created after the pseudonym key is checked, so that a bad key stops the start before anything is written. */
    @Bean
    @DependsOn("pseudonyms")
    public Home home(HhwProperties properties) {
        return new Home(root(properties), properties.clerksGroup(), properties.analystsGroup())
                .create(Contracts.SOURCES);
    }

    private static Path root(HhwProperties properties) {
        return properties.home().toAbsolutePath().normalize();
    }

    @Bean
    public Lake lake(Home home) {
        return new Lake(home.lake());
    }

    @Bean
    public ReceiptSpool receiptSpool(Home home) {
        return new ReceiptSpool(home.spool());
    }

    /** Every source's contract, parsed once here and passed to whatever needs one. */
    @Bean
    public ContractRegistry contracts() {
        return ContractRegistry.bundled();
    }

    @Bean
    public Gazetteer gazetteer(HhwProperties properties) {
        Gazetteer bundled = Gazetteer.bundled();
        if (properties.gazetteerExtra() == null) {
            return bundled;
        }
        try (InputStream extra = Files.newInputStream(properties.gazetteerExtra())) {
            return bundled.withExtra(extra);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hhw.gazetteer-extra " + properties.gazetteerExtra(), e);
        }
    }

    /**
     * The key of {@code hhw.pseudonym-key} (or {@code HHW_PSEUDONYM_KEY}), else of the home's key file,
     * generated there on first start; either checked by {@link Pseudonyms#parseKey}'s one rule.
     */
    @Bean
    public Pseudonyms pseudonyms(HhwProperties properties) throws IOException {
        if (properties.pseudonymKey() != null && !properties.pseudonymKey().isBlank()) {
            return new Pseudonyms(Pseudonyms.parseKey(
                    properties.pseudonymKey(),
                    "the setting hhw.pseudonym-key (environment variable HHW_PSEUDONYM_KEY)"));
        }
        return new Pseudonyms(
                Pseudonyms.loadOrCreateKey(new Home(root(properties)).state().resolve("pseudonym.key")));
    }

    /** Opened on first use: commands that only read the published copy never lock the warehouse. */
    @Bean(destroyMethod = "close")
    @Lazy
    public Warehouse warehouse(Home home, Lake lake, Gazetteer gazetteer, ContractRegistry contracts) {
        return Warehouse.open(home.warehouseDb(), lake, gazetteer, contracts);
    }
}
