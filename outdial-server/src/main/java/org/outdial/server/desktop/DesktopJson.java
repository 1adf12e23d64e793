package org.outdial.server.desktop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.outdial.desktop.ErrorCode;
import org.outdial.desktop.KvList;
import org.outdial.desktop.ProtocolException;

/**
 * JSON ⇄ key–value list. A message is one JSON object; its values are JSON integers (Int), strings (String) or
 * objects (nested key–value lists). Anything else — not JSON, not an object, a fraction, a boolean, an array, null, an
 * integer beyond 64 bits, a repeated key, nesting deeper than {@link #MAX_DEPTH} — is refused with a
 * {@link ProtocolException} that names the problem: 101 for a message that is no request at all, 103 for a value of the
 * wrong type.
 */
public final class DesktopJson {

    /** Largest message taken, in characters; larger ones get an error event, the connection stays. */
    public static final int MAX_MESSAGE_CHARS = 64 * 1024;
    static final int MAX_DEPTH = 8;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 2)
                    .maxStringLength(MAX_MESSAGE_CHARS).maxNumberLength(40).build())
            .build();

    private DesktopJson() {}

    /**
     * A parsed message: the key–value list without the values of the wrong type, and the first such problem (null
     * when none). Keeping the rest lets the error event echo the request type and reference id.
     */
    public record Parsed(KvList kv, ProtocolException valueError) {}

    /** @throws ProtocolException for anything that is not one JSON object of protocol-typed values */
    public static KvList parse(String text) {
        Parsed p = parseLenient(text);
        if (p.valueError() != null) {
            throw p.valueError();
        }
        return p.kv();
    }

    /**
     * Parses a message, setting aside values of the wrong type.
     *
     * @throws ProtocolException when the text is not one JSON object (101) or too large (101)
     */
    public static Parsed parseLenient(String text) {
        if (text.length() > MAX_MESSAGE_CHARS) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "message of " + text.length()
                    + " characters is larger than the limit of " + MAX_MESSAGE_CHARS);
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            return parse(p);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #parseLenient(String)} of a message's UTF-8 bytes, parsed in place (bytes that are not UTF-8 are malformed
     * JSON, 101). The limit still counts characters: a message of more bytes than the limit is decoded to count them.
     */
    public static Parsed parseLenient(byte[] utf8, int offset, int length) {
        if (length > MAX_MESSAGE_CHARS) {
            return parseLenient(new String(utf8, offset, length, java.nio.charset.StandardCharsets.UTF_8));
        }
        try (JsonParser p = FACTORY.createParser(utf8, offset, length)) {
            return parse(p);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Parsed parse(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "a message must be one JSON object "
                    + "(the user event's key-value list)");
        }
        ProtocolException[] firstError = new ProtocolException[1];
        KvList kv = object(p, 1, firstError);
        if (p.nextToken() != null) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "text after the JSON object; send one object "
                    + "per message");
        }
        return new Parsed(kv, firstError[0]);
    }

    private static KvList object(JsonParser p, int depth, ProtocolException[] firstError) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, "key-value lists nest deeper than "
                    + MAX_DEPTH + " levels");
        }
        KvList.Builder values = KvList.builder();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            ProtocolException bad = null;
            Object value = null;
            switch (v) {
                case VALUE_STRING -> value = p.getText();
                case VALUE_NUMBER_INT -> {
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        bad = new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, key
                                + " is an integer beyond 64 bits");
                    } else {
                        value = p.getLongValue();
                    }
                }
                case START_OBJECT -> value = object(p, depth + 1, firstError);
                case VALUE_NUMBER_FLOAT -> bad = wrongType(key, "a fraction");
                case VALUE_TRUE, VALUE_FALSE -> bad = wrongType(key, "a boolean");
                case VALUE_NULL -> bad = wrongType(key, "null");
                case START_ARRAY -> {
                    p.skipChildren();
                    bad = wrongType(key, "an array");
                }
                default -> throw new ProtocolException(ErrorCode.INVALID_REQUEST, "malformed JSON at key " + key);
            }
            if (values.has(key)) {
                bad = new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, "key " + key + " appears twice");
            } else if (value != null) {
                values.put(key, value);
            }
            if (bad != null && firstError[0] == null) {
                firstError[0] = bad;
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, "malformed JSON object");
        }
        return values.build();
    }

    private static ProtocolException wrongType(String key, String what) {
        return new ProtocolException(ErrorCode.INVALID_ATTRIBUTE_VALUE, key + " is " + what
                + "; values are integers, strings or objects (key-value lists)");
    }

    /**
     * One user event: {@code GSW_USER_EVENT} first, then the attributes. Written by hand rather than with a Jackson
     * generator: every answer to a desktop goes through here, and the generator's set-up cost more than the writing.
     */
    public static String event(String name, Map<String, Object> attributes) {
        JsonBytes out = new JsonBytes(128 + 48 * attributes.size());
        event(out, name, attributes);
        return out.toString();
    }

    /**
     * {@link #event(String, Map)} as UTF-8 bytes, written into {@code out} (emptied first; one thread reuses its own)
     * and returned as an array of their own.
     */
    static byte[] eventBytes(JsonBytes out, String name, Map<String, Object> attributes) {
        event(out, name, attributes);
        return out.toArray();
    }

    private static void event(JsonBytes out, String name, Map<String, Object> attributes) {
        out.reset();
        out.ascii('{');
        out.string("GSW_USER_EVENT");
        out.ascii(':');
        out.string(name);
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            if (!e.getKey().equals("GSW_USER_EVENT")) {
                out.ascii(',');
                out.string(e.getKey());
                out.ascii(':');
                value(out, e.getValue());
            }
        }
        out.ascii('}');
    }

    /** A key–value list as JSON (what a client sends). */
    public static String write(KvList kv) {
        JsonBytes out = new JsonBytes(256);
        value(out, kv);
        return out.toString();
    }

    private static void value(JsonBytes out, Object v) {
        switch (v) {
            case Long l -> out.number(l);
            case Integer i -> out.number(i);
            case String s -> out.string(s);
            case KvList kv -> {
                out.ascii('{');
                boolean first = true;
                for (Map.Entry<String, Object> e : kv.asMap().entrySet()) {
                    if (!first) {
                        out.ascii(',');
                    }
                    first = false;
                    out.string(e.getKey());
                    out.ascii(':');
                    value(out, e.getValue());
                }
                out.ascii('}');
            }
            default -> out.string(String.valueOf(v));
        }
    }

}
