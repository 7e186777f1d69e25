package social.annals.gateway.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import social.annals.events.emoji.CustomEmoji;
import social.annals.gateway.api.Queries;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.notification.NotificationView;
import social.annals.query.social.RelationshipQueries;
import social.annals.query.social.RelationshipView;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * The JSON of the main entities, field by field and in order, as clients get it: every field
 * present, nulls written, the viewer-only fields only for that viewer. The expected documents are
 * in {@code entity-shapes/}; a change to an entity's shape shows there.
 */
class EntityShapesTest {

    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final String ALICE = "AaaaaaaaaaaaaaaaaA";
    private static final String BOB = "BbbbbbbbbbbbbbbbbB";
    private static final String POST = "PpppppppppppppppP1";
    private static final String REPLY = "PpppppppppppppppP2";
    private static final String BOOST = "PpppppppppppppppP3";
    private static final String MEDIA = "MmmmmmmmmmmmmmmmM1";

    private static final AccountView ALICE_VIEW = new AccountView(ALICE, "alice", "Alice <b>A</b>", "about *me*",
            "<p>about <em>me</em></p>", false, false, true, false, false, false, "unlisted",
            new AccountView.NotificationSettings(true, false, true, true), 2, 1, 3, CREATED, List.of("verified"), null);
    private static final AccountView BOB_VIEW = new AccountView(BOB, "bob", null, null, null, true, true, false, true,
            false, true, "public", new AccountView.NotificationSettings(true, true, true, true), 1, 2, 0, CREATED,
            List.of(), null);

    private static final StatusView POST_VIEW = new StatusView(POST, ALICE, null, "hello @bob #Tag :blank:",
            "<p>hello <span class=\"h-card\"><a href=\"http://annals.test/users/bob\">@bob</a></span> #tag :blank:</p>",
            "careful <b>now</b>", "PUBLIC", false, null, null, "conversation-1", List.of(BOB), List.of("tag"),
            List.of(new CustomEmoji("blank", "/emoji/blank.png", List.of())), List.of(MEDIA), "Client", 1, 2, 0,
            CREATED, true, List.of(new StatusView.Reactions("👍", 2), new StatusView.Reactions("🎉", 1)), null, null);
    private static final StatusView REPLY_VIEW = new StatusView(REPLY, BOB, null, "a reply", "<p>a reply</p>", null,
            "UNLISTED", false, POST, ALICE, "conversation-1", List.of(ALICE), List.of("nsfw"), List.of(), List.of(),
            null, 0, 0, 0, CREATED, false, List.of(), null, null);
    private static final StatusView BOOST_VIEW = new StatusView(BOOST, BOB, POST, null, null, null, "PUBLIC", false,
            null, null, null, List.of(), List.of(), List.of(), List.of(), null, 0, 0, 0, CREATED, false, List.of(), null, null);

    private static final ApiPrincipal ALICE_VIEWER = viewer(ALICE, "alice");
    private static final ApiPrincipal BOB_VIEWER = viewer(BOB, "bob");

    private final Queries queries = new CannedQueries();
    private final Urls urls = new Urls("http://annals.test");
    private final AccountRenderer accounts = new AccountRenderer(urls, queries);
    private final StatusRenderer statuses = new StatusRenderer(queries, accounts, urls);
    private final NotificationRenderer notifications = new NotificationRenderer(queries, accounts, statuses);
    private final TwitterUserRenderer twitterUsers = new TwitterUserRenderer(urls);
    // As the application's ObjectMapper is configured (spring.jackson.default-property-inclusion: always).
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .serializationInclusion(JsonInclude.Include.ALWAYS).build();

    private static ApiPrincipal viewer(String accountId, String nickname) {
        return new ApiPrincipal(accountId, null, "token", List.of(), ApiPrincipal.Method.BEARER, false, false,
                nickname);
    }

    @Test
    void anAccountSeenByItselfHasItsSourceAndSettings() throws IOException {
        assertShape("account-self", accounts.render(ALICE_VIEW, ALICE_VIEWER));
    }

    @Test
    void anAccountSeenByAnotherCarriesTheirRelationshipAndNothingPrivate() throws IOException {
        assertShape("account-other", accounts.render(ALICE_VIEW, BOB_VIEWER));
    }

