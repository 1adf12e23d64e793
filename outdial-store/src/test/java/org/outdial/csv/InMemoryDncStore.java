package org.outdial.csv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outdial.dnc.DncEntry;
import org.outdial.store.DncStore;
import org.outdial.store.StoreException;

/** A Do-Not-Call store in memory: records every addAll call; the n-th call can be made to fail. */
final class InMemoryDncStore implements DncStore {

    private final List<DncEntry> entries = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private int failingBatch = -1;

    void failBatch(int n) {
        failingBatch = n;
    }

    List<DncEntry> entries() {
        return List.copyOf(entries);
    }

    List<Integer> batchSizes() {
        return batchSizes;
    }

    @Override
    public void add(DncEntry entry) {
        addAll(List.of(entry));
    }

    @Override
    public int addAll(List<DncEntry> batch) {
        batchSizes.add(batch.size());
        if (batchSizes.size() == failingBatch) {
            throw new StoreException("connection lost (injected)");
        }
        entries.addAll(batch);
        return batch.size();
    }

    @Override
    public boolean remove(long tenantId, String phone, String customerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<DncEntry> check(long tenantId, String phone, String customerId, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DncEntry> search(long tenantId, String prefix, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long count(long tenantId) {
        return entries.size();
    }
}
