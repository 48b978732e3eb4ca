package org.gonghui.support;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.List;

import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Scalars;
import io.smallrye.graphql.spi.EventingService;

/**
 * Lets an operation take a list of ids: {@code @Id List<@NonNull String> ids}, schema {@code [ID!]!}.
 * SmallRye GraphQL's schema builder (2.17, {@code ReferenceCreator.getReference}) looks for {@code @Id}
 * before it unwraps a collection, so the argument's reference names the collection class
 * ({@code java.util.List}) instead of its element; the schema still says {@code [ID!]!}, but at run time
 * each element is bound to a List and fails ("not a valid 'Unknown Scalar Type [java.util.List]'"), a
 * VALIDATION error for every list, literal or variable. Before the schema is built, this service gives
 * such an argument the ID reference of its element type, which the builder would have given a single
 * {@code @Id} argument of that type: the schema is unchanged, and graphql-java's ID coercion hands the
 * method its strings. Registered in META-INF/services.
 */
public class IdListArguments implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public Operation createOperation(Operation operation) {
        if (!operation.hasArguments()) {
            return operation;
        }
        List<Argument> arguments = operation.getArguments();
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            Reference reference = argument.getReference();
            if (argument.hasWrapper() && argument.getWrapper().isCollectionOrArrayOrMap() && "ID".equals(reference.getName())
                    && reference.getClassName().equals(argument.getWrapper().getWrapperClassName())) {
                argument.setReference(Scalars.getIDScalar(elementClass(operation, i)));
            }
        }
        return operation;
    }

    /** The element class of the collection parameter at {@code index} of the operation's method. */
    private static String elementClass(Operation operation, int index) {
        try {
            Class<?> api = Class.forName(operation.getClassName(), false, Thread.currentThread().getContextClassLoader());
            for (Method method : api.getMethods()) {
                if (method.getName().equals(operation.getMethodName()) && method.getParameterCount() == operation.getArguments().size()
                        && method.getGenericParameterTypes()[index] instanceof ParameterizedType collection
                        && collection.getActualTypeArguments()[0] instanceof Class<?> element) {
                    return element.getName();
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("GraphQL API class " + operation.getClassName() + " not found", e);
        }
        throw new IllegalStateException("@Id list argument " + index + " of " + operation.getClassName() + "." + operation.getMethodName()
                + " is not a collection of a plain class");
    }
}
