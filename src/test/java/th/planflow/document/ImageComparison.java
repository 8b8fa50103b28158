package th.planflow.document;

import java.awt.image.BufferedImage;

/**
 * Compares two page images in grey levels (0 to 255).
 *
 * <p>Antialiasing noise (a glyph drawn a fraction of a pixel elsewhere, other edge smoothing)
 * changes edge pixels only part of the way: a quarter- or half-pixel shift of the whole page,
 * measured at 72 dpi on the Thai test page, changes no pixel by more than 128 levels. A
 * misplaced, missing or colliding tone mark moves a blob of ink: pixels go from white to black.
 * So a pixel counts as <em>strongly different</em> when its grey level differs by more than
 * {@link #strongDifference}, and the image fails when any {@value #WINDOW} x {@value #WINDOW}
 * window (at any offset) holds {@link #maxStrongPerWindow} or more of them, or when the mean
 * difference over the whole page exceeds {@link #maxPageMean} (a change spread thinly everywhere).
 */
final class ImageComparison {

  static final int WINDOW = 8;

  final int strongDifference;
  final int maxStrongPerWindow;
  final double maxPageMean;

  ImageComparison(int strongDifference, int maxStrongPerWindow, double maxPageMean) {
    this.strongDifference = strongDifference;
    this.maxStrongPerWindow = maxStrongPerWindow;
    this.maxPageMean = maxPageMean;
  }

  record Result(boolean sameSize, double pageMean, int worstWindowStrong, int worstX, int worstY,
                int windowsOver, BufferedImage diff) {

    String describe() {
      if (!sameSize) {
        return "images differ in size";
      }
      return String.format("page mean difference %.3f; worst %dx%d window has %d strongly different pixels,"
              + " at (%d,%d) px; %d window(s) over the limit",
          pageMean, WINDOW, WINDOW, worstWindowStrong, worstX, worstY, windowsOver);
    }
  }

  boolean matches(Result result) {
    return result.sameSize() && result.windowsOver() == 0 && result.pageMean() <= maxPageMean;
  }

  String limits() {
    return "a pixel differs strongly above " + strongDifference + " grey levels; at most "
        + (maxStrongPerWindow - 1) + " such pixels in any " + WINDOW + "x" + WINDOW
        + " window; page mean difference at most " + maxPageMean;
  }

  Result compare(BufferedImage expected, BufferedImage actual) {
    if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) {
      return new Result(false, Double.NaN, 0, 0, 0, 0, null);
    }
    int w = expected.getWidth();
    int h = expected.getHeight();
    // Integral image of the strong pixels, to count them in every window at every offset,
    // so a mark is caught wherever it falls relative to a grid.
    int[][] strong = new int[h + 1][w + 1];
    BufferedImage diff = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    long total = 0;
    for (int y = 0; y < h; y++) {
      int row = 0;
      for (int x = 0; x < w; x++) {
        int e = grey(expected.getRGB(x, y));
        int a = grey(actual.getRGB(x, y));
        int d = Math.abs(e - a);
        total += d;
        if (d > strongDifference) {
          row++;
        }
        strong[y + 1][x + 1] = strong[y][x + 1] + row;
        // Diff image: the reference faint grey; ink only in the actual page red, only in the reference blue.
        int faint = 255 - (255 - e) / 4;
        int rgb = a < e - 32 ? 0xD00000 : a > e + 32 ? 0x0000D0 : (faint << 16) | (faint << 8) | faint;
        diff.setRGB(x, y, rgb);
      }
    }
    int worst = 0;
    int worstX = 0;
    int worstY = 0;
    int over = 0;
    for (int y = 0; y + WINDOW <= h; y++) {
      for (int x = 0; x + WINDOW <= w; x++) {
        int n = strong[y + WINDOW][x + WINDOW] - strong[y][x + WINDOW] - strong[y + WINDOW][x] + strong[y][x];
        if (n >= maxStrongPerWindow) {
          over++;
        }
        if (n > worst) {
          worst = n;
          worstX = x;
          worstY = y;
        }
      }
    }
    return new Result(true, (double) total / ((long) w * h), worst, worstX, worstY, over, diff);
  }

  static int grey(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    int g = (rgb >> 8) & 0xFF;
    int b = rgb & 0xFF;
    return (299 * r + 587 * g + 114 * b) / 1000;
  }
}
