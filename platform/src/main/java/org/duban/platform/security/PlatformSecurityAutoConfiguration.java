package org.duban.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Users, and the guard that keeps demo users out of production. */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@EnableConfigurationProperties(DemoProperties.class)
public class PlatformSecurityAutoConfiguration {

    @Bean
    public ProblemSecurityHandlers problemSecurityHandlers() {
        return new ProblemSecurityHandlers();
    }

    /** Picked up by Spring Security's filter chain proxy (WebSecurity looks for a bean of this type). */
    @Bean
    public RequestRejectedHandler requestRejectedHandler() {
        return new ProblemRequestRejectedHandler();
    }

    /**
     * Demo users' passwords are public (API.md) and kept as {@code {noop}}: hashing them would
     * add a bcrypt round to every Basic-authenticated request and protect nothing.
     */
    @Bean
    public UserDetailsService userDetailsService(DemoProperties demo, Environment environment) {
        if (demo.enabled() && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("Profile 'prod' refuses to start while duban.demo.enabled=true:"
                    + " demo users have public passwords. Set duban.demo.enabled=false.");
        }
        Map<String, DemoUser> users = demo.enabled()
                ? demo.users().stream().collect(Collectors.toMap(DemoUser::username, Function.identity()))
                : Map.of();
        return username -> {
            DemoUser u = users.get(username);
            if (u == null) throw new UsernameNotFoundException("no such user");
            return new DubanUser(u.username(), "{noop}" + u.password(), u.role(), u.department());
        };
    }
}
