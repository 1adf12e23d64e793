package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header row: fields by name, aliases, mapping files, and the errors reported before any row is read. */
class HeaderBindingTest {

    private final ImportFixture fixture = new ImportFixture();

    @Test
    void headersMatchFieldsIgnoringCaseAndSurroundingSpaces() {
        fixture.importText(" Contact_Info , ACCOUNT_NO,Customer_ID \n2127365000,A1,C7\n");

        assertThat(fixture.only().customFields()).containsEntry("account_no", "A1");
        assertThat(fixture.only().customerId()).isEqualTo("C7");
    }

    @Test
    void phoneIsAnAliasOfContactInfo() {
        fixture.importText("Phone\n2127365000\n");

        assertThat(fixture.only().contactInfo()).isEqualTo("+12127365000");
    }

    @Test
    void unknownHeaderIsRejectedBeforeAnyRowIsReadNamingItAndTheAllowedNames() {
        assertThatThrownBy(() -> fixture.importText("phone,colour,account_no\n2127365000,red,A1\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("'colour'")
                .hasMessageContaining("column 2")
                .hasMessageContaining("contact_info (or phone)")
                .hasMessageContaining("account_no (varchar)")
                .hasMessageContaining("mapping file");
        assertThat(fixture.listener.progress).isEmpty();
        assertThat(fixture.records()).isEmpty();
    }

    @Test
    void everyUnknownHeaderIsNamedInOneError() {
        assertThatThrownBy(() -> fixture.importText("phone,colour,size\n2127365000,red,XL\n"))
                .hasMessageContaining("'colour'")
                .hasMessageContaining("'size'");
    }

    @Test
    void fileWithoutContactInfoIsRejectedUpFront() {
        assertThatThrownBy(() -> fixture.importText("account_no,customer_id\nA1,C1\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no contact_info column")
                .hasMessageContaining("account_no, customer_id");
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> fixture.importText(""))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void twoHeadersForOneFieldAreRejectedUpFront() {
        assertThatThrownBy(() -> fixture.importText("phone,contact_info\n2127365000,2127365001\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("'phone' and 'contact_info' both give contact_info");
    }

    @Test
    void emptyHeaderIsRejectedUpFront() {
        assertThatThrownBy(() -> fixture.importText("phone,,visits\n2127365000,x,1\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("column 2 has no header");
    }

    @Test
    void mandatoryFieldsANewRecordCannotTakeAreIgnoredAndListed() {
        ImportReport report = fixture.importText("record_id,phone,call_time,chain_id,chain_n\n77,2127365000,x,9,y\n");

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.ignoredColumns()).containsExactly("record_id", "call_time", "chain_id", "chain_n");
    }

    @Test
    void mappingFileMapsHeadersToFields(@TempDir Path dir) throws IOException {
        Path mapping = dir.resolve("mapping.txt");
        Files.writeString(mapping, """
                # our CRM export
                Phone Number = contact_info
                Acct. No.    = account_no

                Zone=tz
                """, StandardCharsets.UTF_8);
        fixture.options = fixture.options.withMapping(ColumnMapping.load(mapping));

        fixture.importText("phone number,Acct. No.,zone,visits\n2127365000,A1,Europe/Berlin,3\n");

        assertThat(fixture.only().contactInfo()).isEqualTo("+12127365000");
        assertThat(fixture.only().customFields()).containsEntry("account_no", "A1").containsEntry("visits", 3L);
        assertThat(fixture.only().timeZone().getId()).isEqualTo("Europe/Berlin");
    }

    @Test
    void mappingToDashIgnoresTheColumn() {
        fixture.options = fixture.options.withMapping(ColumnMapping.of(Map.of("Notes", "-")));

        ImportReport report = fixture.importText("phone,notes\n2127365000,whatever\n");

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.ignoredColumns()).containsExactly("notes");
    }

    @Test
    void mappingToAFieldTheListLacksIsRejectedUpFront() {
        fixture.options = fixture.options.withMapping(ColumnMapping.of(Map.of("Tel", "contact_info", "Notes", "remarks")));

        assertThatThrownBy(() -> fixture.importText("tel,notes\n2127365000,x\n"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("'notes' is mapped by mapping to 'remarks'");
    }

    @Test
    void mappingFileLineWithoutEqualsIsRejectedWithItsLine(@TempDir Path dir) throws IOException {
        Path mapping = dir.resolve("mapping.txt");
        Files.writeString(mapping, "Phone = contact_info\nAccount account_no\n");

        assertThatThrownBy(() -> ColumnMapping.load(mapping))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("csv header = field");
    }

    @Test
    void mappingFileMappingAHeaderTwiceIsRejected(@TempDir Path dir) throws IOException {
        Path mapping = dir.resolve("mapping.txt");
        Files.writeString(mapping, "Phone = contact_info\nPHONE = customer_id\n");

        assertThatThrownBy(() -> ColumnMapping.load(mapping))
                .hasMessageContaining("line 2")
                .hasMessageContaining("mapped twice");
    }

    @Test
    void mappingFileHeaderMayContainEquals(@TempDir Path dir) throws IOException {
        Path mapping = dir.resolve("mapping.txt");
        Files.writeString(mapping, "a=b = contact_info\n");

        assertThat(ColumnMapping.load(mapping).asMap()).containsEntry("a=b", "contact_info");
    }
}
