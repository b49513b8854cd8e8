package org.amamo.platform;

import java.util.Optional;

/**
 * The rule for an uploaded file's name, the same for every upload form: the name as the browser sends it, without a
 * path, of 1 to {@value #MAX_LENGTH} characters, with no control characters and not {@code .} or {@code ..}. A name
 * that breaks the rule is refused at the file field, never shortened or replaced without a word.
 */
public final class UploadNames {

    /** The longest name kept, in characters: the size of the attachment tables' filename columns. */
    public static final int MAX_LENGTH = 255;

    private UploadNames() {}

    /** The name without any path a browser may have sent ({@code C:\\Users\\a\\plan.pdf} becomes {@code plan.pdf}). */
    public static String withoutPath(String filename) {
        String name = filename == null ? "" : filename.strip();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .strip();
    }

    /** Why the file's name cannot be kept, at {@code field}; empty when it can. */
    public static Optional<Refusal> refusal(String filename, String field) {
        String name = withoutPath(filename);
        boolean usable = !name.isEmpty()
                && name.length() <= MAX_LENGTH
                && !name.equals(".")
                && !name.equals("..")
                && name.codePoints().noneMatch(Character::isISOControl);
        return usable ? Optional.empty() : Optional.of(Refusal.of(field, "upload.name.invalid", MAX_LENGTH));
    }
}
