package org.amamo.methodology.calculation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/** Reads typed fields from a JSON tree, recording one message per field that cannot be read. */
final class JsonFields {

    /** Numbers with more significant digits than this are refused, which bounds the arithmetic's cost. */
    static final int MAX_SIGNIFICANT_DIGITS = 30;
    /** Numbers at or above this magnitude are refused; no sheet quantity comes near it. */
    static final BigDecimal MAX_MAGNITUDE = BigDecimal.TEN.pow(15);

    private final ErrorList errors;

    JsonFields(ErrorList errors) {
        this.errors = errors;
    }

    ErrorList errors() {
        return errors;
    }

    /** Whether the node is an object; if not, records the error {@code key}, which says what object is expected. */
    boolean isObject(JsonNode node, String path, String key) {
        if (node == null || !node.isObject()) {
            errors.add(path, key);
            return false;
        }
        return true;
    }

    void allowOnly(JsonNode object, String path, Collection<String> allowed) {
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String name = property.getKey();
            if (!allowed.contains(name)) {
                errors.add(path + "." + name, "json.field.unknown", String.join(", ", allowed));
            }
        }
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    String text(JsonNode object, String path, String field) {
        JsonNode node = object.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(path + "." + field, "json.string.expected");
            return null;
        }
        return node.textValue();
    }

    BigDecimal number(JsonNode object, String path, String field) {
        return number(object.get(field), path + "." + field);
    }

    BigDecimal number(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual()) {
            value = parseDecimal(node.textValue().strip());
            if (value == null) {
                errors.add(path, "json.number.unreadable-text", node.textValue());
                return null;
            }
        } else {
            errors.add(path, "json.number.wrong-type", node.toString());
            return null;
        }
        return withinLimits(value, path);
    }

    private BigDecimal withinLimits(BigDecimal value, String path) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.abs().compareTo(MAX_MAGNITUDE) >= 0) {
            errors.add(path, "json.number.too-large", value.toString());
            return null;
        }
        if (stripped.precision() > MAX_SIGNIFICANT_DIGITS) {
            errors.add(path, "json.number.too-many-digits", Integer.toString(MAX_SIGNIFICANT_DIGITS));
            return null;
        }
        return value;
    }

    private static BigDecimal parseDecimal(String text) {
        if (text.isEmpty() || text.length() > 100) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    LocalDate date(JsonNode object, String path, String field) {
        String text = text(object, path, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(path + "." + field, "json.date.unreadable", text);
            return null;
        }
    }

    JsonNode array(JsonNode object, String path, String field) {
        JsonNode node = object.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            errors.add(path + "." + field, "json.array.expected");
            return null;
        }
        return node;
    }
}
