package org.gonghui.support;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
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
 * Stands in front of the GraphQL endpoint. It refuses, with HTTP 400 and nothing executed, requests
 * that are not GraphQL-over-HTTP (BAD_REQUEST: no JSON object, no query, invalid syntax, a document
 * that does not validate against the schema) and
 * documents beyond the {@link RequestLimits} (LIMIT_EXCEEDED: size, tokens, depth, cost, aliases,
 * operations). It also gives documents that fail schema validation a 400: Quarkus answers every
 * executed request with 200, so the SmallRye {@link EventingService} half of this class
 * (registered in META-INF/services) marks requests whose result has no data.
 */
@ApplicationScoped
public class GraphQLRequestGuard implements EventingService {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String NOT_EXECUTED = "gonghui.graphql.not-executed";
    private static final int DOCUMENT_CACHE_SIZE = 2_000;
    /** Parsed documents by query text: clients send the same few queries over and over. */
    private static final Map<String, Document> DOCUMENTS = new ConcurrentHashMap<>();

    @Inject
    RequestLimits limits;

    @Inject
    Paging paging;

    @Inject
    Instance<GraphQLSchema> schema;

    /** Why a request is refused before execution: its code and one message per problem. */
    record Refusal(String code, List<String> messages) {
        Refusal(String code, String message) {
            this(code, List.of(message));
        }
    }

    void install(@Observes Router router) {
        router.route("/graphql").order(-100).handler(BodyHandler.create().setBodyLimit(1024 * 1024)).handler(ctx -> {
            Refusal refusal = refusal(ctx);
            if (refusal != null) {
                FailureResponses.respond(ctx, 400, refusal.code(), refusal.messages());
                return;
            }
            ctx.addHeadersEndHandler(v -> {
                String type = ctx.response().headers().get("Content-Type");
                Long retryAfter = ctx.get(RateLimiter.LIMITED);
                if (retryAfter != null) {
                    ctx.response().setStatusCode(429).setStatusMessage("Too Many Requests").putHeader("Retry-After", retryAfter.toString());
                } else if (Boolean.TRUE.equals(ctx.get(NOT_EXECUTED)) && type != null && type.startsWith(GRAPHQL_RESPONSE)) {
                    ctx.response().setStatusCode(400).setStatusMessage("Bad Request");
                }
            });
            ctx.next();
        });
    }

    private Refusal refusal(RoutingContext ctx) {
        String query;
        Map<String, Object> variables = Map.of();
        if (ctx.request().method() == HttpMethod.GET) {
            query = ctx.request().getParam("query");
        } else if (ctx.request().method() == HttpMethod.POST && isJson(ctx)) {
            try (JsonReader reader = Json.createReader(new StringReader(ctx.body().asString("UTF-8")))) {
                JsonObject body = reader.readObject();
                if (!body.containsKey("query") || body.isNull("query")) {
                    return body.containsKey("extensions") ? null
                            : new Refusal("BAD_REQUEST", "请求缺少 query (the JSON body has no \"query\")");
                }
                query = body.getString("query");
                if (body.containsKey("variables") && body.get("variables").getValueType() == JsonValue.ValueType.OBJECT) {
                    variables = numbers(body.getJsonObject("variables"));
                }
            } catch (JsonException | IllegalStateException | ClassCastException e) {
                return new Refusal("BAD_REQUEST", "请求体不是合法的 JSON 对象 (the request body is not a JSON object)");
            }
        } else {
            return null;
        }
        if (query == null) {
            return null;
        }
        Document document = DOCUMENTS.get(query);
        if (document == null) {
            try {
                document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                        .parserOptions(ParserOptions.newParserOptions().maxCharacters(limits.maxCharacters())
                                .maxTokens(limits.maxTokens()).maxRuleDepth(limits.maxDepth() * 4 + 20).build())
                        .build());
            } catch (ParseCancelledException | ParseCancelledTooManyCharsException | ParseCancelledTooDeepException e) {
                return new Refusal("LIMIT_EXCEEDED", "document: 查询文档过大 (the document exceeds " + limits.maxCharacters()
                        + " characters, " + limits.maxTokens() + " tokens or the nesting limit)");
            } catch (InvalidSyntaxException e) {
                return new Refusal("BAD_REQUEST", GraphQLErrors.describe(e));
            }
            List<ValidationError> invalid = new Validator().validateDocument(schema.get(), document, Locale.ENGLISH);
            if (!invalid.isEmpty()) {
                return new Refusal("BAD_REQUEST", invalid.stream().map(GraphQLErrors::describe).toList());
            }
            if (DOCUMENTS.size() < DOCUMENT_CACHE_SIZE) {
                DOCUMENTS.put(query, document);
            }
        }
        String violation = DocumentLimits.violation(document, variables, limits, paging.defaultPageSize());
        return violation == null ? null : new Refusal("LIMIT_EXCEEDED", violation);
    }

    /** The numeric variables, which the cost estimate needs (page sizes). */
    private static Map<String, Object> numbers(JsonObject variables) {
        Map<String, Object> numbers = new HashMap<>();
        variables.forEach((name, value) -> {
            if (value instanceof JsonNumber number) {
                numbers.put(name, number.longValue());
            }
        });
        return numbers;
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
