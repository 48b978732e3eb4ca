package org.gonghui.support;

import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import graphql.ExecutionResult;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.spi.EventingService;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * GraphQL-over-HTTP status codes. Quarkus answers every executed request with 200; the
 * specification wants a 4xx for a request that could not be executed at all (unparsable JSON, a
 * syntax error, a document that fails validation) when the client accepts
 * {@code application/graphql-response+json}. Execution results with data keep 200.
 * Registered twice: as a CDI bean that adds the route handler, and as a SmallRye GraphQL
 * {@link EventingService} (META-INF/services) that marks requests whose result has no data.
 */
@ApplicationScoped
public class GraphQLRequestErrors implements EventingService {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final int PARSED_CACHE_SIZE = 2_000;
    private static final Map<String, Boolean> PARSED = new ConcurrentHashMap<>();
    private static final String NOT_EXECUTED = "gonghui.graphql.not-executed";

    void install(@Observes Router router) {
        router.route("/graphql").order(-100).handler(BodyHandler.create().setBodyLimit(1024 * 1024)).handler(ctx -> {
            String problem = syntaxProblem(ctx);
            if (problem != null) {
                ctx.response().setStatusCode(400).putHeader("Content-Type", GRAPHQL_RESPONSE + ";charset=UTF-8")
                        .end(Json.createObjectBuilder().add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("message", problem)
                                .add("extensions", Json.createObjectBuilder().add("code", "BAD_REQUEST")))).build().toString());
                return;
            }
            ctx.addHeadersEndHandler(v -> {
                String type = ctx.response().headers().get("Content-Type");
                if (Boolean.TRUE.equals(ctx.get(NOT_EXECUTED)) && type != null && type.startsWith(GRAPHQL_RESPONSE)) {
                    ctx.response().setStatusCode(400).setStatusMessage("Bad Request");
                }
            });
            ctx.next();
        });
    }

    /** Why the request cannot be parsed at all, or null. Queries that parsed once are remembered. */
    private String syntaxProblem(RoutingContext ctx) {
        String query;
        if (ctx.request().method() == HttpMethod.GET) {
            query = ctx.request().getParam("query");
        } else if (ctx.request().method() == HttpMethod.POST && isJson(ctx)) {
            try (JsonReader reader = Json.createReader(new StringReader(ctx.body().asString("UTF-8")))) {
                JsonObject body = reader.readObject();
                if (!body.containsKey("query") || body.isNull("query")) {
                    return body.containsKey("extensions") ? null : "请求缺少 query (the JSON body has no \"query\")";
                }
                query = body.getString("query");
            } catch (JsonException | IllegalStateException | ClassCastException e) {
                return "请求体不是合法的 JSON 对象 (the request body is not a JSON object)";
            }
        } else {
            return null;
        }
        if (query == null || PARSED.containsKey(query)) {
            return null;
        }
        try {
            Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return "GraphQL 语法错误 (syntax error): " + e.getMessage();
        }
        if (PARSED.size() < PARSED_CACHE_SIZE) {
            PARSED.put(query, Boolean.TRUE);
        }
        return null;
    }

    private static boolean isJson(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public void afterExecute(Context context) {
        ExecutionResult result = context.unwrap(ExecutionResult.class);
        if (result != null && !result.isDataPresent()) {
            ManagedContext requestContext = Arc.container().requestContext();
            if (requestContext.isActive()) {
                RoutingContext routing = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
                if (routing != null) {
                    routing.put(NOT_EXECUTED, true);
                }
            }
        }
    }
}
