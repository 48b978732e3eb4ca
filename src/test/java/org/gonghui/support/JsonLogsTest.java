package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.StringReader;
import java.util.logging.Level;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.jboss.logmanager.handlers.DelayedHandler;
import org.junit.jupiter.api.Test;

/** JSON logs: one parsable object per record, carrying the request id from the MDC. */
class JsonLogsTest {

    @Test
    void recordBecomesOneJsonObjectWithTheRequestId() {
        MDC.put("requestId", "req-42");
        try {
            ExtLogRecord record = new ExtLogRecord(Level.INFO, "union \"4103061\" moved", "org.gonghui.Test");
            record.setLoggerName("org.gonghui.union");
            record.copyMdc();
            String line = JsonLogs.formatter().format(record);
            assertEquals(1, line.strip().lines().count(), line);
            JsonObject json = Json.createReader(new StringReader(line)).readObject();
            assertEquals("union \"4103061\" moved", json.getString("message"));
            assertEquals("INFO", json.getString("level"));
            assertEquals("req-42", json.getJsonObject("mdc").getString("requestId"));
        } finally {
            MDC.remove("requestId");
        }
    }

    @Test
    void consoleHandlersNestedInQuarkusWrappersGetTheFormatter() {
        ConsoleHandler console = new ConsoleHandler();
        DelayedHandler wrapper = new DelayedHandler();
        wrapper.addHandler(console);
        JsonFormatter formatter = JsonLogs.formatter();
        JsonLogs.apply(wrapper, formatter);
        assertSame(formatter, console.getFormatter());
    }
}
