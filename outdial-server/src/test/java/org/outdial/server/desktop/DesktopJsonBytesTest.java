package org.outdial.server.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.outdial.desktop.ErrorCode;
import org.outdial.desktop.KvList;
import org.outdial.desktop.ProtocolException;

/**
 * Messages read straight from their frames' UTF-8 bytes and answers written straight as UTF-8: the same lists, the same
 * refusals and the same text as through Java strings.
 */
class DesktopJsonBytesTest {

    @Test
    void aMessageParsedFromItsBytesIsTheOneParsedFromItsText() {
        Random random = new Random(20261122);
        for (int round = 0; round < 3_000; round++) {
            String text = DesktopJson.write(KvList.of(RandomKv.map(random, 0)));
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (round % 2 == 1) { // a damaged message: one byte changed
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(128);
                text = new String(bytes, StandardCharsets.UTF_8);
            }
            Object fromBytes = outcome(() -> DesktopJson.parseLenient(bytes, 0, bytes.length));
            if (utf8(bytes)) {
                String asText = text;
                assertThat(fromBytes).as(text).isEqualTo(outcome(() -> DesktopJson.parseLenient(asText)));
            } else { // a String would have replaced the bad bytes; parsed in place they are malformed JSON
                assertThat(fromBytes).as(text).isEqualTo(ErrorCode.INVALID_REQUEST);
            }
        }
    }

    @Test
    void bytesInTheMiddleOfABufferAreParsedAlone() {
        byte[] message = "{\"GSW_AGENT_REQ_TYPE\":\"CampaignStatusRequest\"}".getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[message.length + 20];
        java.util.Arrays.fill(buffer, (byte) '}');
        System.arraycopy(message, 0, buffer, 7, message.length);
        assertThat(DesktopJson.parseLenient(buffer, 7, message.length).kv().string("GSW_AGENT_REQ_TYPE"))
                .isEqualTo("CampaignStatusRequest");
    }

    @Test
    void bytesThatAreNotUtf8AreMalformedJson() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        assertThatThrownBy(() -> DesktopJson.parseLenient(bytes, 0, bytes.length))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).startsWith("malformed JSON");
                });
    }

    @Test
    void theLimitCountsCharactersNotBytes() {
        byte[] wide = ("{\"GSW_AGENT_REQ_TYPE\":\"" + "é".repeat(DesktopJson.MAX_MESSAGE_CHARS / 2 + 1) + "\"}")
                .getBytes(StandardCharsets.UTF_8); // more bytes than the limit, fewer characters
        assertThat(DesktopJson.parseLenient(wide, 0, wide.length).kv().string("GSW_AGENT_REQ_TYPE")).startsWith("é");
        byte[] large = ("{\"GSW_AGENT_REQ_TYPE\":\"" + "y".repeat(DesktopJson.MAX_MESSAGE_CHARS) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DesktopJson.parseLenient(large, 0, large.length))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.getMessage()).contains("characters is larger than the limit"));
    }

    @Test
    void anEventWrittenAsBytesIsItsTextInUtf8() {
        Random random = new Random(11);
        JsonBytes buffer = new JsonBytes(8); // grows as it goes
        for (int round = 0; round < 2_000; round++) {
            Map<String, Object> attributes = RandomKv.map(random, 0);
            String name = RandomKv.text(random);
            assertThat(DesktopJson.eventBytes(buffer, name, attributes))
                    .isEqualTo(DesktopJson.event(name, attributes).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void numbersAtTheEdgesAreWrittenWhole() {
        assertThat(DesktopJson.event("E", Map.of("a", Long.MIN_VALUE))).contains("\"a\":" + Long.MIN_VALUE);
        assertThat(DesktopJson.event("E", Map.of("a", Long.MAX_VALUE))).contains("\"a\":" + Long.MAX_VALUE);
        assertThat(DesktopJson.event("E", Map.of("a", 0L))).contains("\"a\":0}");
        assertThat(DesktopJson.event("E", Map.of("a", -7))).contains("\"a\":-7}");
    }

    @Test
    void anUnpairedSurrogateIsWrittenAsJavaWritesIt() {
        String odd = "x\ud800y\udc00z";
        assertThat(new String(DesktopJson.eventBytes(new JsonBytes(16), odd, Map.of()), StandardCharsets.UTF_8))
                .isEqualTo(new String(DesktopJson.event(odd, Map.of()).getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8));
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** The parsed list and its first value error, or the refusal's code. */
    private static Object outcome(java.util.function.Supplier<DesktopJson.Parsed> parse) {
        try {
            DesktopJson.Parsed p = parse.get();
            return p.kv() + " / " + (p.valueError() == null ? "" : p.valueError().code() + " "
                    + p.valueError().getMessage());
        } catch (ProtocolException e) {
            return e.code(); // the description quotes the parser, which words Strings and bytes differently
        }
    }
}
