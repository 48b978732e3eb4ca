package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.gonghui.testing.QuarkusTestWithOidc;
import org.junit.jupiter.api.Test;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * Plain fields of output types are read by {@link PlainFieldFetchers} (registered through SmallRye's SPI),
 * resolvers keep SmallRye's own fetchers. What the plain fields answer (values, dates, enums, nulls) is
 * proved by every feature's tests; this one proves the registration, which nothing else would notice
 * missing but the benchmark.
 */
@QuarkusTestWithOidc
class PlainFieldFetchersTests {

    @Inject
    GraphQLSchema schema;

    private DataFetcher<?> fetcher(String type, String field) {
        return schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field),
                ((GraphQLObjectType) schema.getType(type)).getFieldDefinition(field));
    }

    @Test
    void plainFieldsOfOutputTypesAreReadByThePlainFieldFetcher() {
        for (List<String> field : List.of(List.of("UnionCard", "name"), List.of("UnionCard", "openingHours"), List.of("UnionCard", "above"),
                List.of("UnionRef", "name"), List.of("Region", "code"), List.of("Union", "name"), List.of("OpeningHours", "opens"), List.of("RightsCase", "submittedAt"))) {
            assertInstanceOf(PlainFieldFetchers.PlainField.class, fetcher(field.get(0), field.get(1)), field.toString());
        }
    }

    @Test
    void resolversKeepSmallRyesFetchers() {
        for (List<String> field : List.of(List.of("UnionCard", "location"), List.of("UnionCardConnection", "totalCount"), List.of("Query", "findUnions"))) {
            DataFetcher<?> fetcher = fetcher(field.get(0), field.get(1));
            assertFalse(fetcher instanceof PlainFieldFetchers.PlainField, field + " is a resolver, read by " + fetcher.getClass().getSimpleName());
        }
    }

    @Test
    void everyObjectTypeOfTheSchemaHasItsPlainFieldsOnThePlainFetcher() {
        int plain = 0;
        for (GraphQLObjectType type : schema.getAllTypesAsList().stream().filter(GraphQLObjectType.class::isInstance)
                .map(GraphQLObjectType.class::cast).filter(t -> !t.getName().startsWith("__")).toList()) {
            for (var field : type.getFieldDefinitions()) {
                if (fetcher(type.getName(), field.getName()) instanceof PlainFieldFetchers.PlainField) {
                    plain++;
                }
            }
        }
        assertTrue(plain > 300, "plain fields on the plain fetcher: " + plain);
    }
}
