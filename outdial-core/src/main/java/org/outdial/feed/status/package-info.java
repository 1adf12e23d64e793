/** Campaign-group status notifications (HTTP POST JSON bodies) and the enumerations they carry. */
package org.outdial.feed.status;
