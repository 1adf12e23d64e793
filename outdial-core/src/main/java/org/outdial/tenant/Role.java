package org.outdial.tenant;

/** What an API token may do within its tenant. */
public enum Role {
    /** Read and change everything of the tenant. */
    ADMIN,
    /** Read only. */
    READ_ONLY;

    public boolean mayWrite() {
        return this == ADMIN;
    }
}
