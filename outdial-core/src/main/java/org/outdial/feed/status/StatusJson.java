package org.outdial.feed.status;

/**
 * Writes a {@link CampaignGroupStatus} as the JSON body of the HTTP POST: the spec's keys in the spec's order, numbers
 * as JSON numbers, undefined statistics as {@code null}. Hand-written so the core stays free of JSON libraries; the
 * output is plain JSON any parser reads.
 */
public final class StatusJson {

    private StatusJson() {}

    public static String render(CampaignGroupStatus s) {
        StringBuilder b = new StringBuilder(768).append('{');
        field(b, "GSW_USER_EVENT", CampaignGroupStatus.USER_EVENT);
        raw(b, "GSW_DATE_TIME", quote(dateTime(s.atMs())));
        field(b, "GSW_TENANT_NAME", s.tenantName());
        field(b, "GSW_TENANT_CCID", s.tenantCcid());
        field(b, "GSW_CAMPAIGN_GROUP_NAME", s.groupName());
        field(b, "GSW_CAMPAIGN_GROUP_GUID", s.groupGuid());
        field(b, "GSW_CAMPAIGN_GROUP_DBID", Long.toString(s.groupDbid()));
        field(b, "GSW_GROUP_NAME", s.agentGroupName());
        field(b, "GSW_CAMPAIGN_NAME", s.campaignName());
        if (s.templateName() != null) {
            field(b, "GSW_CAMPAIGN_TEMPLATE_NAME", s.templateName());
        }
        field(b, "GSW_QUEUE_NAME", s.queueName());
        raw(b, "GSW_DIAL_MODE", number(s.dialMode()));
        raw(b, "GSW_OPTIMIZE_BY", number(s.optimizeBy()));
        raw(b, "GSW_OPTIMIZE_GOAL", number(s.optimizeGoal()));
        raw(b, "GSW_CAMPAIGN_GROUP_STATE", Integer.toString(s.groupState()));
        raw(b, "GSW_CAMPAIGN_GROUP_ACTION", Integer.toString(s.action().code()));
        raw(b, "GSW_CAMPAIGN_GROUP_ACTOR", Integer.toString(s.actor()));
        raw(b, "GSW_STAT_BUSY_FACTOR", number(s.busyFactor()));
        raw(b, "GSW_STAT_HIT_RATIO", number(s.hitRatio()));
        raw(b, "GSW_STAT_OVERDIAL_RATE", number(s.overdialRate()));
        raw(b, "GSW_STAT_TIME_TO_COMPLETE", number(s.timeToCompleteSec()));
        b.append("\"GSW_CALLING_LISTS\":[");
        for (int i = 0; i < s.lists().size(); i++) {
            CampaignGroupStatus.ListStatus l = s.lists().get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append('{');
            field(b, "GSW_CALLING_LIST_NAME", l.listName());
            field(b, "GSW_CALLING_LIST_DBID", Long.toString(l.listDbid()));
            raw(b, "GSW_STAT_HIT_RATIO", number(l.hitRatio()));
            b.append(quote("GSW_STAT_TIME_TO_COMPLETE")).append(':').append(number(l.timeToCompleteSec()));
            b.append('}');
        }
        return b.append("]}").toString();
    }

    /** UTC seconds since the epoch with millisecond precision, e.g. {@code 1700000000.042}. */
    public static String dateTime(long epochMs) {
        long sec = Math.floorDiv(epochMs, 1000);
        long ms = Math.floorMod(epochMs, 1000);
        return sec + "." + (ms < 10 ? "00" : ms < 100 ? "0" : "") + ms;
    }

    private static void field(StringBuilder b, String key, String value) {
        raw(b, key, quote(value));
    }

    private static void raw(StringBuilder b, String key, String json) {
        b.append(quote(key)).append(':').append(json).append(',');
    }

    private static String number(Number n) {
        if (n == null) {
            return "null";
        }
        if (n instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : Double.toString(d);
        }
        return n.toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
