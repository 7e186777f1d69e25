package social.annals.gateway.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import social.annals.gateway.api.Queries;
import social.annals.gateway.federation.delivery.DeliveryScheduling.Deliveries;
import social.annals.gateway.federation.document.Activity;
import social.annals.query.account.AccountView;
import social.annals.query.federation.RemoteActorQueries;
import social.annals.query.federation.RemoteActorQueries.RemoteActor;

/** What the federation policies share: where remote accounts live, and scheduling what is sent to them. */
@Component
class Outbound {

    private final Queries queries;
    private final Deliveries deliveries;
    private final ObjectMapper json;

    Outbound(Queries queries, Deliveries deliveries, ObjectMapper json) {
        this.queries = queries;
        this.deliveries = deliveries;
        this.json = json;
    }

    /** Each remote follower's server, once (its shared inbox, or the follower's own). */
    List<String> followerInboxes(String accountId) {
        return queries.many(new RemoteActorQueries.FollowerInboxes(accountId), String.class);
    }

    /** The remote account, or null when the account is a local one (or gone). */
    RemoteActor remote(String accountId) {
        return queries.many(new RemoteActorQueries.ByAccountIds(List.of(accountId)), RemoteActor.class).stream()
                .findFirst().orElse(null);
    }

    void send(Activity activity, AccountView signer, Collection<String> inboxes) {
        schedule(activity, signer.accountId(), inboxes);
    }

    /** {@code signerId} null: signed by the instance actor. */
    void schedule(Activity activity, String signerId, Collection<String> inboxes) {
        if (inboxes.isEmpty()) {
            return;
        }
        try {
            deliveries.schedule(activity.id(), json.writeValueAsString(activity), signerId, inboxes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An activity we render is always JSON", e);
        }
    }
}
