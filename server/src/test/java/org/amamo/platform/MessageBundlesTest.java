package org.amamo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Japanese is the default and English is complete: every bundle has its twin, key for key. */
class MessageBundlesTest {

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

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
                String value = properties.getProperty(key).replace("法人番号", "");
                assertThat(JAPANESE.matcher(value).find()).as(resource.getFilename() + " " + key).isFalse();
            }
        }
    }

    @Test
    void templatesHoldNoJapaneseTextOfTheirOwn() throws IOException {
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.walk(templates)) {
            List<Path> html = files.filter(path -> path.toString().endsWith(".html")).toList();
            for (Path file : html) {
                String text = Files.readString(file).replace(">日本語<", "><");
                assertThat(JAPANESE.matcher(text.replaceAll("<!--.*?-->", "")).find())
                        .as(file + " takes its text from the message bundles").isFalse();
            }
        }
    }

    private static boolean isBundle(Resource resource) throws IOException {
        String url = resource.getURL().toString();
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
