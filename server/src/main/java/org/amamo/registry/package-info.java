/**
 * The registry (登録簿): where a credit exists. Serial-numbered blocks of 0.1 t-CO2 units in accounts, issued
 * from certified projects, transferred, retired and cancelled, with every operation appended to a hash-chained
 * journal (design.md, "The registry is a ledger"; issue 6).
 *
 * <p>Other features call {@link org.amamo.registry.CreditIssuance} to issue the credits of a certified project
 * and listen for {@link org.amamo.registry.CreditsIssued} and {@link org.amamo.registry.CreditsRetired}. The market
 * moves credits only through {@link org.amamo.registry.MarketSettlement} (escrow, delivery, retirement on a buyer's
 * behalf, release, batch transfers).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.amamo.registry;
