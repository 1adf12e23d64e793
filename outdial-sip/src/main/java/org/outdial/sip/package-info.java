/**
 * The SIP switch adapter: third-party call control (RFC 3725) over a SIP trunk. Customers are dialed over the trunk,
 * answered calls are bridged to agents' SIP phones by exchanging SDP between the legs; outdial never touches media.
 * {@link org.outdial.sip.SipSwitch} implements the Switch SPI; each call's signalling runs on its own serial queue.
 */
package org.outdial.sip;
