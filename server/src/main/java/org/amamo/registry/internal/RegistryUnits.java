package org.amamo.registry.internal;

import org.springframework.stereotype.Component;

/** Shows units of 0.1 t-CO2 as tonnes with one decimal, exactly; used from templates as {@code @registryUnits}. */
@Component("registryUnits")
public class RegistryUnits {

    /**
     * e.g. 12345 units -> "1,234.5". Written out digit by digit rather than through {@code DecimalFormat}: a list
     * page calls this for every figure it shows, and a new {@code DecimalFormat} per figure was a tenth of the page.
     */
    public String tonnes(long units) {
        long magnitude = Math.absExact(units);
        String whole = Long.toString(magnitude / 10);
        StringBuilder text = new StringBuilder(whole.length() + whole.length() / 3 + 3);
        if (units < 0) {
            text.append('-');
        }
        int lead = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        text.append(whole, 0, lead);
        for (int i = lead; i < whole.length(); i += 3) {
            text.append(',').append(whole, i, i + 3);
        }
        return text.append('.').append(magnitude % 10).toString();
    }
}
