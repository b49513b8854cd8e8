/**
 * The staff's workspace: the to-do page each member of staff lands on after signing in, gathering what waits for
 * their roles from every feature's {@link org.amamo.platform.Worklist}. Depends on {@code identity} and
 * {@code platform} only; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace")
package org.amamo.workspace;
