/**
 * Claims (one tonne certified once): the double-issuance guard. A claim is an application's site and its
 * crediting years (and, for reductions, the assets it claims). At submission and again at certification a claim
 * is compared with every certified claim and every claim under review, in every programme:
 *
 * <ul>
 *   <li>the same project may not claim a crediting year it already has certified: refused at that year's field,
 *       naming the certified batch;
 *   <li>another project's claim conflicts when the sites share more than {@link ClaimConflict#SLIVER_HECTARES}
 *       hectares in an overlapping crediting year (smaller slivers from digitising are reported, not refused);
 *       certification is refused while a conflict with a certified or an earlier-submitted claim is unresolved,
 *       until the site is redrawn or the secretariat records a determination;
 *   <li>a reduction asset may not be claimed twice in overlapping years.
 * </ul>
 *
 * <p>Owns the tables {@code claim}, {@code claim_year}, {@code claim_asset} and {@code claim_determination}.
 * The application workflow calls {@link org.amamo.claim.ClaimRegister} at submission, certification, rejection
 * and withdrawal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Claims (double-issuance guard)")
package org.amamo.claim;
