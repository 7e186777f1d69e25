package social.annals.query.social;

/**
 * The one rule of a user's domain block, as SQL for the read models that hide what it covers: a
 * blocked domain covers the remote accounts of that host and of its subdomains (as Pleroma matches
 * them), whatever the port; never a local account.
 */
public final class DomainBlockSql {

    private DomainBlockSql() {
    }

    /** Whether {@code domain} (an SQL expression) covers the account row {@code account} of account_view. */
    public static String covers(String domain, String account) {
        String host = "lower(split_part(split_part(" + account + ".nickname, '@', 2), ':', 1))";
        return "(" + account + ".actor_uri IS NOT NULL AND (" + host + " = " + domain + " OR " + host + " LIKE '%.' || "
                + domain + "))";
    }

    /** Whether the account {@code viewer} (an SQL expression) blocks the domain of the account {@code accountId}. */
    public static String blocksDomainOf(String viewer, String accountId) {
        return "EXISTS (SELECT 1 FROM domain_block_view dbb, account_view dba WHERE dbb.account_id = " + viewer
                + " AND dba.account_id = " + accountId + " AND " + covers("dbb.domain", "dba") + ")";
    }
}
