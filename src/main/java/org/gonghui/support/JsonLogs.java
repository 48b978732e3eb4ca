package org.gonghui.support;

import java.util.logging.Handler;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.jboss.logmanager.formatters.StructuredFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

import io.quarkus.runtime.StartupEvent;

/**
 * JSON console logs on demand ({@code GONGHUI_LOG_JSON=true}), one object per line with the MDC
 * (so the {@code requestId}). It puts JBoss LogManager's own {@link JsonFormatter} on the console
 * handler: the formatter that quarkus-logging-json would configure, whose 3.34.2 deployment
 * artifact the Maven Central copy on our machines lacks.
 */
@ApplicationScoped
public class JsonLogs {

    @ConfigProperty(name = "gonghui.log.json", defaultValue = "false")
    boolean enabled;

    void switchOn(@Observes @Priority(1) StartupEvent event) {
        if (enabled) {
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                apply(handler, formatter());
            }
        }
    }

    static JsonFormatter formatter() {
        JsonFormatter formatter = new JsonFormatter();
        formatter.setExceptionOutputType(StructuredFormatter.ExceptionOutputType.FORMATTED);
        formatter.setRecordDelimiter("\n");
        return formatter;
    }

    /** Sets the formatter on every console handler at or below {@code handler} (Quarkus nests them). */
    static void apply(Handler handler, JsonFormatter formatter) {
        if (handler instanceof ConsoleHandler console) {
            console.setFormatter(formatter);
        }
        if (handler instanceof ExtHandler ext) {
            for (Handler child : ext.getHandlers()) {
                apply(child, formatter);
            }
        }
    }
}
