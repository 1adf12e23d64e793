package org.outdial.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.outdial.list.CustomField;
import org.outdial.list.MandatoryField;
import org.outdial.record.NewRecord;
import org.outdial.store.NotFoundException;
import org.outdial.store.RecordWriter;
import org.outdial.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both record writers share: buffering, checking custom values as they are appended, time-zone ids, a block of
 * record_ids per batch, one transaction per batch with chain linking at its end. Subclasses only move the rows into
 * the table. A failed commit rolls the whole batch back and discards it.
 */
abstract sealed class BatchRecordWriter implements RecordWriter permits PgCopyWriter, H2BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRecordWriter.class);

    /** Columns written for each record, in order: the mandatory fields, then the custom fields. */
    protected final List<String> columns;
    protected final ListTable table;
    private final Jdbc jdbc;
    private final TimeZones zones;
    private List<Pending> pending = new ArrayList<>();
    /** record_id of the first record of the last committed batch; 0 = none yet. */
    private long lastFirstId;
    /** Distinct customer ids of the pending records, for chain linking. */

    /** A record waiting for commit, custom values already converted to their Java types in declaration order. */
    record Pending(NewRecord record, Object[] custom) {}

    protected BatchRecordWriter(Jdbc jdbc, TimeZones zones, ListTable table) {
        this.jdbc = jdbc;
        this.zones = zones;
        this.table = table;
        this.columns = RecordMapper.columns(table, "");
    }

    static BatchRecordWriter of(Dialect dialect, Jdbc jdbc, TimeZones zones, ListTable table) {
        return switch (dialect) {
            case POSTGRESQL -> new PgCopyWriter(jdbc, zones, table);
            case H2 -> new H2BatchWriter(jdbc, zones, table);
        };
    }

    /**
     * @throws IllegalArgumentException when the record names a custom field the list does not declare, or a value does
     *                                  not fit its field's type; the record is not buffered
     */
    @Override
    public void append(NewRecord record) {
        Objects.requireNonNull(record, "record");
        List<CustomField> fields = table.customFields();
        Map<String, Object> given = record.customFields();
        Object[] custom = new Object[fields.size()];
        int matched = 0;
        for (int i = 0; i < custom.length; i++) {
            CustomField f = fields.get(i);
            if (given.containsKey(f.name())) {
                custom[i] = CustomValues.coerce(f, given.get(f.name()));
                matched++;
            }
        }
        if (matched != given.size()) {
            throw unknownFields(given);
        }
        pending.add(new Pending(record, custom));
    }

    @Override
    public int pending() {
        return pending.size();
    }

    @Override
    public int commit() {
        if (pending.isEmpty()) {
            return 0;
        }
        // hand the batch over and start afresh: a failed batch is discarded, not retried with the next one
        List<Pending> batch = pending;
        pending = new ArrayList<>();
        int n = batch.size();
        try {
            int[] tzIds = new int[n];
            for (int i = 0; i < n; i++) {
                tzIds[i] = zones.idOf(batch.get(i).record().timeZone());
            }
            long firstId = RecordIds.allocate(jdbc, table.id(), n);
            jdbc.inTransaction("writing " + n + " records to calling list " + table.id(), c -> {
                String[] customerIds = new String[n];
                for (int i = 0; i < n; i++) {
                    customerIds[i] = customerId(batch.get(i).record());
                }
                writeRows(c, batch, tzIds, firstId, ChainLinker.planBeforeInsert(c, table, customerIds, firstId));
                return null;
            });
            LOG.debug("wrote {} records to calling list {} (record_id {}..{})", n, table.id(), firstId, firstId + n - 1);
            lastFirstId = firstId;
            return n;
        } catch (NotFoundException e) {
            throw e; // the list was deleted meanwhile
        } catch (StoreException e) {
            throw new StoreException("batch of " + n + " records for calling list " + table.id()
                    + " was not written (nothing of it is stored): " + e.getMessage(), e);
        }
    }

    @Override
    public long firstIdOfLastCommit() {
        if (lastFirstId == 0) {
            throw new IllegalStateException("nothing was committed yet");
        }
        return lastFirstId;
    }

    @Override
    public void close() {
        clear();
    }

    private void clear() {
        pending.clear();
    }

    /**
     * Inserts the batch in the transaction of {@code c}; record i gets record_id {@code firstId + i}, zone id
     * {@code tzIds[i]} and its planned chain.
     */
    protected abstract void writeRows(Connection c, List<Pending> batch, int[] tzIds, long firstId,
                                      ChainLinker.Chains chains) throws SQLException;

    /**
     * The values of one row in {@link #columns} order, as JDBC parameters (custom values not yet converted, see
     * {@link CustomValues#toJdbc}). A record with a customer_id starts on a chain of its own; {@link ChainLinker} then
     * joins it to its customer's chain.
     */
    protected static void rowValues(Pending p, long recordId, int tzDbid, Object[] row) {
        NewRecord r = p.record();
        String customerId = customerId(r);
        boolean ownChain = customerId != null || r.chainId() == null;
        int i = 0;
        for (MandatoryField f : MandatoryField.values()) {
            row[i++] = switch (f) {
                case RECORD_ID -> recordId;
                case CONTACT_INFO -> r.contactInfo();
                case CONTACT_INFO_TYPE -> r.contactInfoType().code();
                case RECORD_TYPE -> r.recordType().code();
                case RECORD_STATUS -> r.recordStatus().code();
                case CALL_RESULT -> r.callResult().code();
                case ATTEMPT -> r.attempt();
                case DIAL_SCHED_TIME -> Columns.epochSec(r.dialSchedTime());
                case DAILY_FROM -> r.window().dailyFromSec();
                case DAILY_TILL -> r.window().dailyTillSec();
                case TZ_DBID -> tzDbid;
                case AGENT_ID -> r.agentId();
                case CHAIN_ID -> ownChain ? recordId : r.chainId();
                case CHAIN_N -> ownChain ? 0 : r.chainN();
                case CUSTOMER_ID -> customerId;
                case CALL_TIME, CAMPAIGN_ID, GROUP_ID, APP_ID, TREATMENTS, MEDIA_REF, EMAIL_SUBJECT, EMAIL_TEMPLATE_ID,
                     SWITCH_ID -> null;
            };
        }
        System.arraycopy(p.custom(), 0, row, i, p.custom().length);
    }

    /** Blank customer ids are no customer id: they must not chain unrelated records together. */
    static String customerId(NewRecord r) {
        String id = r.customerId();
        return id == null || id.isBlank() ? null : id;
    }

    private IllegalArgumentException unknownFields(Map<String, Object> given) {
        List<String> unknown = given.keySet().stream()
                .filter(name -> table.list().customField(name).isEmpty()).sorted().toList();
        List<String> declared = table.customFields().stream().map(CustomField::name).toList();
        return new IllegalArgumentException("calling list '" + table.list().name() + "' has no custom field "
                + unknown + "; it declares " + declared);
    }
}
