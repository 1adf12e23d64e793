package org.outdial.server.http;

import io.javalin.event.HandlerMetaInfo;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Every HTTP route the server registered, as Javalin reports them: what the OpenAPI document is checked against. */
public final class RouteRegistry {

    /** @param method upper-case HTTP method (GET, POST…); SSE routes report GET */
    public record Route(String method, String path, Set<String> access) {}

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    void add(HandlerMetaInfo info) {
        String method = info.getHttpMethod().name();
        if (method.equals("BEFORE") || method.equals("AFTER") || method.equals("BEFORE_MATCHED")
                || method.equals("AFTER_MATCHED") || method.equals("INVALID")) {
            return;
        }
        routes.add(new Route(method, info.getPath(), info.getRoles().stream().map(Object::toString)
                .collect(Collectors.toUnmodifiableSet())));
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }
}
