package org.amamo.registry.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * An entry's details (e.g. a retirement's disclosure, a cancellation's reason) as canonical text: one
 * {@code key=value} line per item, keys sorted, values escaped so that a value can never forge another line.
 */
final class Payload {

    private final TreeMap<String, String> items = new TreeMap<>();

    Payload with(String key, Object value) {
        if (value != null) {
            items.put(key, value.toString());
        }
        return this;
    }

    String text() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> item : items.entrySet()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(item.getKey()).append('=').append(escape(item.getValue()));
        }
        return text.toString();
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
