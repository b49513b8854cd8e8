package org.amamo.programme;

import java.util.List;

/**
 * A crediting programme. Its serial prefix heads every serial number it issues and is never shared or
 * changed, so that no serial is ever counted in two programmes.
 *
 * @param code             short identifier, e.g. {@code JBC}
 * @param serialPrefix     prefix of the programme's serial numbers, e.g. {@code JBC} or {@code YBC}
 * @param certifier        who certifies, as named on retirement records and certificates
 * @param acceptedVersions methodology table versions an application may use in this programme
 * @param fee              the application fee (申請手数料) rule
 */
public record Programme(
        String code,
        String nameJa,
        String nameEn,
        String operator,
        String serialPrefix,
        String certifier,
        List<String> acceptedVersions,
        FeeRule fee) {

    public Programme {
        acceptedVersions = List.copyOf(acceptedVersions);
        java.util.Objects.requireNonNull(fee, "fee");
    }

    public boolean accepts(String methodologyVersion) {
        return acceptedVersions.contains(methodologyVersion);
    }

    /** The name in the page's language: English for {@code en}, else Japanese. */
    public String name(String language) {
        return "en".equals(language) ? nameEn : nameJa;
    }
}
