/**
 * Crediting programmes hosted by one installation (issue 8): JBE's J Blue Credit and the City of Yokohama's
 * Blue Carbon Offset scheme, each with its names, operator, certifier, serial prefix and the methodology
 * versions it accepts. Other features read them through {@link org.amamo.programme.Programmes}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programmes")
package org.amamo.programme;
