package th.planflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The Sarabun font (SIL OFL 1.1) as CSS {@code @font-face} rules whose sources are inlined
 * {@code data:} URLs, so a page opened from a temporary file needs nothing else to find it.
 *
 * <p>The fonts live in {@code static/fonts/sarabun/} (also served to the web UI). The CSS is built
 * once, on first use, and cached (about 57 KB).
 */
public final class SarabunFont {

  /** The CSS font family name declared by {@link #fontFaceCss()}. */
  public static final String FAMILY = "Sarabun";

  static final String RESOURCE_DIR = "static/fonts/sarabun/";

  private static final String THAI_RANGE = "U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC";
  private static final String LATIN_RANGE = "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,"
      + "U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,"
      + "U+2215,U+FEFF,U+FFFD";

  private SarabunFont() {
  }

  /** {@code @font-face} rules for weights 400 and 700, Thai and Latin subsets. */
  public static String fontFaceCss() {
    return Holder.CSS;
  }

  private static final class Holder {
    static final String CSS = build();
  }

  private static String build() {
    StringBuilder css = new StringBuilder(80_000);
    for (int weight : new int[] {400, 700}) {
      fontFace(css, "thai", weight, THAI_RANGE);
      fontFace(css, "latin", weight, LATIN_RANGE);
    }
    return css.toString();
  }

  private static void fontFace(StringBuilder css, String subset, int weight, String range) {
    String file = "sarabun-" + subset + "-" + weight + "-normal.woff2";
    css.append("@font-face{font-family:'").append(FAMILY).append("';font-style:normal;font-weight:")
        .append(weight).append(";font-display:block;src:url(data:font/woff2;base64,")
        .append(Base64.getEncoder().encodeToString(read(RESOURCE_DIR + file)))
        .append(") format('woff2');unicode-range:").append(range).append(";}\n");
  }

  private static byte[] read(String resource) {
    ClassLoader loader = SarabunFont.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Font resource missing from the classpath: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read font resource " + resource, e);
    }
  }
}
