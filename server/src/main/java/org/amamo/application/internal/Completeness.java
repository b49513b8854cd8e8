package org.amamo.application.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.amamo.identity.CorporateNumber;
import org.amamo.platform.Prefectures;
import org.amamo.platform.Refusal;

/**
 * What a submission must hold (seed 003 §2.2.1): every field of the form, a valid site, a CO2 form the
 * methodology accepts, a basis for the area with its evidence attached, and initial holders who are
 * registered users with shares totalling exactly 100%. Lists every missing or wrong field at once.
 *
 * <p>A reduction sheet (methodology.md §7: a tugboat's fuel switch, a heat pump, avoided transport) concerns
 * no plants and no area: it needs neither target plants, a site, an area basis nor a coefficient basis; its
 * evidence is the baseline's (purpose {@code BASELINE}, e.g. the replaced vessel's fuel log) and its
 * baseline rationale says how the baseline was estimated.
 */
final class Completeness {

    static final Set<String> CATEGORIES = Set.of("conservation", "restoration", "creation", "aquaculture");
    /**
     * Co-benefits a project may state (seed 001: water purification, biodiversity, amenity and tourism, resources
     * and food; coastal protection and environmental learning as blue-carbon projects commonly claim).
     */
    static final List<String> CO_BENEFITS =
            List.of("biodiversity", "water-quality", "fisheries", "coastal-protection", "tourism", "education");

    static final Set<String> ECOSYSTEMS = Set.of("seagrass", "seaweed", "tidal-flat", "mangrove", "seaweed-farm");
    static final Set<String> FORMULAS = Set.of("area", "farm-biomass", "rope-length");
    /** Component methods of a removal sheet, in the order the form offers them. */
    static final List<String> REMOVAL_METHODS = List.of("area", "farm-biomass", "rope-length");
    /** Component methods of a reduction sheet (methodology.md §7), in the order the form offers them. */
    static final List<String> REDUCTION_METHODS =
            List.of("reduction-fuel-switch", "reduction-electricity", "reduction-transport");

    static final BigDecimal HUNDRED = new BigDecimal("100");

    private Completeness() {}

    /** Rules on the form alone, checked on every save too (a draft may be incomplete but never wrong). */
    static List<Refusal> wrongFields(ApplicationForm form, ResolvedPeople people) {
        List<Refusal> refusals = new ArrayList<>();
        textLimits(form, refusals);
        for (String category : form.getCategories()) {
            if (!CATEGORIES.contains(category)) {
                refusals.add(Refusal.of("categories", "application.category.unknown", category));
            }
        }
        for (String benefit : form.getCoBenefits()) {
            if (!CO_BENEFITS.contains(benefit)) {
                refusals.add(Refusal.of("coBenefits", "quality.co-benefit.unknown", benefit));
            }
        }
        if (form.getPrefecture() != null
                && !form.getPrefecture().isBlank()
                && !Prefectures.known(form.getPrefecture())) {
            refusals.add(Refusal.of("prefecture", "application.prefecture.unknown"));
        }
        if (form.getSheet().getType() != null
                && !form.getSheet().getType().isBlank()
                && !List.of("removal", "reduction").contains(form.getSheet().getType())) {
            refusals.add(Refusal.of("sheet.type", "application.type.unknown"));
        }
        rows(form, refusals);
        for (int i = 0; i < form.getJointApplicants().size(); i++) {
            String number = form.getJointApplicants().get(i).getCorporateNumber();
            if (number != null && !number.isBlank() && !CorporateNumber.isValid(number.strip())) {
                refusals.add(Refusal.of("jointApplicants[" + i + "].corporateNumber", "validation.corporate-number"));
            }
            String email = form.getJointApplicants().get(i).getEmail();
            if (email != null
                    && !email.isBlank()
                    && people.jointApplicantUserIds().get(i) == null) {
                refusals.add(Refusal.of("jointApplicants[" + i + "].email", "application.user.unknown"));
            }
        }
        holders(form, people, refusals, false);
        refusals.addAll(QualityChecklist.wrongFields(form.getQuality()));
        return refusals;
    }

