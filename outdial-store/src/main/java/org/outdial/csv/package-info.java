/**
 * CSV import and export of calling lists and Do-Not-Call lists, and a generator of sample lists.
 *
 * <p>Entry points: {@link org.outdial.csv.CsvImporter}, {@link org.outdial.csv.CsvExporter},
 * {@link org.outdial.csv.DncCsvImporter} and {@link org.outdial.csv.SampleListGenerator}. Files are RFC 4180 CSV in
 * UTF-8 (a byte-order mark is skipped); the first row is the header. Imports stream: memory stays bounded whatever
 * the file size, bad rows are reported with their line and column and never stop the good ones.
 */
package org.outdial.csv;
