package org.hhw.schedules;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.hhw.warehouse.Home;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Batch job repository: an H2 file under {@code <home>/state}. {@code WRITE_DELAY=0}
 * because with H2's default delay a {@code kill -9} lost the last committed chunks (measured:
 * the rerun duplicated them); {@code AUTO_SERVER} lets {@code hhw status} read it while the
 * service runs.
 */
@Configuration
public class JobRepositoryConfiguration {

    @Bean
    public DataSource dataSource(Home home) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + home.state().resolve("jobs").toAbsolutePath()
                + ";WRITE_DELAY=0;AUTO_SERVER=TRUE");
        ds.setUser("sa");
        return ds;
    }
}
