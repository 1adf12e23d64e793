package org.outdial.csv;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.outdial.list.CustomField;
import org.outdial.list.CustomFieldType;
import org.outdial.record.ContactInfoType;

/**
 * Writes a calling-list CSV of made-up but realistic records, for demos and benchmarks: unique valid E.164 numbers of
 * one country, customer ids of which about a fifth have two or three numbers (a chain), a few time zones of the
 * country, some records with their own calling window, and up to {@link #PALETTE} custom fields (account_no,
 * balance, due_date, segment, first_name, last_name, notes — with commas, quotes and line breaks —, opted_in, visits,
 * last_payment, email, credit_limit, then extra_N text fields). The same seed gives the same file; records are
 * written as they are made, so any size streams.
 *
 * <p>Create the list with {@link #customFields()} before importing the file into it.
 */
public final class SampleListGenerator {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int SUFFIX_DIGITS_MAX = 7;
    private static final Instant EPOCH_2026 = Instant.parse("2026-01-01T00:00:00Z");

    /** The named custom fields, in the order they are added. */
    public static final List<CustomField> PALETTE = List.of(
            CustomField.varchar("account_no", 20, "AccountNo"),
            CustomField.of("balance", CustomFieldType.DECIMAL, "Balance"),
            CustomField.of("due_date", CustomFieldType.DATE, "DueDate"),
            CustomField.varchar("segment", 10, "Segment"),
            CustomField.varchar("first_name", 40, "FirstName"),
            CustomField.varchar("last_name", 40, "LastName"),
            CustomField.varchar("notes", 200, null),
            CustomField.of("opted_in", CustomFieldType.BOOLEAN, null),
            CustomField.of("visits", CustomFieldType.INTEGER, null),
            CustomField.of("last_payment", CustomFieldType.TIMESTAMP, null),
            CustomField.varchar("email", 100, "Email"),
            CustomField.of("credit_limit", CustomFieldType.BIGINT, null));

    private static final Map<String, List<String>> ZONES = Map.ofEntries(
            Map.entry("US", List.of("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                    "America/Phoenix")),
            Map.entry("CA", List.of("America/Toronto", "America/Winnipeg", "America/Edmonton", "America/Vancouver",
                    "America/Halifax")),
            Map.entry("BR", List.of("America/Sao_Paulo", "America/Manaus", "America/Recife", "America/Cuiaba")),
            Map.entry("MX", List.of("America/Mexico_City", "America/Tijuana", "America/Cancun", "America/Hermosillo")),
            Map.entry("AU", List.of("Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane", "Australia/Perth",
                    "Australia/Adelaide")),
            Map.entry("RU", List.of("Europe/Moscow", "Asia/Yekaterinburg", "Asia/Novosibirsk", "Asia/Vladivostok")),
            Map.entry("ES", List.of("Europe/Madrid", "Atlantic/Canary")),
            Map.entry("PT", List.of("Europe/Lisbon", "Atlantic/Azores")),
            Map.entry("DE", List.of("Europe/Berlin")),
            Map.entry("AT", List.of("Europe/Vienna")),
            Map.entry("CH", List.of("Europe/Zurich")),
            Map.entry("FR", List.of("Europe/Paris")),
            Map.entry("GB", List.of("Europe/London")),
            Map.entry("IE", List.of("Europe/Dublin")),
            Map.entry("IT", List.of("Europe/Rome")),
            Map.entry("NL", List.of("Europe/Amsterdam")),
            Map.entry("PL", List.of("Europe/Warsaw")),
            Map.entry("IN", List.of("Asia/Kolkata")));

    private static final String[] FIRST_NAMES = {"Anna", "Ben", "Carla", "David", "Emma", "Felix", "Grace", "Hugo",
        "Ines", "Jonas", "Karin", "Liam", "Mia", "Noah", "Olivia", "Paul", "Rosa", "Sam", "Tara", "Umar"};
    private static final String[] LAST_NAMES = {"Smith", "Müller", "García", "Rossi", "Dubois", "Nowak", "Silva",
        "O'Brien", "Kowalski", "Jansen", "Novák", "Ivanova", "Brown", "Schmidt", "Lopez", "Moreau"};
    private static final String[] SEGMENTS = {"gold", "silver", "bronze"};
    private static final String[] NOTES = {"", "", "", "prefers mornings", "asked for a callback, in writing",
        "said \"not now\"", "moved house;\nnew address pending", "VIP, handle with care"};

    private final String country;
    private final List<CustomField> customFields;
    private final long seed;

    /**
     * @param country          ISO 3166 region whose numbers to make, e.g. "US"
     * @param customFieldCount how many custom fields to add, 0 or more
     */
    public SampleListGenerator(String country, int customFieldCount, long seed) {
        new PhoneNormalizer(country); // fails fast on an unknown region
        if (customFieldCount < 0) {
            throw new IllegalArgumentException("custom field count " + customFieldCount + " must be 0 or more");
        }
        this.country = country.toUpperCase(Locale.ROOT);
        this.customFields = customFields(customFieldCount);
        this.seed = seed;
    }

    /** The first {@code count} fields of {@link #PALETTE}, then text fields extra_13, extra_14… */
    public static List<CustomField> customFields(int count) {
        List<CustomField> fields = new ArrayList<>(PALETTE.subList(0, Math.min(count, PALETTE.size())));
        for (int i = PALETTE.size() + 1; i <= count; i++) {
            fields.add(CustomField.varchar("extra_" + i, 20, null));
        }
        return List.copyOf(fields);
    }

    /** The custom fields the list needs for this generator's files. */
    public List<CustomField> customFields() {
        return customFields;
    }

    /** The header row of the files written. */
    public List<String> header() {
        List<String> header = new ArrayList<>(List.of("contact_info", "contact_info_type", "customer_id", "tz",
                "daily_from", "daily_till"));
        customFields.forEach(field -> header.add(field.name()));
        return header;
    }

    /** Writes {@code records} records to a new UTF-8 file (replacing an existing one). */
    public void write(long records, Path file) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            write(records, out);
        }
    }

