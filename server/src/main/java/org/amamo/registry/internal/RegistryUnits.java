package org.amamo.registry.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Shows units of 0.1 t-CO2 as tonnes with one decimal, exactly; used from templates as {@code @registryUnits}. */
@Component("registryUnits")
public class RegistryUnits {

    /** e.g. 12345 units -> "1,234.5". */
    public String tonnes(long units) {
        DecimalFormat format = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(BigDecimal.valueOf(units, 1));
    }
}
