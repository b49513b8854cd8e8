package org.amamo.application.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CO2 calculation form (CO2吸収量算定フォーム) as the applicant fills it in. Its fields carry the names
 * of the calculation-sheet contract (methodology.md §6), so Jackson writes it as the very sheet the
 * methodology library reads; blank fields are left out. Numbers stay text, which the contract reads exactly.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class SheetForm {

    private String type = "removal";
    private String methodologyVersion;
    private LocalDate applicationDate;
    private List<YearForm> years = new ArrayList<>();

    /** {@code removal} (uptake by ecosystems and farms) or {@code reduction} (methodology.md §7). */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Whether the sheet certifies reductions; anything else is read as a removal sheet, as the library does. */
    public boolean reduction() {
        return "reduction".equals(type);
    }

    /** Component id to method, over every crediting year; the first year that names a component gives its method. */
    Map<String, String> componentMethods() {
        Map<String, String> methods = new LinkedHashMap<>();
        for (YearForm year : years) {
            for (ComponentForm component : year.getComponents()) {
                methods.putIfAbsent(component.getId(), component.getMethod());
            }
        }
        return methods;
    }

    /** Writes the committee's certainty (per component id, per factor) into every year's components. */
    void applyCertainty(Map<String, Map<String, BigDecimal>> certainty) {
        for (YearForm year : years) {
            for (ComponentForm component : year.getComponents()) {
                Map<String, BigDecimal> factors = certainty.getOrDefault(component.getId(), Map.of());
                component.setAreaCertainty(text(factors.get("areaCertainty")));
                component.setCoefficientCertainty(text(factors.get("coefficientCertainty")));
                component.setCertainty(text(factors.get("certainty")));
            }
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    public String getMethodologyVersion() {
        return methodologyVersion;
    }

    public void setMethodologyVersion(String methodologyVersion) {
        this.methodologyVersion = methodologyVersion;
    }

    public LocalDate getApplicationDate() {
        return applicationDate;
    }

    public void setApplicationDate(LocalDate applicationDate) {
        this.applicationDate = applicationDate;
    }

    public List<YearForm> getYears() {
        return years;
    }

    public void setYears(List<YearForm> years) {
        this.years = years;
    }

    /** One crediting year: its start, its components, the baseline uptake and the survey vessels. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public static class YearForm {
        private LocalDate start;
        private List<ComponentForm> components = new ArrayList<>();
        private String baselineT;
        private List<VesselForm> vessels = new ArrayList<>();

        public LocalDate getStart() {
            return start;
        }

        public void setStart(LocalDate start) {
            this.start = start;
        }

        public List<ComponentForm> getComponents() {
            return components;
        }

        public void setComponents(List<ComponentForm> components) {
            this.components = components;
        }

        public String getBaselineT() {
            return baselineT;
        }

        public void setBaselineT(String baselineT) {
            this.baselineT = baselineT;
        }

        public List<VesselForm> getVessels() {
            return vessels;
        }

        public void setVessels(List<VesselForm> vessels) {
            this.vessels = vessels;
        }
    }

    /**
     * One component: on a removal sheet an ecosystem or farmed species (area x coefficient, farm biomass,
     * culture-rope length); on a reduction sheet a fuel switch, an electricity saving or avoided transport, with
     * every input factor's source (methodology.md §7). Only the fields of the component's method are filled in.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public static class ComponentForm {
        private String id;
        private String method = "area";
        private String ecosystem;
        private String areaHa;
        private String coefficient;
        private String biomassTww;
        private String ropeLengthM;
        private String yieldKgWwPerM;
        private String pb;
        private String waterContent;
        private String carbonContent;
        private String residualRate;
        private String areaCertainty;
        private String coefficientCertainty;
        private String certainty;
        private String parameterSource;
        private String baselineFuel;
        private String baselineFuelLitres;
        private String baselineFuelTonnes;
        private String baselineBasis;
        private String projectFuel;
        private String projectFuelLitres;
        private String projectFuelTonnes;
        private String baselineElectricityKwh;
        private String projectElectricityKwh;
        private String gridFactorTCo2PerKwh;
        private String gridFactorSource;
        private String avoidedTonneKm;
        private String transportFactorTCo2PerTonneKm;
        private String transportFactorSource;
        private String assetId;
        private List<String> surveyMethods = new ArrayList<>();
        private LocalDate surveyDate;
        private String coefficientBasisType;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }

        public String getEcosystem() {
            return ecosystem;
        }

        public void setEcosystem(String ecosystem) {
            this.ecosystem = ecosystem;
        }

        public String getAreaHa() {
            return areaHa;
        }

        public void setAreaHa(String areaHa) {
            this.areaHa = areaHa;
        }

        public String getCoefficient() {
            return coefficient;
        }

        public void setCoefficient(String coefficient) {
            this.coefficient = coefficient;
        }

        public String getBiomassTww() {
            return biomassTww;
        }

        public void setBiomassTww(String biomassTww) {
            this.biomassTww = biomassTww;
        }

        public String getRopeLengthM() {
            return ropeLengthM;
        }

        public void setRopeLengthM(String ropeLengthM) {
            this.ropeLengthM = ropeLengthM;
        }

        public String getYieldKgWwPerM() {
            return yieldKgWwPerM;
        }

        public void setYieldKgWwPerM(String yieldKgWwPerM) {
            this.yieldKgWwPerM = yieldKgWwPerM;
        }

        public String getPb() {
            return pb;
        }

        public void setPb(String pb) {
            this.pb = pb;
        }

        public String getWaterContent() {
            return waterContent;
        }

        public void setWaterContent(String waterContent) {
            this.waterContent = waterContent;
        }

        public String getCarbonContent() {
            return carbonContent;
        }

        public void setCarbonContent(String carbonContent) {
            this.carbonContent = carbonContent;
        }

        public String getResidualRate() {
            return residualRate;
        }

        public void setResidualRate(String residualRate) {
            this.residualRate = residualRate;
        }

        public String getAreaCertainty() {
            return areaCertainty;
        }

        public void setAreaCertainty(String areaCertainty) {
            this.areaCertainty = areaCertainty;
        }

        public String getCoefficientCertainty() {
            return coefficientCertainty;
        }

        public void setCoefficientCertainty(String coefficientCertainty) {
            this.coefficientCertainty = coefficientCertainty;
        }

        public String getCertainty() {
            return certainty;
        }

        public void setCertainty(String certainty) {
            this.certainty = certainty;
        }

        public String getParameterSource() {
            return parameterSource;
        }

        public void setParameterSource(String parameterSource) {
            this.parameterSource = parameterSource;
        }

        public String getBaselineFuel() {
            return baselineFuel;
        }

        public void setBaselineFuel(String baselineFuel) {
            this.baselineFuel = baselineFuel;
        }

        public String getBaselineFuelLitres() {
            return baselineFuelLitres;
        }

        public void setBaselineFuelLitres(String baselineFuelLitres) {
            this.baselineFuelLitres = baselineFuelLitres;
        }

        public String getBaselineFuelTonnes() {
            return baselineFuelTonnes;
        }

        public void setBaselineFuelTonnes(String baselineFuelTonnes) {
            this.baselineFuelTonnes = baselineFuelTonnes;
        }

        public String getBaselineBasis() {
            return baselineBasis;
        }

        public void setBaselineBasis(String baselineBasis) {
            this.baselineBasis = baselineBasis;
        }

        public String getProjectFuel() {
            return projectFuel;
        }

        public void setProjectFuel(String projectFuel) {
            this.projectFuel = projectFuel;
        }

        public String getProjectFuelLitres() {
            return projectFuelLitres;
        }

        public void setProjectFuelLitres(String projectFuelLitres) {
            this.projectFuelLitres = projectFuelLitres;
        }

        public String getProjectFuelTonnes() {
            return projectFuelTonnes;
        }

        public void setProjectFuelTonnes(String projectFuelTonnes) {
            this.projectFuelTonnes = projectFuelTonnes;
        }

        public String getBaselineElectricityKwh() {
            return baselineElectricityKwh;
        }

        public void setBaselineElectricityKwh(String baselineElectricityKwh) {
            this.baselineElectricityKwh = baselineElectricityKwh;
        }

        public String getProjectElectricityKwh() {
            return projectElectricityKwh;
        }

        public void setProjectElectricityKwh(String projectElectricityKwh) {
            this.projectElectricityKwh = projectElectricityKwh;
        }

        public String getGridFactorTCo2PerKwh() {
            return gridFactorTCo2PerKwh;
        }

        public void setGridFactorTCo2PerKwh(String gridFactorTCo2PerKwh) {
            this.gridFactorTCo2PerKwh = gridFactorTCo2PerKwh;
        }

        public String getGridFactorSource() {
            return gridFactorSource;
        }

        public void setGridFactorSource(String gridFactorSource) {
            this.gridFactorSource = gridFactorSource;
        }

        public String getAvoidedTonneKm() {
            return avoidedTonneKm;
        }

        public void setAvoidedTonneKm(String avoidedTonneKm) {
            this.avoidedTonneKm = avoidedTonneKm;
        }

        public String getTransportFactorTCo2PerTonneKm() {
            return transportFactorTCo2PerTonneKm;
        }

        public void setTransportFactorTCo2PerTonneKm(String transportFactorTCo2PerTonneKm) {
            this.transportFactorTCo2PerTonneKm = transportFactorTCo2PerTonneKm;
        }

        public String getTransportFactorSource() {
            return transportFactorSource;
        }

        public void setTransportFactorSource(String transportFactorSource) {
            this.transportFactorSource = transportFactorSource;
        }

        /** The reduction's asset (a vessel's registration number, a device's serial), claimed once per year. */
        public String getAssetId() {
            return assetId;
        }

        public void setAssetId(String assetId) {
            this.assetId = assetId;
        }

        /**
         * An area component's survey methods ({@link org.amamo.application.SurveyMethod} names). Recorded with the
         * application ({@link SurveyStore}), never written into the calculation sheet.
         */
        public List<String> getSurveyMethods() {
            return surveyMethods;
        }

        public void setSurveyMethods(List<String> surveyMethods) {
            this.surveyMethods = surveyMethods == null ? new ArrayList<>() : surveyMethods;
        }

        /** The day the area component was surveyed; not part of the calculation sheet. */
        public LocalDate getSurveyDate() {
            return surveyDate;
        }

        public void setSurveyDate(LocalDate surveyDate) {
            this.surveyDate = surveyDate;
        }

        /**
         * Where the coefficient comes from ({@link org.amamo.application.CoefficientBasisType} name: literature or
         * own measurement); not part of the calculation sheet.
         */
        public String getCoefficientBasisType() {
            return coefficientBasisType;
        }

        public void setCoefficientBasisType(String coefficientBasisType) {
            this.coefficientBasisType = coefficientBasisType;
        }
    }

    /** A survey vessel (調査時に使用した船舶): measured fuel, or count x hours x rated power x consumption. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public static class VesselForm {
        private String kind;
        private String fuel;
        private String fuelLitres;
        private String count;
        private String hours;
        private String ratedKw;
        private String fuelLitresPerKwh;

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getFuel() {
            return fuel;
        }

        public void setFuel(String fuel) {
            this.fuel = fuel;
        }

        public String getFuelLitres() {
            return fuelLitres;
        }

        public void setFuelLitres(String fuelLitres) {
            this.fuelLitres = fuelLitres;
        }

        public String getCount() {
            return count;
        }

        public void setCount(String count) {
            this.count = count;
        }

        public String getHours() {
            return hours;
        }

        public void setHours(String hours) {
            this.hours = hours;
        }

        public String getRatedKw() {
            return ratedKw;
        }

        public void setRatedKw(String ratedKw) {
            this.ratedKw = ratedKw;
        }

        public String getFuelLitresPerKwh() {
            return fuelLitresPerKwh;
        }

        public void setFuelLitresPerKwh(String fuelLitresPerKwh) {
            this.fuelLitresPerKwh = fuelLitresPerKwh;
        }
    }
}
