/** Campaigns, campaign groups, dial modes and optimization methods. */
package org.outdial.campaign;
