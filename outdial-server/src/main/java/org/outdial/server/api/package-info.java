/** The REST API under /api/v1: read-only views of a tenant's lists, campaigns and configuration. */
package org.outdial.server.api;
