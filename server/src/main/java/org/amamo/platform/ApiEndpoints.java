package org.amamo.platform;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API's operations as the server runs them: for each HTTP method and path of an {@link ApiController}, its
 * handler and who may call it, decided by the security rules in force: the URL rules of the security filter chain and
 * the method's {@code @PreAuthorize}, evaluated for an anonymous caller and for a signed-in user without roles.
 */
final class ApiEndpoints {

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(
            "api-description", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    private static final Authentication SIGNED_IN_WITHOUT_ROLES =
            UsernamePasswordAuthenticationToken.authenticated("api-description", null, List.of());
    private static final Set<RequestMethod> STATE_CHANGING =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    private final Map<String, Endpoint> byMethodAndPath;

    private ApiEndpoints(Map<String, Endpoint> byMethodAndPath) {
        this.byMethodAndPath = byMethodAndPath;
    }

    /**
     * One operation.
     *
     * @param operationId the handler method's name; where two API controllers use the same name, prefixed with the
     *     controller's feature ({@code marketCreate}, {@code noticeCreate}) so that ids are unique and stable
     * @param requiresSignIn an anonymous caller is refused
     * @param roleRestricted a signed-in user without the required role is refused (403)
     * @param stateChanging POST, PUT, PATCH or DELETE
     * @param declaredRefusals the 4xx statuses the method declares itself ({@code @ApiResponse}); when there are
     *     any, they replace the defaults for refusals by a rule
     */
    record Endpoint(
            String operationId,
            String path,
            boolean requiresSignIn,
            boolean roleRestricted,
            boolean stateChanging,
            Set<String> declaredRefusals) {

        boolean hasPathVariable() {
            return path.contains("{");
        }
    }

    static ApiEndpoints of(RequestMappingHandlerMapping mappings, WebInvocationPrivilegeEvaluator privileges) {
        Map<RequestMappingInfo, HandlerMethod> handlers = mappings.getHandlerMethods().entrySet().stream()
                .filter(entry ->
                        AnnotatedElementUtils.hasAnnotation(entry.getValue().getBeanType(), ApiController.class))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Long> names = handlers.values().stream()
                .collect(Collectors.groupingBy(handler -> handler.getMethod().getName(), Collectors.counting()));
        Map<String, Endpoint> endpoints = new HashMap<>();
        handlers.forEach((info, handler) -> {
            for (String path : info.getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    String operationId = names.get(handler.getMethod().getName()) > 1
                            ? feature(handler) + capitalised(handler.getMethod().getName())
                            : handler.getMethod().getName();
                    boolean anonymousAllowed = privileges.isAllowed("", sample(path), method.name(), ANONYMOUS)
                            && allows(handler, ANONYMOUS);
                    endpoints.put(
                            method.name() + " " + path,
                            new Endpoint(
                                    operationId,
                                    path,
                                    !anonymousAllowed,
                                    !allows(handler, SIGNED_IN_WITHOUT_ROLES),
                                    STATE_CHANGING.contains(method),
                                    declaredRefusals(handler.getMethod())));
                }
            }
        });
        return new ApiEndpoints(Map.copyOf(endpoints));
    }

    /** The endpoint of an HTTP method and path of the description, or null for one that is not an API controller's. */
    Endpoint find(String method, String path) {
        return byMethodAndPath.get(method + " " + path);
    }

    /** Whether the handler's {@code @PreAuthorize} rule (method or class) lets this caller in; none: yes. */
    private static boolean allows(HandlerMethod handler, Authentication caller) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return true;
        }
        DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
        MethodInvocation invocation = new SimpleMethodInvocation(new Object(), handler.getMethod());
        EvaluationContext context = expressions.createEvaluationContext(() -> caller, invocation);
        Expression expression = expressions.getExpressionParser().parseExpression(rule.value());
        return ExpressionUtils.evaluateAsBoolean(expression, context);
    }

    private static Set<String> declaredRefusals(Method method) {
        return AnnotatedElementUtils.findMergedRepeatableAnnotations(
                        method, io.swagger.v3.oas.annotations.responses.ApiResponse.class)
                .stream()
                .map(io.swagger.v3.oas.annotations.responses.ApiResponse::responseCode)
                .filter(code -> code.startsWith("4"))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A concrete path for a template, for the URL rules: every variable becomes 1. */
    private static String sample(String path) {
        return path.replaceAll("\\{[^}]+}", "1");
    }

    /** {@code MarketApi} gives {@code market}. */
    private static String feature(HandlerMethod handler) {
        String name = handler.getBeanType().getSimpleName().replaceFirst("Api$", "");
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
