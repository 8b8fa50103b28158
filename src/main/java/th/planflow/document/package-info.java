/**
 * Documents produced by every duty: PDF from Thymeleaf HTML templates (rendered by headless
 * Chromium, which shapes Thai correctly, with the Sarabun font embedded) and XLSX spreadsheets.
 *
 * <ul>
 *   <li>{@link th.planflow.document.DocumentService}: {@code templates/documents/*.html} to PDF.</li>
 *   <li>{@link th.planflow.document.ChromiumPdfRenderer}: the Chromium process, its limits and version.</li>
 *   <li>{@link th.planflow.document.XlsxWriter}: sheets with Thai headers, typed cells and B.E. dates.</li>
 * </ul>
 */
package th.planflow.document;
