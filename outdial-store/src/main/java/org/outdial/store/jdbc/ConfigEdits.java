package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.outdial.agent.Agent;
import org.outdial.agent.AgentGroup;
import org.outdial.store.ConflictException;
import org.outdial.store.NotFoundException;
import org.outdial.treatment.Treatment;

/**
 * Edits and deletes of configuration objects that the admin API needs beyond what the creating repositories offer.
 * Deletes refuse (ConflictException naming the user) while another object still refers to the one deleted.
 */
final class ConfigEdits {

    private final Jdbc jdbc;

    ConfigEdits(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Agent updateAgent(Agent a) {
        try {
            return jdbc.inTransaction("updating agent " + a.id(), c -> {
                int rows = Jdbc.update(c, "UPDATE agents SET login_id = ?, name = ?, place = ?, credential_hash = ?,"
                                + " version = version + 1 WHERE id = ? AND tenant_id = ?",
                        a.loginId(), a.name(), a.place(), a.credentialHash(), a.id(), a.tenantId());
                requireRow(rows, "agent " + a.id());
                return a;
            });
        } catch (NotFoundException | Versions.StaleVersionException e) {
            throw e;
        } catch (ConflictException e) {
            throw new ConflictException("tenant " + a.tenantId() + " already has an agent with login id '"
                    + a.loginId() + "'");
        }
    }

    void deleteAgent(long tenantId, long agentId) {
        jdbc.inTransaction("deleting agent " + agentId, c -> {
            requireRow(Jdbc.update(c, "DELETE FROM agents WHERE id = ? AND tenant_id = ?", agentId, tenantId),
                    "agent " + agentId);
            return null;
        });
    }

    AgentGroup updateAgentGroup(AgentGroup g) {
        try {
            return jdbc.inTransaction("updating agent group " + g.id(), c -> {
                Ownership.require(c, "agents", "agent", g.tenantId(), g.agentIds());
                int rows = Jdbc.update(c, "UPDATE agent_groups SET name = ?, version = version + 1"
                        + " WHERE id = ? AND tenant_id = ?", g.name(), g.id(), g.tenantId());
                requireRow(rows, "agent group " + g.id());
                Jdbc.update(c, "DELETE FROM agent_group_members WHERE group_id = ?", g.id());
                int order = 0;
                for (long agentId : g.agentIds().stream().distinct().toList()) {
                    Jdbc.update(c, "INSERT INTO agent_group_members (group_id, agent_id, member_order) VALUES (?, ?, ?)",
                            g.id(), agentId, order++);
                }
                return new AgentGroup(g.id(), g.tenantId(), g.name(), g.agentIds().stream().distinct().toList());
            });
        } catch (NotFoundException | Versions.StaleVersionException e) {
            throw e;
        } catch (ConflictException e) {
            throw new ConflictException("tenant " + g.tenantId() + " already has an agent group named '" + g.name() + "'");
        }
    }

    void deleteAgentGroup(long tenantId, long groupId) {
        jdbc.inTransaction("deleting agent group " + groupId, c -> {
            refuseWhileUsed(c, "SELECT name FROM campaign_groups WHERE agent_group_id = ? AND tenant_id = ?",
                    "agent group " + groupId, groupId, tenantId);
            requireRow(Jdbc.update(c, "DELETE FROM agent_groups WHERE id = ? AND tenant_id = ?", groupId, tenantId),
                    "agent group " + groupId);
            return null;
        });
    }

    Treatment updateTreatment(Treatment t) {
        try {
            return jdbc.inTransaction("updating treatment " + t.id(), c -> {
                int rows = Jdbc.update(c, "UPDATE treatments SET name = ?, call_result = ?, record_action = ?,"
                                + " call_action = ?, destination_dn = ?, sequence_n = ?, cycle_attempts = ?,"
                                + " interval_min = ?, increment_min = ?, date_time = ?, version = version + 1"
                                + " WHERE id = ? AND tenant_id = ? AND version = ?",
                        t.name(), t.callResult().code(), t.recordAction().code(), t.callAction().code(),
                        t.destinationDn(), t.sequence(), t.cycleAttempts(), t.intervalMin(), t.incrementMin(),
                        Columns.epochMs(t.dateTime()), t.id(), t.tenantId(), t.version());
                Versions.requireUpdated(c, rows, "treatments", "treatment", t.tenantId(), t.id(), t.version());
                return new Treatment(t.id(), t.tenantId(), t.name(), t.callResult(), t.recordAction(), t.callAction(),
                        t.destinationDn(), t.sequence(), t.cycleAttempts(), t.intervalMin(), t.incrementMin(),
                        t.dateTime(), t.version() + 1);
            });
        } catch (NotFoundException | Versions.StaleVersionException e) {
            throw e;
        } catch (ConflictException e) {
            throw new ConflictException("tenant " + t.tenantId() + " already has a treatment named '" + t.name() + "'");
        }
    }

    void deleteTreatment(long tenantId, long treatmentId) {
        jdbc.inTransaction("deleting treatment " + treatmentId, c -> {
            Jdbc.update(c, "DELETE FROM campaign_treatments WHERE treatment_id = ? AND campaign_id IN"
                    + " (SELECT id FROM campaigns WHERE tenant_id = ?)", treatmentId, tenantId);
            requireRow(Jdbc.update(c, "DELETE FROM treatments WHERE id = ? AND tenant_id = ?", treatmentId, tenantId),
                    "treatment " + treatmentId);
            return null;
        });
    }

    void deleteCampaign(long tenantId, long campaignId) {
        jdbc.inTransaction("deleting campaign " + campaignId, c -> {
            refuseWhileUsed(c, "SELECT name FROM campaign_groups WHERE campaign_id = ? AND tenant_id = ?",
                    "campaign " + campaignId, campaignId, tenantId);
            requireRow(Jdbc.update(c, "DELETE FROM campaigns WHERE id = ? AND tenant_id = ?", campaignId, tenantId),
                    "campaign " + campaignId);
            return null;
        });
    }

    void deleteCampaignGroup(long tenantId, long groupId) {
        jdbc.inTransaction("deleting campaign group " + groupId, c -> {
            requireRow(Jdbc.update(c, "DELETE FROM campaign_groups WHERE id = ? AND tenant_id = ?", groupId, tenantId),
                    "campaign group " + groupId);
            return null;
        });
    }

    private static void requireRow(int rows, String what) {
        if (rows != 1) {
            throw new NotFoundException(what);
        }
    }

    private static void refuseWhileUsed(Connection c, String sql, String what, Object... params) throws SQLException {
        var users = Jdbc.query(c, sql, rs -> rs.getString(1), params);
        if (!users.isEmpty()) {
            throw new ConflictException(what + " is still used by campaign group(s) " + String.join(", ", users)
                    + "; delete or change those first");
        }
    }
}
