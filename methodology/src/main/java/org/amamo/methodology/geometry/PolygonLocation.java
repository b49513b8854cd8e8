package org.amamo.methodology.geometry;

import org.amamo.methodology.FieldError;
import org.amamo.methodology.Message;

/**
 * Where a polygon came from in the input, for error messages.
 *
 * @param label name for people, e.g. {@code polygon 1} or {@code feature 2, polygon 0}, in any language
 * @param path  path of the polygon's ring array, e.g. {@code $.coordinates[1]}; ring r is {@code path[r]}
 */
record PolygonLocation(Message label, String path) {

    Message ringLabel(int ring) {
        return ringLabel(label, ring);
    }

    String ringPath(int ring) {
        return path + "[" + ring + "]";
    }

    /** The name of ring {@code ring} of the polygon named {@code polygon}: {@code polygon 1, ring 0}. */
    static Message ringLabel(Message polygon, int ring) {
        return Message.of("geometry.label.ring", polygon, Integer.toString(ring));
    }

    /** An error at {@code path} about the thing named {@code label}: {@code polygon 1, ring 0: <problem>}. */
    static FieldError error(String path, Message label, Message problem) {
        return FieldError.of(path, "geometry.located", label, problem);
    }
}
