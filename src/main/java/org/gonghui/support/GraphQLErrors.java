package org.gonghui.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;

import org.jboss.logging.Logger;

import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.InputMapDefinesTooManyFieldsException;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.execution.UnknownOperationException;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.idl.TypeUtil;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.event.Priorities;
import io.smallrye.graphql.spi.EventingService;

/**
 * The one place every GraphQL error passes through before it is written: each becomes a message we
 * wrote (naming the argument or variable and the rule, never repeating the value, never naming a Java
 * or graphql-java internal) and exactly one {@code extensions.code} from the README's table. Errors of
 * our own ({@link ApiException}) keep their message and code; coercion failures are VALIDATION when the
 * field ran, BAD_REQUEST when the request was refused before execution; a null that only follows
 * from another error is dropped; anything else is INTERNAL with a logged reference. Runs last on the
 * way out (registered in META-INF/services); {@link GraphQLRequestGuard} uses {@link #describe} for
 * the documents it refuses.
 */
@Priority(Priorities.FIRST_IN_LAST_OUT)
public class GraphQLErrors implements EventingService {

    private static final Logger LOG = Logger.getLogger(GraphQLErrors.class);
    private static final Pattern ARGUMENT = Pattern.compile("argument '([A-Za-z_][A-Za-z0-9_.\\[\\]]*)'");
    private static final Pattern TYPE = Pattern.compile("is not a valid '([A-Za-z_][A-Za-z0-9_]*)'");
    private static final Pattern VARIABLE = Pattern.compile("[Vv]ariable '([A-Za-z_][A-Za-z0-9_]*)'");
    private static final Pattern INPUT_TYPE = Pattern.compile("input object type '([A-Za-z_][A-Za-z0-9_]*)'");
    /** graphql-java prints literal values as StringValue{value='…'}, ObjectValue{…} and the like. */
    private static final Pattern PRINTED_VALUE = Pattern.compile("[A-Za-z]*Value\\{");

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public void afterExecute(Context context) {
        ExecutionResult result = context.unwrap(ExecutionResult.class);
        if (result == null || result.getErrors().isEmpty() || !(context instanceof SmallRyeContext smallRye)) {
            return;
        }
        Document document = result.isDataPresent() ? null : document(context);
        List<GraphQLError> errors = rewrite(result.getErrors(), result.isDataPresent(), document);
        smallRye.setExecutionResult(result.transform(builder -> builder.errors(errors)));
    }

    private static Document document(Context context) {
        try {
            return context.unwrap(Document.class);
        } catch (RuntimeException e) {
            return null; // no document, no variable names: the messages say "variables"
        }
    }

    static List<GraphQLError> rewrite(List<GraphQLError> errors, boolean executed, Document document) {
        List<GraphQLError> rewritten = new ArrayList<>();
        for (GraphQLError error : errors) {
            if (error instanceof NonNullableFieldWasNullError && errors.size() > 1) {
                continue; // the null only follows from the error that made the field fail
            }
            rewritten.add(rewrite(error, executed, document));
        }
        return rewritten;
    }

