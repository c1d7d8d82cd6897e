package org.duban.platform.personaldata;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnBean(JdbcTemplate.class)
public class PersonalDataAutoConfiguration {

    @Bean
    public PersonalDataVault personalDataVault(JdbcTemplate jdbcTemplate) {
        return new PersonalDataVault(jdbcTemplate);
    }
}
