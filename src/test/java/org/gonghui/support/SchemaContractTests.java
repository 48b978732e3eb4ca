package org.gonghui.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.junit.jupiter.api.Test;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.security.Authenticated;

/**
 * The schema is a contract with the front-end teams: the served SDL must equal the committed
 * schema.graphql (run with -Dgonghui.schema.update=true to rewrite it on purpose), everything in it
 * is described, and every operation and nested field declares who may call it.
 */
@QuarkusTestWithOidc
class SchemaContractTests {

    static final Path COMMITTED = Path.of("schema.graphql");

    @Inject
    BeanManager beanManager;

    private static String served() {
        return given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
    }

    @Test
    void servedSchemaEqualsTheCommittedSchema() throws IOException {
        String served = served();
        if (Boolean.getBoolean("gonghui.schema.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(COMMITTED), "schema.graphql is missing; run the tests once with -Dgonghui.schema.update=true");
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8), served,
                "The served schema differs from schema.graphql. If the change is deliberate, rerun with -Dgonghui.schema.update=true and commit the file.");
    }

    @Test
    void everyTypeFieldArgumentAndEnumValueHasADescription() {
        TypeDefinitionRegistry registry = new SchemaParser().parse(served());
        List<String> undocumented = new ArrayList<>();
        for (TypeDefinition<?> type : registry.types().values()) {
            check(undocumented, type.getName(), descriptionOf(type));
            if (type instanceof ObjectTypeDefinition object) {
                for (FieldDefinition field : object.getFieldDefinitions()) {
                    check(undocumented, type.getName() + "." + field.getName(), field.getDescription());
                    for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                        check(undocumented, type.getName() + "." + field.getName() + "(" + argument.getName() + ")", argument.getDescription());
                    }
                }
            } else if (type instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions().forEach(f -> check(undocumented, type.getName() + "." + f.getName(), f.getDescription()));
            } else if (type instanceof EnumTypeDefinition enumType) {
                enumType.getEnumValueDefinitions().forEach(v -> check(undocumented, type.getName() + "." + v.getName(), v.getDescription()));
            }
        }
        assertEquals(List.of(), undocumented, "schema elements without @Description");
    }

    @Test
    void everyOperationAndNestedFieldDeclaresItsRoles() {
        List<String> unguarded = new ArrayList<>();
        int checked = 0;
        for (Bean<?> bean : beanManager.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (!type.isAnnotationPresent(GraphQLApi.class)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                boolean operation = method.isAnnotationPresent(Query.class) || method.isAnnotationPresent(Mutation.class);
                boolean nested = false;
                for (Parameter parameter : method.getParameters()) {
                    nested |= parameter.isAnnotationPresent(Source.class);
                }
                if (operation || nested) {
                    checked++;
                    boolean guarded = method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(PermitAll.class)
                            || method.isAnnotationPresent(Authenticated.class);
                    if (!guarded) {
                        unguarded.add(type.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertTrue(checked >= 10, "found only " + checked + " GraphQL methods");
        assertEquals(List.of(), unguarded, "GraphQL methods without @RolesAllowed, @PermitAll or @Authenticated");
    }

    private static Description descriptionOf(TypeDefinition<?> type) {
        try {
            return (Description) type.getClass().getMethod("getDescription").invoke(type);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static void check(List<String> undocumented, String element, Description description) {
        if (description == null || description.getContent() == null || description.getContent().isBlank()) {
            undocumented.add(element);
        }
    }
}
