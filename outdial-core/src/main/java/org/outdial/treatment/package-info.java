/** Treatments: what happens to a record and its call after each call result. */
package org.outdial.treatment;
