/** The audit log: who changed what through the API, and when. */
package org.outdial.audit;
