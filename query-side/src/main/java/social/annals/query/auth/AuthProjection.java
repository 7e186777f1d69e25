package social.annals.query.auth;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.account.AccountActivated;
import social.annals.events.account.AccountDeactivated;
import social.annals.events.account.AccountDeletionStarted;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.AccountRole;
import social.annals.events.account.AccountRoleGranted;
import social.annals.events.account.AccountRoleRevoked;
import social.annals.events.account.EmailChanged;
import social.annals.events.account.PasswordChanged;
import social.annals.events.account.PasswordResetTokenIssued;
import social.annals.events.account.PasswordResetTokenUsed;
import social.annals.events.oauth.AccessTokenIssued;
import social.annals.events.oauth.AccessTokenRefreshed;
import social.annals.events.oauth.AccessTokenRevoked;
import social.annals.events.oauth.AuthorizationCodeIssued;
import social.annals.events.oauth.AuthorizationCodeRedeemed;
import social.annals.events.oauth.OAuthAppRegistered;
import social.annals.query.auth.AuthQueries.App;
import social.annals.query.auth.AuthQueries.Code;
import social.annals.query.auth.AuthQueries.Credentials;
import social.annals.query.auth.AuthQueries.Token;

/**
 * Read model "auth": what the very next request needs to authenticate, so it is kept in the
 * command's own transaction (a subscribing group) and is correct on every node at once.
 */
@Component
@ProcessingGroup(AuthProjection.GROUP)
public class AuthProjection {

    public static final String GROUP = "auth";

    private final JdbcTemplate jdbc;

