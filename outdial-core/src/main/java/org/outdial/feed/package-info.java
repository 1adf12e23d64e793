/**
 * Message models of outdial's event feeds: campaign-group status notifications ({@code status}), the Softdial-style
 * outcome feed ({@code oz}) and the UCCX-style CTI event stream with stat events ({@code cti}). Pure values and
 * codecs: no I/O, no threads; the server's feed adapters carry them.
 */
package org.outdial.feed;