    /**
     * Writes a header and {@code records} records to {@code out}, which is flushed but not closed.
     *
     * @throws IllegalArgumentException when the country's sample number range cannot hold that many unique numbers
     */
    public void write(long records, Writer out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Numbers numbers = new Numbers(country, random);
        List<String> zones = ZONES.getOrDefault(country, List.of(""));
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord(header());
        long written = 0;
        for (long customer = 1; written < records; customer++) {
            double draw = random.nextDouble();
            int chainLength = draw < 0.1 ? 2 : draw < 0.2 ? 3 : 1;
            String zone = zones.get(random.nextInt(zones.size()));
            boolean ownWindow = random.nextInt(10) == 0;
            for (int n = 0; n < chainLength && written < records; n++, written++) {
                printer.print(numbers.next());
                printer.print(n == 0 ? ContactInfoType.MOBILE.code() : ContactInfoType.HOME_PHONE.code());
                printer.print("C" + zeroPadded(customer, 8));
                printer.print(zone);
                printer.print(ownWindow ? "10:00" : "");
                printer.print(ownWindow ? "19:30" : "");
                for (CustomField field : customFields) {
                    printer.print(value(field, customer, random));
                }
                printer.println();
            }
        }
        printer.flush();
    }

    private static Object value(CustomField field, long customer, SplittableRandom random) {
        return switch (field.name()) {
            case "account_no" -> "AC" + zeroPadded(customer, 10);
            case "balance" -> BigDecimal.valueOf(random.nextLong(1_000_000), 2).toPlainString();
            case "due_date" -> LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
            case "segment" -> SEGMENTS[random.nextInt(SEGMENTS.length)];
            case "first_name" -> FIRST_NAMES[(int) (customer % FIRST_NAMES.length)];
            case "last_name" -> LAST_NAMES[(int) (customer / 7 % LAST_NAMES.length)];
            case "notes" -> NOTES[random.nextInt(NOTES.length)];
            case "opted_in" -> random.nextBoolean();
            case "visits" -> random.nextInt(500);
            case "last_payment" -> EPOCH_2026.minusSeconds(random.nextLong(365L * 86_400));
            case "email" -> "customer" + customer + "@example.com";
            case "credit_limit" -> random.nextLong(10_000_000_000L);
            default -> "x" + random.nextInt(1_000_000);
        };
    }

    private static String zeroPadded(long value, int digits) {
        String text = Long.toString(value);
        return text.length() >= digits ? text : "0".repeat(digits - text.length()) + text;
    }

    /**
     * Unique valid numbers: the country's example mobile number with its last digits run through a permutation of
     * their range (an affine map modulo 10^k), skipping the invalid ones — no set of issued numbers needed.
     */
    private static final class Numbers {

        private final String country;
        private final int countryCode;
        private final String prefix;
        private final long range;
        private final int digitCount;
        private final long multiplier;
        private final long offset;
        private final PhoneNormalizer normalizer;
        private long index;

        Numbers(String country, SplittableRandom random) {
            PhoneNumber example = UTIL.getExampleNumberForType(country, PhoneNumberType.MOBILE);
            if (example == null) {
                example = UTIL.getExampleNumberForType(country, PhoneNumberType.FIXED_LINE);
            }
            if (example == null) {
                throw new IllegalArgumentException("libphonenumber has no example number for " + country
                        + "; choose another country for sample data");
            }
            String national = UTIL.getNationalSignificantNumber(example);
            int suffixDigits = Math.min(SUFFIX_DIGITS_MAX, national.length() - 2);
            this.country = country;
            this.countryCode = example.getCountryCode();
            this.prefix = national.substring(0, national.length() - suffixDigits);
            this.digitCount = suffixDigits;
            this.range = (long) Math.pow(10, suffixDigits);
            long m = random.nextLong(range / 3, range) | 1;
            this.multiplier = m % 5 == 0 ? m + 2 : m; // odd and not a multiple of 5: coprime with 10^k
            this.offset = random.nextLong(range);
            this.normalizer = new PhoneNormalizer(country);
        }

        String next() {
            while (index < range) {
                long suffix = (multiplier * index++ + offset) % range;
                String digits = zeroPadded(suffix, digitCount);
                String national = prefix + digits;
                PhoneNumber number = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
                if (!UTIL.isValidNumberForRegion(number, country)) {
                    continue; // the cheap check first: many suffixes make no valid number
                }
                String candidate = "+" + countryCode + national;
                try {
                    if (normalizer.toE164(candidate).equals(candidate)) {
                        return candidate;
                    }
                } catch (BadValueException invalid) {
                    // not every suffix makes a valid number: take the next
                }
            }
            throw new IllegalArgumentException("the sample number range of " + country + " (+" + countryCode + " "
                    + prefix + "…) has no more valid numbers; generate fewer records or use another country");
        }
    }
}
