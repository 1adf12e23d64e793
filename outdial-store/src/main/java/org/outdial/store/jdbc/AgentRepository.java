package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.store.ConflictException;

/** Agents and agent groups with their members. */
final class AgentRepository {

    private static final String AGENT_COLUMNS = "id, tenant_id, login_id, name, place, credential_hash";

    private final Jdbc jdbc;

    AgentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Agent create(Agent agent) {
        Objects.requireNonNull(agent.loginId(), "loginId");
        try {
            return jdbc.inTransaction("creating agent '" + agent.loginId() + "'", c -> {
                long id = Jdbc.insert(c, "INSERT INTO agents (tenant_id, login_id, name, place, credential_hash)"
                                + " VALUES (?, ?, ?, ?, ?)", agent.tenantId(), agent.loginId(), agent.name(), agent.place(),
                        agent.credentialHash());
                return new Agent(id, agent.tenantId(), agent.loginId(), agent.name(), agent.place(), agent.credentialHash());
            });
        } catch (ConflictException e) {
            throw new ConflictException("tenant " + agent.tenantId() + " already has an agent with login id '"
                    + agent.loginId() + "'");
        }
    }

    Optional<Agent> find(long tenantId, String loginId) {
        return jdbc.withConnection("finding agent '" + loginId + "'", c -> Jdbc.queryOne(c,
                "SELECT " + AGENT_COLUMNS + " FROM agents WHERE tenant_id = ? AND login_id = ?",
                AgentRepository::agent, tenantId, loginId));
    }

    List<Agent> all(long tenantId) {
        return jdbc.withConnection("listing agents of tenant " + tenantId, c -> Jdbc.query(c,
                "SELECT " + AGENT_COLUMNS + " FROM agents WHERE tenant_id = ? ORDER BY id", AgentRepository::agent, tenantId));
    }

    AgentGroup createGroup(AgentGroup group) {
        Objects.requireNonNull(group.name(), "name");
        try {
            return jdbc.inTransaction("creating agent group '" + group.name() + "'", c -> {
                Ownership.require(c, "agents", "agent", group.tenantId(), group.agentIds());
                long id = Jdbc.insert(c, "INSERT INTO agent_groups (tenant_id, name) VALUES (?, ?)",
                        group.tenantId(), group.name());
                int order = 0;
                for (long agentId : group.agentIds().stream().distinct().toList()) {
                    Jdbc.update(c, "INSERT INTO agent_group_members (group_id, agent_id, member_order) VALUES (?, ?, ?)",
                            id, agentId, order++);
                }
                return new AgentGroup(id, group.tenantId(), group.name(), group.agentIds().stream().distinct().toList());
            });
        } catch (ConflictException e) {
            throw new ConflictException("tenant " + group.tenantId() + " already has an agent group named '"
                    + group.name() + "'");
        }
    }

    List<AgentGroup> groups(long tenantId) {
        return jdbc.withConnection("listing agent groups of tenant " + tenantId, c -> {
            Map<Long, List<Long>> members = members(c, tenantId);
            return Jdbc.query(c, "SELECT id, tenant_id, name FROM agent_groups WHERE tenant_id = ? ORDER BY id",
                    rs -> new AgentGroup(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            members.getOrDefault(rs.getLong(1), List.of())), tenantId);
        });
    }

    private static Map<Long, List<Long>> members(Connection c, long tenantId) throws SQLException {
        Map<Long, List<Long>> members = new HashMap<>();
        for (var m : Jdbc.query(c, "SELECT m.group_id, m.agent_id FROM agent_group_members m"
                        + " JOIN agent_groups g ON g.id = m.group_id WHERE g.tenant_id = ? ORDER BY m.group_id, m.member_order",
                rs -> Map.entry(rs.getLong(1), rs.getLong(2)), tenantId)) {
            members.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(m.getValue());
        }
        return members;
    }

    private static Agent agent(ResultSet rs) throws SQLException {
        return new Agent(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("login_id"), rs.getString("name"),
                rs.getString("place"), rs.getString("credential_hash"));
    }
}
