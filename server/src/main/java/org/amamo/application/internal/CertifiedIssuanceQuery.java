package org.amamo.application.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.amamo.application.ApplicationCertified;
import org.amamo.application.ApplicationStatus;
import org.amamo.application.CertifiedIssuance;
import org.amamo.programme.Programme;
import org.amamo.programme.Programmes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a certified application's issuance again from what certification froze: the certified units, methodology
 * version and result (whose last crediting year gives the vintage, as at certification), the programme's serial
 * prefix and certifier, and the initial holders.
 */
@Component
class CertifiedIssuanceQuery implements CertifiedIssuance {

    private final ApplicationRepository applications;
    private final Programmes programmes;
    private final ObjectMapper json;

    CertifiedIssuanceQuery(ApplicationRepository applications, Programmes programmes, ObjectMapper json) {
        this.applications = applications;
        this.programmes = programmes;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApplicationCertified> of(long applicationId) {
        StoredApplication application = applications.find(applicationId).orElse(null);
        if (application == null
                || application.status() != ApplicationStatus.CERTIFIED
                || application.certifiedUnits() == null
                || application.certifiedResult() == null) {
            return Optional.empty();
        }
        JsonNode result = read(application.certifiedResult());
        JsonNode years = result.path("years");
        if (years.isEmpty()) {
            return Optional.empty();
        }
        LocalDate lastYear =
                LocalDate.parse(years.get(years.size() - 1).path("start").asText());
        Optional<Programme> programme = programmes.find(application.programmeCode());
        List<ApplicationCertified.InitialHolder> holders = applications.holders(applicationId).stream()
                .map(holder ->
                        new ApplicationCertified.InitialHolder(holder.userId(), holder.name(), holder.sharePercent()))
                .toList();
        return Optional.of(new ApplicationCertified(
                application.id(),
                application.projectId(),
                application.projectCode(),
                application.name(),
                programme.map(Programme::serialPrefix).orElse(""),
                programme.map(Programme::certifier).orElse(""),
                ApplicationCertified.fiscalYear(lastYear),
                application.certifiedVersion(),
                result.path("type").asText("removal"),
                application.certifiedUnits(),
                holders));
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("certified result is not readable", e);
        }
    }
}
