package social.annals.gateway.ops;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes held back and sent in JDBC batches, for a replay into copies: the subscribing read
 * models' handlers write one row per event, and a round trip each made their replay the slowest
 * part of a rebuild (about a thousand events a second while everything else shared the cores).
 * <p>
 * Within {@link #during}, a statement that writes one table and names no other is held; the held
 * writes of each table keep their order, and tables are independent, so writes to different
 * tables may be sent in any order. Before anything else reaches the database (a query, a
 * statement naming several tables, any other use of the connection) every held write is sent, so
 * every statement still sees the effect of all those before it. A held write answers
 * {@link Statement#SUCCESS_NO_INFO} for its row count: the handlers replayed this way must not
 * depend on it, and none does. A held write that fails makes {@link #during} fail, and with it
 * the transaction.
 */
final class DeferredWrites {

    private static final Pattern WRITE = Pattern.compile("^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("\\w+");

    private final Connection target;
    private final Set<String> relations;
    /** The table each statement text writes alone, if it may be held. */
    private final Map<String, Optional<String>> holdable = new HashMap<>();
    /** Held writes by table, each table's in their order. */
    private final Map<String, List<Write>> held = new LinkedHashMap<>();

    private record Write(String sql, List<Call> parameters) {
    }

    private record Call(Method method, Object[] args) {
    }

    private DeferredWrites(Connection target, Set<String> relations) {
        this.target = target;
        this.relations = relations;
    }

    /** The names of the database's own tables and views, which a statement may read or write. */
    static Set<String> relationNames(JdbcTemplate jdbc) {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT lower(c.relname) FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') "
                + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'",
                String.class));
    }

    /**
     * Runs {@code work} inside the current transaction of {@code dataSource}, with its writes held
     * and sent in batches, all of them sent before this returns.
     */
    static void during(DataSource dataSource, Set<String> relations, Runnable work) {
        ConnectionHolder live = (ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource);
        if (live == null || !live.isSynchronizedWithTransaction()) {
            throw new IllegalStateException("writes are held only within a transaction");
        }
        DeferredWrites writes = new DeferredWrites(live.getConnection(), relations);
        ConnectionHolder holding = new ConnectionHolder(writes.connection(), true);
        holding.setSynchronizedWithTransaction(true);
        TransactionSynchronizationManager.unbindResource(dataSource);
        TransactionSynchronizationManager.bindResource(dataSource, holding);
        try {
            work.run();
            writes.sendAll();
        } catch (SQLException e) {
            throw new IllegalStateException("held writes failed", e);
        } finally {
            TransactionSynchronizationManager.unbindResource(dataSource);
            TransactionSynchronizationManager.bindResource(dataSource, live);
        }
    }

    private Connection connection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "toString":
                            return "held writes on " + target;
                        case "prepareStatement":
                            if (args.length == 1) {
                                return statement((Connection) proxy, (String) args[0]);
                            }
                            break;
                        case "rollback":
                            held.clear();
                            return call(target, method, args);
                        case "createArrayOf", "getAutoCommit", "isClosed", "isReadOnly", "getWarnings",
                             "clearWarnings":
                            // Answered by the driver alone.
                            return call(target, method, args);
                        default:
                            break;
                    }
                    // Anything else may reach the database: what is held goes first.
                    sendAll();
                    return call(target, method, args);
                });
    }

    /** A prepared statement whose update is held if it writes one table alone. */
    private PreparedStatement statement(Connection connection, String sql) {
        List<Call> parameters = new ArrayList<>();
        PreparedStatement[] real = new PreparedStatement[1];
        boolean[] closed = new boolean[1];
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    switch (name) {
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "getConnection":
                            return connection;
                        default:
                            break;
                    }
                    if (real[0] != null) {
                        if (name.startsWith("execute") || name.equals("addBatch")) {
                            sendAll();
                        }
                        return call(real[0], method, args);
                    }
                    if (name.startsWith("set") || name.equals("clearParameters")) {
                        if (name.equals("clearParameters")) {
                            parameters.clear();
                        } else {
                            parameters.add(new Call(method, args));
                        }
                        return null;
                    }
                    if (name.equals("executeUpdate") && args == null) {
                        Optional<String> table = holdable.computeIfAbsent(sql, this::tableWrittenAlone);
                        if (table.isPresent()) {
                            held.computeIfAbsent(table.get(), t -> new ArrayList<>())
                                    .add(new Write(sql, List.copyOf(parameters)));
                            return Statement.SUCCESS_NO_INFO;
                        }
                    }
                    switch (name) {
                        case "close":
                            closed[0] = true;
                            return null;
                        case "isClosed":
                            return closed[0];
                        case "getWarnings", "clearWarnings":
                            return null;
                        default:
                            break;
                    }
                    // Used some other way: a real statement, after everything held before it.
                    sendAll();
                    real[0] = target.prepareStatement(sql);
                    apply(real[0], parameters);
                    return call(real[0], method, args);
                });
    }

    /** The table a statement writes if it names no other, so that it may be held. */
    private Optional<String> tableWrittenAlone(String sql) {
        Matcher write = WRITE.matcher(sql);
        if (!write.find()) {
            return Optional.empty();
        }
        String table = write.group(1).toLowerCase(Locale.ROOT);
        Matcher words = WORD.matcher(sql.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            if (!word.equals(table) && relations.contains(word)) {
                return Optional.empty();
            }
        }
        return relations.contains(table) ? Optional.of(table) : Optional.empty();
    }

    /** Every held write, a batch for each run of the same statement within a table. */
    private void sendAll() throws SQLException {
        if (held.isEmpty()) {
            return;
        }
        List<List<Write>> tablesWritten = new ArrayList<>(held.values());
        held.clear();
        for (List<Write> writes : tablesWritten) {
            int next = 0;
            while (next < writes.size()) {
                String sql = writes.get(next).sql();
                try (PreparedStatement statement = target.prepareStatement(sql)) {
                    while (next < writes.size() && writes.get(next).sql().equals(sql)) {
                        apply(statement, writes.get(next).parameters());
                        statement.addBatch();
                        next++;
                    }
                    statement.executeBatch();
                }
            }
        }
    }

    private static void apply(PreparedStatement statement, List<Call> parameters) throws SQLException {
        for (Call parameter : parameters) {
            try {
                call(statement, parameter.method(), parameter.args());
            } catch (SQLException | RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
