package org.gonghui.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.jboss.logging.Logger;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

/**
 * The data fetcher of every plain field of an output type (a public field or getter of the object its parent
 * returned, not a resolver): SmallRye's SPI, registered in META-INF/services.
 *
 * <p>SmallRye's own fetcher of such fields first rebuilds its request context for the field, which walks the
 * field's whole selection set twice into JSON arrays, for every field of every object of the response; on a
 * page of 20 union cards that was about a quarter of the request's CPU ({@code bench/README.md}, U1). Nothing
 * reads that context while a plain field is read: the resolvers (our {@code @Source} methods and operations)
 * keep SmallRye's fetchers, which populate it for themselves. This fetcher reads the value and applies the
 * field's transformation or adapter exactly as SmallRye's does, then clears the thread's context as SmallRye's
 * does, so that no context outlives its request on a worker thread.
 */
public class PlainFieldFetchers implements DataFetcherService {

    /** After Quarkus's service (priority 1), which supplies the resolvers' fetchers and leaves plain fields alone. */
    @Override
    public Integer getPriority() {
        return 100;
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return new PlainField<>(field, owner);
    }

    /** One plain field: its accessor, found on first use, and SmallRye's transformation of its value. */
    static final class PlainField<T> implements PlugableDataFetcher<T>, TrivialDataFetcher<T> {

        private static final Logger LOG = Logger.getLogger(PlainFieldFetchers.class);

        private final Field field;
        private final Reference owner;
        private final FieldHelper helper;
        private volatile Accessor accessor;

        PlainField(Field field, Reference owner) {
            this.field = field;
            this.owner = owner;
            this.helper = new FieldHelper(field);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(DataFetchingEnvironment environment) throws Exception {
            Object value = null;
            try {
                value = accessor().get(environment.getSource());
                return (T) helper.transformOrAdaptResponse(value, environment);
            } catch (AbstractDataFetcherException e) {
                // as SmallRye's fetcher: a value its transformation refuses is returned as read
                LOG.debugf(e, "Field %s.%s: transformation failed, value returned as read", owner.getName(), field.getName());
                return (T) value;
            } finally {
                SmallRyeContextManager.clearCurrentSmallRyeContext();
            }
        }

        private Accessor accessor() throws ReflectiveOperationException {
            Accessor found = accessor;
            if (found == null) {
                Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
                if (field.getMethodName() == null) {
                    java.lang.reflect.Field member = type.getField(field.getPropertyName());
                    found = member::get;
                } else {
                    Method getter = type.getMethod(field.getMethodName());
                    found = source -> {
                        try {
                            return getter.invoke(source);
                        } catch (InvocationTargetException e) {
                            throw e.getCause() instanceof Exception cause ? cause : e;
                        }
                    };
                }
                accessor = found;
            }
            return found;
        }
    }

    @FunctionalInterface
    private interface Accessor {
        Object get(Object source) throws Exception;
    }
}
