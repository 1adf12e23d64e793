package org.outdial.store.jdbc;

import org.outdial.store.NotFoundException;

/**
 * Hands out record_ids in blocks: one short transaction per batch moves the list's counter
 * ({@code calling_lists.next_record_id}) past the whole batch. It commits before the batch is written, so a long
 * import never holds the counter's row lock; a failed batch leaves a gap, as a sequence would.
 */
final class RecordIds {

    private RecordIds() {}

    /** The first id of a block of {@code count} consecutive ids of the list. */
    static long allocate(Jdbc jdbc, long listId, int count) {
        return jdbc.inTransaction("allocating record ids of calling list " + listId, c -> {
            int n = Jdbc.update(c, "UPDATE calling_lists SET next_record_id = next_record_id + ? WHERE id = ?",
                    count, listId);
            if (n == 0) {
                throw new NotFoundException("calling list " + listId);
            }
            return Jdbc.queryLong(c, "SELECT next_record_id FROM calling_lists WHERE id = ?", listId) - count;
        });
    }
}
