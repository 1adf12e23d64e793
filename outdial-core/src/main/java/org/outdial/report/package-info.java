/**
 * Historical reporting: the callback reporting pipeline (raw user-event key–value rows → {@code CALLBACK_FACT} →
 * hourly summary) and the report rows read from it and from the call-attempt history. {@link
 * org.outdial.report.FactBuilder} is the pure part of the transform: keys in, fact columns or the missing mandatory
 * keys out.
 */
package org.outdial.report;