    /**
     * Everything a submission still lacks, beyond {@link #wrongFields}. {@code hasEvidence}: the area survey
     * is attached (removal), or the baseline's evidence (reduction).
     */
    static List<Refusal> missingFields(ApplicationForm form, ResolvedPeople people, boolean hasEvidence) {
        boolean reduction = form.getSheet().reduction();
        List<Refusal> refusals = new ArrayList<>();
        required(form.getName(), "name", refusals);
        if (form.getCategories().isEmpty()) {
            refusals.add(Refusal.of("categories", "application.categories.required"));
        }
        required(form.getOverview(), "overview", refusals);
        required(form.getRolesDescription(), "rolesDescription", refusals);
        required(form.getWhyCredits(), "whyCredits", refusals);
        required(form.getExtensionPlan(), "extensionPlan", refusals);
        required(form.getPeriodActivities(), "periodActivities", refusals);
        if (form.getStartDate() == null) {
            refusals.add(Refusal.of("startDate", "validation.required"));
        }
        required(form.getPrefecture(), "prefecture", refusals);
        if (!reduction) {
            required(form.getSiteGeojson(), "siteGeojson", refusals);
            if (form.getPlants().isEmpty()) {
                refusals.add(Refusal.of("plants", "application.plants.required"));
            }
            required(form.getAreaBasis(), "areaBasis", refusals);
            required(form.getCoefficientBasis(), "coefficientBasis", refusals);
        }
        required(form.getBaselineRationale(), "baselineRationale", refusals);
        if (!hasEvidence) {
            refusals.add(Refusal.of(
                    "attachments",
                    reduction ? "application.baseline-evidence.required" : "application.area-evidence.required"));
        }
        if (form.getHolders().isEmpty()) {
            refusals.add(Refusal.of("holders", "application.holders.required"));
        } else {
            holders(form, people, refusals, true);
        }
        return refusals;
    }

