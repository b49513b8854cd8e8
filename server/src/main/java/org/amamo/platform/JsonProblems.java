package org.amamo.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Which field of a JSON request body could not be read, and why: a JSON path such as {@code plants[0].species}
 * (or {@code $} for the whole body) with a message key. Used by {@code ApiErrors} to answer an unreadable body
 * with a problem document that names the field.
 */
final class JsonProblems {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(
            int.class,
            long.class,
            short.class,
            byte.class,
            Integer.class,
            Long.class,
            Short.class,
            Byte.class,
            BigInteger.class);

    private JsonProblems() {}

    /** The field and message key for an exception thrown while reading a request body (null: unknown cause). */
    static Problem of(Throwable cause) {
        // A repeated key is found by the parser, below the mapping, which may wrap it with the path of its object.
        for (Throwable reason = cause; reason != null; reason = reason.getCause()) {
            if (reason instanceof JsonParseException parse
                    && parse.getOriginalMessage() != null
                    && parse.getOriginalMessage().startsWith("Duplicate field")) {
                return new Problem(path(parse.getProcessor()), "api.error.duplicate-field");
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new Problem(path(unknown.getPath()), "api.error.unknown-field");
        }
        if (cause instanceof InvalidNullException nullValue) {
            return new Problem(path(nullValue.getPath()), "api.error.null");
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String key = WHOLE_NUMBERS.contains(mismatch.getTargetType())
                    ? "api.error.whole-number"
                    : "api.error.type-mismatch";
            return new Problem(path(mismatch.getPath()), key);
        }
        return new Problem("$", "api.error.unreadable");
    }

    /** A JSON path from a mapping exception's references: {@code holders[1].email}. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** The JSON path of the parser's current position, where a repeated key was found. */
    private static String path(Object processor) {
        if (!(processor instanceof JsonParser parser)) {
            return "$";
        }
        Deque<Object> parts = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext();
                context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.push(context.getCurrentName());
            } else if (context.inArray()) {
                parts.push(Math.max(context.getCurrentIndex(), 0));
            }
        }
        StringBuilder path = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(part);
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** A field's path and the message key that says what is wrong with it. */
    record Problem(String field, String messageKey) {}
}
