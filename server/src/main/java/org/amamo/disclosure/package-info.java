/**
 * Public read models: the home page, certified projects, statistics and exports. Depends on the other
 * features' published APIs; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure")
package org.amamo.disclosure;
