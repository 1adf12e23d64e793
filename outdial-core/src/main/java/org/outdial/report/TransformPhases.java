package org.outdial.report;

/**
 * Where one transform run spent its time, in milliseconds: for benchmarks and logs, never for behaviour. Reading and
 * building run on several threads while one writes, so {@code readMs} and {@code buildMs} are summed over threads and
 * {@code waitMs} is the writer's time waiting for a built batch.
 *
 * @param readMs     reading raw events (all preparing threads)
 * @param buildMs    building facts and their rows (all preparing threads)
 * @param waitMs     the writer waiting for the next built batch
 * @param writeMs    writing facts, rejections and the watermark, committing
 * @param analyzeMs  refreshing planner statistics after a bulk transform
 * @param aggregateMs rebuilding the summary hours touched
 * @param totalMs    the whole run
 */
public record TransformPhases(long readMs, long buildMs, long waitMs, long writeMs, long analyzeMs, long aggregateMs,
                              long totalMs) {}
