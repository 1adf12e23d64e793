package org.outdial.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outdial.record.CallResult;
import org.outdial.record.CallingRecord;
import org.outdial.record.CallingWindow;
import org.outdial.record.ContactInfoType;
import org.outdial.record.RecordStatus;
import org.outdial.record.RecordType;

/** Cell values: phone normalization, time zones, calling windows, enumerations, times and custom field types. */
class ValueParsingTest {

    private final ImportFixture fixture = new ImportFixture();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "(212) 736-5000; +12127365000",
        "212.736.5000; +12127365000",
        "1 212 736 5000; +12127365000",
        "+1 212 736 5000; +12127365000",
        "+4930123456; +4930123456",
        "+49 151 12345678; +4915112345678",
        "0049 30 123456; +4930123456",
        "00442079460958; +442079460958",
        "+39 06 1234 5678; +390612345678"})
    void phoneNumbersBecomeE164WithTheListCountryForNationalNumbers(String written, String e164) {
        fixture.importText("phone\n\"" + written + "\"\n");

        assertThat(fixture.only().contactInfo()).isEqualTo(e164);
    }

    @Test
    void rowWithInvalidPhoneIsRejectedWithItsLineAndColumn() {
        ImportReport report = fixture.importText("account_no,Phone\nA1,2127365000\nA2,555 555 5555\nA3,12\n");

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(fixture.listener.errors).extracting(RowError::line, RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "Phone"), org.assertj.core.groups.Tuple.tuple(4L, "Phone"));
        assertThat(fixture.listener.errors.getFirst().reason())
                .contains("'555 555 5555'", "not a valid phone number", "international form");
    }

    @Test
    void phoneWithExtensionIsRejected() {
        fixture.importText("phone\n\"212 736 5000 ext. 12\"\n");

        assertThat(fixture.listener.errors).singleElement().extracting(RowError::reason).asString().contains("extension");
    }

    @Test
    void emptyContactInfoRejectsTheRow() {
        fixture.importText("phone,account_no\n,A1\n");

        assertThat(fixture.listener.errors).singleElement().extracting(RowError::reason).asString().contains("is empty");
    }

    @Test
    void emailContactIsKeptTrimmedAsGiven() {
        fixture.importText("contact_info,contact_info_type\n  Jane.Doe@Example.com ,10\n");

        assertThat(fixture.only().contactInfo()).isEqualTo("Jane.Doe@Example.com");
        assertThat(fixture.only().contactInfoType()).isEqualTo(ContactInfoType.EMAIL_ADDRESS);
    }

    @Test
    void enumerationsAreReadByCodeOrByName() {
        fixture.importText("""
                phone,contact_info_type,record_type,record_status,call_result
                2127365000,4,6,3,6
                2127365001,mobile,campaign callback,updated,BUSY
                """);

        assertThat(fixture.records()).allSatisfy(record -> {
            assertThat(record.contactInfoType()).isEqualTo(ContactInfoType.MOBILE);
            assertThat(record.recordType()).isEqualTo(RecordType.CAMPAIGN_CALLBACK);
            assertThat(record.recordStatus()).isEqualTo(RecordStatus.UPDATED);
            assertThat(record.callResult()).isEqualTo(CallResult.BUSY);
        });
    }

    @Test
    void unknownEnumerationCodeIsRejectedSayingTheRange() {
        fixture.importText("phone,call_result\n2127365000,54\n");

        assertThat(fixture.listener.errors).singleElement().satisfies(error -> {
            assertThat(error.column()).isEqualTo("call_result");
            assertThat(error.reason()).contains("0..53");
        });
    }

    @Test
    void unknownContactTypeIsTheRowsOnlyErrorEvenForAnAddress() {
        fixture.importText("contact_info,contact_info_type\njane@example.com,email\n");

        assertThat(fixture.listener.errors).singleElement().satisfies(error -> {
            assertThat(error.column()).isEqualTo("contact_info_type");
            assertThat(error.reason()).contains("'email'", "0..11", "email_address");
        });
    }

    @Test
    void retrievedStatusIsImportedAsReady() {
        fixture.importText("phone,record_status\n2127365000,2\n");

        assertThat(fixture.only().recordStatus()).isEqualTo(RecordStatus.READY);
    }

    @Test
    void absentColumnsGiveAFreshRecord() {
        fixture.importText("phone\n2127365000\n");

        CallingRecord record = fixture.only();
        assertThat(record.contactInfoType()).isEqualTo(ContactInfoType.HOME_PHONE);
        assertThat(record.recordType()).isEqualTo(RecordType.GENERAL);
        assertThat(record.recordStatus()).isEqualTo(RecordStatus.READY);
        assertThat(record.callResult()).isEqualTo(CallResult.UNKNOWN_CALL_RESULT);
        assertThat(record.attempt()).isZero();
        assertThat(record.dialSchedTime()).isNull();
        assertThat(record.customerId()).isNull();
    }

    @Test
    void timeZoneIsTheListsUnlessTheRowNamesOne() {
        fixture.importText("phone,tz\n2127365000,\n2127365001,europe/berlin\n");

        assertThat(fixture.records()).extracting(CallingRecord::timeZone)
                .containsExactly(ImportFixture.LIST_ZONE, ZoneId.of("Europe/Berlin"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"+02:00, +02:00", "-0500, -05:00", "UTC+3, +03:00", "GMT-5, -05:00", "Z, Z", "+5:30, +05:30"})
    void timeZoneMayBeAUtcOffset(String written, String offset) {
        fixture.importText("phone,time_zone\n2127365000," + written + "\n");

        assertThat(fixture.only().timeZone()).isEqualTo(ZoneOffset.of(offset));
    }

    @Test
    void unknownTimeZoneIsRejectedSayingWhatIsAllowed() {
        fixture.importText("phone,tz\n2127365000,Mars/Olympus\n");

        assertThat(fixture.listener.errors).singleElement().satisfies(error -> {
            assertThat(error.column()).isEqualTo("tz");
            assertThat(error.reason()).contains("'Mars/Olympus'", "IANA", "+02:00");
        });
    }

    @Test
    void callingWindowIsTheListsUnlessTheRowGivesOne() {
        fixture.importText("phone,daily_from,daily_till\n2127365000,,\n2127365001,08:30,20:00\n2127365002,36000,\n");

        assertThat(fixture.records()).extracting(CallingRecord::window).containsExactly(
                ImportFixture.LIST_WINDOW,
                new CallingWindow(8 * 3600 + 1800, 20 * 3600),
                new CallingWindow(36000, ImportFixture.LIST_WINDOW.dailyTillSec()));
    }

    @Test
    void timeOfDayOutOfRangeIsRejected() {
        fixture.importText("phone,daily_from\n2127365000,25:00\n");

        assertThat(fixture.listener.errors).singleElement().extracting(RowError::reason).asString()
                .contains("HH:mm", "24:00");
    }

    @Test
    void dialSchedTimeIsEpochSecondsOrIsoWithLocalTimesInTheRecordZone() {
        fixture.importText("""
                phone,tz,dial_sched_time
                2127365000,,1767225600
                2127365001,,2026-01-01T00:00:00Z
                2127365002,Europe/Berlin,2026-01-01T01:00:00
                2127365003,,2026-01-01 01:00:00+01:00
                """);

        assertThat(fixture.records()).extracting(CallingRecord::dialSchedTime)
                .containsOnly(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void customFieldValuesAreParsedToTheirTypes() {
        fixture.importText("""
                phone,account_no,balance,due_date,opted_in,visits,credit,paid_at
                2127365000,A-1,1234.5,2026-03-31,yes,-7,9000000000,2026-03-31T10:00:00-04:00
                """);

        assertThat(fixture.only().customFields())
                .containsEntry("account_no", "A-1")
                .containsEntry("balance", new BigDecimal("1234.5"))
                .containsEntry("due_date", LocalDate.of(2026, 3, 31))
                .containsEntry("opted_in", true)
                .containsEntry("visits", -7L)
                .containsEntry("credit", 9_000_000_000L)
                .containsEntry("paid_at", Instant.parse("2026-03-31T14:00:00Z"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = ';', value = {
        "account_no; ABCDEFGHIJK; 11 characters long; at most 10",
        "balance; 12,5; not a decimal; e.g. 1234.56",
        "balance; 1.23456; 5 decimals; at most 4",
        "balance; 123456789012345; too large; 14 digits",
        "due_date; 31/03/2026; not an ISO-8601 date; yyyy-MM-dd",
        "opted_in; maybe; not a boolean; yes, no",
        "visits; 2147483648; out of range; fits 32 bits",
        "visits; 1.5; not a whole number; fits 32 bits",
        "credit; 9223372036854775808; not a whole number; 64 bits",
        "paid_at; yesterday; not an ISO-8601 date-time; 2025-03-31T14:30:00Z"})
    void customFieldValueOfTheWrongTypeIsRejectedNamingTheColumnAndWhatIsAllowed(
            String column, String value, String wrong, String allowed) {
        fixture.importText("phone," + column + "\n2127365000,\"" + value + "\"\n");

        assertThat(fixture.listener.errors).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.column()).isEqualTo(column);
            assertThat(error.reason()).contains(wrong, allowed);
        });
    }

    @Test
    void everyBadValueOfARowIsReported() {
        ImportReport report = fixture.importText("phone,visits,opted_in,tz\n12,x,maybe,Nowhere\n");

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.errorCount()).isEqualTo(4);
        assertThat(fixture.listener.errors).extracting(RowError::column)
                .containsExactlyInAnyOrder("phone", "visits", "opted_in", "tz");
    }

    @Test
    void rowWithMoreOrFewerValuesThanHeadersIsRejected() {
        fixture.importText("phone,visits\n2127365000,1,extra\n2127365001\n2127365002,3\n");

        assertThat(fixture.listener.errors).extracting(RowError::line).containsExactly(2L, 3L);
        assertThat(fixture.listener.errors).allSatisfy(error -> {
            assertThat(error.column()).isNull();
            assertThat(error.reason()).contains("header has 2 columns");
        });
        assertThat(fixture.contacts()).containsExactly("+12127365002");
    }

    @Test
    void customerIdIsPassedOnAndTheStoreChainsItsRecords() {
        fixture.importText("phone,customer_id\n2127365000,C1\n2127365001,C2\n2127365002,C1\n");

        CallingRecord first = fixture.records().get(0);
        CallingRecord third = fixture.records().get(2);
        assertThat(third.chainId()).isEqualTo(first.chainId());
        assertThat(third.chainN()).isEqualTo(first.chainN() + 1);
    }
}
