package org.amamo.application.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete application form for an eelgrass bed measured by the area method, modelled on seed 001's
 * Yokohama site; used by the demo data and as the tests' fixture.
 */
final class EelgrassForm {

    /** About 300 m x 260 m of the shallows off Yokohama's Umi-no-Koen beach: close to 7.8 ha. */
    static final String YOKOHAMA_SITE = "{\"type\":\"Polygon\",\"coordinates\":[[[139.6270,35.3330],"
            + "[139.630304,35.3330],[139.630304,35.335343],[139.6270,35.335343],[139.6270,35.3330]]]}";

    private EelgrassForm() {}

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
        form.setSiteGeojson(YOKOHAMA_SITE);
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
        year.getComponents().add(eelgrass);
        form.getSheet().getYears().add(year);
        ApplicationForm.HolderForm holder = new ApplicationForm.HolderForm();
        holder.setEmail(holderEmail);
        holder.setSharePercent("100");
        holder.setContribution("播種・調査の実施");
        form.getHolders().add(holder);
        return form;
    }
}
