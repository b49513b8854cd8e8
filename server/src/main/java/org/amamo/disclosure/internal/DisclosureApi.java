package org.amamo.disclosure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.amamo.application.CertifiedProject;
import org.amamo.application.CertifiedProjects;
import org.amamo.platform.ApiController;
import org.amamo.programme.Programmes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Open data: the certification statistics and the certified projects' sites as GeoJSON. */
@ApiController("/api/v1")
@Tag(name = "Disclosure")
class DisclosureApi {

    private final Statistics statistics;
    private final OffsetUsage usage;
    private final CertifiedProjects projects;
    private final ObjectMapper json;
    private final Programmes programmes;

    DisclosureApi(
            Statistics statistics,
            OffsetUsage usage,
            CertifiedProjects projects,
            ObjectMapper json,
            Programmes programmes) {
        this.statistics = statistics;
        this.usage = usage;
        this.projects = projects;
        this.json = json;
        this.programmes = programmes;
    }

    @GetMapping("/statistics")
    @Operation(summary = "Certification record per fiscal year; imported rows are the secretariat's earlier records")
    List<YearlyStatistic> statistics() {
        return statistics.yearly();
    }

    @GetMapping("/statistics/offsets")
    @Operation(
            summary = "Offset usage: credits retired per programme, fiscal year (April-March, by the retirement "
                    + "date in Japan) and purpose, with the project's credit type, ecosystem and prefecture (JIS code); "
                    + "imported rows are a programme's offsets recorded before the system")
    List<OffsetUsage.Row> offsets(@RequestParam(required = false) String programme) {
        return usage.rows(programme == null || programme.isBlank() ? null : programme);
    }

    @GetMapping(value = "/projects/certified.geojson", produces = "application/geo+json")
    @Operation(
            summary = "Certified projects' sites as a GeoJSON FeatureCollection (WGS84); with programme=CODE "
                    + "only that programme's (an unknown code: every project)")
    JsonNode sites(@RequestParam(required = false) String programme) throws Exception {
        String code = programmes.known(programme);
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (CertifiedProject project : projects.all()) {
            if (project.siteGeojson() == null || code != null && !code.equals(project.programmeCode())) {
                continue;
            }
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.set("geometry", geometry(json.readTree(project.siteGeojson())));
            ObjectNode properties = feature.putObject("properties");
            properties
                    .put("applicationId", project.applicationId())
                    .put("projectCode", project.projectCode())
                    .put("name", project.name())
                    .put("prefecture", project.prefecture())
                    .put(
                            "certifiedTonnes",
                            BigDecimal.valueOf(project.certifiedUnits(), 1).toPlainString())
                    .put("certifiedFiscalYear", project.certifiedFiscalYear())
                    .put("methodologyVersion", project.methodologyVersion())
                    .put("programme", project.programmeCode())
                    .put("url", "/applications/" + project.applicationId());
            properties.set("ecosystems", json.valueToTree(project.ecosystems()));
        }
        return collection;
    }

    /** A stored site may be a bare geometry, a Feature or a FeatureCollection; the map needs a geometry. */
    private JsonNode geometry(JsonNode site) {
        String type = site.path("type").asText();
        if ("Feature".equals(type)) {
            return site.get("geometry");
        }
        if ("FeatureCollection".equals(type)) {
            ObjectNode multi = json.createObjectNode().put("type", "GeometryCollection");
            ArrayNode geometries = multi.putArray("geometries");
            site.path("features").forEach(feature -> geometries.add(feature.get("geometry")));
            return multi;
        }
        return site;
    }
}
