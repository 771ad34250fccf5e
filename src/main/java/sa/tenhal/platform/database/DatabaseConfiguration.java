package sa.tenhal.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * The one {@link DataSource}: the server that {@code TENHAL_DB_URL} names, or else the embedded PostgreSQL. Pool
 * settings bind from {@code spring.datasource.hikari.*} as usual.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /**
     * The embedded server as a bean the DataSource depends on: when the context closes, the pool closes first and then,
     * for a server with its own data directory, the server stops. The shared temporary server of tests stops with the
     * JVM instead, since several contexts use it.
     */
    @Bean
    EmbeddedPostgresServer.Handle embeddedPostgres(DatabaseProperties properties) {
        return properties.usesEmbeddedServer() ? EmbeddedPostgresServer.start(properties.embedded()) : null;
    }

    @Bean
    @DependsOn("embeddedPostgres")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresServer.Handle> embedded) {
        HikariDataSource dataSource = new HikariDataSource();
        EmbeddedPostgresServer.Handle server = embedded.getIfAvailable();
        if (server != null) {
            dataSource.setJdbcUrl(server.jdbcUrl());
            dataSource.setUsername("postgres");
        } else {
            log.info("Using the PostgreSQL server named by TENHAL_DB_URL");
            dataSource.setJdbcUrl(properties.url());
            dataSource.setUsername(properties.username());
            dataSource.setPassword(properties.password());
        }
        // Server error details quote the offending row values (names, ID numbers); keep them out of exception
        // messages so that they can never reach a log.
        dataSource.addDataSourceProperty("logServerErrorDetail", "false");
        dataSource.addDataSourceProperty("ApplicationName", "tenhal");
        return dataSource;
    }
}
