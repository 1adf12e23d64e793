package org.outdial.sip;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an agent's phone is: a SIP URI configured per place (or per agent), else the contact the phone registered
 * with outdial's registrar under the place or the agent id (digest-authenticated with the configured passwords).
 */
public final class AgentPhones {

    private final Map<String, String> byPlace;
    private final Map<String, String> byAgent;
    private final Registrations registrations;
    private final Registrar.Users registrarUsers;

    /** Phones at fixed URIs, or registered with outdial by nobody (no registrar credentials). */
    public AgentPhones(Map<String, String> byPlace, Map<String, String> byAgent, Registrations registrations) {
        this(byPlace, byAgent, registrations, null, Map.of());
    }

    /**
     * @param realm     the registrar's digest realm (null = "outdial")
     * @param passwords who may register with outdial: place or agent id to password
     */
    public AgentPhones(Map<String, String> byPlace, Map<String, String> byAgent, Registrations registrations,
                       String realm, Map<String, String> passwords) {
        this.registrarUsers = new Registrar.Users(realm == null ? "outdial" : realm, passwords);
        byPlace.forEach(AgentPhones::checkUri);
        byAgent.forEach(AgentPhones::checkUri);
        this.byPlace = Map.copyOf(byPlace);
        this.byAgent = Map.copyOf(byAgent);
        this.registrations = Objects.requireNonNull(registrations, "registrations");
    }

    private static void checkUri(String key, String uri) {
        if (!uri.startsWith("sip:") || uri.length() < 5) {
            throw new IllegalArgumentException("agent phone of '" + key + "': '" + uri
                    + "' must be a SIP URI like sip:1001@10.0.0.7:5060");
        }
    }

    /** The phone's SIP URI for an agent at a place ({@code place} may be null when unknown), if any is known. */
    public Optional<String> phoneOf(String agentId, String place) {
        if (place != null && byPlace.containsKey(place)) {
            return Optional.of(byPlace.get(place));
        }
        if (byAgent.containsKey(agentId)) {
            return Optional.of(byAgent.get(agentId));
        }
        Optional<String> registered = place == null ? Optional.empty() : registrations.contactOf(place);
        return registered.isPresent() ? registered : registrations.contactOf(agentId);
    }

    public Registrations registrations() {
        return registrations;
    }

    Registrar.Users registrarUsers() {
        return registrarUsers;
    }
}
