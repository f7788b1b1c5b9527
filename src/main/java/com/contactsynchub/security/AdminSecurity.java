package com.contactsynchub.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * HTTP Basic login for everything an operator can change or look into (admin API, reference systems, Hawtio,
 * Jolokia, API docs). Health, info and Prometheus stay open for load balancers and scrapers.
 * With no password configured nothing asks for a login: the embedded defaults listen on 127.0.0.1 only.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    private static final Logger log = LoggerFactory.getLogger(AdminSecurity.class);

    @Bean
    LoginThrottle loginThrottle(java.time.Clock clock) {
        return new LoginThrottle(clock);
    }

    @Bean
    SecurityFilterChain adminFilterChain(HttpSecurity http, AdminProperties admin, LoginThrottle throttle)
            throws Exception {
        // A stateless API authenticated per request: no session cookie, so no CSRF token to protect.
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (!admin.loginRequired()) {
            log.warn("hub.admin.password is not set: the admin API and consoles need no login. "
                    + "Keep server.address on 127.0.0.1 or set HUB_ADMIN_PASSWORD.");
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
            return http.build();
        }
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/error").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(Customizer.withDefaults())
                .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    UserDetailsService adminUsers(AdminProperties admin) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        if (!admin.loginRequired()) {
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(User.withUsername(admin.username())
                .password(encoder.encode(admin.password())).roles("ADMIN").build());
    }
}
