package org.outdial.server.admin;

import io.javalin.http.Context;
import org.outdial.server.http.ApiException;

/**
 * Optimistic concurrency over HTTP. Versioned objects (campaigns, campaign groups, treatments, lists) carry their
 * version as ETag {@code "7"}; an edit names the version it is based on with {@code If-Match: "7"} (412 when it is
 * no longer current) or {@code "version": 7} in the body (409 when stale). Objects without a version (agents, agent
 * groups, records) carry a tag of their content and need If-Match. An edit with neither answers 428.
 */
final class Tags {

    private Tags() {}

    static String ofVersion(long version) {
        return "\"" + version + "\"";
    }

    static String ofContent(Object view) {
        return org.outdial.server.http.ContentTag.of(view);
    }

    /** The version an edit is based on: If-Match (checked against {@code current}) or the body's version. */
    static long baseVersion(Context ctx, Body body, long current, String what) {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch != null && !ifMatch.isBlank()) {
            if (!matches(ifMatch, ofVersion(current))) {
                throw ApiException.preconditionFailed(what + " is at version " + current + ", not " + ifMatch.trim()
                        + ": it was changed meanwhile; reload it and apply the change again");
            }
            return current;
        }
        Long version = body == null ? null : body.version();
        if (version == null) {
            throw ApiException.preconditionRequired("editing " + what + " needs the version it is based on: send"
                    + " the header If-Match: " + ofVersion(current) + " (the ETag of GET) or \"version\" in the body");
        }
        return version;
    }

    /** Requires If-Match equal to the object's current content tag. */
    static void requireContent(Context ctx, String currentTag, String what) {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired("editing " + what + " needs the header If-Match with its ETag"
                    + " (from GET), currently " + currentTag);
        }
        if (!matches(ifMatch, currentTag)) {
            throw ApiException.preconditionFailed(what + " was changed meanwhile (ETag now " + currentTag
                    + "); reload it and apply the change again");
        }
    }

    private static boolean matches(String header, String tag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(tag) || c.equals(tag.replace("\"", ""))) {
                return true;
            }
        }
        return false;
    }
}
