package social.annals.gateway.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;
import social.annals.command.account.AccountDeletionAnnouncer;
import social.annals.gateway.api.Queries;
import social.annals.gateway.federation.delivery.DeliveryScheduling.Deliveries;
import social.annals.gateway.federation.document.Activity;
import social.annals.gateway.render.Urls;
import social.annals.query.account.AccountView;
import social.annals.query.federation.RemoteActorQueries;

/**
 * A local account's deletion, as Mastodon sends it: one {@code Delete} of the actor to every
 * server we know (its posts' deletions are not sent one by one), each POST signed now, in the
 * deletion's first batch, since the account's key is destroyed when the deletion ends.
 */
@Component
class DeletedActorAnnouncer implements AccountDeletionAnnouncer {

    private final LocalActors local;
    private final Queries queries;
    private final Urls urls;
    private final SignedHttp http;
    private final Deliveries deliveries;
    private final ObjectMapper json;

    DeletedActorAnnouncer(LocalActors local, Queries queries, Urls urls, SignedHttp http, Deliveries deliveries,
                          ObjectMapper json) {
        this.local = local;
        this.queries = queries;
        this.urls = urls;
        this.http = http;
        this.deliveries = deliveries;
        this.json = json;
    }

    @Override
    public void announce(String accountId) {
        AccountView account = local.byId(accountId);
        if (account == null) {
            return;
        }
        List<String> inboxes = queries.many(new RemoteActorQueries.KnownInboxes(), String.class);
        if (inboxes.isEmpty()) {
            return;
        }
        String actor = urls.actor(account.nickname());
        Activity delete = new Activity(ActivityStreams.CONTEXT, actor + "#delete", "Delete", actor, actor,
                List.of(ActivityStreams.PUBLIC), null, null);
        String body;
        try {
            body = json.writeValueAsString(delete);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An activity we render is always JSON", e);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        deliveries.schedule(delete.id(), body, accountId, inboxes,
                inbox -> http.sign(URI.create(inbox), bytes, accountId));
    }
}
