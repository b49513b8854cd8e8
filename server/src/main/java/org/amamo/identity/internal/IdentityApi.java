package org.amamo.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.Role;
import org.amamo.identity.UserSummary;
import org.amamo.platform.ApiController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** REST API for users: who am I, and the secretariat's user management. */
@ApiController("/api/v1")
@Tag(name = "Users")
@SecurityRequirement(name = "apiToken")
class IdentityApi {

    private final UserAdministration administration;

    IdentityApi(UserAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The user the API token belongs to")
    UserSummary me(@AuthenticationPrincipal AmamoPrincipal user) {
        return administration.find(user.userId()).map(StoredUser::summary).orElseThrow();
    }

    @GetMapping("/users")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    @Operation(summary = "Search users by name, e-mail or organisation (secretariat)")
    List<UserSummary> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "0") int page) {
        return administration.search(q, role, page).stream()
                .map(StoredUser::summary)
                .toList();
    }

    /** The roles a user should hold from now on. */
    record RolesRequest(
            @NotNull(message = "{validation.required}") Set<@NotNull(message = "{validation.required}") Role> roles) {}

    /** Whether the account may log in and use its API tokens. */
    record EnabledRequest(
            @NotNull(message = "{validation.required}") Boolean enabled) {}

    @PutMapping("/users/{id}/roles")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    @Operation(summary = "Replace a user's roles (secretariat; secretariat and administrator roles: administrator)")
    @ApiResponse(responseCode = "200", description = "The user with the new roles")
    @ApiResponse(responseCode = "403", description = "The caller may not grant these roles")
    UserSummary assignRoles(
            @AuthenticationPrincipal AmamoPrincipal actor,
            @PathVariable long id,
            @Valid @RequestBody RolesRequest request) {
        administration.assignRoles(actor, id, request.roles()).orThrow();
        return summary(id);
    }

    @PutMapping("/users/{id}/enabled")
    @PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMINISTRATOR')")
    @Operation(summary = "Enable or disable a user's account (secretariat)")
    @ApiResponse(responseCode = "200", description = "The user")
    @ApiResponse(
            responseCode = "403",
            description = "The caller may not disable this account (itself, or an administrator)")
    UserSummary setEnabled(
            @AuthenticationPrincipal AmamoPrincipal actor,
            @PathVariable long id,
            @Valid @RequestBody EnabledRequest request) {
        administration.setEnabled(actor, id, request.enabled()).orThrow();
        return summary(id);
    }

    private UserSummary summary(long id) {
        return administration.find(id).map(StoredUser::summary).orElseThrow();
    }
}
