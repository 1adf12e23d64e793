/** Campaign-group status notifications: HTTP POST of JSON bodies on state changes and periodically. */
package org.outdial.server.feed.status;
