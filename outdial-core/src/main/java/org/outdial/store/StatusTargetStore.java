package org.outdial.store;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/** Where campaign-group status notifications go: targets for a whole tenant or for one campaign group. */
public interface StatusTargetStore {

    /**
     * @param groupId null = every campaign group of the tenant
     */
    record StatusTarget(long id, long tenantId, Long groupId, URI uri) {
        public StatusTarget {
            Objects.requireNonNull(uri, "uri");
        }
    }

    /** Adds a target; the URI must be http:// or https://. */
    StatusTarget add(long tenantId, Long groupId, URI uri);

    /** Targets of a tenant, oldest first. */
    List<StatusTarget> of(long tenantId);

    /** Targets that receive a group's notifications: the tenant's own and the group's. */
    List<StatusTarget> forGroup(long tenantId, long groupId);

    /** A target of the tenant, if it has one with this id. */
    java.util.Optional<StatusTarget> find(long tenantId, long targetId);

    /**
     * Changes a target's group and URI if it still is {@code expected} (optimistic concurrency on its content):
     * {@link ConflictException} when it was changed meanwhile, {@link NotFoundException} when it is gone.
     */
    StatusTarget replace(StatusTarget expected, Long groupId, URI uri);

    /** Removes a target of the tenant; {@link NotFoundException} when it has no such target. */
    void remove(long tenantId, long targetId);
}
