package org.outdial.feed.oz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoftdialCodecTest {

    @Test
    void aMessageIsItsCodeThenBackslashSeparatedTwoLetterParameters() {
        SoftdialMessage m = SoftdialCodec.parse("EO\\CNSales1\\TXEOSales1\\FO\\SO");
        assertThat(m.code()).isEqualTo("EO");
        assertThat(m.params()).containsExactly(new SoftdialMessage.Param("CN", "Sales1"),
                new SoftdialMessage.Param("TX", "EOSales1"), new SoftdialMessage.Param("FO", null),
                new SoftdialMessage.Param("SO", null));
        assertThat(m.get("FO")).contains("");
        assertThat(m.get("PS")).isEmpty();
    }

    @Test
    void theSdmp2PrefixIsAccepted() {
        SoftdialMessage m = SoftdialCodec.parse("CG:MA:EE\\TXABC001");
        assertThat(m.code()).isEqualTo("CG:MA:EE");
        assertThat(m.shortCode()).isEqualTo("EE");
    }

    @Test
    void encodingIsTheInverseOfParsing() {
        SoftdialMessage m = SoftdialMessage.builder("OZ").add("TX", "t1").add("RE", "10").flag("RA").build();
        assertThat(SoftdialCodec.encode(m)).isEqualTo("OZ\\TXt1\\RE10\\RA");
        assertThat(SoftdialCodec.parse(SoftdialCodec.encode(m))).isEqualTo(m);
    }

    @Test
    void malformedMessagesAreNamed() {
        for (var bad : List.of(List.of("", "empty message"), List.of("eo\\TX1", "no message code"),
                List.of("EOX\\TX1", "no message code"), List.of("CG:EO\\TX1", "no message code"),
                List.of("EO\\\\TX1", "parameter 1"), List.of("EO\\T", "parameter 1"),
                List.of("EO\\TX1\\", "parameter 2"), List.of("EO\\t11", "parameter 1"))) {
            assertThatThrownBy(() -> SoftdialCodec.parse(bad.get(0))).as(bad.get(0))
                    .isInstanceOf(SoftdialException.class).hasMessageContaining(bad.get(1))
                    .extracting(e -> ((SoftdialException) e).errorCode()).isEqualTo(SoftdialErrors.NOT_UNDERSTOOD);
        }
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        assertThatThrownBy(() -> SoftdialCodec.parse("EE\\TX1\\TX2")).hasMessageContaining("TX is given twice")
                .extracting(e -> ((SoftdialException) e).errorCode()).isEqualTo(SoftdialErrors.UNKNOWN_PARAMETER);
    }

    @Test
    void anOverlongMessageIsRefused() {
        assertThatThrownBy(() -> SoftdialCodec.parse("EE\\TX" + "a".repeat(5000)))
                .extracting(e -> ((SoftdialException) e).errorCode()).isEqualTo(SoftdialErrors.TOO_LONG);
    }
}
