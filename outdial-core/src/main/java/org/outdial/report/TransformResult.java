package org.outdial.report;

/** What one transform run did: raw events read, facts written, sessions refused, summary hours refreshed. */
public record TransformResult(long rawEvents, long facts, long rejected, long hoursAggregated) {}
