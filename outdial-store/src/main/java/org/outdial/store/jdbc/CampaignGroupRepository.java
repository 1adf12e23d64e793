package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.outdial.campaign.CampaignGroup;
import org.outdial.campaign.DialMode;
import org.outdial.campaign.OptimizationMethod;
import org.outdial.store.ConflictException;

/** Campaign groups (campaign × agent group) with their options as rows. */
final class CampaignGroupRepository {

    private static final String COLUMNS = "id, tenant_id, name, campaign_id, agent_group_id, dial_mode, optimization,"
            + " optimization_goal, buffer_min, buffer_max, version";

    private final Jdbc jdbc;

    CampaignGroupRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    CampaignGroup create(CampaignGroup g) {
        Objects.requireNonNull(g.name(), "name");
        try {
            return jdbc.inTransaction("creating campaign group '" + g.name() + "'", c -> {
                requireParts(c, g);
                long id = Jdbc.insert(c, "INSERT INTO campaign_groups (tenant_id, name, campaign_id, agent_group_id,"
                                + " dial_mode, optimization, optimization_goal, buffer_min, buffer_max)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", g.tenantId(), g.name(), g.campaignId(),
                        g.agentGroupId(), g.dialMode().code(), g.optimization().code(), g.optimizationGoal(),
                        g.bufferMin(), g.bufferMax());
                writeOptions(c, id, g.options());
                return withIdentity(g, id, 1);
            });
        } catch (ConflictException e) {
            throw nameTaken(g);
        }
    }

    CampaignGroup update(CampaignGroup g) {
        try {
            return jdbc.inTransaction("updating campaign group " + g.id(), c -> {
                requireParts(c, g);
                int rows = Jdbc.update(c, "UPDATE campaign_groups SET name = ?, campaign_id = ?, agent_group_id = ?,"
                                + " dial_mode = ?, optimization = ?, optimization_goal = ?, buffer_min = ?, buffer_max = ?,"
                                + " version = version + 1 WHERE id = ? AND tenant_id = ? AND version = ?",
                        g.name(), g.campaignId(), g.agentGroupId(), g.dialMode().code(), g.optimization().code(),
                        g.optimizationGoal(), g.bufferMin(), g.bufferMax(), g.id(), g.tenantId(), g.version());
                Versions.requireUpdated(c, rows, "campaign_groups", "campaign group", g.tenantId(), g.id(), g.version());
                Jdbc.update(c, "DELETE FROM campaign_group_options WHERE group_id = ?", g.id());
                writeOptions(c, g.id(), g.options());
                return withIdentity(g, g.id(), g.version() + 1);
            });
        } catch (Versions.StaleVersionException e) {
            throw e;
        } catch (ConflictException e) {
            throw nameTaken(g);
        }
    }

    Optional<CampaignGroup> find(long tenantId, long groupId) {
        return jdbc.withConnection("reading campaign group " + groupId, c ->
                read(c, tenantId, " AND id = ?", groupId).stream().findFirst());
    }

    List<CampaignGroup> all(long tenantId) {
        return jdbc.withConnection("listing campaign groups of tenant " + tenantId, c -> read(c, tenantId, ""));
    }

    private static void requireParts(Connection c, CampaignGroup g) throws SQLException {
        Ownership.require(c, "campaigns", "campaign", g.tenantId(), List.of(g.campaignId()));
        Ownership.require(c, "agent_groups", "agent group", g.tenantId(), List.of(g.agentGroupId()));
    }

    private static void writeOptions(Connection c, long groupId, Map<String, String> options) throws SQLException {
        for (var option : options.entrySet()) {
            Jdbc.update(c, "INSERT INTO campaign_group_options (group_id, option_name, option_value) VALUES (?, ?, ?)",
                    groupId, option.getKey(), option.getValue());
        }
    }

    private static List<CampaignGroup> read(Connection c, long tenantId, String and, Object... more) throws SQLException {
        Map<Long, Map<String, String>> options = new HashMap<>();
        for (var row : Jdbc.query(c, "SELECT o.group_id, o.option_name, o.option_value FROM campaign_group_options o"
                        + " JOIN campaign_groups g ON g.id = o.group_id WHERE g.tenant_id = ?",
                rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)), tenantId)) {
            options.computeIfAbsent(Long.parseLong(row.get(0)), k -> new TreeMap<>()).put(row.get(1), row.get(2));
        }
        Object[] params = new Object[more.length + 1];
        params[0] = tenantId;
        System.arraycopy(more, 0, params, 1, more.length);
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM campaign_groups WHERE tenant_id = ?" + and + " ORDER BY id",
                rs -> group(rs, options), params);
    }

    private static CampaignGroup group(ResultSet rs, Map<Long, Map<String, String>> options) throws SQLException {
        long id = rs.getLong("id");
        int mode = rs.getInt("dial_mode");
        int method = rs.getInt("optimization");
        return new CampaignGroup(id, rs.getLong("tenant_id"), rs.getString("name"), rs.getLong("campaign_id"),
                rs.getLong("agent_group_id"),
                DialMode.ofCode(mode).orElseThrow(() -> new IllegalStateException("stored dial mode " + mode)),
                OptimizationMethod.ofCode(method).orElseThrow(() -> new IllegalStateException("stored optimization " + method)),
                rs.getInt("optimization_goal"), rs.getInt("buffer_min"), rs.getInt("buffer_max"),
                options.getOrDefault(id, Map.of()), rs.getLong("version"));
    }

    private static CampaignGroup withIdentity(CampaignGroup g, long id, long version) {
        return new CampaignGroup(id, g.tenantId(), g.name(), g.campaignId(), g.agentGroupId(), g.dialMode(),
                g.optimization(), g.optimizationGoal(), g.bufferMin(), g.bufferMax(), g.options(), version);
    }

    private static ConflictException nameTaken(CampaignGroup g) {
        return new ConflictException("tenant " + g.tenantId() + " already has a campaign group named '" + g.name() + "'");
    }
}
