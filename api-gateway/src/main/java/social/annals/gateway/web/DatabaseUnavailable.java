package social.annals.gateway.web;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a failure of the database itself (down, restarting, unreachable) from any other. */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof IOException io && thrownByTheDriver(io)) {
                return true; // the connection broke mid-statement; how the driver wraps it varies
            }
        }
        return false;
    }

    private static boolean thrownByTheDriver(IOException failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.postgresql.");
    }

    /** Class 08 (connection exception) and 57P0x (the server shutting down, crashed or starting up). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}
