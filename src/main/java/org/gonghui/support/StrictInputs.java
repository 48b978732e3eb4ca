package org.gonghui.support;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.spi.EventingService;

/**
 * Checks every argument of every field before its data fetcher converts it, at any depth of input
 * objects and lists, literal or variable alike: an {@code ID} is decimal digits within 1..2^63-1 (no
 * sign, no leading zeros, nothing after the digits), a {@code Date} is {@code YYYY-MM-DD} with a
 * four-digit year from 0001, and no text holds control characters other than tab and line breaks or
 * unpaired surrogates. A refusal is VALIDATION naming the argument path (e.g. {@code filter.unionId});
 * the value itself is never repeated. Days and months also keep their field's range from
 * {@link Dates}; the text rule of each field ({@link Text}) is applied by the feature that stores it.
 * Registered in META-INF/services.
 */
public class StrictInputs implements EventingService {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DATE_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public void beforeDataFetch(Context context) {
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        if (env == null || env.getFieldDefinition() == null) {
            return;
        }
        for (GraphQLArgument argument : env.getFieldDefinition().getArguments()) {
            // A mutation's fields are named without "input.", as the services name them.
            String path = argument.getName().equals("input") ? "" : argument.getName();
            check(path, env.getFieldDefinition().getName() + "(" + argument.getName() + ")", argument.getType(),
                    env.getArgument(argument.getName()));
        }
    }

    /**
     * Walks one value along its declared type; throws at the first value that breaks a rule. The key
     * names the place in the schema for {@link Dates}: {@code Type.field} or {@code field(argument)}.
     */
    static void check(String path, String key, GraphQLType type, Object value) {
        if (value == null) {
            return;
        }
        if (type instanceof GraphQLNonNull nonNull) {
            check(path, key, nonNull.getWrappedType(), value);
        } else if (type instanceof GraphQLList list) {
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    check(path + "[" + i + "]", key, list.getWrappedType(), items.get(i));
                }
            } else {
                check(path, key, list.getWrappedType(), value);
            }
        } else if (type instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                check(path.isEmpty() ? field.getName() : path + "." + field.getName(), object.getName() + "." + field.getName(), (GraphQLInputType) field.getType(),
                        fields.get(field.getName()));
            }
        } else if (type instanceof GraphQLScalarType scalar) {
            switch (scalar.getName()) {
                case "ID" -> id(path, value.toString());
                case "Date" -> Dates.checkDay(path, key, date(path, value));
                case "DateTime" -> dateTime(path, value);
                default -> {
                    if (value instanceof String text) {
                        Text.requireNoControls(path, text);
                        if (Dates.isMonth(key)) {
                            Dates.checkMonth(path, key, text);
                        }
                    }
                }
            }
        }
    }

    /** The id an {@code ID} argument names; anything but canonical decimal digits within range is VALIDATION. */
    public static long id(String path, String value) {
        if (value != null && ID.matcher(value).matches()) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                // more than 2^63-1: refused below
            }
        }
        throw new ValidationException(path + ": 编号格式不正确 (not a valid id: decimal digits without sign or leading zeros, from 1 to 9223372036854775807)");
    }

    private static LocalDate date(String path, Object value) {
        if (value instanceof LocalDate date) {
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw invalidDate(path);
            }
            return date;
        }
        String text = value.toString();
        if (!DATE.matcher(text).matches()) {
            throw invalidDate(path);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, STRICT_DATE);
        } catch (DateTimeException e) {
            throw invalidDate(path);
        }
        if (date.getYear() < 1) {
            throw invalidDate(path);
        }
        return date;
    }

    /** An ISO-8601 date-time (offset optional) with a four-digit year from 0001. */
    private static void dateTime(String path, Object value) {
        if (value instanceof String text) {
            try {
                if (DATE_TIME.matcher(text).lookingAt() && DateTimeFormatter.ISO_DATE_TIME.parse(text).get(ChronoField.YEAR) >= 1) {
                    return;
                }
            } catch (DateTimeException e) {
                // refused below
            }
            throw invalidDateTime(path);
        }
        if (value instanceof TemporalAccessor time && time.isSupported(ChronoField.YEAR)
                && (time.get(ChronoField.YEAR) < 1 || time.get(ChronoField.YEAR) > 9999)) {
            throw invalidDateTime(path);
        }
    }

    private static ValidationException invalidDateTime(String path) {
        return new ValidationException(path + ": 时间格式不正确 (not a valid date-time: ISO-8601 such as 2026-03-01T08:00:00+08:00, a four-digit year from 0001)");
    }

    private static ValidationException invalidDate(String path) {
        return new ValidationException(path + ": 日期格式不正确 (not a valid date: YYYY-MM-DD, a four-digit year from 0001 and a day that exists)");
    }
}
