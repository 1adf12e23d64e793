package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingRecord;

class SampleListGeneratorTest {

    @Test
    void sameSeedGivesTheSameFile() {
        assertThat(generate("US", 10, 42, 500)).isEqualTo(generate("US", 10, 42, 500));
        assertThat(generate("US", 10, 42, 500)).isNotEqualTo(generate("US", 10, 43, 500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"US", "DE", "GB", "BR", "FR", "IN"})
    void generatedFileImportsWithoutErrorsOrDuplicates(String country) {
        SampleListGenerator generator = new SampleListGenerator(country, 14, 7);
        InMemoryListStore store = new InMemoryListStore();
        var list = store.create(new NewCallingList(1, "sample", "", generator.customFields(),
                ImportFixture.LIST_ZONE, ImportFixture.LIST_WINDOW, country, 5));

        ImportReport report = importInto(store, list, generate(generator, 3_000));

        assertThat(report.rejected()).as("%s", report.firstErrors()).isZero();
        assertThat(report.duplicates()).isZero();
        assertThat(report.imported()).isEqualTo(3_000);
    }

    @Test
    void aboutAFifthOfCustomersHaveTwoOrThreeNumbers() {
        SampleListGenerator generator = new SampleListGenerator("US", 0, 3);
        InMemoryListStore store = new InMemoryListStore();
        var list = store.create(new NewCallingList(1, "sample", "", generator.customFields(),
                ImportFixture.LIST_ZONE, ImportFixture.LIST_WINDOW, "US", 5));
        importInto(store, list, generate(generator, 10_000));

        Map<String, Long> numbersPerCustomer = store.records(list.id()).stream()
                .collect(Collectors.groupingBy(CallingRecord::customerId, Collectors.counting()));

        long chained = numbersPerCustomer.values().stream().filter(n -> n > 1).count();
        assertThat((double) chained / numbersPerCustomer.size()).isBetween(0.17, 0.23);
        assertThat(numbersPerCustomer.values()).allMatch(n -> n <= 3);
        assertThat(store.records(list.id()).stream().map(CallingRecord::timeZone).distinct().count()).isEqualTo(5);
    }

    @Test
    void customFieldsBeyondTheNamedOnesAreExtraTextFields() {
        assertThat(SampleListGenerator.customFields(14)).extracting(f -> f.name())
                .endsWith("credit_limit", "extra_13", "extra_14");
        assertThat(SampleListGenerator.customFields(3)).extracting(f -> f.name())
                .containsExactly("account_no", "balance", "due_date");
    }

    private static ImportReport importInto(InMemoryListStore store, org.outdial.list.CallingList list, String csv) {
        byte[] bytes = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            return new CsvImporter(store, ImportOptions.defaults())
                    .importCsv(list, new java.io.ByteArrayInputStream(bytes), bytes.length, ImportListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String generate(String country, int fields, long seed, int records) {
        return generate(new SampleListGenerator(country, fields, seed), records);
    }

    private static String generate(SampleListGenerator generator, int records) {
        StringWriter out = new StringWriter();
        try {
            generator.write(records, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
