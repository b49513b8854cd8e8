package org.amamo.application.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A complete application form for an eelgrass bed measured by the area method, modelled on seed 001's
 * Yokohama site; used by the demo data and as the tests' fixture.
 */
final class EelgrassForm {

    /** The Yokohama site's extent in degrees: about 300 m east-west and 260 m north-south. */
    private static final BigDecimal SITE_WIDTH = new BigDecimal("0.003304");

    private static final BigDecimal SITE_HEIGHT = new BigDecimal("0.002343");
    private static final BigDecimal SITE_AREA_HECTARES = new BigDecimal("7.8");
    /** Sites are laid out ten to a row, 0.006 degrees apart east-west and 0.004 north-south, so none overlap. */
    private static final int SITES_PER_ROW = 10;

    private static final AtomicInteger NEXT_SITE = new AtomicInteger();

    private EelgrassForm() {}

    /**
     * A site of about {@code areaHectares} (the Yokohama site's height, its width scaled), at the {@code index}th place
     * of a grid starting at the Yokohama site: every form gets a site of its own, so that no two demo or test
     * projects claim the same sea (one tonne is certified once). Place 0 with 7.8 ha is the Yokohama site itself.
     */
    static String site(int index, String areaHectares) {
        BigDecimal width = SITE_WIDTH;
        try {
            BigDecimal area = new BigDecimal(areaHectares.strip());
            if (area.signum() > 0 && area.compareTo(SITE_AREA_HECTARES) <= 0) {
                width = SITE_WIDTH.multiply(area).divide(SITE_AREA_HECTARES, 6, RoundingMode.HALF_UP);
            }
        } catch (NumberFormatException | NullPointerException notAnArea) {
            // A test of a malformed area still gets a site of the standard size.
        }
        int place = index % (SITES_PER_ROW * 100);
        BigDecimal west = new BigDecimal("139.6270")
                .add(new BigDecimal("0.006").multiply(BigDecimal.valueOf(place % SITES_PER_ROW)));
        BigDecimal south = new BigDecimal("35.3330")
                .subtract(new BigDecimal("0.004").multiply(BigDecimal.valueOf(place / SITES_PER_ROW)));
        String east = west.add(width).toPlainString();
        String north = south.add(SITE_HEIGHT).toPlainString();
        String w = west.toPlainString();
        String s = south.toPlainString();
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + w + "," + s + "],[" + east + "," + s + "],[" + east + ","
                + north + "],[" + w + "," + north + "],[" + w + "," + s + "]]]}";
    }

    static ApplicationForm complete(String name, String areaHectares, String holderEmail) {
        ApplicationForm form = new ApplicationForm();
        form.setName(name);
        form.setCategories(new ArrayList<>(List.of("restoration")));
        form.setOverview("漁業者と市民ボランティアがアマモの種を採取・播種し、アマモ場を再生している。");
        form.setRolesDescription("横浜市漁業協同組合が播種と潜水調査を行い、市民団体が種の選別を担う。");
        form.setWhyCredits("クレジットの収益で播種と調査を継続するため。");
        form.setExtensionPlan("クレジット収益で播種面積を毎年1haずつ拡大する。");
        form.setPeriodActivities("2025年度: 播種2回、潜水による被度調査4回、市民向け観察会。");
        form.setStartDate(LocalDate.of(2015, 4, 1));
        form.setPrefecture("14");
        form.setMunicipality("横浜市金沢区");
        form.setCoBenefits(new ArrayList<>(List.of("biodiversity", "water-quality", "education")));
        form.setImplementerType("FISHERY_COOPERATIVE");
        form.setSiteGeojson(site(NEXT_SITE.getAndIncrement(), areaHectares));
        form.setAreaBasis("2025年8月の潜水調査（GPS付き水中写真による縁辺の記録）と被度階級から面積を算定。");
        form.setCoefficientBasis("方法論の既定値（海草藻場 1.58 t-CO2/ha/年、IPCC湿地ガイドライン）。");
        form.setBaselineRationale("活動開始前は裸地であり、ベースライン吸収量は0とした。");
        ApplicationForm.PlantForm plant = new ApplicationForm.PlantForm();
        plant.setEcosystem("seagrass");
        plant.setSpecies("アマモ (Zostera marina)");
        plant.setFormula("area");
        form.getPlants().add(plant);
        SheetForm.YearForm year = new SheetForm.YearForm();
        year.setStart(LocalDate.of(2025, 4, 1));
        year.setBaselineT("0");
        SheetForm.ComponentForm eelgrass = new SheetForm.ComponentForm();
        eelgrass.setId("eelgrass");
        eelgrass.setMethod("area");
        eelgrass.setEcosystem("seagrass");
        eelgrass.setAreaHa(areaHectares);
        eelgrass.setSurveyMethods(new ArrayList<>(List.of("UNDERWATER_PHOTO", "DIVER_WALK")));
        eelgrass.setSurveyDate(LocalDate.of(2025, 8, 20));
        eelgrass.setCoefficientBasisType("LITERATURE");
        year.getComponents().add(eelgrass);
        form.getSheet().getYears().add(year);
        ApplicationForm.HolderForm holder = new ApplicationForm.HolderForm();
        holder.setEmail(holderEmail);
        holder.setSharePercent("100");
        holder.setContribution("播種・調査の実施");
        form.getHolders().add(holder);
        form.setQuality(statements());
        return form;
    }

    /** The eelgrass bed's statements on the Core Carbon Principles (seed 003 table 2-1). */
    static QualityForm statements() {
        QualityForm quality = new QualityForm();
        quality.setAdditionality("播種と調査の費用は漁協と市民団体の持ち出しで、補助金は受けていない。クレジットの収益がなければ" + "播種面積を維持できず、アマモ場は活動前の裸地に戻る。");
        quality.setPermanence("台風や高水温でアマモ場が衰退するおそれがある。衰退した区画は翌年に播種し直す。");
        quality.setPermanenceMonitoring("毎年8月に潜水調査で縁辺と被度を記録し、クレジット期間の後も10年間は面積を公表する。");
        quality.setSustainableDevelopment("稚魚の育成場となり漁業資源を支え、市民向け観察会で海の環境学習の場となる。");
        quality.setSdgs(new ArrayList<>(List.of(4, 13, 14)));
        quality.setNoDoubleCounting("同じ海域で他の制度にクレジットを申請しておらず、システムの重複確認でも重なる申請はない。");
        quality.setNetZero("活動は船外機付きの小型船2隻のみで、その燃料もCO2算定で差し引いている。化石燃料の使用を増やす活動はない。");
        return quality;
    }
}
