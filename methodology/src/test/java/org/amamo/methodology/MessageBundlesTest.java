package org.amamo.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's bundle: English in the default file {@code messages.properties} (the CLI's language),
 * Japanese in {@code messages_ja.properties}, key for key, with the same arguments; every key the code uses
 * is there and every key there is used.
 */
class MessageBundlesTest {

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    /** The first segment of every key of the library, so that key literals can be told from other strings. */
    private static final Set<String> PREFIXES = Set.of(
            "error", "number", "json", "sheet", "reduction", "warning", "geometry", "geojson", "track", "xml", "cli");
    /** Patterns that are punctuation and names of XML elements in every language. */
    private static final Set<String> LANGUAGE_NEUTRAL =
            Set.of("error.located", "geometry.located", "track.label.polygon", "track.label.line");

    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z]+(?:\\.[a-z0-9-]+)+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    private static final Properties ENGLISH = load("messages.properties");
    private static final Properties JAPANESE_FILE = load("messages_ja.properties");

    @Test
    void japaneseHasExactlyTheEnglishKeys() {
        assertThat(ENGLISH.stringPropertyNames()).hasSizeGreaterThan(100);
        assertThat(new TreeSet<>(JAPANESE_FILE.stringPropertyNames()))
                .isEqualTo(new TreeSet<>(ENGLISH.stringPropertyNames()));
    }

    @Test
    void japaneseMessagesAreJapaneseAndEnglishOnesAreNot() {
        for (String key : ENGLISH.stringPropertyNames()) {
            assertThat(JAPANESE.matcher(ENGLISH.getProperty(key)).find())
                    .as("English " + key)
                    .isFalse();
        }
        for (String key : JAPANESE_FILE.stringPropertyNames()) {
            if (!LANGUAGE_NEUTRAL.contains(key)) {
                assertThat(JAPANESE.matcher(JAPANESE_FILE.getProperty(key)).find())
                        .as("Japanese " + key)
                        .isTrue();
            }
        }
    }

    @Test
    void bothLanguagesTakeTheSameArguments() {
        for (String key : ENGLISH.stringPropertyNames()) {
            assertThat(argumentIndexes(JAPANESE_FILE.getProperty(key), "ja " + key))
                    .as(key)
                    .isEqualTo(argumentIndexes(ENGLISH.getProperty(key), "en " + key));
        }
    }

    /**
     * Spring formats a pattern only when it has arguments, as {@link Message} does: there an apostrophe is
     * doubled; a pattern without arguments is shown as written, so a doubled apostrophe would show twice.
     */
    @Test
    void apostrophesAreEscapedExactlyWhenThePatternIsFormatted() {
        for (Properties bundle : new Properties[] {ENGLISH, JAPANESE_FILE}) {
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                if (ARGUMENT.matcher(pattern).find()) {
                    assertThat(pattern.replace("''", ""))
                            .as(key + " (formatted: write '' for ')")
                            .doesNotContain("'");
                } else {
                    assertThat(pattern)
                            .as(key + " (not formatted: write ' as it is)")
                            .doesNotContain("''");
                }
            }
        }
    }

    @Test
    void everyKeyInTheCodeIsInTheBundleAndEveryKeyInTheBundleIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher literal = KEY_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    String candidate = literal.group(1);
                    if (PREFIXES.contains(candidate.substring(0, candidate.indexOf('.')))) {
                        used.add(candidate);
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(ENGLISH.stringPropertyNames()).containsAll(used);
        assertThat(used).containsAll(ENGLISH.stringPropertyNames());
    }

    /** The indexes a pattern uses, found by formatting it with a marker per index. */
    private static Set<Integer> argumentIndexes(String pattern, String what) {
        if (!ARGUMENT.matcher(pattern).find()) {
            return Set.of();
        }
        Object[] markers =
                IntStream.range(0, 10).mapToObj(i -> "\u0001" + i + "\u0002").toArray();
        String formatted = new MessageFormat(pattern, Locale.ROOT).format(markers);
        assertThat(formatted).as(what + " uses indexes below 10").doesNotContain("{");
        return IntStream.range(0, 10)
                .filter(i -> formatted.contains("\u0001" + i + "\u0002"))
                .boxed()
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties load(String file) {
        Properties properties = new Properties();
        try (InputStream in = Message.class.getResourceAsStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
