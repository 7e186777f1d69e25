package social.annals.query.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.report.ReportFiled;
import social.annals.events.report.ReportState;
import social.annals.events.report.ReportStateChanged;

/** Read model "reports". Every handler writes absolute values, so replay and redelivery are safe. */
@Component
@ProcessingGroup(ReportProjection.GROUP)
public class ReportProjection {

    public static final String GROUP = "reports";
    private static final String COLUMNS = "report_id, reporter_id, account_id, status_ids, comment, state, created_at";

    private final JdbcTemplate jdbc;

    public ReportProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReportFiled event) {
        jdbc.update(con -> {
            var statement = con.prepareStatement("INSERT INTO report_view (report_id, reporter_id, account_id, "
                    + "status_ids, comment, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
            statement.setString(1, event.reportId());
            statement.setString(2, event.reporterId());
            statement.setString(3, event.accountId());
            statement.setArray(4, con.createArrayOf("text", event.statusIds().toArray()));
            statement.setString(5, event.comment());
            statement.setString(6, ReportState.OPEN.apiName());
            statement.setTimestamp(7, Timestamp.from(event.filedAt()));
            return statement;
        });
    }

    @EventHandler
    void on(ReportStateChanged event) {
        jdbc.update("UPDATE report_view SET state = ? WHERE report_id = ?", event.state().apiName(), event.reportId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM report_view");
    }

    @QueryHandler
    public ReportQueries.Report handle(ReportQueries.ById query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_view WHERE report_id = ?", ReportProjection::map,
                query.reportId()).stream().findFirst().orElse(null);
    }

    @QueryHandler
    public List<ReportQueries.Report> handle(ReportQueries.Listed query) {
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (query.state() != null) {
            clauses.add("state = ?");
            args.add(query.state());
        }
        if (query.maxId() != null) {
            clauses.add("report_id < ?");
            args.add(query.maxId());
        }
        if (query.sinceId() != null) {
            clauses.add("report_id > ?");
            args.add(query.sinceId());
        }
        if (query.minId() != null) {
            clauses.add("report_id > ?");
            args.add(query.minId());
        }
        String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        args.add(query.limit());
        // min_id pages forward from the oldest; the page itself is still shown newest first.
        String sql = query.minId() != null
                ? "SELECT * FROM (SELECT " + COLUMNS + " FROM report_view" + where
                        + " ORDER BY report_id LIMIT ?) page ORDER BY report_id DESC"
                : "SELECT " + COLUMNS + " FROM report_view" + where + " ORDER BY report_id DESC LIMIT ?";
        return jdbc.query(sql, ReportProjection::map, args.toArray());
    }

    private static ReportQueries.Report map(ResultSet rs, int row) throws SQLException {
        return new ReportQueries.Report(rs.getString("report_id"), rs.getString("reporter_id"),
                rs.getString("account_id"), Arrays.asList((String[]) rs.getArray("status_ids").getArray()),
                rs.getString("comment"), rs.getString("state"), rs.getTimestamp("created_at").toInstant());
    }
}
