package org.amamo.application.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amamo.application.CertifiedUptakes;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.calculation.AreaComponent;
import org.amamo.methodology.calculation.CalculationResult;
import org.amamo.methodology.calculation.CalculationSheet;
import org.amamo.methodology.calculation.Component;
import org.amamo.methodology.calculation.ComponentResult;
import org.amamo.methodology.calculation.CreditCalculator;
import org.amamo.methodology.calculation.CreditingYear;
import org.amamo.methodology.calculation.RemovalYearResult;
import org.amamo.methodology.calculation.SheetJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the sheet as certified and calculates it again with the methodology library (its tables never change, so the
 * figures are those certified), then sums each component's uptake under its ecosystem.
 */
@Service
@Transactional(readOnly = true)
class CertifiedUptakeQuery implements CertifiedUptakes {

    static final String SEAWEED_FARM = "seaweed-farm";

    private final JdbcClient jdbc;
    private final CreditCalculator calculator = CreditCalculator.standard();

    CertifiedUptakeQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, BigDecimal> byEcosystem(long applicationId) {
        List<String> sheets = jdbc.sql("SELECT certified_sheet FROM application WHERE id = ? AND status = 'CERTIFIED'")
                .param(applicationId)
                .query(String.class)
                .list();
        if (sheets.isEmpty() || sheets.get(0) == null) {
            return Map.of();
        }
        if (!(SheetJson.read(sheets.get(0)) instanceof Verdict.Accepted<CalculationSheet> sheet)
                || !(calculator.calculate(sheet.value()) instanceof Verdict.Accepted<CalculationResult> result)) {
            return Map.of();
        }
        return byEcosystem(sheet.value(), result.value());
    }

    /** Each removal component's uptake under its ecosystem; the result's years and components are the sheet's. */
    static Map<String, BigDecimal> byEcosystem(CalculationSheet sheet, CalculationResult result) {
        Map<String, BigDecimal> uptakes = new LinkedHashMap<>();
        List<RemovalYearResult> years = result.removalYears();
        for (int y = 0; y < years.size() && y < sheet.years().size(); y++) {
            CreditingYear year = sheet.years().get(y);
            Map<String, String> ecosystems = new LinkedHashMap<>();
            for (Component component : year.components()) {
                ecosystems.put(
                        component.id(), component instanceof AreaComponent area ? area.ecosystem() : SEAWEED_FARM);
            }
            for (ComponentResult component : years.get(y).components()) {
                String ecosystem = ecosystems.get(component.id());
                if (ecosystem != null) {
                    uptakes.merge(ecosystem, component.uptakeTonnesCo2(), BigDecimal::add);
                }
            }
        }
        return uptakes;
    }
}
