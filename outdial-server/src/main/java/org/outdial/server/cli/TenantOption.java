package org.outdial.server.cli;

import picocli.CommandLine.Option;

/** The tenant a command works on. */
final class TenantOption {

    static final String DEFAULT = "default";

    @Option(names = "--tenant", paramLabel = "NAME", defaultValue = DEFAULT,
            description = "Tenant that owns the list or Do-Not-Call entries (default: ${DEFAULT-VALUE}).")
    String name;
}
