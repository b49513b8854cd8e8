package org.amamo.methodology.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.calculation.SheetJson;
import org.amamo.methodology.geometry.GeoJsonSites;
import org.amamo.methodology.geometry.GeodesicArea;
import org.amamo.methodology.geometry.Overlap;
import org.amamo.methodology.geometry.OverlapIndex;
import org.amamo.methodology.geometry.Site;
import org.amamo.methodology.geometry.SiteGeometry;
import org.amamo.methodology.geometry.SurveyTrackImport;

/** The commands beyond calculate; each returns an exit code. */
final class Commands {

    /** Areas are printed with six decimals of a hectare, i.e. to 0.01 square metre. */
    static final int AREA_DECIMALS = 6;

    private Commands() {}

    static int uncertainty(MethodologyCli.Invocation invocation) {
        return UncertaintyCommand.run(invocation);
    }

    static int area(MethodologyCli.Invocation invocation) {
        if (invocation.arguments.size() != 1) {
            return MethodologyCli.usage(invocation.stderr, "area takes exactly one file (or -)");
        }
        return invocation.withInput(
                invocation.arguments.get(0),
                text -> invocation.print(GeodesicArea.hectares(text).map(hectares -> hectareText(hectares) + " ha\n")));
    }

    static String hectareText(BigDecimal hectares) {
        return hectares.setScale(AREA_DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
    }

    static int importTrack(MethodologyCli.Invocation invocation) {
        if (invocation.arguments.size() != 1) {
            return MethodologyCli.usage(invocation.stderr, "import takes exactly one GPX or KML file (or -)");
        }
        return invocation.withInput(
                invocation.arguments.get(0),
                text -> invocation.print(SurveyTrackImport.fromXml(text).map(site -> GeoJsonSites.write(site) + "\n")));
    }

    static int overlap(MethodologyCli.Invocation invocation) {
        if (invocation.arguments.size() != 2
                || invocation.arguments.stream().filter("-"::equals).count() > 1) {
            return MethodologyCli.usage(
                    invocation.stderr,
                    "overlap takes the new site and a FeatureCollection of existing sites (at most one may be -)");
        }
        return invocation.withInput(
                invocation.arguments.get(0),
                newText -> invocation.withInput(invocation.arguments.get(1), existingText -> {
                    Verdict<SiteGeometry> newSite = GeoJsonSites.parse(newText);
                    Verdict<List<Site>> existing = GeoJsonSites.parseSites(existingText);
                    if (!newSite.errors().isEmpty() || !existing.errors().isEmpty()) {
                        invocation.reject(newSite.errors());
                        return invocation.reject(existing.errors());
                    }
                    List<Overlap> overlaps =
                            OverlapIndex.of(existing.orElseThrow()).overlapsWith(newSite.orElseThrow());
                    return invocation.print(Verdict.accepted(overlapJson(overlaps)));
                }));
    }

    private static String overlapJson(List<Overlap> overlaps) {
        ArrayNode array = new ObjectMapper().createArrayNode();
        overlaps.forEach(
                o -> array.addObject().put("id", o.siteId()).put("overlapHa", hectareText(o.overlapHectares())));
        return SheetJson.pretty(array);
    }
}
