/**
 * Configuration: one YAML file, command-line flags and OUTDIAL_* environment variables resolved into one immutable
 * {@link org.outdial.server.config.Settings} tree. {@link org.outdial.server.config.SettingsCatalog} is the single
 * source of truth for keys, defaults, allowed values and docs.
 */
package org.outdial.server.config;
