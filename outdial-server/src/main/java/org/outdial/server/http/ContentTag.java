package org.outdial.server.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ETag of an object without a version: a digest of its JSON view, so that an edit can name the state it is based
 * on ({@code If-Match}) and fail when someone else changed the object meanwhile.
 */
public final class ContentTag {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = Json.mapper();

    private ContentTag() {}

    public static String of(Object view) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(view));
            return "\"c" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
