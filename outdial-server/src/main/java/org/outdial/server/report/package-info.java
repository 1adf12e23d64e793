/**
 * Historical reports in the server: {@link org.outdial.server.report.AttemptRecorder} writes the call-attempt history
 * from the engine's commands, {@link org.outdial.server.report.ReportTransformer} runs the callback fact transform
 * periodically, and {@link org.outdial.server.report.ReportApi} serves the reports as JSON and CSV.
 */
package org.outdial.server.report;
