/** Calling-list records: their fields, enumerations (status, type, call result, contact type) and calling window. */
package org.outdial.record;
