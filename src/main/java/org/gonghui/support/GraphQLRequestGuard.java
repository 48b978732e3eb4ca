package org.gonghui.support;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.SourceLocation;
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
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Stands in front of the GraphQL endpoint (GraphQL over HTTP). On the event loop it looks at headers
 * only: POST only (405), a JSON request body (415), an acceptable response type (406), and a deadline
 * for the body to arrive (408). Reading the JSON, parsing, validating and measuring the document run on
 * a worker thread, so a costly document never stalls other callers. It refuses, with nothing executed,
 * bodies that are not a GraphQL-over-HTTP request (400 BAD_REQUEST), documents that do not parse or
 * validate (BAD_REQUEST) and documents beyond the {@link RequestLimits} (LIMIT_EXCEEDED); the status of
 * those is 400 for {@code application/graphql-response+json} and 200 for {@code application/json}, as
 * the specification asks. Messages give positions and schema names, never the caller's literal values.
 * The SmallRye {@link EventingService} half of this class (registered in META-INF/services) marks
 * executed requests whose result has no data, which then get the same status.
 */
@ApplicationScoped
public class GraphQLRequestGuard implements EventingService {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String JSON = "application/json";
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String NOT_EXECUTED = "gonghui.graphql.not-executed";
    private static final int DOCUMENT_CACHE_SIZE = 2_000;
    /** Parsed and validated documents by query text: clients send the same few queries over and over. */
    private static final Map<String, Document> DOCUMENTS = new ConcurrentHashMap<>();
    /** graphql-java prefixes each validation message with its rule and path; we give those separately. */

    /**
     * Told the name of each step of the check (json, parse, validate, limits) and whether it ran on an
     * event-loop thread; tests replace it to prove none does.
     */
    static volatile BiConsumer<String, Boolean> stepListener = (step, onEventLoop) -> {
    };

    @Inject
    RequestLimits limits;

    @Inject
    Paging paging;

    @Inject
    Instance<GraphQLSchema> schema;

    /** One problem with the request: a message and, for a document, where in it. */
    record Problem(String message, SourceLocation location) {
    }

    /**
     * Why a request is refused before execution. {@code wellFormed} requests (a JSON object with a
     * string query) carry a GraphQL request error, whose status depends on the response type; the
     * others are not GraphQL requests at all and are always 400.
     */
    record Refusal(ErrorCode code, List<Problem> problems, boolean wellFormed) {

        static Refusal malformed(String message) {
            return new Refusal(ErrorCode.BAD_REQUEST, List.of(new Problem(message, null)), false);
        }

        static Refusal requestError(ErrorCode code, String message, SourceLocation location) {
            return new Refusal(code, List.of(new Problem(message, location)), true);
        }
    }

    void install(@Observes Router router) {
        // two routes: Vert.x wants a body handler first on its route
        router.route("/graphql").order(-101).handler(this::checkHeaders);
        router.route("/graphql").order(-100).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                .blockingHandler(this::checkRequest, false);
    }

    /** Headers only, on the event loop: method, content type, accepted response type, body deadline. */
    private void checkHeaders(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        if (method != HttpMethod.POST) {
            // GET is off on purpose: a query string ends up in proxy and access logs, with any personal data in it.
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST, OPTIONS");
            FailureResponses.respond(ctx, 405, ErrorCode.BAD_REQUEST, "请使用 POST (only POST is supported; send the request as a JSON body)");
            return;
        }
        if (!isJsonUtf8(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            FailureResponses.respond(ctx, 415, ErrorCode.BAD_REQUEST,
                    "请求体须为 JSON (send Content-Type: application/json, UTF-8)");
            return;
        }
        String type = responseType(ctx);
        if (type == null) {
            FailureResponses.respond(ctx, 406, ErrorCode.BAD_REQUEST,
                    "无法提供所要求的格式 (accept application/graphql-response+json or application/json)");
            return;
        }
        // SmallRye negotiates again and refuses what it does not know (application/*); tell it our choice
        ctx.request().headers().set(HttpHeaders.ACCEPT, type);
        long deadline = limits.bodyTimeout().toMillis();
        if (!ctx.request().isEnded()) {
            long timer = ctx.vertx().setTimer(deadline, id -> {
                if (!ctx.request().isEnded() && !ctx.response().headWritten()) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    FailureResponses.respond(ctx, 408, ErrorCode.BAD_REQUEST, "请求体未在 " + limits.bodyTimeout().toSeconds()
                            + " 秒内送达 (the request body did not arrive within " + limits.bodyTimeout().toSeconds() + " s)");
                    ctx.request().connection().close();
                }
            });
            ctx.addEndHandler(v -> ctx.vertx().cancelTimer(timer));
        }
        ctx.next();
    }

