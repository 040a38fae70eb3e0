package dev.paved.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.paved.core.config.LogFormat;
import org.slf4j.LoggerFactory;

/**
 * The log lines of {@code paved serve} on standard error: at info level (a daemon says what each cycle did), as the
 * text of {@code logback.xml} or as JSON Lines. JSON is Logback's own {@link JsonEncoder}, cut down to what a log
 * pipeline reads: {@code timestamp} (epoch milliseconds), {@code level}, {@code threadName}, {@code loggerName},
 * {@code mdc} (with {@code cycle} and {@code commit} during a cycle), {@code formattedMessage} and
 * {@code throwable} (null, or the exception with its causes and stack frames).
 */
final class ServeLogging {

    private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private ServeLogging() {
    }

    /** Logs at info level (debug stays on with {@code -v}), in {@code format}. */
    static void use(LogFormat format) {
        if (!ROOT.isDebugEnabled()) {
            ROOT.setLevel(Level.INFO);
        }
        if (format == LogFormat.JSON && ROOT.getAppender("STDERR") instanceof OutputStreamAppender<ILoggingEvent> out) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(out.getContext());
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMarkers(false);
            json.setWithKVPList(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            json.start();
            out.stop();
            out.setEncoder(json);
            out.start();
        }
    }

    /** Why the daemon could not start, as an error line of the log (the text format prints {@code paved: …}). */
    static void failed(Exception e) {
        log.error("paved: {}", e.getMessage());
    }

    /** A line for the person who started the daemon: as it is on text, a log line in JSON (every line JSON). */
    static void announce(Terminal terminal, LogFormat format, String line) {
        if (format == LogFormat.JSON) {
            log.info(line);
        } else {
            terminal.err().println(line);
            terminal.err().flush();
        }
    }
}
