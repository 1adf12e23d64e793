/** The outcome feed's TCP server: Softdial framing, one connection per client, a bounded queue each. */
package org.outdial.server.feed.oz;
