/** Call attempts: one dial of one record with its timestamps and result. */
package org.outdial.attempt;
