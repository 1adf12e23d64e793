package org.outdial.tenant;

/**
 * Owns campaigns, agents, calling lists and one Do-Not-Call list.
 *
 * @param ccid the tenant's contact-center id as reported to status listeners; null = unset ("Unknown")
 */
public record Tenant(long id, String name, String ccid) {}
