package org.amamo.application.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete reduction application for a hybrid tugboat replacing a diesel one in the port of Yokohama (seed 001,
 * table 6: ハイブリッドタグボートへの代替), by the fuel-switch method of methodology.md §7 under
 * {@code yokohama-2019-reduction}: the diesel tug would have burnt 100,000 L for the year's towing work, the hybrid
 * burnt 60,000 L, so (100 - 60) kL x 2.58 t-CO2/kL = 103.2 t-CO2. Used by the demo data and as the tests' fixture.
 */
final class TugboatForm {

    static final String VERSION = "yokohama-2019-reduction";
    static final String COMPONENT = "hybrid-tug";

    private TugboatForm() {}

    static ApplicationForm complete(String name, String holderEmail) {
        ApplicationForm form = new ApplicationForm();
        form.setProgrammeCode("YBC");
        form.setName(name);
        form.setCategories(new ArrayList<>(List.of("conservation")));
        form.setOverview("横浜港で曳航作業を行うディーゼルタグボートをハイブリッドタグボートに代替し、燃料使用量を削減している。");
        form.setRolesDescription("タグボート事業者が船舶を運航し、燃料の使用量を航海日誌と給油記録で管理する。");
        form.setWhyCredits("削減の価値を港の利用者に届け、次の代替の資金とするため。");
        form.setExtensionPlan("残るディーゼルタグボートを順次ハイブリッド船またはLNG燃料船に代替する。");
        form.setPeriodActivities("2025年度: ハイブリッドタグボート1隻で曳航作業を実施。");
        form.setStartDate(LocalDate.of(2017, 4, 1));
        form.setPrefecture("14");
        form.setImplementerType("COMPANY");
        form.setBaselineRationale("代替前のディーゼルタグボートの燃料記録（曳航時間当たりの使用量）を同じ曳航時間に換算した。");
        SheetForm sheet = form.getSheet();
        sheet.setType("reduction");
        sheet.setMethodologyVersion(VERSION);
        SheetForm.YearForm year = new SheetForm.YearForm();
        year.setStart(LocalDate.of(2025, 4, 1));
        SheetForm.ComponentForm tug = new SheetForm.ComponentForm();
        tug.setId(COMPONENT);
        tug.setMethod("reduction-fuel-switch");
        tug.setBaselineFuel("diesel");
        tug.setBaselineFuelLitres("100000");
        tug.setBaselineBasis("代替前のディーゼルタグボートの燃料記録を同じ曳航時間に換算");
        tug.setProjectFuel("diesel");
        tug.setProjectFuelLitres("60000");
        year.getComponents().add(tug);
        sheet.getYears().add(year);
        ApplicationForm.HolderForm holder = new ApplicationForm.HolderForm();
        holder.setEmail(holderEmail);
        holder.setSharePercent("100");
        holder.setContribution("タグボートの代替と運航");
        form.getHolders().add(holder);
        form.setQuality(statements());
        return form;
    }

    /** The tugboat's statements on the Core Carbon Principles (seed 003 table 2-1). */
    static QualityForm statements() {
        QualityForm quality = new QualityForm();
        quality.setAdditionality("ハイブリッドタグボートはディーゼル船より建造費が高く、法令による義務もない。差額の回収にクレジット" + "収益を充てている。");
        quality.setPermanence("排出削減であり、削減した排出が後に戻るおそれはない。");
        quality.setPermanenceMonitoring("航海日誌と給油記録を毎月集計し、年度ごとに燃料使用量を報告する。");
        quality.setSustainableDevelopment("港の大気汚染物質と騒音を減らし、周辺住民と作業員の健康に資する。");
        quality.setSdgs(new ArrayList<>(List.of(3, 7, 13)));
        quality.setNoDoubleCounting("削減量は本制度のみに申請し、船舶の燃料記録は他の制度の算定に用いていない。");
        quality.setNetZero("残るディーゼル船も順次代替する計画で、化石燃料の使用を増やす活動はない。");
        return quality;
    }
}
