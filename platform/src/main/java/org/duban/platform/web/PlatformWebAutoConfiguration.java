package org.duban.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Error answers and request limits shared by both sides' HTTP APIs. */
@AutoConfiguration
public class PlatformWebAutoConfiguration {

    @Bean
    public OpenAPI dubanOpenApi(@Value("${spring.application.name:duban}") String application) {
        return new OpenAPI().info(new Info()
                .title("督办 Duban API (" + application + ")")
                .version("1")
                .description("Supervised issues (督办事项) from raise to 销号 and beyond. Errors are RFC 9457 problem"
                        + " details with a stable `code`; every accepted command answers {id, version}."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    public ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    public StorableInputAdvice storableInputAdvice() {
        return new StorableInputAdvice();
    }

    @Bean
    public WebMvcConfigurer mediaTypeGuard() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new MediaTypeGuard()).addPathPatterns("/api/**");
            }
        };
    }

    @Bean
    public FilterRegistrationBean<StorableParameterFilter> storableParameterFilter() {
        FilterRegistrationBean<StorableParameterFilter> registration = new FilterRegistrationBean<>(new StorableParameterFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    public FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${duban.http.max-body-bytes:262144}") long maxBytes) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
