package social.annals.gateway.render;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute URLs of this instance. */
@Component
public class Urls {

    private final String base;

    public Urls(@Value("${annals.base-url}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String base() {
        return base;
    }

    public String host() {
        return java.net.URI.create(base).getAuthority();
    }

    /** An instance path (or an absolute URL, kept as it is) as an absolute URL. */
    public String resolve(String path) {
        try {
            return java.net.URI.create(base + "/").resolve(path).toString();
        } catch (IllegalArgumentException e) {
            return base + (path.startsWith("/") ? path : "/" + path);
        }
    }

    public String actor(String nickname) {
        return base + "/users/" + nickname;
    }

    /** Where people see the account: a local one at its actor URL, a remote one where its server says. */
    public String profile(social.annals.query.account.AccountView account) {
        if (account.remote() == null) {
            return actor(account.nickname());
        }
        return account.remote().url() != null ? account.remote().url() : account.remote().actorUri();
    }

    /** The account's ActivityPub id. */
    public String actorUri(social.annals.query.account.AccountView account) {
        return account.remote() == null ? actor(account.nickname()) : account.remote().actorUri();
    }

    public String actorKey(String nickname) {
        return actor(nickname) + "#main-key";
    }

    public String inbox(String nickname) {
        return actor(nickname) + "/inbox";
    }

    public String sharedInbox() {
        return base + "/inbox";
    }

    /** The actor that signs what the instance fetches on no account's behalf (Pleroma's path). */
    public String instanceActor() {
        return base + "/internal/fetch";
    }

    public String object(String statusId) {
        return base + "/objects/" + statusId;
    }

    /** An activity that is not an object's own (a boost's Announce). */
    public String activity(String id) {
        return base + "/activities/" + id;
    }

    public String notice(String statusId) {
        return base + "/notice/" + statusId;
    }

    public String defaultAvatar() {
        return base + "/images/avi.png";
    }

    public String defaultHeader() {
        return base + "/images/banner.png";
    }
}
