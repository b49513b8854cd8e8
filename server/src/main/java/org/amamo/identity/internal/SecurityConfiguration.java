package org.amamo.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.amamo.platform.MapLayers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Two doors. The REST API under {@code /api} is stateless: personal API tokens, no cookies, hence no CSRF
 * token. The web pages use form login with a database-backed session and CSRF protection. In both, reading
 * is open where the page or endpoint is public, every change needs a signed-in user, and each feature's
 * controllers state the roles and ownership they require ({@code @PreAuthorize}); the URL zones below are a
 * second fence, not the only one.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * The page's Content-Security-Policy. Images come from the site itself and from the origins of the configured
     * base maps only, so that a map layer can never be configured without its tiles being allowed.
     */
    static String contentSecurityPolicy(MapLayers mapLayers) {
        List<String> images = new ArrayList<>(List.of("img-src", "'self'", "data:"));
        images.addAll(mapLayers.origins());
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                String.join(" ", images),
                "object-src 'none'",
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "form-action 'self'");
    }

    /** The role of the metrics scrape account, which may read the actuator's metrics and nothing else. */
    static final String METRICS_ROLE = "METRICS";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the algorithm named in each stored hash so that it can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The actuator: health (and its probes) and info are public; the Prometheus metrics need a credential, either
     * HTTP Basic with the scrape account configured as {@code amamo.metrics.username} / {@code amamo.metrics.password}
     * (no password configured: no scrape account), or an administrator's API token (docs/security.md).
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(
            HttpSecurity http,
            ApiTokenService tokens,
            ApiUnauthorised unauthorised,
            PasswordEncoder passwords,
            @Value("${amamo.metrics.username}") String scrapeUsername,
            @Value("${amamo.metrics.password:}") String scrapePassword)
            throws Exception {
        InMemoryUserDetailsManager scrapers = new InMemoryUserDetailsManager();
        if (!scrapePassword.isBlank()) {
            scrapers.createUser(User.withUsername(scrapeUsername)
                    .password(passwords.encode(scrapePassword))
                    .roles(METRICS_ROLE)
                    .build());
        }
        DaoAuthenticationProvider basic = new DaoAuthenticationProvider(scrapers);
        basic.setPasswordEncoder(passwords);
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .authenticationManager(new ProviderManager(basic))
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(tokens, unauthorised), BasicAuthenticationFilter.class)
                .httpBasic(basicAuth -> basicAuth.realmName("amamo-metrics"))
                .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health", "info"))
                        .permitAll()
                        .anyRequest()
                        .hasAnyRole(METRICS_ROLE, "ADMINISTRATOR"));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http, ApiTokenService tokens, ApiUnauthorised unauthorised, ApiForbidden forbidden)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(tokens, unauthorised), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/api/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(unauthorised).accessDeniedHandler(forbidden));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle, MapLayers mapLayers) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/**")
                        .hasRole("ADMINISTRATOR")
                        .requestMatchers("/secretariat/**")
                        .hasAnyRole("SECRETARIAT", "ADMINISTRATOR")
                        .requestMatchers("/account/**")
                        .authenticated()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/register",
                                "/projects/*/comments",
                                "/login/code",
                                "/password/forgot",
                                "/password/reset",
                                "/email/confirm")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(throttle.gate(), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AccountGate(), AuthorizationFilter.class)
                .formLogin(login -> login.loginPage("/login")
                        .successHandler(throttle)
                        .failureHandler(throttle)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/?logout"))
                .headers(headers ->
                        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(mapLayers))));
        return http.build();
    }
}
