package org.outdial.store;

/** A create collided with an existing name, or an edit carried a stale version (optimistic concurrency). */
public class ConflictException extends StoreException {

    public ConflictException(String message) {
        super(message);
    }
}
