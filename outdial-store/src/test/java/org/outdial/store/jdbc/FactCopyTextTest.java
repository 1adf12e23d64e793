package org.outdial.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/** The transform encodes fact rows for COPY itself; the text must be what {@link PgCopyText} writes. */
class FactCopyTextTest {

    @Test
    void factRowsAreEncodedAsPgCopyTextWritesThem() throws Exception {
        long seed = 20261121;
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        String alphabet = "aZ09 -_.:\\\t\n\r\b\f\u000Bé€";
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < 500; r++) {
            Object[] row = new Object[12];
            for (int i = 0; i < row.length; i++) {
                row[i] = switch (random.nextInt(4)) {
                    case 0 -> null;
                    case 1 -> random.nextLong();
                    case 2 -> random.nextInt();
                    default -> {
                        StringBuilder sb = new StringBuilder();
                        for (int n = random.nextInt(12); n > 0; n--) {
                            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                        yield sb.toString();
                    }
                };
            }
            rows.add(row);
        }
        StringWriter expected = new StringWriter();
        for (Object[] row : rows) {
            PgCopyText.writeRow(expected, row);
        }
        for (int chunkChars : new int[] {1 << 16, 100}) { // one chunk; many, split between rows
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            for (byte[] chunk : ReportRepository.copyText(rows, chunkChars)) {
                text.write(chunk, 0, chunk.length);
            }
            assertThat(text.toString(StandardCharsets.UTF_8)).as("seed %d, chunks of %d", seed, chunkChars)
                    .isEqualTo(expected.toString());
        }
    }
}
