package org.amamo.registry.internal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.amamo.platform.Prefectures;
import org.amamo.registry.internal.read.RegistryViews.CreditOrigin;
import org.amamo.registry.internal.read.RegistryViews.RetirementView;
import org.springframework.context.MessageSource;

/**
 * The disclosure on use (seed 004 figure 12) of a retirement record as text, in the reader's language (for the
 * certificate), and as the codes of the CSV's added columns: the facts of its batches summed up over all of them.
 */
final class DisclosureText {

    private final MessageSource messages;

    DisclosureText(MessageSource messages) {
        this.messages = messages;
    }

    String offsetTonnes(RetirementView retirement, Locale locale) {
        return retirement.offsetTonnesCo2() == null
                ? text("quality.origin.none", locale)
                : retirement.offsetTonnesCo2().toPlainString();
    }

    String coverage(RetirementView retirement, Locale locale) {
        return retirement.offsetCoverage() == null
                ? text("quality.origin.none", locale)
                : text("quality.coverage." + retirement.offsetCoverage(), locale);
    }

    String monitoring(CreditOrigin origin, Locale locale) {
        if (origin.monitoringStart() == null) {
            return text("quality.origin.unknown", locale);
        }
        return messages.getMessage(
                "quality.origin.monitoring-range",
                new Object[] {
                    origin.monitoringStart().toString(), origin.monitoringEnd().toString()
                },
                locale);
    }

    String region(CreditOrigin origin, Locale locale) {
        if (origin.prefecture() == null) {
            return text("quality.origin.unknown", locale);
        }
        String prefecture = Prefectures.known(origin.prefecture())
                ? text("prefecture." + origin.prefecture(), locale)
                : origin.prefecture();
        return origin.municipality() == null ? prefecture : prefecture + " " + origin.municipality();
    }

    String category(CreditOrigin origin, Locale locale) {
        return text("registry.type." + origin.creditType(), locale) + " / "
                + text("quality.basis." + origin.basis(), locale);
    }

    String coBenefits(CreditOrigin origin, Locale locale) {
        if (origin.coBenefits().isEmpty()) {
            return text("quality.origin.none", locale);
        }
        return String.join(
                Locale.JAPANESE.getLanguage().equals(locale.getLanguage()) ? "、" : ", ",
                origin.coBenefits().stream()
                        .map(benefit -> text("quality.co-benefit." + benefit, locale))
                        .toList());
    }

    // ---- the CSV's added columns: codes, several batches' values joined by a space (dates: the widest span)

    static String monitoringStart(RetirementView retirement) {
        return retirement.origins().stream()
                .map(CreditOrigin::monitoringStart)
                .filter(java.util.Objects::nonNull)
                .min(LocalDate::compareTo)
                .map(LocalDate::toString)
                .orElse("");
    }

    static String monitoringEnd(RetirementView retirement) {
        return retirement.origins().stream()
                .map(CreditOrigin::monitoringEnd)
                .filter(java.util.Objects::nonNull)
                .max(LocalDate::compareTo)
                .map(LocalDate::toString)
                .orElse("");
    }

    static String joined(
            RetirementView retirement,
            java.util.function.Function<CreditOrigin, List<String>> values,
            String separator) {
        return String.join(
                separator,
                retirement.origins().stream()
                        .flatMap(origin -> values.apply(origin).stream())
                        .filter(value -> value != null && !value.isEmpty())
                        .distinct()
                        .toList());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
