package org.amamo.application.internal;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The project application form (seed 003 §2.2.1), every field, as the applicant edits it. A draft may
 * be saved with any field missing; {@link Completeness} lists what a submission still lacks.
 *
 * <p>In the API's JSON, a missing list or sheet is empty, but {@code null} for {@code plants},
 * {@code jointApplicants}, {@code holders} or {@code sheet} (or a null row in a list) is refused with a 400 naming
 * the field: send {@code []} for no rows. {@code categories: null} is read as no categories.
 */
public class ApplicationForm {

    static final int TEXT_MAX = 8000;
    /** The project's and the application's name, as the columns hold it. */
    public static final int NAME_MAX = 200;
    /** The chosen categories joined with commas. */
    static final int CATEGORIES_MAX = 200;

    /** The municipality (市区町村) as its column holds it. */
    static final int MUNICIPALITY_MAX = 100;

    static final int SITE_GEOJSON_MAX = 2_000_000;
    static final int EMAIL_MAX = 254;
    static final int MAX_ROWS = 50;

    private String programmeCode = org.amamo.programme.Programmes.DEFAULT_CODE;
    private String name;
    /** The pre-consultation (事前相談) this application follows, if any: one the owner opened. */
    private Long consultationId;

    private List<String> categories = new ArrayList<>();
    private String overview;
    private String rolesDescription;
    private String whyCredits;
    private String extensionPlan;
    private String periodActivities;
    private LocalDate startDate;
    private String prefecture;
    private String municipality;
    private List<String> coBenefits = new ArrayList<>();
    private String siteGeojson;
    private String areaBasis;
    private String coefficientBasis;
    private String baselineRationale;
    private List<PlantForm> plants = new ArrayList<>();
    private List<JointApplicantForm> jointApplicants = new ArrayList<>();
    private List<HolderForm> holders = new ArrayList<>();
    private SheetForm sheet = new SheetForm();
    private QualityForm quality = new QualityForm();
    private String implementerType;

    public String getProgrammeCode() {
        return programmeCode;
    }

    public void setProgrammeCode(String programmeCode) {
        this.programmeCode = programmeCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories == null ? new ArrayList<>() : categories;
    }

    public String getOverview() {
        return overview;
    }

    public void setOverview(String overview) {
        this.overview = overview;
    }

    public String getRolesDescription() {
        return rolesDescription;
    }

    public void setRolesDescription(String rolesDescription) {
        this.rolesDescription = rolesDescription;
    }

    public String getWhyCredits() {
        return whyCredits;
    }

    public void setWhyCredits(String whyCredits) {
        this.whyCredits = whyCredits;
    }

    public String getExtensionPlan() {
        return extensionPlan;
    }

    public void setExtensionPlan(String extensionPlan) {
        this.extensionPlan = extensionPlan;
    }

    public String getPeriodActivities() {
        return periodActivities;
    }

