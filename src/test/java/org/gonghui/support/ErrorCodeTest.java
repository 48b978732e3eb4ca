package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** {@link ErrorCode} is the one list of codes: the README's table and the statuses outside GraphQL follow it. */
class ErrorCodeTest {

    @Test
    void theReadmeTableListsExactlyTheCodesOfTheEnum() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("| code | HTTP | when |"));
        table = table.substring(0, table.indexOf("\n\n"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(codes, documented);
    }

    @Test
    void everyExceptionCarriesItsCodeAndTheStatusOutsideGraphQLFollowsIt() {
        Map<String, Integer> statuses = new TreeMap<>();
        for (ApiException e : new ApiException[] { new ValidationException("x: y"), new NotFoundException("x"), new ForbiddenException("x"),
                new UnauthenticatedException("x"), new ConflictException("x"), new LimitExceededException("x"), new RateLimitedException(5),
                new InternalErrorException("x"), new UnavailableException() }) {
            statuses.put(e.errorCode().name(), e.errorCode().httpStatus());
        }
        assertEquals(Map.of("VALIDATION", 400, "NOT_FOUND", 404, "FORBIDDEN", 403, "UNAUTHENTICATED", 401, "CONFLICT", 409,
                "LIMIT_EXCEEDED", 413, "RATE_LIMITED", 429, "INTERNAL", 500, "UNAVAILABLE", 503), statuses);
    }

    @Test
    void aBareHttpStatusMapsToItsCodeElseBadRequestOrInternal() {
        assertEquals(ErrorCode.UNAUTHENTICATED, ErrorCode.ofHttpStatus(401));
        assertEquals(ErrorCode.NOT_FOUND, ErrorCode.ofHttpStatus(404));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, ErrorCode.ofHttpStatus(413));
        assertEquals(ErrorCode.BAD_REQUEST, ErrorCode.ofHttpStatus(400));
        assertEquals(ErrorCode.BAD_REQUEST, ErrorCode.ofHttpStatus(415));
        assertEquals(ErrorCode.BAD_REQUEST, ErrorCode.ofHttpStatus(405));
        assertEquals(ErrorCode.INTERNAL, ErrorCode.ofHttpStatus(502));
        assertEquals(ErrorCode.UNAVAILABLE, ErrorCode.ofHttpStatus(503));
    }
}
