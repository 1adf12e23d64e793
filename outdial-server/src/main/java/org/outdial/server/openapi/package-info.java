/**
 * The OpenAPI 3 document of the REST API, assembled at start from one YAML fragment per feature in the classpath
 * folder {@code openapi/} (a test checks it against the routes the server registers).
 */
package org.outdial.server.openapi;