    @Test
    void aStatusReplyAndBoostAsTheirViewerSeesThem() throws IOException {
        assertShape("statuses", statuses.renderAll(List.of(POST_VIEW, REPLY_VIEW, BOOST_VIEW), BOB_VIEWER));
    }

    @Test
    void notificationsWithAndWithoutAStatus() throws IOException {
        assertShape("notifications", notifications.renderAll(List.of(
                new NotificationView(12, ALICE, "pleroma:emoji_reaction", BOB, POST, false, CREATED, "👍"),
                new NotificationView(10, ALICE, "follow", BOB, null, true, CREATED, null)), ALICE_VIEWER));
    }

    @Test
    void theTwitterApiUserOfAnAdminSeeingThemself() throws IOException {
        ApiPrincipal admin = new ApiPrincipal(ALICE, null, "token", List.of(), ApiPrincipal.Method.BEARER, true,
                false, "alice");
        assertShape("twitter-user", List.of(twitterUsers.render(ALICE_VIEW, admin),
                twitterUsers.render(BOB_VIEW, null)));
    }

    private void assertShape(String name, Object entity) throws IOException {
        String actual = json.writerWithDefaultPrettyPrinter().writeValueAsString(entity);
        try (InputStream expected = getClass().getResourceAsStream("/entity-shapes/" + name + ".json")) {
            assertThat(expected).as("entity-shapes/%s.json", name).isNotNull();
            assertThat(actual.replace("\r\n", "\n").strip())
                    .isEqualTo(new String(expected.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").strip());
        }
    }

    /** The read models' answers for the accounts and statuses above; Bob follows Alice. */
    private static final class CannedQueries extends Queries {

        private final Map<String, AccountView> accounts = Map.of(ALICE, ALICE_VIEW, BOB, BOB_VIEW);
        private final Map<String, StatusView> statuses = Map.of(POST, POST_VIEW, REPLY, REPLY_VIEW, BOOST, BOOST_VIEW);

        CannedQueries() {
            super(null);
        }

        @Override
        public <T> T one(Object query, Class<T> type) {
            if (query instanceof StatusQueries.ViewerFlags flags && flags.viewerId().equals(BOB)) {
                return type.cast(new StatusQueries.Flags(Set.of(POST), Set.of(POST), Set.of(), Set.of(POST),
                        Set.of(POST), Map.of(POST, Set.of("👍"))));
            }
            if (query instanceof StatusQueries.ViewerFlags) {
                return type.cast(StatusQueries.Flags.NONE);
            }
            throw new IllegalArgumentException("unexpected query " + query);
        }

        @Override
        public <T> List<T> many(Object query, Class<T> type) {
            List<Object> out = new ArrayList<>();
            if (query instanceof AccountQueries.ByIds ids) {
                ids.accountIds().stream().map(accounts::get).filter(java.util.Objects::nonNull).forEach(out::add);
            } else if (query instanceof StatusQueries.ByIds ids) {
                ids.statusIds().stream().map(statuses::get).filter(java.util.Objects::nonNull).forEach(out::add);
            } else if (query instanceof StatusQueries.VisibleByIds ids) {
                ids.statusIds().stream().map(statuses::get).filter(java.util.Objects::nonNull).forEach(out::add);
            } else if (query instanceof RelationshipQueries.Between between) {
                Map<String, RelationshipView> relationships = new HashMap<>();
                relationships.put(BOB + ALICE, new RelationshipView(ALICE, true, false, true, false, false, false,
                        false, false, true, false));
                relationships.put(ALICE + BOB, new RelationshipView(BOB, false, false, true, true, false, false, true,
                        true, false, false));
                between.targetIds().stream().map(target -> relationships.get(between.viewerId() + target))
                        .filter(java.util.Objects::nonNull).forEach(out::add);
            } else if (query instanceof StatusQueries.MediaByIds) {
                out.add(new StatusQueries.Media(MEDIA, ALICE, "image/png", null));
            } else {
                throw new IllegalArgumentException("unexpected query " + query);
            }
            @SuppressWarnings("unchecked")
            List<T> typed = (List<T>) out;
            return typed;
        }
    }
}
