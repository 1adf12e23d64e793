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
import org.outdial.campaign.Campaign;
import org.outdial.campaign.CampaignList;
import org.outdial.store.ConflictException;

/** Campaigns with their calling lists (share, active) and treatments. */
final class CampaignRepository {

    private static final String COLUMNS = "id, tenant_id, name, description, caller_id, script_id, version";

    private final Jdbc jdbc;

    CampaignRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Campaign create(Campaign campaign) {
        Objects.requireNonNull(campaign.name(), "name");
        try {
            return jdbc.inTransaction("creating campaign '" + campaign.name() + "'", c -> {
                requireParts(c, campaign);
                long id = Jdbc.insert(c, "INSERT INTO campaigns (tenant_id, name, description, caller_id, script_id)"
                                + " VALUES (?, ?, ?, ?, ?)", campaign.tenantId(), campaign.name(), campaign.description(),
                        campaign.callerId(), campaign.scriptId());
                writeParts(c, id, campaign);
                return withIdentity(campaign, id, 1);
            });
        } catch (ConflictException e) {
            throw nameTaken(campaign);
        }
    }

    Campaign update(Campaign campaign) {
        try {
            return jdbc.inTransaction("updating campaign " + campaign.id(), c -> {
                requireParts(c, campaign);
                int rows = Jdbc.update(c, "UPDATE campaigns SET name = ?, description = ?, caller_id = ?, script_id = ?,"
                                + " version = version + 1 WHERE id = ? AND tenant_id = ? AND version = ?",
                        campaign.name(), campaign.description(), campaign.callerId(), campaign.scriptId(),
                        campaign.id(), campaign.tenantId(), campaign.version());
                Versions.requireUpdated(c, rows, "campaigns", "campaign", campaign.tenantId(), campaign.id(),
                        campaign.version());
                Jdbc.update(c, "DELETE FROM campaign_lists WHERE campaign_id = ?", campaign.id());
                Jdbc.update(c, "DELETE FROM campaign_treatments WHERE campaign_id = ?", campaign.id());
                writeParts(c, campaign.id(), campaign);
                return withIdentity(campaign, campaign.id(), campaign.version() + 1);
            });
        } catch (Versions.StaleVersionException e) {
            throw e;
        } catch (ConflictException e) {
            throw nameTaken(campaign);
        }
    }

    Optional<Campaign> find(long tenantId, long campaignId) {
        return jdbc.withConnection("reading campaign " + campaignId, c ->
                read(c, tenantId, " AND id = ?", campaignId).stream().findFirst());
    }

    List<Campaign> all(long tenantId) {
        return jdbc.withConnection("listing campaigns of tenant " + tenantId, c -> read(c, tenantId, ""));
    }

    private static void requireParts(Connection c, Campaign campaign) throws SQLException {
        Ownership.require(c, "calling_lists", "calling list", campaign.tenantId(),
                campaign.lists().stream().map(CampaignList::listId).toList());
        Ownership.require(c, "treatments", "treatment", campaign.tenantId(), campaign.treatmentIds());
    }

    private static void writeParts(Connection c, long id, Campaign campaign) throws SQLException {
        int order = 0;
        for (CampaignList l : campaign.lists()) {
            Jdbc.update(c, "INSERT INTO campaign_lists (campaign_id, list_id, list_order, share, active) VALUES (?, ?, ?, ?, ?)",
                    id, l.listId(), order++, l.share(), l.active());
        }
        order = 0;
        for (long treatmentId : campaign.treatmentIds().stream().distinct().toList()) {
            Jdbc.update(c, "INSERT INTO campaign_treatments (campaign_id, treatment_id, treatment_order) VALUES (?, ?, ?)",
                    id, treatmentId, order++);
        }
    }

    private static List<Campaign> read(Connection c, long tenantId, String and, Object... more) throws SQLException {
        Map<Long, List<CampaignList>> lists = new HashMap<>();
        for (var row : Jdbc.query(c, "SELECT l.campaign_id, l.list_id, l.share, l.active FROM campaign_lists l"
                        + " JOIN campaigns k ON k.id = l.campaign_id WHERE k.tenant_id = ? ORDER BY l.campaign_id, l.list_order",
                rs -> Map.entry(rs.getLong(1), new CampaignList(rs.getLong(2), rs.getInt(3), rs.getBoolean(4))), tenantId)) {
            lists.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        Map<Long, List<Long>> treatments = new HashMap<>();
        for (var row : Jdbc.query(c, "SELECT t.campaign_id, t.treatment_id FROM campaign_treatments t"
                        + " JOIN campaigns k ON k.id = t.campaign_id WHERE k.tenant_id = ? ORDER BY t.campaign_id, t.treatment_order",
                rs -> Map.entry(rs.getLong(1), rs.getLong(2)), tenantId)) {
            treatments.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        Object[] params = new Object[more.length + 1];
        params[0] = tenantId;
        System.arraycopy(more, 0, params, 1, more.length);
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM campaigns WHERE tenant_id = ?" + and + " ORDER BY id",
                rs -> campaign(rs, lists, treatments), params);
    }

    private static Campaign campaign(ResultSet rs, Map<Long, List<CampaignList>> lists, Map<Long, List<Long>> treatments)
            throws SQLException {
        long id = rs.getLong("id");
        return new Campaign(id, rs.getLong("tenant_id"), rs.getString("name"), rs.getString("description"),
                lists.getOrDefault(id, List.of()), treatments.getOrDefault(id, List.of()), rs.getString("caller_id"),
                rs.getString("script_id"), rs.getLong("version"));
    }

    private static Campaign withIdentity(Campaign k, long id, long version) {
        return new Campaign(id, k.tenantId(), k.name(), k.description(), k.lists(),
                k.treatmentIds().stream().distinct().toList(), k.callerId(), k.scriptId(), version);
    }

    private static ConflictException nameTaken(Campaign campaign) {
        return new ConflictException("tenant " + campaign.tenantId() + " already has a campaign named '"
                + campaign.name() + "'");
    }
}
