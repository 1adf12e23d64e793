package org.outdial.agent;

/**
 * An agent who may log in to a desktop.
 *
 * @param loginId        the agent's login id (also {@code agent_id} in calling lists)
 * @param place          the default place/DN; null = chosen at login
 * @param credentialHash salted hash of the desktop credential; never the secret itself
 */
public record Agent(long id, long tenantId, String loginId, String name, String place, String credentialHash) {}