    /** The body and the document, on a worker thread. */
    private void checkRequest(RoutingContext ctx) {
        String type = responseType(ctx);
        Refusal refusal;
        try {
            refusal = refusal(ctx);
        } catch (RuntimeException | StackOverflowError e) {
            ApiException internal = ErrorTranslator.translate(e);
            FailureResponses.respond(ctx, internal.errorCode(), internal.getMessage());
            return;
        }
        if (refusal != null) {
            int status = !refusal.wellFormed() || GRAPHQL_RESPONSE.equals(type) ? 400 : 200;
            FailureResponses.respond(ctx, status, refusal.code(), refusal.problems());
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() == 200 && ctx.response().headers().contains(HttpHeaders.CONTENT_TYPE)) {
                // SmallRye echoes the Accept header; the negotiated type is the one to declare
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type + ";charset=UTF-8");
            }
            Long retryAfter = ctx.get(RateLimiter.LIMITED);
            if (retryAfter != null) {
                ctx.response().setStatusCode(429).setStatusMessage("Too Many Requests").putHeader("Retry-After", retryAfter.toString());
            } else if (Boolean.TRUE.equals(ctx.get(NOT_EXECUTED)) && GRAPHQL_RESPONSE.equals(type)) {
                ctx.response().setStatusCode(400).setStatusMessage("Bad Request");
            }
        });
        ctx.next();
    }

    private Refusal refusal(RoutingContext ctx) {
        step("json");
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(ctx.body().asString("UTF-8")))) {
            body = reader.readObject();
        } catch (RuntimeException e) {
            // not JSON, not an object, or nested beyond the parser's limit
            return Refusal.malformed("请求体不是合法的 JSON 对象 (the request body is not a JSON object)");
        }
        if (!present(body, "query")) {
            return Refusal.malformed("请求缺少 query (the JSON body has no \"query\")");
        }
        if (body.get("query").getValueType() != JsonValue.ValueType.STRING) {
            return Refusal.malformed("query: 须为字符串 (\"query\" must be a string)");
        }
        if (present(body, "operationName") && body.get("operationName").getValueType() != JsonValue.ValueType.STRING) {
            return Refusal.malformed("operationName: 须为字符串或 null (\"operationName\" must be a string or null)");
        }
        for (String map : List.of("variables", "extensions")) {
            if (present(body, map) && body.get(map).getValueType() != JsonValue.ValueType.OBJECT) {
                return Refusal.malformed(map + ": 须为 JSON 对象或 null (\"" + map + "\" must be a JSON object or null)");
            }
        }
        String query = body.getString("query");
        Map<String, Object> variables = present(body, "variables")
                ? DocumentLimits.variables(body.getJsonObject("variables"))
                : Map.of();
        Document document = DOCUMENTS.get(query);
        if (document == null) {
            step("parse");
            try {
                document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                        .parserOptions(ParserOptions.newParserOptions().maxCharacters(limits.maxCharacters())
                                .maxTokens(limits.maxTokens()).maxRuleDepth(limits.maxDepth() * 4 + 20).build())
                        .build());
            } catch (ParseCancelledException | ParseCancelledTooManyCharsException | ParseCancelledTooDeepException e) {
                return Refusal.requestError(ErrorCode.LIMIT_EXCEEDED, "document: 查询文档过大 (the document exceeds " + limits.maxCharacters()
                        + " characters, " + limits.maxTokens() + " tokens or the nesting limit)", null);
            } catch (InvalidSyntaxException e) {
                SourceLocation at = e.getLocation();
                return Refusal.requestError(ErrorCode.BAD_REQUEST, GraphQLErrors.describe(e), at);
            }
            step("validate");
            List<ValidationError> invalid = new Validator().validateDocument(schema.get(), document, Locale.ENGLISH);
            if (!invalid.isEmpty()) {
                List<Problem> problems = new ArrayList<>();
                invalid.forEach(error -> problems.add(new Problem(GraphQLErrors.describe(error),
                        error.getLocations() == null || error.getLocations().isEmpty() ? null : error.getLocations().get(0))));
                return new Refusal(ErrorCode.BAD_REQUEST, problems, true);
            }
            if (DOCUMENTS.size() < DOCUMENT_CACHE_SIZE) {
                DOCUMENTS.put(query, document);
            }
        }
        step("limits");
        DocumentLimits.Measure measure = DocumentLimits.measure(document, variables, schema.get(), limits, paging.defaultPageSize());
        if (measure.violation() != null) {
            return Refusal.requestError(ErrorCode.LIMIT_EXCEEDED, measure.violation(), null);
        }
        HeavyWorkBudget.record(ctx, measure.heavyCost());
        return null;
    }

    /** The member is there and not null (Parsson's isNull throws for a missing member). */
    private static boolean present(JsonObject body, String name) {
        return body.containsKey(name) && body.get(name).getValueType() != JsonValue.ValueType.NULL;
    }

    private static void step(String name) {
        stepListener.accept(name, io.vertx.core.Context.isOnEventLoopThread());
    }

    /**
     * The response media type the request accepts, by the Accept header's weights: graphql-response+json
     * when asked for, application/json for application/json, {@code application/*}, {@code *}{@code /*}
     * or no Accept at all; null when it accepts neither.
     */
    static String responseType(RoutingContext ctx) {
        List<MIMEHeader> accepted = new ArrayList<>(ctx.parsedHeaders().accept());
        if (accepted.isEmpty()) {
            return JSON;
        }
        accepted.sort((a, b) -> Float.compare(b.weight(), a.weight()));
        for (MIMEHeader header : accepted) {
            String charset = header.parameter("charset");
            if (header.weight() <= 0 || charset != null && !charset.equalsIgnoreCase("utf-8")) {
                continue;
            }
            String type = header.value().split(";")[0].trim().toLowerCase(Locale.ROOT);
            switch (type) {
                case GRAPHQL_RESPONSE:
                    return GRAPHQL_RESPONSE;
                case JSON, "application/*", "*/*":
                    return JSON;
                default:
                    break;
            }
        }
        return null;
    }

    /** {@code application/json}, in UTF-8 when a charset is named at all. */
    private static boolean isJsonUtf8(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")
                    && (parameter.length < 2 || !parameter[1].trim().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
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