    public AuthProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegistered event) {
        jdbc.update("INSERT INTO auth_credential (account_id, nickname, nickname_key, email_digest, "
                        + "password_hash) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO NOTHING",
                event.accountId(), event.nickname(), event.nickname().toLowerCase(Locale.ROOT), event.emailDigest(),
                event.passwordHash());
    }

    /** Deletion deactivates at once: tokens, cookies, Basic and the password grant all refuse the account. */
    @EventHandler
    void on(AccountDeletionStarted event) {
        jdbc.update("UPDATE auth_credential SET deactivated = true WHERE account_id = ?", event.accountId());
    }

    @EventHandler
    void on(EmailChanged event) {
        jdbc.update("UPDATE auth_credential SET email_digest = ? WHERE account_id = ?", event.emailDigest(),
                event.accountId());
    }

    /** A new password ends every token of the account, as Pleroma does. */
    @EventHandler
    void on(PasswordChanged event) {
        jdbc.update("UPDATE auth_credential SET password_hash = ? WHERE account_id = ?", event.passwordHash(),
                event.accountId());
        jdbc.update("DELETE FROM oauth_token_view WHERE account_id = ?", event.accountId());
    }

    @EventHandler
    void on(AccountRoleGranted event) {
        setRole(event.accountId(), event.role(), true);
    }

    @EventHandler
    void on(AccountRoleRevoked event) {
        setRole(event.accountId(), event.role(), false);
    }

    private void setRole(String accountId, AccountRole role, boolean held) {
        String column = switch (role) {
            case ADMIN -> "is_admin";
            case MODERATOR -> "is_moderator";
        };
        jdbc.update("UPDATE auth_credential SET " + column + " = ? WHERE account_id = ?", held, accountId);
    }

    @EventHandler
    void on(PasswordResetTokenIssued event) {
        jdbc.update("INSERT INTO password_reset_token (token_digest, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.tokenDigest(), event.accountId());
    }

    @EventHandler
    void on(PasswordResetTokenUsed event) {
        jdbc.update("DELETE FROM password_reset_token WHERE token_digest = ?", event.tokenDigest());
    }

    @QueryHandler
    public String handle(AuthQueries.PasswordResetAccount query) {
        return jdbc.query("SELECT account_id FROM password_reset_token WHERE token_digest = ?",
                (rs, row) -> rs.getString(1), query.tokenDigest()).stream().findFirst().orElse(null);
    }

    @EventHandler
    void on(AccountDeactivated event) {
        jdbc.update("UPDATE auth_credential SET deactivated = true WHERE account_id = ?", event.accountId());
    }

    @EventHandler
    void on(AccountActivated event) {
        jdbc.update("UPDATE auth_credential SET deactivated = false WHERE account_id = ?", event.accountId());
    }

    @EventHandler
    void on(OAuthAppRegistered event) {
        jdbc.update(con -> {
            var statement = con.prepareStatement("INSERT INTO oauth_app_view (app_id, client_id, "
                    + "client_secret_digest, name, redirect_uris, scopes, website, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (app_id) DO NOTHING");
            statement.setString(1, event.appId());
            statement.setString(2, event.clientId());
            statement.setString(3, event.clientSecretDigest());
            statement.setString(4, event.name());
            statement.setString(5, event.redirectUris());
            statement.setArray(6, con.createArrayOf("text", event.scopes().toArray()));
            statement.setString(7, event.website());
            statement.setTimestamp(8, Timestamp.from(event.registeredAt()));
            return statement;
        });
    }

    @EventHandler
    void on(AccessTokenIssued event) {
        jdbc.update(con -> {
            var statement = con.prepareStatement("INSERT INTO oauth_token_view (token_id, app_id, account_id, "
                    + "access_digest, refresh_digest, scopes, grant_type, issued_at, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token_id) DO NOTHING");
            statement.setString(1, event.tokenId());
            statement.setString(2, event.appId());
            statement.setString(3, event.accountId());
            statement.setString(4, event.accessTokenDigest());
            statement.setString(5, event.refreshTokenDigest());
            statement.setArray(6, con.createArrayOf("text", event.scopes().toArray()));
            statement.setString(7, event.grantType().name());
            statement.setTimestamp(8, Timestamp.from(event.issuedAt()));
            statement.setTimestamp(9, Timestamp.from(event.expiresAt()));
            return statement;
        });
    }

    @EventHandler
    void on(AccessTokenRefreshed event) {
        jdbc.update("UPDATE oauth_token_view SET access_digest = ?, refresh_digest = ?, issued_at = ?, expires_at = ? "
                        + "WHERE token_id = ?",
                event.accessTokenDigest(), event.refreshTokenDigest(), Timestamp.from(event.refreshedAt()),
                Timestamp.from(event.expiresAt()), event.tokenId());
    }

    @EventHandler
    void on(AccessTokenRevoked event) {
        jdbc.update("DELETE FROM oauth_token_view WHERE token_id = ?", event.tokenId());
    }

    @EventHandler
    void on(AuthorizationCodeIssued event) {
        jdbc.update(con -> {
            var statement = con.prepareStatement("INSERT INTO oauth_code_view (code_id, code_digest, app_id, "
                    + "account_id, scopes, redirect_uri, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (code_id) DO NOTHING");
            statement.setString(1, event.codeId());
            statement.setString(2, event.codeDigest());
            statement.setString(3, event.appId());
            statement.setString(4, event.accountId());
            statement.setArray(5, con.createArrayOf("text", event.scopes().toArray()));
            statement.setString(6, event.redirectUri());
            statement.setTimestamp(7, Timestamp.from(event.expiresAt()));
            return statement;
        });
    }

    @EventHandler
    void on(AuthorizationCodeRedeemed event) {
        jdbc.update("UPDATE oauth_code_view SET redeemed = true WHERE code_id = ?", event.codeId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM password_reset_token");
        jdbc.update("DELETE FROM oauth_code_view");
        jdbc.update("DELETE FROM oauth_token_view");
        jdbc.update("DELETE FROM oauth_app_view");
        jdbc.update("DELETE FROM auth_credential");
    }

    @QueryHandler
    public Credentials handle(AuthQueries.CredentialsByLogin query) {
        return jdbc.query("SELECT account_id, nickname, password_hash, deactivated, is_admin, is_moderator FROM auth_credential "
                                + "WHERE nickname_key = ? OR email_digest = ? "
                                + "ORDER BY (nickname_key = ?) DESC LIMIT 1",
                        AuthProjection::credentials, query.nickname().toLowerCase(Locale.ROOT), query.emailDigest(),
                        query.nickname().toLowerCase(Locale.ROOT))
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public Credentials handle(AuthQueries.CredentialsByEmail query) {
        return jdbc.query("SELECT account_id, nickname, password_hash, deactivated, is_admin, is_moderator "
                        + "FROM auth_credential WHERE email_digest = ?", AuthProjection::credentials, query.emailDigest())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public Credentials handle(AuthQueries.CredentialsByAccountId query) {
        return jdbc.query("SELECT account_id, nickname, password_hash, deactivated, is_admin, is_moderator FROM auth_credential "
                        + "WHERE account_id = ?", AuthProjection::credentials, query.accountId())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public App handle(AuthQueries.AppByClientId query) {
        return jdbc.query("SELECT * FROM oauth_app_view WHERE client_id = ?", AuthProjection::app, query.clientId())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public App handle(AuthQueries.AppById query) {
        return jdbc.query("SELECT * FROM oauth_app_view WHERE app_id = ?", AuthProjection::app, query.appId())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public Token handle(AuthQueries.TokenByAccessDigest query) {
        return jdbc.query("SELECT * FROM oauth_token_view WHERE access_digest = ?", AuthProjection::token,
                query.accessDigest()).stream().findFirst().orElse(null);
    }

    @QueryHandler
    public AuthQueries.Bearer handle(AuthQueries.BearerByAccessDigest query) {
        return jdbc.query("SELECT t.*, c.account_id AS credential_account, c.nickname, c.password_hash, c.deactivated, "
                        + "c.is_admin, c.is_moderator FROM oauth_token_view t "
                        + "LEFT JOIN auth_credential c ON c.account_id = t.account_id WHERE t.access_digest = ?",
                (rs, row) -> new AuthQueries.Bearer(token(rs, row), rs.getString("credential_account") == null ? null
                        : new Credentials(rs.getString("credential_account"), rs.getString("nickname"),
                        rs.getString("password_hash"), rs.getBoolean("deactivated"), rs.getBoolean("is_admin"),
                        rs.getBoolean("is_moderator"))),
                query.accessDigest()).stream().findFirst().orElse(null);
    }

    @QueryHandler
    public Token handle(AuthQueries.TokenByRefreshDigest query) {
        return jdbc.query("SELECT * FROM oauth_token_view WHERE refresh_digest = ?", AuthProjection::token,
                query.refreshDigest()).stream().findFirst().orElse(null);
    }

    @QueryHandler
    public List<AuthQueries.TokenWithApp> handle(AuthQueries.TokensOfAccount query) {
        return jdbc.query("SELECT t.token_id, t.app_id, a.name, t.expires_at FROM oauth_token_view t "
                        + "JOIN oauth_app_view a ON a.app_id = t.app_id WHERE t.account_id = ? ORDER BY t.token_id DESC",
                (rs, row) -> new AuthQueries.TokenWithApp(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), query.accountId());
    }

    @QueryHandler
    public Code handle(AuthQueries.CodeByDigest query) {
        return jdbc.query("SELECT * FROM oauth_code_view WHERE code_digest = ?", (rs, row) -> new Code(
                rs.getString("code_id"), rs.getString("app_id"), rs.getString("account_id"),
                strings(rs.getArray("scopes")), rs.getString("redirect_uri"),
                rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("redeemed")),
                query.codeDigest()).stream().findFirst().orElse(null);
    }

    private static Credentials credentials(ResultSet rs, int row) throws SQLException {
        return new Credentials(rs.getString("account_id"), rs.getString("nickname"), rs.getString("password_hash"),
                rs.getBoolean("deactivated"), rs.getBoolean("is_admin"), rs.getBoolean("is_moderator"));
    }

    private static App app(ResultSet rs, int row) throws SQLException {
        return new App(rs.getString("app_id"), rs.getString("client_id"), rs.getString("client_secret_digest"),
                rs.getString("name"), rs.getString("redirect_uris"), strings(rs.getArray("scopes")),
                rs.getString("website"));
    }

    private static Token token(ResultSet rs, int row) throws SQLException {
        return new Token(rs.getString("token_id"), rs.getString("app_id"), rs.getString("account_id"),
                strings(rs.getArray("scopes")), rs.getString("grant_type"),
                rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("expires_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
