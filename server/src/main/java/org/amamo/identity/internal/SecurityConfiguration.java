package org.amamo.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.amamo.platform.MapLayers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
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

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the algorithm named in each stored hash so that it can be upgraded later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/api/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
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
                        .requestMatchers(HttpMethod.POST, "/register", "/projects/*/comments")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
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
