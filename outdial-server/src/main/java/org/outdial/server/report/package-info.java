/**
 * Historical reports in the server: {@link org.outdial.server.report.ReportTransformer} runs the callback fact
 * transform periodically and {@link org.outdial.server.report.ReportApi} serves the reports as JSON and CSV. The
 * call-attempt history they read is written by the feeds ({@code org.outdial.server.feed.AttemptHistory}).
 */
package org.outdial.server.report;
