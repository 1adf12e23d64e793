package org.outdial.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordEnumerationsTest {

    @ParameterizedTest(name = "record_status {0} = {1}")
    @CsvSource({"0,NO_RECORD_STATUS", "1,READY", "2,RETRIEVED", "3,UPDATED", "4,STALE", "5,CANCELLED",
            "6,AGENT_ERROR", "7,CHAIN_UPDATED", "8,MISSED_CALLBACK", "9,CHAIN_READY"})
    void recordStatusValuesAreTheDocumentedOnes(int code, RecordStatus status) {
        assertThat(RecordStatus.fromCode(code)).isEqualTo(status);
        assertThat(status.code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "record_type {0} = {1}")
    @CsvSource({"0,NO_RECORD_TYPE", "1,UNKNOWN", "2,GENERAL", "3,CAMPAIGN_RESCHEDULED", "4,PERSONAL_RESCHEDULED",
            "5,PERSONAL_CALLBACK", "6,CAMPAIGN_CALLBACK", "7,NO_CALL"})
    void recordTypeValuesAreTheDocumentedOnes(int code, RecordType type) {
        assertThat(RecordType.fromCode(code)).isEqualTo(type);
        assertThat(type.code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "contact_info_type {0} = {1}")
    @CsvSource({"0,NO_CONTACT_TYPE", "1,HOME_PHONE", "2,DIRECT_BUSINESS_PHONE", "3,BUSINESS_WITH_EXT", "4,MOBILE",
            "5,VACATION_PHONE", "6,PAGER", "7,MODEM", "8,VOICE_MAIL", "9,PIN_PAGER", "10,EMAIL_ADDRESS",
            "11,INSTANT_MESSAGING"})
    void contactInfoTypeValuesAreTheDocumentedOnes(int code, ContactInfoType type) {
        assertThat(ContactInfoType.fromCode(code)).isEqualTo(type);
        assertThat(type.code()).isEqualTo(code);
    }
}
