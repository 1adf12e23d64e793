/**
 * The outcome feed in the Softdial style: message framing (two-letter codes, backslash-separated two-letter
 * parameters), OLE Automation dates, the client requests (Enumerate Outcomes, Enumerate End), the Outcome Data, Number
 * Back, Enumerate Finished and Error Report messages, parameter validation and the call-result → dialing-cycle outcome
 * table.
 */
package org.outdial.feed.oz;
