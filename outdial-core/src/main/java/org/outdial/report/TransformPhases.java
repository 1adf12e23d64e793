package org.outdial.report;

/**
 * Where one transform run spent its time, in milliseconds: for benchmarks and logs, never for behaviour. Batches are
 * read and built on several threads and written on one or more, so {@code readMs}, {@code buildMs} and {@code writeMs}
 * are summed over threads and {@code waitMs} is the coordinating thread's time waiting for them.
 *
 * @param readMs     reading raw events (all preparing threads)
 * @param buildMs    building facts and their rows (all preparing threads)
 * @param waitMs     the coordinating thread waiting for a built batch, a free writer or the last writes
 * @param writeMs    writing facts, rejections and the watermark, committing (all writing threads)
 * @param analyzeMs  refreshing planner statistics after a bulk transform
 * @param aggregateMs rebuilding the summary hours touched
 * @param totalMs    the whole run
 */
public record TransformPhases(long readMs, long buildMs, long waitMs, long writeMs, long analyzeMs, long aggregateMs,
                              long totalMs) {}
