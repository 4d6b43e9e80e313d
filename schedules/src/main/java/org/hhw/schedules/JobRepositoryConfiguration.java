package org.hhw.schedules;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.hhw.warehouse.Home;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Batch job repository: an H2 file under {@code <home>/state}. {@code WRITE_DELAY=0}
 * because with H2's default delay a {@code kill -9} lost the last committed chunks (measured:
 * the rerun duplicated them); {@code AUTO_SERVER} lets {@code hhw status} read it while the
 * service runs. Pooled, since opening an H2 connection costs tens of milliseconds and Batch
 * takes one per repository update.
 */
@Configuration(proxyBeanMethods = false)
public class JobRepositoryConfiguration {

    @Bean(destroyMethod = "close")
    public DataSource dataSource(Home home) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url(home));
        ds.setUsername("sa");
        ds.setMaximumPoolSize(4);
        ds.setPoolName("jobs");
        return ds;
    }

    static String url(Home home) {
        return "jdbc:h2:file:" + home.state().resolve("jobs").toAbsolutePath() + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }
}
