/** Incremental statistics of campaign groups and lists (busy factor, hit ratio, overdial rate, time to complete). */
package org.outdial.stats;
