package org.amamo.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses an API request whose {@code page} is negative or whose {@code size} is outside 1 to
 * {@link Pages#MAX_SIZE}, with a 400 naming the parameter, instead of quietly answering another page than the one
 * asked for. Applies to the {@link ApiController} methods that take these parameters; the web pages, which build
 * their own links, keep clamping them ({@link Pages#number}, {@link Pages#size}).
 */
class PageParameters implements HandlerInterceptor {

    static final String PAGE = "page";
    static final String SIZE = "size";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().isAnnotationPresent(ApiController.class)) {
            return true;
        }
        List<Refusal> refusals = new ArrayList<>();
        Integer page = declared(method, PAGE) ? whole(request.getParameter(PAGE)) : null;
        if (page != null && page < 0) {
            refusals.add(Refusal.of(PAGE, "api.error.page"));
        }
        Integer size = declared(method, SIZE) ? whole(request.getParameter(SIZE)) : null;
        if (size != null && (size < 1 || size > Pages.MAX_SIZE)) {
            refusals.add(Refusal.of(SIZE, "api.error.size", Pages.MAX_SIZE));
        }
        if (!refusals.isEmpty()) {
            throw new RefusedException(HttpStatus.BAD_REQUEST, refusals);
        }
        return true;
    }

    private static boolean declared(HandlerMethod method, String name) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation == null) {
                continue;
            }
            String declaredName =
                    annotation.name().isEmpty() ? parameter.getParameter().getName() : annotation.name();
            if (name.equals(declaredName)) {
                return true;
            }
        }
        return false;
    }

    /** The parameter as a number, or null when absent or not a number (the type check answers that). */
    private static Integer whole(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
