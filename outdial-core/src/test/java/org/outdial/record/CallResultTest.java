package org.outdial.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CallResultTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0|Ok
            1|Transferred
            2|Conferenced
            3|General Error
            4|System Error
            5|Remote Release
            6|Busy
            7|No Answer
            8|SIT Detected
            9|Answering Machine Detected
            10|All Trunks Busy
            11|SIT Invalid Num
            12|SIT VC
            13|SIT IC
            14|SIT Unknown Call State
            15|SIT NC
            16|SIT RO
            17|Fax Detected
            18|Queue Full
            19|Cleared
            20|Overflowed
            21|Abandoned
            22|Redirected
            23|Forwarded
            24|Consult
            25|PickedUp
            26|Dropped
            27|Dropped on No Answer
            28|Unknown Call Result
            29|Covered
            30|Converse-On
            31|Bridged
            32|Silence
            33|Answer
            34|NU Tone
            35|No Dial Tone
            36|No Progress
            37|No Ring Back Tone
            38|No Established Detected
            39|Pager Detected
            40|Wrong Party
            41|Dial Error
            42|Call Drop Error
            43|Switch Error
            44|No Port Available
            45|Transfer Error
            46|Stale
            47|Agent CallBack Error
            48|Group CallBack Error
            49|Deafened
            50|Held
            51|Do Not Call
            52|Cancel Record
            53|Wrong Number
            """)
    void everyDocumentedCallResultHasItsDocumentedValue(int code, String label) {
        CallResult result = CallResult.fromCode(code);
        assertThat(result.code()).isEqualTo(code);
        assertThat(result.label()).isEqualTo(label);
    }

    @Test
    void theEnumerationHoldsExactlyTheDocumentedFiftyFourValues() {
        assertThat(CallResult.values()).hasSize(54);
    }

    @Test
    void anUndocumentedValueIsRejectedNamingTheAllowedRange() {
        assertThat(CallResult.ofCode(54)).isEmpty();
        assertThat(CallResult.ofCode(-1)).isEmpty();
        assertThatThrownBy(() -> CallResult.fromCode(99)).hasMessageContaining("0..53");
    }
}
