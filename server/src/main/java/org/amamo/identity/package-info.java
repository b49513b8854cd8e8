/**
 * Users, organisations, roles, login and personal API tokens (seed 003 "user registration", seed 002
 * "ユーザー管理"). Other features see the signed-in user as an {@link org.amamo.identity.AmamoPrincipal}
 * and look users up through {@link org.amamo.identity.UserDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.amamo.identity;
