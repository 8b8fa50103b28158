package th.planflow.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One typed cell of an {@link XlsxWriter} row. Plain values passed to {@code row(...)} are turned
 * into cells by {@link #of(Object)}.
 */
public sealed interface XlsxCell {

  /** Text as it is. */
  record Text(String value) implements XlsxCell {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A number shown with thousands separators and a fixed number of decimals ("#,##0.00"). */
  record Numeric(double value, int decimals) implements XlsxCell {
    public Numeric {
      checkDecimals(decimals);
    }
  }

  /** A fraction shown as a percentage: 0.855 with 2 decimals is "85.50%". */
  record Percent(double fraction, int decimals) implements XlsxCell {
    public Percent {
      checkDecimals(decimals);
    }
  }

  /** A date written as Thai text with its B.E. year: "30 กันยายน 2568", or "30 ก.ย. 68" abbreviated. */
  record ThaiDate(LocalDate date, boolean abbreviated) implements XlsxCell {
    public ThaiDate {
      Objects.requireNonNull(date, "date");
    }
  }

  /** An empty cell. */
  record Blank() implements XlsxCell {
  }

  static XlsxCell text(String value) {
    return value == null ? blank() : new Text(value);
  }

  /** A whole number: "1,234". */
  static XlsxCell integer(long value) {
    return new Numeric(value, 0);
  }

  /** A number with 2 decimals: "1,234.50". */
  static XlsxCell number(double value) {
    return new Numeric(value, 2);
  }

  static XlsxCell number(double value, int decimals) {
    return new Numeric(value, decimals);
  }

  /** A number with as many decimals as the value's scale (at most 10); "85.50" keeps 2. */
  static XlsxCell number(BigDecimal value) {
    return value == null ? blank() : new Numeric(value.doubleValue(), Math.max(0, Math.min(10, value.scale())));
  }

  /** A fraction (0.855, not 85.5) shown as a percentage with 2 decimals: "85.50%". */
  static XlsxCell percent(double fraction) {
    return new Percent(fraction, 2);
  }

  static XlsxCell percent(double fraction, int decimals) {
    return new Percent(fraction, decimals);
  }

  /** "30 กันยายน 2568" ({@link th.planflow.calendar.ThaiDates#full}). */
  static XlsxCell date(LocalDate date) {
    return date == null ? blank() : new ThaiDate(date, false);
  }

  /** "30 ก.ย. 68" ({@link th.planflow.calendar.ThaiDates#abbreviated}). */
  static XlsxCell dateAbbreviated(LocalDate date) {
    return date == null ? blank() : new ThaiDate(date, true);
  }

  static XlsxCell blank() {
    return new Blank();
  }

  /**
   * The cell for a plain value: null is blank; text stays text; whole numbers (Integer, Long,
   * BigInteger...) show no decimals; other numbers show 2, a BigDecimal its own scale; a
   * LocalDate is the full Thai date; anything else is its {@code toString()}.
   */
  static XlsxCell of(Object value) {
    if (value == null) {
      return blank();
    }
    if (value instanceof XlsxCell cell) {
      return cell;
    }
    if (value instanceof CharSequence text) {
      return new Text(text.toString());
    }
    if (value instanceof BigDecimal decimal) {
      return number(decimal);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger || value instanceof AtomicInteger || value instanceof AtomicLong) {
      return new Numeric(((Number) value).doubleValue(), 0);
    }
    if (value instanceof Number number) {
      return number(number.doubleValue());
    }
    if (value instanceof LocalDate date) {
      return date(date);
    }
    return new Text(value.toString());
  }

  private static void checkDecimals(int decimals) {
    if (decimals < 0 || decimals > 10) {
      throw new IllegalArgumentException("decimals must be 0 to 10: " + decimals);
    }
  }
}
