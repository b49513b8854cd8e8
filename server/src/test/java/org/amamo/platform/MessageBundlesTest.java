package org.amamo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Japanese is the default and English is complete: every bundle of the server has its twin, key for key.
 * The methodology library's bundle ({@value #LIBRARY_BUNDLE}) is the other way round: its default file is
 * English (the CLI's language) and its {@code _ja} twin Japanese; the library's own tests check it in
 * full, this test checks what the server relies on.
 */
class MessageBundlesTest {

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    static final String LIBRARY_BUNDLE = "org/amamo/methodology/messages";
    /** {@code #{key}} or {@code #{key(arguments)}} with a literal key. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{\\s*([A-Za-z][\\w.-]*)\\s*[(}]");
    /** A string literal shaped like a message key: lower-case words joined by dots. */
    private static final Pattern CODE_KEY = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
    /** The field named first in {@code Refusal.of("field", "key", ...)}, which is a path, not a key. */
    private static final Pattern REFUSAL_FIELD = Pattern.compile("Refusal\\.of\\(\\s*\"[^\"]*\"");
    /** The key of a {@code Map.entry("path", "key")}: in the code, such maps name form paths by their labels' keys. */
    private static final Pattern MAP_ENTRY_KEY = Pattern.compile("Map\\.entry\\(\\s*\"[^\"]*\"");

    @Test
    void everyJapaneseKeyHasAnEnglishTwinAndBack() throws IOException {
        Resource[] japanese = new PathMatchingResourcePatternResolver().getResources("classpath*:**/*.properties");
        int bundles = 0;
        for (Resource resource : japanese) {
            String name = resource.getFilename();
            if (name == null || name.contains("_") || !isBundle(resource)) {
                continue;
            }
            Resource english = resource.createRelative(name.replace(".properties", "_en.properties"));
            assertThat(english.exists()).as("English twin of " + name).isTrue();
            assertThat(keys(english)).as("keys of " + name + " in English").isEqualTo(keys(resource));
            bundles++;
        }
        assertThat(bundles).isPositive();
    }

    @Test
    void englishMessagesAreEnglish() throws IOException {
        Resource[] english = new PathMatchingResourcePatternResolver().getResources("classpath*:**/*_en.properties");
        for (Resource resource : english) {
            if (!isBundle(resource)) {
                continue;
            }
            Properties properties = load(resource);
            for (String key : properties.stringPropertyNames()) {
                // The mark of a text shown in Japanese on an English page names the language in both on purpose.
                String value = properties.getProperty(key).replace("法人番号", "").replace("日本語のみ", "");
                assertThat(JAPANESE.matcher(value).find())
                        .as(resource.getFilename() + " " + key)
                        .isFalse();
            }
        }
    }

    /**
     * A message with arguments goes through {@link MessageFormat}, where a single apostrophe starts a quote: "the
     * account's {0} blocks" would lose its apostrophe and show "{0}" instead of the number. Such apostrophes are
     * written twice.
     */
    @Test
    void messagesWithArgumentsShowEveryArgument() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:**/*.properties");
        for (Resource resource : bundles) {
            if (!isBundle(resource)) {
                continue;
            }
            Properties properties = load(resource);
            for (String key : properties.stringPropertyNames()) {
                String pattern = properties.getProperty(key);
                if (!ARGUMENT.matcher(pattern).find()) {
                    continue;
                }
                String shown = new MessageFormat(pattern, Locale.ROOT)
                        .format(new Object[] {"«0»", "«1»", "«2»", "«3»", "«4»", "«5»"});
                assertThat(shown).as(resource.getFilename() + " " + key).doesNotContainPattern("\\{\\d");
            }
        }
    }

    @Test
    void templatesHoldNoJapaneseTextOfTheirOwn() throws IOException {
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.walk(templates)) {
            List<Path> html =
                    files.filter(path -> path.toString().endsWith(".html")).toList();
            for (Path file : html) {
                String text = Files.readString(file).replace(">日本語<", "><");
                assertThat(JAPANESE.matcher(text.replaceAll("<!--.*?-->", "")).find())
                        .as(file + " takes its text from the message bundles")
                        .isFalse();
            }
        }
    }

    /**
     * A key that no bundle holds shows as {@code ??key_ja??} on the page. Every key a template names literally
     * ({@code #{key}}, {@code #{key(args)}}) and every message key the code names as a string literal is in the
     * Japanese bundles and in their English twins. Keys built at run time ({@code 'status.' + ...}) are not seen
     * here; their families are checked where they are built.
     */
    @Test
    void everyMessageKeyOfTheTemplatesAndTheCodeIsInBothLanguages() throws IOException {
        Set<String> japanese = serverKeys(false);
        Set<String> english = serverKeys(true);
        Set<String> library = libraryKeys();
        Set<String> prefixes = new TreeSet<>();
        japanese.forEach(key -> prefixes.add(key.substring(0, Math.max(key.indexOf('.'), 0))));
        Set<String> used = new TreeSet<>();
        used.addAll(keysIn(Path.of("src/main/resources/templates"), ".html", TEMPLATE_KEY, ignored -> true));
        used.addAll(keysIn(
                Path.of("src/main/java"),
                ".java",
                CODE_KEY,
                key -> prefixes.contains(key.substring(0, key.indexOf('.')))));
        assertThat(used).as("message keys found in templates and code").hasSizeGreaterThan(100);
        used.removeAll(library);
        assertThat(used.stream().filter(key -> !japanese.contains(key)).toList())
                .as("keys missing from the Japanese bundles")
                .isEmpty();
        assertThat(used.stream().filter(key -> !english.contains(key)).toList())
                .as("keys missing from the English bundles")
                .isEmpty();
    }

    private static Set<String> keysIn(
            Path root, String suffix, Pattern pattern, java.util.function.Predicate<String> isKey) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(suffix)).toList()) {
                String text = REFUSAL_FIELD.matcher(Files.readString(file)).replaceAll("Refusal.of(");
                text = MAP_ENTRY_KEY.matcher(text).replaceAll("Map.entry(");
                java.util.regex.Matcher matcher = pattern.matcher(text.replaceAll("(?s)<!--.*?-->", ""));
                while (matcher.find()) {
                    if (isKey.test(matcher.group(1))) {
                        found.add(matcher.group(1));
                    }
                }
            }
        }
        return found;
    }

    private static Set<String> serverKeys(boolean english) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:**/*.properties")) {
            String name = String.valueOf(resource.getFilename());
            if (isBundle(resource) && name.endsWith("_en.properties") == english) {
                keys.addAll(keys(resource));
            }
        }
        return keys;
    }

    private static Set<String> libraryKeys() throws IOException {
        return keys(
                new PathMatchingResourcePatternResolver().getResource("classpath:" + LIBRARY_BUNDLE + ".properties"));
    }

    @Test
    void theLibraryBundleIsEnglishByDefaultWithAJapaneseTwin() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Resource english = resolver.getResource("classpath:" + LIBRARY_BUNDLE + ".properties");
        Resource japanese = resolver.getResource("classpath:" + LIBRARY_BUNDLE + "_ja.properties");
        assertThat(english.exists()).isTrue();
        assertThat(japanese.exists()).isTrue();
        assertThat(resolver.getResource("classpath:" + LIBRARY_BUNDLE + "_en.properties")
                        .exists())
                .as("no _en twin: English is the default file")
                .isFalse();
        assertThat(keys(japanese)).isEqualTo(keys(english));
        Properties englishTexts = load(english);
        for (String key : englishTexts.stringPropertyNames()) {
            assertThat(JAPANESE.matcher(englishTexts.getProperty(key)).find())
                    .as(LIBRARY_BUNDLE + " " + key)
                    .isFalse();
        }
    }

    /** The server's bundles; the library's (English by default) is checked on its own above. */
    private static boolean isBundle(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        if (url.contains("/" + LIBRARY_BUNDLE)) {
            return false;
        }
        return url.contains("/classes/") && (url.matches(".*/messages(_en)?\\.properties") || url.contains("/i18n/"));
    }

    private static Set<String> keys(Resource resource) throws IOException {
        return new TreeSet<>(load(resource).stringPropertyNames());
    }

    private static Properties load(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource.getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
