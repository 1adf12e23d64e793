/** The {@code outdial} command line: picocli commands wired in {@link org.outdial.server.cli.Cli}. */
package org.outdial.server.cli;
