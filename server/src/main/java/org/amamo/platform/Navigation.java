package org.amamo.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Where the page stands in the menu, for the layout: {@code currentPath} (the path without the context path; the
 * link to it is marked {@code aria-current="page"}) and {@code currentArea} (the staff menu group it belongs to,
 * marked on the group's button) and {@code currentMine} (whether it is one of the user's own pages).
 */
@ControllerAdvice
public class Navigation {

    /** Path prefixes of each staff menu group, in the menu's order. */
    static final List<Map.Entry<String, List<String>>> AREAS = List.of(
            Map.entry("todo", List.of("/todo")),
            Map.entry(
                    "applications",
                    List.of(
                            "/secretariat/applications",
                            "/secretariat/consultations",
                            "/secretariat/claims",
                            "/reviews",
                            "/applications",
                            "/consultations")),
            Map.entry("registry", List.of("/secretariat/registry", "/account/registry")),
            Map.entry(
                    "market",
                    List.of("/secretariat/market", "/account/market", "/secretariat/exchange", "/account/exchange")),
            Map.entry("notices", List.of("/secretariat/notices")),
            Map.entry(
                    "administration",
                    List.of(
                            "/secretariat/users",
                            "/secretariat/audit",
                            "/secretariat/statistics",
                            "/secretariat/programmes",
                            "/admin")));

    /** Path prefixes of the signed-in user's own pages (the group 「自分の手続き」 of applicants and holders). */
    static final List<String> MINE =
            List.of("/applications", "/consultations", "/account/registry", "/account/market", "/account/exchange");

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return path(request);
    }

    @ModelAttribute("currentArea")
    String currentArea(HttpServletRequest request) {
        return area(path(request));
    }

    @ModelAttribute("currentMine")
    boolean currentMine(HttpServletRequest request) {
        String path = path(request);
        return MINE.stream().anyMatch(prefix -> under(path, prefix));
    }

    /** The staff menu group of a path, or "public". */
    static String area(String path) {
        for (Map.Entry<String, List<String>> area : AREAS) {
            for (String prefix : area.getValue()) {
                if (under(path, prefix)) {
                    return area.getKey();
                }
            }
        }
        return "public";
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ".");
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