    public void setPeriodActivities(String periodActivities) {
        this.periodActivities = periodActivities;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public Long getConsultationId() {
        return consultationId;
    }

    public void setConsultationId(Long consultationId) {
        this.consultationId = consultationId;
    }

    public String getPrefecture() {
        return prefecture;
    }

    public void setPrefecture(String prefecture) {
        this.prefecture = prefecture;
    }

    /** The municipality (市区町村) of the site, beside its prefecture; disclosed on retirement records. */
    public String getMunicipality() {
        return municipality;
    }

    public void setMunicipality(String municipality) {
        this.municipality = municipality;
    }

    /** The project's co-benefits ({@link Completeness#CO_BENEFITS}); disclosed on retirement records. */
    public List<String> getCoBenefits() {
        return coBenefits;
    }

    public void setCoBenefits(List<String> coBenefits) {
        this.coBenefits = coBenefits == null ? new ArrayList<>() : coBenefits;
    }

    public String getSiteGeojson() {
        return siteGeojson;
    }

    public void setSiteGeojson(String siteGeojson) {
        this.siteGeojson = siteGeojson;
    }

    public String getAreaBasis() {
        return areaBasis;
    }

    public void setAreaBasis(String areaBasis) {
        this.areaBasis = areaBasis;
    }

    public String getCoefficientBasis() {
        return coefficientBasis;
    }

    public void setCoefficientBasis(String coefficientBasis) {
        this.coefficientBasis = coefficientBasis;
    }

    public String getBaselineRationale() {
        return baselineRationale;
    }

    public void setBaselineRationale(String baselineRationale) {
        this.baselineRationale = baselineRationale;
    }

    public List<PlantForm> getPlants() {
        return plants;
    }

    @JsonSetter(nulls = Nulls.FAIL, contentNulls = Nulls.FAIL)
    public void setPlants(List<PlantForm> plants) {
        this.plants = plants;
    }

    public List<JointApplicantForm> getJointApplicants() {
        return jointApplicants;
    }

    @JsonSetter(nulls = Nulls.FAIL, contentNulls = Nulls.FAIL)
    public void setJointApplicants(List<JointApplicantForm> jointApplicants) {
        this.jointApplicants = jointApplicants;
    }

    public List<HolderForm> getHolders() {
        return holders;
    }

    @JsonSetter(nulls = Nulls.FAIL, contentNulls = Nulls.FAIL)
    public void setHolders(List<HolderForm> holders) {
        this.holders = holders;
    }

    public SheetForm getSheet() {
        return sheet;
    }

    @JsonSetter(nulls = Nulls.FAIL)
    public void setSheet(SheetForm sheet) {
        this.sheet = sheet;
    }

    /** The statements on the Core Carbon Principles (issue 22 item 1); {@code null} in JSON is refused. */
    public QualityForm getQuality() {
        return quality;
    }

    @JsonSetter(nulls = Nulls.FAIL)
    public void setQuality(QualityForm quality) {
        this.quality = quality;
    }

    /**
     * The implementer type ({@link org.amamo.application.ImplementerType} name: fishery cooperative, municipality,
     * company ...), or null when not recorded; stored by {@link SurveyStore}.
     */
    public String getImplementerType() {
        return implementerType;
    }

    public void setImplementerType(String implementerType) {
        this.implementerType = implementerType;
    }

    /** A target plant (対象とする海洋植物): ecosystem, bed type, species, formula, aquaculture or not. */
    public static class PlantForm {
        private String ecosystem;
        private String bedType;
        private String species;
        private String formula = "area";
        private boolean aquaculture;

        public String getEcosystem() {
            return ecosystem;
        }

        public void setEcosystem(String ecosystem) {
            this.ecosystem = ecosystem;
        }

        public String getBedType() {
            return bedType;
        }

        public void setBedType(String bedType) {
            this.bedType = bedType;
        }

        public String getSpecies() {
            return species;
        }

        public void setSpecies(String species) {
            this.species = species;
        }

        public String getFormula() {
            return formula;
        }

        public void setFormula(String formula) {
            this.formula = formula;
        }

        public boolean isAquaculture() {
            return aquaculture;
        }

        public void setAquaculture(boolean aquaculture) {
            this.aquaculture = aquaculture;
        }
    }

    /** A joint applicant (共同申請者); the e-mail links a registered user, who may then edit too. */
    public static class JointApplicantForm {
        private String email;
        private String programmeCode = org.amamo.programme.Programmes.DEFAULT_CODE;
        private String name;
        private String organisation;
        private String title;
        private String address;
        private String corporateNumber;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getProgrammeCode() {
            return programmeCode;
        }

        public void setProgrammeCode(String programmeCode) {
            this.programmeCode = programmeCode;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getOrganisation() {
            return organisation;
        }

        public void setOrganisation(String organisation) {
            this.organisation = organisation;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getCorporateNumber() {
            return corporateNumber;
        }

        public void setCorporateNumber(String corporateNumber) {
            this.corporateNumber = corporateNumber;
        }
    }

    /** An initial holder (当初保有者): a registered user by e-mail, their share in percent and contribution. */
    public static class HolderForm {
        private String email;
        private String sharePercent;
        private String contribution;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getSharePercent() {
            return sharePercent;
        }

        public void setSharePercent(String sharePercent) {
            this.sharePercent = sharePercent;
        }

        public String getContribution() {
            return contribution;
        }

        public void setContribution(String contribution) {
            this.contribution = contribution;
        }
    }
}
