/** Calling lists: mandatory fields, declared custom fields and list defaults. */
package org.outdial.list;
