package org.outdial.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.outdial.server.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up Logback from the settings, in code rather than XML so that {@code log.level} and {@code log.format} are
 * ordinary settings. Logs go to standard error; standard output is left to what commands print.
 */
public final class Logging {

    private static final String TEXT_PATTERN =
            "ts=%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} level=%level logger=%logger{0} thread=%thread msg=\"%msg\" %kvp%n%ex";

    private Logging() {}

    /** For the server and the demo: the configured level and format. */
    public static void forServer(Settings.Log log) {
        install(Level.toLevel(log.level().name()), log.format());
    }

    /** For one-shot commands: only warnings and errors, so that their own output stays readable. */
    public static void forCommand(Settings.Log log) {
        Level configured = Level.toLevel(log.level().name());
        install(configured.isGreaterOrEqual(Level.WARN) ? configured : Level.WARN, log.format());
    }

    private static void install(Level level, Settings.LogFormat format) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("console");
        appender.setTarget("System.err");
        appender.setEncoder(encoder(context, format));
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        root.addAppender(appender);
        // libraries that are chatty at INFO (banners, pool start) keep their warnings; outdial logs what matters
        for (String chatty : new String[] {"org.eclipse.jetty", "com.zaxxer.hikari", "io.javalin", "org.flywaydb"}) {
            context.getLogger(chatty).setLevel(level.isGreaterOrEqual(Level.WARN) ? level : Level.WARN);
        }
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, Settings.LogFormat format) {
        if (format == Settings.LogFormat.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }
}
