package th.planflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Thai locale files of the Camunda webapps cover every key of the webjar's English ones, keep their
 * placeholders and HTML, and Thai is the configured language.
 */
class WebappThaiTranslationTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final String WEBJAR = "camunda-webapp-webjar";

  /** Angular interpolations, HTML elements, entities, moment.js %s/%d and the {} counter placeholder. */
  private static final List<Pattern> KEPT = List.of(
      Pattern.compile("\\{\\{.*?}}"),
      Pattern.compile("</?(?:a|b|br|strong|em|i|u|code|p|span|div|ul|ol|li|pre|small|sub|sup)\\b[^<>]*>"),
      Pattern.compile("&[a-zA-Z#0-9]+;"),
      Pattern.compile("%[sd]|\\{}"));
  private static final Pattern THAI = Pattern.compile("[\\u0E00-\\u0E7F]");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void thaiCoversEveryEnglishKey(String app) throws IOException {
    Map<String, JsonNode> en = flatten(read(resource(APP + app + "/locales/en.json", url -> url.contains(WEBJAR))));
    Map<String, JsonNode> th = flatten(read(resource(APP + app + "/locales/th.json", url -> !url.contains(WEBJAR))));

    assertThat(en).as("English keys in the webjar").hasSizeGreaterThan(100);
    assertThat(th.keySet()).as("Thai keys of %s", app).containsExactlyInAnyOrderElementsOf(en.keySet());

    List<String> problems = new ArrayList<>();
    int strings = 0;
    int thai = 0;
    for (Map.Entry<String, JsonNode> entry : en.entrySet()) {
      String key = entry.getKey();
      JsonNode english = entry.getValue();
      JsonNode translated = th.get(key);
      if (!english.isTextual()) {
        if (!english.equals(translated)) {
          problems.add(key + ": expected " + english + " but was " + translated);
        }
        continue;
      }
      if (!translated.isTextual() || translated.asText().isBlank()) {
        problems.add(key + ": empty");
        continue;
      }
      strings++;
      String value = translated.asText();
      if (THAI.matcher(value).find()) {
        thai++;
      }
      for (Pattern pattern : KEPT) {
        List<String> missing = tokens(pattern, english.asText());
        for (String token : tokens(pattern, value)) {
          missing.remove(token);
        }
        if (!missing.isEmpty()) {
          problems.add(key + ": lost " + missing + " in " + value);
        }
      }
    }
    assertThat(problems).as("problems in %s th.json", app).isEmpty();
    assertThat(thai).as("%s values in Thai script, of %d", app, strings).isGreaterThanOrEqualTo((int) Math.ceil(strings * 0.9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configMakesThaiTheDefaultAndKeepsEnglish(String app) throws IOException {
    String config;
    try (InputStream in = resource(APP + app + "/scripts/config.js", url -> !url.contains(WEBJAR)).openStream()) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(config)
        .containsPattern("(?m)^  locales: planflowLocales,")
        .containsPattern("availableLocales: \\['th'], fallbackLocale: 'th'")
        .containsPattern("availableLocales: \\['en'], fallbackLocale: 'en'")
        .contains("=== 'en' ? 'en' : 'th'");
  }

  private URL resource(String path, Predicate<String> which) throws IOException {
    List<URL> found = Collections.list(getClass().getClassLoader().getResources(path));
    return found.stream().filter(url -> which.test(url.toString())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + path + " among " + found));
  }

  private JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return json.readTree(in); // Jackson skips the UTF-8 byte order mark of Camunda's files
    }
  }

  private static Map<String, JsonNode> flatten(JsonNode node) {
    Map<String, JsonNode> flat = new LinkedHashMap<>();
    flatten("", node, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> flat) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), flat);
      }
    } else {
      flat.put(prefix, node);
    }
  }

  private static List<String> tokens(Pattern pattern, String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }
}
