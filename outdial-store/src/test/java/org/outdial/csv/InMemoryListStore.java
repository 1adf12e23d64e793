package org.outdial.csv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.outdial.list.CallingList;
import org.outdial.list.NewCallingList;
import org.outdial.record.CallingRecord;
import org.outdial.record.NewRecord;
import org.outdial.record.RecordStatus;
import org.outdial.store.CallingListStore;
import org.outdial.store.RecordWriter;
import org.outdial.store.StoreException;

/**
 * A calling-list store in memory for import and export tests: lists, a batch writer with atomic commits and chain
 * linking by customer id, and a switch to make the n-th commit fail. Only what CSV import and export use.
 */
final class InMemoryListStore implements CallingListStore {

    private final Map<Long, CallingList> lists = new LinkedHashMap<>();
    private final Map<Long, List<CallingRecord>> records = new HashMap<>();
    private final List<Integer> commitSizes = new ArrayList<>();
    private long nextListId = 1;
    private long nextRecordId = 1;
    private int failingCommit = -1;

    /** Makes the n-th commit (1-based, counted over all writers) fail with a StoreException. */
    void failCommit(int n) {
        failingCommit = n;
    }

    List<Integer> commitSizes() {
        return commitSizes;
    }

    List<CallingRecord> records(long listId) {
        return List.copyOf(records.getOrDefault(listId, List.of()));
    }

    /** Appends records as an import would, outside any writer: the "already in the list" state. */
    void seed(long listId, List<NewRecord> newRecords) {
        try (RecordWriter writer = openWriter(listId)) {
            newRecords.forEach(writer::append);
            commitWithoutCounting(listId, ((Writer) writer).pending);
        }
    }

    @Override
    public CallingList create(NewCallingList list) {
        CallingList created = new CallingList(nextListId++, list.tenantId(), list.name(), list.description(),
                list.customFields(), list.defaultTimeZone(), list.defaultWindow(), list.defaultCountry(),
                list.maxAttempts(), 0);
        lists.put(created.id(), created);
        records.put(created.id(), new ArrayList<>());
        return created;
    }

    @Override
    public Optional<CallingList> find(long tenantId, long listId) {
        return find(listId).filter(list -> list.tenantId() == tenantId);
    }

    @Override
    public Optional<CallingList> findByName(long tenantId, String name) {
        return lists.values().stream().filter(l -> l.tenantId() == tenantId && l.name().equals(name)).findFirst();
    }

    @Override
    public Optional<CallingList> find(long listId) {
        return Optional.ofNullable(lists.get(listId));
    }

    @Override
    public List<CallingList> all(long tenantId) {
        return lists.values().stream().filter(l -> l.tenantId() == tenantId).toList();
    }

    @Override
    public void delete(long tenantId, long listId) {
        lists.remove(listId);
        records.remove(listId);
    }

    @Override
    public Map<RecordStatus, Long> countByStatus(long listId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<org.outdial.record.CallResult, Long> countByCallResult(long listId) {
        return records(listId).stream().collect(java.util.stream.Collectors.groupingBy(CallingRecord::callResult,
                java.util.stream.Collectors.counting()));
    }

    @Override
    public Map<Integer, Long> countByAttempt(long listId) {
        return records(listId).stream().collect(java.util.stream.Collectors.groupingBy(CallingRecord::attempt,
                java.util.stream.Collectors.counting()));
    }

    @Override
    public long count(long listId) {
        return records.getOrDefault(listId, List.of()).size();
    }

    @Override
    public RecordWriter openWriter(long listId) {
        return new Writer(listId);
    }

    @Override
    public void forEachRecord(long listId, Consumer<CallingRecord> consumer) {
        records.getOrDefault(listId, List.of()).forEach(consumer);
    }

    @Override
    public void forEachContactInfo(long listId, Consumer<String> consumer) {
        records.getOrDefault(listId, List.of()).forEach(record -> consumer.accept(record.contactInfo()));
    }

    @Override
    public Optional<CallingRecord> findRecord(long listId, long recordId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<CallingRecord> search(long listId, String phone, String customerId, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<CallingRecord> chain(long listId, long chainId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void update(CallingRecord record) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void atomically(Runnable work) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<CallingRecord> claimReady(long listId, long campaignGroupId, int owner, int max, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int releaseAll(int owner) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int release(long listId, int owner, List<Long> recordIds) {
        throw new UnsupportedOperationException();
    }

    private int commitWithoutCounting(long listId, List<NewRecord> pending) {
        List<CallingRecord> list = records.get(listId);
        Map<String, CallingRecord> lastOfCustomer = new HashMap<>();
        list.stream().filter(r -> r.customerId() != null).forEach(r -> lastOfCustomer.put(r.customerId(), r));
        for (NewRecord record : pending) {
            CallingRecord previous = record.customerId() == null ? null : lastOfCustomer.get(record.customerId());
            long chainId = previous == null ? nextRecordId : previous.chainId();
            int chainN = previous == null ? 0 : previous.chainN() + 1;
            CallingRecord stored = new CallingRecord(nextRecordId++, listId, record.contactInfo(),
                    record.contactInfoType(), record.recordType(), record.recordStatus(), record.callResult(),
                    record.attempt(), record.dialSchedTime(), null, record.window(), record.timeZone(), null,
                    record.agentId(), chainId, chainN, null, null, null, record.customerId(), record.customFields());
            list.add(stored);
            if (record.customerId() != null) {
                lastOfCustomer.put(record.customerId(), stored);
            }
        }
        int written = pending.size();
        pending.clear();
        return written;
    }

    private final class Writer implements RecordWriter {

        private final long listId;
        private final List<NewRecord> pending = new ArrayList<>();

        Writer(long listId) {
            this.listId = listId;
        }

        @Override
        public void append(NewRecord record) {
            pending.add(record);
        }

        @Override
        public int pending() {
            return pending.size();
        }

        @Override
        public int commit() {
            commitSizes.add(pending.size());
            if (commitSizes.size() == failingCommit) {
                throw new StoreException("disk full (injected)");
            }
            return commitWithoutCounting(listId, pending);
        }

        @Override
        public void close() {
            pending.clear();
        }
    }
}
