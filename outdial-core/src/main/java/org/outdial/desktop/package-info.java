/**
 * The agent desktop protocol (OCS desktop protocol version 6) as data: user events are key–value lists
 * ({@link org.outdial.desktop.KvList}) whose keys are matched by name; {@link org.outdial.desktop.RequestCodec} turns a
 * desktop's key–value list into a typed {@link org.outdial.desktop.Request} (and back, for clients), naming the error
 * code of anything wrong; {@link org.outdial.desktop.DesktopEvent} reads what the server sends. JDK only, so the engine
 * and any Java desktop can use it; the JSON transport lives in the server.
 */
package org.outdial.desktop;
