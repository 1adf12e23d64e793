package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 4180 reading: quoting, line breaks, byte-order mark, line ends, and line numbers of rows. */
class CsvParsingTest {

    private final ImportFixture fixture = new ImportFixture();

    @Test
    void quotedValueMayHoldCommas() {
        fixture.importText("phone,account_no\n\"+1 (212) 736-5000\",\"A,B\"\n");

        assertThat(fixture.only().contactInfo()).isEqualTo("+12127365000");
        assertThat(fixture.only().customFields()).containsEntry("account_no", "A,B");
    }

    @Test
    void doubledQuoteInsideAQuotedValueIsOneQuote() {
        fixture.importText("phone,account_no\n2127365000,\"say \"\"hi\"\"\"\n");

        assertThat(fixture.only().customFields()).containsEntry("account_no", "say \"hi\"");
    }

    @Test
    void quotedValueMayHoldLineBreaks() {
        fixture.importText("phone,account_no\n2127365000,\"a\nb\r\nc\"\n");

        assertThat(fixture.only().customFields()).containsEntry("account_no", "a\nb\r\nc");
    }

    @Test
    void rowsAfterAMultiLineValueReportTheirPhysicalLine() {
        String csv = """
                phone,account_no
                2127365000,"1
                2
                3"
                2127365001,ok
                not-a-phone,x
                "2127365002","4
                5"
                invalid,y
                """;

        fixture.importText(csv);

        assertThat(fixture.listener.errorLines()).containsExactly(6L, 9L);
        assertThat(fixture.records()).hasSize(3);
    }

    @Test
    void byteOrderMarkIsSkipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "contact_info\n2127365000\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        ImportReport report = fixture.importBytes(file);

        assertThat(report.imported()).isEqualTo(1);
        assertThat(fixture.only().contactInfo()).isEqualTo("+12127365000");
    }

    @Test
    void crlfAndLfLineEndsAreBothRead() {
        ImportReport report = fixture.importText("phone,visits\r\n2127365000,1\r\n2127365001,2\n2127365002,3\r\n");

        assertThat(report.imported()).isEqualTo(3);
        assertThat(fixture.records()).extracting(r -> r.customFields().get("visits")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void lastRowNeedsNoLineEnd() {
        ImportReport report = fixture.importText("phone\n2127365000\n2127365001");

        assertThat(report.imported()).isEqualTo(2);
    }

    @Test
    void emptyFieldsAreNull() {
        fixture.importText("phone,account_no,balance,visits\n2127365000,,\"\",\n");

        assertThat(fixture.only().customFields()).containsEntry("account_no", null)
                .containsEntry("balance", null).containsEntry("visits", null);
    }

    @Test
    void blankLinesAreNotRowsButCountAsLines() {
        ImportReport report = fixture.importText("phone\n\n2127365000\n\r\n\nbad\n");

        assertThat(report.rowsRead()).isEqualTo(2);
        assertThat(fixture.listener.errorLines()).containsExactly(6L);
    }

    @Test
    void unterminatedQuoteStopsTheImportNamingTheLineWhereTheRowStarts() {
        assertThatThrownBy(() -> fixture.importText("phone,account_no\n2127365000,a\n2127365001,\"b\n2127365002,c\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("quote");
        assertThat(fixture.records()).isEmpty();
    }

    @Test
    void textAfterAClosingQuoteStopsTheImportNamingTheLine() {
        assertThatThrownBy(() -> fixture.importText("phone,account_no\n2127365000,a\n2127365001,\"b\"x\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void bytesThatAreNotUtf8RejectTheRow() {
        byte[] latin1 = "phone,account_no\n2127365000,M\u00fcller\n2127365001,ok\n".getBytes(StandardCharsets.ISO_8859_1);

        ImportReport report = fixture.importBytes(latin1);

        assertThat(report.imported()).isEqualTo(1);
        assertThat(fixture.listener.errors).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.column()).isEqualTo("account_no");
            assertThat(error.reason()).contains("UTF-8");
        });
    }

    @Test
    void nulCharacterRejectsTheRow() {
        ImportReport report = fixture.importText("phone,account_no\n2127365000,a\u0000b\n");

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(fixture.listener.errors.getFirst().reason()).contains("NUL");
    }
}
