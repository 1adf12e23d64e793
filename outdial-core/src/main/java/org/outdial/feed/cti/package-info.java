/**
 * The CTI event stream in the UCCX style: agent state events, the call events of outbound calls (reservation, preview,
 * progressive/predictive) with their ECC variables, and GSW_STAT_EVENT user events; values, codes and JSON text.
 */
package org.outdial.feed.cti;
