/**
 * The Switch SPI: what a telephony adapter (the simulated switch, later SIP third-party call control) implements to
 * carry out the engine's call commands and report call progress back as events.
 */
package org.outdial.switching;
