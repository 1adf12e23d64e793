package org.outdial.server.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.outdial.record.CallingWindow;

/** The parsers settings use. Each one names its allowed values, so errors and docs come from the same place. */
final class Parsers {

    private Parsers() {}

    static Parser<String> text(String allowed) {
        return new Parser<>() {
            @Override
            public String parse(String text) {
                return text.trim();
            }

            @Override
            public String allowed() {
                return allowed;
            }
        };
    }

    static Parser<Integer> integer(int min, int max) {
        return new Parser<>() {
            @Override
            public Integer parse(String text) {
                int value = Integer.parseInt(text.trim());
                if (value < min || value > max) {
                    throw new IllegalArgumentException();
                }
                return value;
            }

            @Override
            public String allowed() {
                return "an integer " + min + ".." + max;
            }
        };
    }

    static <E extends Enum<E>> Parser<E> choice(Class<E> type) {
        String names = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return new Parser<>() {
            @Override
            public E parse(String text) {
                return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            }

            @Override
            public String allowed() {
                return "one of " + names;
            }
        };
    }

    static Parser<Path> path() {
        return new Parser<>() {
            @Override
            public Path parse(String text) {
                if (text.isBlank()) {
                    throw new IllegalArgumentException();
                }
                return Path.of(text.trim());
            }

            @Override
            public String allowed() {
                return "a directory path (relative to the working directory, or absolute)";
            }
        };
    }

    /** Empty means "the embedded H2 database under the data directory". */
    static Parser<String> jdbcUrl() {
        return new Parser<>() {
            @Override
            public String parse(String text) {
                String url = text.trim();
                if (!url.isEmpty() && !url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
                    throw new IllegalArgumentException();
                }
                return url;
            }

            @Override
            public String allowed() {
                return "empty (embedded H2 under the data directory), jdbc:h2:… or jdbc:postgresql://HOST:PORT/DB";
            }
        };
    }

    static Parser<ZoneId> zone() {
        return new Parser<>() {
            @Override
            public ZoneId parse(String text) {
                try {
                    return ZoneId.of(text.trim());
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException(e);
                }
            }

            @Override
            public String allowed() {
                return "an IANA time zone such as America/New_York or Europe/Berlin";
            }
        };
    }

    static Parser<String> country() {
        Set<String> regions = Set.of(Locale.getISOCountries());
        return new Parser<>() {
            @Override
            public String parse(String text) {
                String region = text.trim().toUpperCase(Locale.ROOT);
                if (!regions.contains(region)) {
                    throw new IllegalArgumentException();
                }
                return region;
            }

            @Override
            public String allowed() {
                return "an ISO 3166 two-letter region such as US, GB or DE";
            }
        };
    }

    /** {@code HH:mm-HH:mm}, the local calling hours of a record. */
    static Parser<CallingWindow> window() {
        return new Parser<>() {
            @Override
            public CallingWindow parse(String text) {
                return CallingWindowFormat.parse(text);
            }

            @Override
            public String allowed() {
                return "local hours HH:mm-HH:mm such as 08:00-21:00";
            }
        };
    }

    static Parser<String> hostName() {
        return new Parser<>() {
            @Override
            public String parse(String text) {
                String host = text.trim();
                if (host.isEmpty() || host.contains(" ") || host.contains("/")) {
                    throw new IllegalArgumentException();
                }
                return host;
            }

            @Override
            public String allowed() {
                return "a host name or IP address such as 0.0.0.0 or 127.0.0.1";
            }
        };
    }

    /** Comma-separated http:// or https:// URIs; empty = none. */
    static Parser<java.util.List<java.net.URI>> httpUris() {
        return new Parser<>() {
            @Override
            public java.util.List<java.net.URI> parse(String text) {
                java.util.List<java.net.URI> uris = new java.util.ArrayList<>();
                for (String part : text.split(",")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    java.net.URI uri = java.net.URI.create(part.trim());
                    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                        throw new IllegalArgumentException();
                    }
                    uris.add(uri);
                }
                return java.util.List.copyOf(uris);
            }

            @Override
            public String allowed() {
                return "comma-separated http:// or https:// URIs, or empty";
            }
        };
    }
}
