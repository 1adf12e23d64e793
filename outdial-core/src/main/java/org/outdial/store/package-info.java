/** The store SPI: what the rest of outdial needs from persistent storage, independent of the database. */
package org.outdial.store;