    private static GraphQLError rewrite(GraphQLError error, boolean executed, Document document) {
        if (error instanceof CodedError) {
            return error;
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fieldFailure(error, fetching.getException());
        }
        if (error instanceof ValidationError validation) {
            List<Object> path = validation.getQueryPath() == null ? null : List.copyOf(validation.getQueryPath());
            return new CodedError(describe(validation), executed ? ErrorCode.VALIDATION : ErrorCode.BAD_REQUEST, error.getLocations(), executed ? path : null);
        }
        if (error instanceof Throwable thrown && !(error instanceof NonNullableFieldWasNullError)) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof ApiException api) {
                    return new CodedError(api.getMessage(), api.errorCode(), error.getLocations(), error.getPath());
                }
            }
        }
        if (!executed || error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.InvalidSyntax) {
            return new CodedError(requestProblem(error, document), ErrorCode.BAD_REQUEST, error.getLocations(), error.getPath());
        }
        return internal(error, null);
    }

    /** A field that failed while fetching: our own errors as they are, argument coercion as VALIDATION, the rest INTERNAL. */
    private static GraphQLError fieldFailure(GraphQLError error, Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return new CodedError(api.getMessage(), api.errorCode(), error.getLocations(), error.getPath());
            }
            if (t instanceof CoercingParseLiteralException || t instanceof CoercingParseValueException) {
                return new CodedError("参数取值无效 (an argument is not a valid value of its type)", ErrorCode.VALIDATION,
                        error.getLocations(), error.getPath());
            }
        }
        return internal(error, exception);
    }

    private static GraphQLError internal(GraphQLError error, Throwable exception) {
        String reference = UUID.randomUUID().toString();
        if (exception != null) {
            LOG.errorf(exception, "Unexpected GraphQL error, reference %s", reference);
        } else {
            LOG.errorf("Unexpected GraphQL error, reference %s: %s", reference, error.getMessage());
        }
        return new CodedError("服务器内部错误 (internal error), reference " + reference, ErrorCode.INTERNAL, error.getLocations(), error.getPath());
    }

    /** A request graphql-java refused before running it (variables, operation name): says what, not with which value. */
    private static String requestProblem(GraphQLError error, Document document) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (error instanceof UnknownOperationException || message.startsWith("Unknown operation named")) {
            return "operationName: 文档中没有该名称的操作 (the document has no operation of that name)";
        }
        if (message.startsWith("Must provide operation name")) {
            return "operationName: 文档含多个操作, 须指明执行哪一个 (the document holds several operations: name the one to run)";
        }
        String variable = variableAt(error.getLocations(), document);
        Matcher type = INPUT_TYPE.matcher(message);
        if (variable == null && type.find()) {
            variable = variableOfType(type.group(1), document);
        }
        Matcher named = VARIABLE.matcher(message);
        if (variable == null && named.find()) {
            variable = named.group(1);
        }
        if (variable != null || error instanceof CoercingParseValueException || error instanceof InputMapDefinesTooManyFieldsException
                || error instanceof NonNullableValueCoercedAsNullException) {
            return "variables" + (variable == null ? "" : "." + variable)
                    + ": 变量取值不符合其声明的类型 (the value of the variable does not fit its declared type)";
        }
        LOG.debugf("Request refused before execution: %s", message);
        return "请求不符合 GraphQL 模式 (the request does not fit the schema)";
    }

    /** The variable whose definition the error points at (graphql-java locates coercion errors there). */
    private static String variableAt(List<SourceLocation> locations, Document document) {
        if (document == null || locations == null || locations.isEmpty()) {
            return null;
        }
        SourceLocation at = locations.get(0);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            for (VariableDefinition definition : operation.getVariableDefinitions()) {
                SourceLocation defined = definition.getSourceLocation();
                if (defined != null && defined.getLine() == at.getLine() && defined.getColumn() == at.getColumn()) {
                    return definition.getName();
                }
            }
        }
        return null;
    }

    /** The one variable declared with this input type (a coercion error of an input map names the type only). */
    private static String variableOfType(String typeName, Document document) {
        if (document == null) {
            return null;
        }
        List<String> names = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .flatMap(operation -> operation.getVariableDefinitions().stream())
                .filter(definition -> TypeUtil.unwrapAll(definition.getType()).getName().equals(typeName))
                .map(VariableDefinition::getName).distinct().toList();
        return names.size() == 1 ? names.get(0) : null;
    }

    /** A message for a document that does not validate: the argument and type it names, never the literal value. */
    public static String describe(ValidationError error) {
        String description = error.getDescription() == null ? "" : error.getDescription();
        Matcher argument = ARGUMENT.matcher(description);
        if (error.getValidationErrorType() == ValidationErrorType.WrongType || argument.find() && PRINTED_VALUE.matcher(description).find()) {
            argument.reset();
            String name = argument.find() ? argument.group(1) : "argument";
            Matcher type = TYPE.matcher(description);
            String rule = type.find() ? "不是有效的 " + type.group(1) + " (not a valid " + type.group(1) + ")"
                    : "取值不符合参数类型 (the value does not fit the argument's type)";
            return name + ": " + rule;
        }
        if (PRINTED_VALUE.matcher(description).find() || description.contains("SRGQL")) {
            return "文档不符合 GraphQL 模式 (" + error.getValidationErrorType() + ": the document does not fit the schema)";
        }
        return description;
    }

    /** A syntax error with its position only: the offending token may be a value the caller typed. */
    public static String describe(InvalidSyntaxException error) {
        SourceLocation at = error.getLocation();
        return "GraphQL 语法错误 (syntax error)" + (at == null ? "" : " at line " + at.getLine() + ", column " + at.getColumn());
    }

    /** An error as the client sees it: message, locations, path and the code; nothing else. */
    static final class CodedError implements GraphQLError {

        private final String message;
        private final ErrorCode code;
        private final List<SourceLocation> locations;
        private final List<Object> path;

        CodedError(String message, ErrorCode code, List<SourceLocation> locations, List<Object> path) {
            this.message = message;
            this.code = code;
            this.locations = locations;
            this.path = path;
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return locations;
        }

        @Override
        public List<Object> getPath() {
            return path;
        }

        @Override
        public ErrorType getErrorType() {
            return ErrorType.DataFetchingException;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", code.name());
        }

        @Override
        public Map<String, Object> toSpecification() {
            Map<String, Object> specification = new LinkedHashMap<>();
            specification.put("message", message);
            if (locations != null && !locations.isEmpty()) {
                specification.put("locations", locations.stream().map(l -> Map.of("line", l.getLine(), "column", l.getColumn())).toList());
            }
            if (path != null) {
                specification.put("path", path);
            }
            specification.put("extensions", Map.of("code", code.name()));
            return specification;
        }
    }
}
