package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;

/**
 * Random files — random quoting, line breaks, commas and quotes inside values, byte-order mark, CRLF and LF, blank
 * lines, valid, invalid and repeated values — must import exactly: every row is imported, rejected on its own line,
 * or skipped as a duplicate, and every valid row arrives intact. Replay a failure with {@code -Dcsv.seed=<seed>}.
 */
class RandomizedImportTest {

    private static final int FILES = 40;
    private static final int ROWS_MAX = 400;
    private static final List<String> ZONES = List.of("Europe/Berlin", "america/chicago", "+02:00", "-0500", "UTC+3", "");
    private static final String TEXT_CHARS = "ab ,\"\n\r\u00fc\u20ac;'x";

    @Test
    void everyRowIsImportedRejectedOrSkippedAndValidRowsArriveIntact() {
        long baseSeed = Long.getLong("csv.seed", System.nanoTime());
        for (int file = 0; file < FILES; file++) {
            long seed = baseSeed + file;
            try {
                checkOneFile(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("randomized import failed; replay with -Dcsv.seed=" + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private static void checkOneFile(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        GeneratedFile file = new GeneratedFile(random);
        int rows = random.nextInt(ROWS_MAX + 1);
        for (int i = 0; i < rows; i++) {
            file.addRow();
        }
        ImportFixture fixture = new ImportFixture();
        fixture.options = fixture.options.withBatchSize(1 + random.nextInt(50));

        ImportReport report = fixture.importBytes(file.bytes());

        assertThat(report.rowsRead()).isEqualTo(rows);
        assertThat(report.imported() + report.rejected() + report.duplicates()).isEqualTo(rows);
        assertThat(fixture.listener.errorLines()).isEqualTo(file.badLines);
        assertThat(fixture.listener.duplicateLines).isEqualTo(file.duplicateLines);
        List<CallingRecord> records = fixture.records();
        assertThat(records).hasSize(file.expected.size());
        for (int i = 0; i < records.size(); i++) {
            Expected expected = file.expected.get(i);
            CallingRecord actual = records.get(i);
            assertThat(actual.contactInfo()).isEqualTo(expected.contact);
            assertThat(actual.timeZone()).isEqualTo(expected.zone);
            assertThat(actual.window()).isEqualTo(expected.window);
            assertThat(actual.customFields()).isEqualTo(expected.custom);
        }
    }

    private record Expected(String contact, ZoneId zone, CallingWindow window, Map<String, Object> custom) {
    }

    /** A CSV file being written, with what an import of it must give. */
    private static final class GeneratedFile {

        final SplittableRandom random;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final StringBuilder text = new StringBuilder();
        final List<String> columns;
        final List<Expected> expected = new ArrayList<>();
        final List<Long> badLines = new ArrayList<>();
        final List<Long> duplicateLines = new ArrayList<>();
        final List<Integer> validNumbers = new ArrayList<>();
        final Set<Integer> usedNumbers = new HashSet<>();
        long line = 1;

        GeneratedFile(SplittableRandom random) {
            this.random = random;
            List<String> optional = new ArrayList<>(List.of("tz", "daily_from", "account_no", "balance", "visits", "opted_in"));
            columns = new ArrayList<>(List.of("contact_info"));
            optional.stream().filter(c -> random.nextBoolean()).forEach(columns::add);
            shuffle(columns);
            if (random.nextBoolean()) {
                text.append('\uFEFF');
            }
            List<String> header = columns.stream().map(c -> c.equals("contact_info") && random.nextBoolean() ? " Phone " : c.toUpperCase()).toList();
            writeRow(header);
        }

        void addRow() {
            if (random.nextInt(20) == 0) {
                text.append(random.nextBoolean() ? "\r\n" : "\n");
                line++;
            }
            boolean bad = false;
            Map<String, String> cells = new LinkedHashMap<>();
            Map<String, Object> custom = new LinkedHashMap<>();
            ZoneId zone = ImportFixture.LIST_ZONE;
            int from = ImportFixture.LIST_WINDOW.dailyFromSec();
            String contact = null;
            boolean repeat = false;
            for (String column : columns) {
                boolean invalid = random.nextInt(12) == 0;
                bad |= invalid;
                switch (column) {
                    case "contact_info" -> {
                        if (invalid) {
                            // an empty cell alone on its line would be a blank line, not a row
                            cells.put(column, columns.size() == 1 ? pick("555 555 0000", "12", "phone?")
                                    : pick("555 555 0000", "12", "phone?", ""));
                        } else {
                            repeat = !validNumbers.isEmpty() && random.nextInt(10) == 0;
                            int number = repeat ? validNumbers.get(random.nextInt(validNumbers.size())) : freshNumber();
                            contact = String.format("+1212736%04d", number);
                            cells.put(column, formatPhone(number));
                            if (!repeat) {
                                validNumbers.add(number);
                            }
                        }
                    }
                    case "tz" -> {
                        String value = invalid ? "Nowhere/City" : pick(ZONES.toArray(String[]::new));
                        cells.put(column, value);
                        if (!invalid && !value.isEmpty()) {
                            zone = value.startsWith("+") || value.startsWith("-") || value.startsWith("UTC")
                                    ? ZoneOffset.of(value.replace("UTC", "").replace("-0500", "-05:00"))
                                    : ZoneId.of(value.equals("america/chicago") ? "America/Chicago" : value);
                        }
                    }
                    case "daily_from" -> {
                        int seconds = random.nextInt(24 * 60) * 60;
                        cells.put(column, invalid ? "25:00" : random.nextBoolean() ? CallingWindow.formatTimeOfDay(seconds) : " " + seconds);
                        from = seconds;
                    }
                    case "account_no" -> {
                        String value = randomText(invalid ? 11 + random.nextInt(5) : random.nextInt(11));
                        cells.put(column, value);
                        custom.put(column, value.isEmpty() ? null : value);
                    }
                    case "balance" -> {
                        BigDecimal value = BigDecimal.valueOf(random.nextLong(-10_000_000, 10_000_000), random.nextInt(5));
                        cells.put(column, invalid ? pick("1.23456", "12,5", "x") : value.toPlainString());
                        custom.put(column, value);
                    }
                    case "visits" -> {
                        long value = random.nextInt();
                        cells.put(column, invalid ? pick("2147483648", "1.5", "many") : " " + value + " ");
                        custom.put(column, value);
                    }
                    case "opted_in" -> {
                        String value = pick("true", "FALSE", "1", "0", "Yes", "no", "");
                        cells.put(column, invalid ? "maybe" : value);
                        custom.put(column, value.isEmpty() ? null : Set.of("true", "1", "yes").contains(value.toLowerCase()));
                    }
                    default -> throw new IllegalStateException(column);
                }
            }
            long rowLine = line;
            writeRow(columns.stream().map(cells::get).toList());
            if (bad) {
                badLines.add(rowLine);
            } else if (repeat) {
                duplicateLines.add(rowLine);
            } else {
                expected.add(new Expected(contact, zone, new CallingWindow(from, ImportFixture.LIST_WINDOW.dailyTillSec()), custom));
            }
            if (bad && contact != null && !repeat) {
                validNumbers.removeLast(); // a rejected row's number is not in the list
            }
        }

        byte[] bytes() {
            if (random.nextBoolean() && !text.isEmpty() && text.charAt(text.length() - 1) == '\n') {
                text.setLength(text.length() - (text.length() > 1 && text.charAt(text.length() - 2) == '\r' ? 2 : 1));
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        private void writeRow(List<String> cells) {
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                boolean mustQuote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
                if (mustQuote || random.nextInt(4) == 0) {
                    text.append('"').append(cell.replace("\"", "\"\"")).append('"');
                } else {
                    text.append(cell);
                }
                text.append(i + 1 < cells.size() ? "," : random.nextBoolean() ? "\r\n" : "\n");
                line += lineBreaks(cell);
            }
            line++;
        }

        private static long lineBreaks(String value) {
            long breaks = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' && (i == 0 || value.charAt(i - 1) != '\r')) {
                    breaks++;
                }
            }
            return breaks;
        }

        private int freshNumber() {
            int number;
            do {
                number = random.nextInt(10_000);
            } while (!usedNumbers.add(number));
            return number;
        }

        private String formatPhone(int number) {
            String digits = String.format("%04d", number);
            return switch (random.nextInt(5)) {
                case 0 -> "+1212736" + digits;
                case 1 -> "(212) 736-" + digits;
                case 2 -> " 212.736." + digits + " ";
                case 3 -> "001212736" + digits;
                default -> "+1 212 736 " + digits;
            };
        }

        private String randomText(int length) {
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < length; i++) {
                value.append(TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length())));
            }
            return value.toString();
        }

        private String pick(String... values) {
            return values[random.nextInt(values.length)];
        }

        private void shuffle(List<String> list) {
            for (int i = list.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String t = list.get(i);
                list.set(i, list.get(j));
                list.set(j, t);
            }
        }
    }
}
