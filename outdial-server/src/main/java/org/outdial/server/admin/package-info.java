/**
 * The admin (write) REST API under {@code /api/v1}: configuration, calling lists and their records, Do-Not-Call,
 * dialing-session control and the audit log. Every change needs an admin token, is validated field by field (400
 * naming the field and what is allowed), is guarded by optimistic concurrency (If-Match or a version, 412/409) and is
 * written to the audit log.
 */
package org.outdial.server.admin;