    private static void holders(ApplicationForm form, ResolvedPeople people, List<Refusal> refusals, boolean total) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < form.getHolders().size(); i++) {
            ApplicationForm.HolderForm holder = form.getHolders().get(i);
            if (holder.getEmail() != null
                    && !holder.getEmail().isBlank()
                    && people.holderUserIds().get(i) == null) {
                refusals.add(Refusal.of("holders[" + i + "].email", "application.user.unknown"));
            }
            BigDecimal share = people.holderShares().get(i);
            boolean given = holder.getSharePercent() != null
                    && !holder.getSharePercent().isBlank();
            if (given && (share == null || share.signum() <= 0 || share.compareTo(HUNDRED) > 0 || share.scale() > 2)) {
                refusals.add(Refusal.of("holders[" + i + "].sharePercent", "application.share.invalid"));
            }
            sum = share == null ? sum : sum.add(share);
        }
        if (total && sum.compareTo(HUNDRED) != 0) {
            refusals.add(Refusal.of(
                    "holders",
                    "application.shares.total",
                    sum.stripTrailingZeros().toPlainString()));
        }
    }

    private static void rows(ApplicationForm form, List<Refusal> refusals) {
        if (form.getPlants().size() > ApplicationForm.MAX_ROWS
                || form.getHolders().size() > ApplicationForm.MAX_ROWS
                || form.getJointApplicants().size() > ApplicationForm.MAX_ROWS) {
            refusals.add(Refusal.of("$", "application.rows.limit", ApplicationForm.MAX_ROWS));
        }
        for (int i = 0; i < form.getPlants().size(); i++) {
            ApplicationForm.PlantForm plant = form.getPlants().get(i);
            if (plant.getEcosystem() == null || !ECOSYSTEMS.contains(plant.getEcosystem())) {
                refusals.add(Refusal.of("plants[" + i + "].ecosystem", "application.ecosystem.unknown"));
            }
            if (plant.getFormula() == null || !FORMULAS.contains(plant.getFormula())) {
                refusals.add(Refusal.of("plants[" + i + "].formula", "application.formula.unknown"));
            }
            if (plant.getSpecies() == null || plant.getSpecies().isBlank()) {
                refusals.add(Refusal.of("plants[" + i + "].species", "validation.required"));
            }
        }
    }

    private static void textLimits(ApplicationForm form, List<Refusal> refusals) {
        limit(form.getName(), "name", ApplicationForm.NAME_MAX, refusals);
        limit(String.join(",", form.getCategories()), "categories", ApplicationForm.CATEGORIES_MAX, refusals);
        limit(form.getMunicipality(), "municipality", ApplicationForm.MUNICIPALITY_MAX, refusals);
        limit(form.getSiteGeojson(), "siteGeojson", ApplicationForm.SITE_GEOJSON_MAX, refusals);
        limit(form.getOverview(), "overview", ApplicationForm.TEXT_MAX, refusals);
        limit(form.getRolesDescription(), "rolesDescription", ApplicationForm.TEXT_MAX, refusals);
        limit(form.getWhyCredits(), "whyCredits", ApplicationForm.TEXT_MAX, refusals);
        limit(form.getExtensionPlan(), "extensionPlan", ApplicationForm.TEXT_MAX, refusals);
        limit(form.getPeriodActivities(), "periodActivities", ApplicationForm.TEXT_MAX, refusals);
        limit(form.getAreaBasis(), "areaBasis", ApplicationForm.TEXT_MAX, refusals);
        limit(form.getCoefficientBasis(), "coefficientBasis", ApplicationForm.TEXT_MAX, refusals);
        limit(form.getBaselineRationale(), "baselineRationale", ApplicationForm.TEXT_MAX, refusals);
        rowTextLimits(form, refusals);
    }

    /** The rows' text against their columns' sizes (V5__application.sql), so the database never refuses a save. */
    private static void rowTextLimits(ApplicationForm form, List<Refusal> refusals) {
        for (int i = 0; i < form.getPlants().size(); i++) {
            ApplicationForm.PlantForm plant = form.getPlants().get(i);
            limit(plant.getSpecies(), "plants[" + i + "].species", 200, refusals);
            limit(plant.getBedType(), "plants[" + i + "].bedType", 40, refusals);
        }
        for (int i = 0; i < form.getJointApplicants().size(); i++) {
            ApplicationForm.JointApplicantForm joint = form.getJointApplicants().get(i);
            String row = "jointApplicants[" + i + "].";
            limit(joint.getEmail(), row + "email", ApplicationForm.EMAIL_MAX, refusals);
            limit(joint.getName(), row + "name", 100, refusals);
            limit(joint.getOrganisation(), row + "organisation", 200, refusals);
            limit(joint.getTitle(), row + "title", 100, refusals);
            limit(joint.getAddress(), row + "address", 300, refusals);
        }
        for (int i = 0; i < form.getHolders().size(); i++) {
            ApplicationForm.HolderForm holder = form.getHolders().get(i);
            limit(holder.getEmail(), "holders[" + i + "].email", ApplicationForm.EMAIL_MAX, refusals);
            limit(holder.getSharePercent(), "holders[" + i + "].sharePercent", 20, refusals);
            limit(holder.getContribution(), "holders[" + i + "].contribution", 2000, refusals);
        }
    }

    private static void required(String value, String field, List<Refusal> refusals) {
        if (value == null || value.isBlank()) {
            refusals.add(Refusal.of(field, "validation.required"));
        }
    }

    private static void limit(String value, String field, int max, List<Refusal> refusals) {
        if (value != null && value.length() > max) {
            refusals.add(Refusal.of(field, "application.text.too-long", max));
        }
    }
}
