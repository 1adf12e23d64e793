/**
 * The HTTP adapter: Javalin server, token access control, JSON errors, request logs and metrics, /health and
 * /metrics. Domain routes live in their own packages and plug in as route modules.
 */
package org.outdial.server.http;
