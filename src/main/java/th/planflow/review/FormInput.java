package th.planflow.review;

import java.util.regex.Pattern;
import th.planflow.web.UserInputException;

/** Server-side checks of free text from forms, with Thai messages; Tasklist shows them on submit. */
public final class FormInput {

  private static final Pattern HTML_TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>");

  private FormInput() {
  }

  /** Returns the trimmed text (null when empty), or refuses it with a Thai message. */
  public static String text(Object value, String thaiLabel, int maxLength, boolean required) {
    if (value != null && !(value instanceof String)) {
      throw new UserInputException(thaiLabel + " ต้องเป็นข้อความ");
    }
    String text = value == null ? null : ((String) value).trim();
    if (text == null || text.isEmpty()) {
      if (required) {
        throw new UserInputException("กรุณากรอก" + thaiLabel);
      }
      return null;
    }
    if (text.length() > maxLength) {
      throw new UserInputException(thaiLabel + " ยาวเกิน " + maxLength + " ตัวอักษร (มี " + text.length() + " ตัวอักษร)");
    }
    if (HTML_TAG.matcher(text).find()) {
      throw new UserInputException(thaiLabel + " ต้องเป็นข้อความธรรมดา ห้ามใส่แท็ก HTML");
    }
    return text;
  }
}
