/** The per-tenant Do-Not-Call list. */
package org.outdial.dnc;
