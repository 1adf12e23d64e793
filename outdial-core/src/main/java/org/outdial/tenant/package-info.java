/** Tenants and the API tokens that act for them. */
package org.outdial.tenant;
