/**
 * Shared ground of every feature: security filter chains, locale, time, the API's error format and the
 * page layout. Open to all features; it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.amamo.platform;
