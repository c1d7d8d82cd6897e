package org.duban.platform.department;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@AutoConfiguration
@EnableConfigurationProperties(DepartmentDirectory.class)
public class DepartmentAutoConfiguration {
}
