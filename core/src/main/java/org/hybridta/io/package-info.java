/**
 * Files in and out: bars from and to CSV ({@link org.hybridta.io.BarCsv}), indicator values to CSV
 * ({@link org.hybridta.io.IndicatorCsv}), and whole-or-nothing file writing
 * ({@link org.hybridta.io.AtomicFiles}) that every sink and cache uses, so that no reader ever sees a
 * half-written file.
 *
 * <p>Malformed input is reported as a {@link org.hybridta.io.CsvFormatException} whose message names
 * the file, the line and the column. Text from outside quoted in any message goes through
 * {@link org.hybridta.io.UntrustedText}, which caps it and escapes control characters.
 */
package org.hybridta.io;
