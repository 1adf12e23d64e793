package org.outdial.store;

/** The named object does not exist (or belongs to another tenant, which callers must not be able to tell apart). */
public class NotFoundException extends StoreException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
