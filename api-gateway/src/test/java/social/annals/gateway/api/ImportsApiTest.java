package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import social.annals.command.CommandSideProcessing;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

class ImportsApiTest extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;

    private Http.Response importList(User importer, String path, String list) {
        return http.postForm(path, List.of("list", list), "Authorization", importer.bearer());
    }

    /** Polls the job behind the Location of an import answer until it completes. */
    private JsonNode finished(User importer, Http.Response started) throws InterruptedException {
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).isEqualTo("\"job started\"");
        String location = started.header("location");
        assertThat(location).startsWith("http://annals.test/api/pleroma/");
        String path = location.substring("http://annals.test".length());
        for (int i = 0; i < 200; i++) {
            JsonNode job = http.get(path, "Authorization", importer.bearer()).json();
            if (job.get("state").asText().equals("completed")) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not complete: " + path);
    }

    private static Map<String, String> resultsByEntry(JsonNode job) {
        Map<String, String> results = new java.util.LinkedHashMap<>();
        job.get("entries").forEach(entry -> results.put(entry.get("entry").asText(), entry.get("result").asText()));
        return results;
    }

    private JsonNode relationship(User viewer, User target) {
        return http.get("/api/v1/accounts/relationships?id=" + target.id(), "Authorization", viewer.bearer())
                .json().get(0);
    }

    @Test
    void aFollowImportFollowsEveryLocalAccountItNamesAndReportsEachEntry() throws Exception {
        User importer = user("importer");
        User plain = user("plain");
        User at = user("at");
        User host = user("host");
        User url = user("url");
        User locked = user("lockedimp");
        User blocker = user("blockerimp");
        User already = user("already");
        http.patchForm("/api/v1/accounts/update_credentials", List.of("locked", "true"), "Authorization",
                locked.bearer());
        http.postJson("/api/v1/accounts/" + importer.id() + "/block", "", "Authorization", blocker.bearer());
        http.postJson("/api/v1/accounts/" + already.id() + "/follow", "", "Authorization", importer.bearer());

        String list = "\uFEFFAccount address,Show boosts\r\n"
                + plain.nickname() + ",true\r\n"
                + "@" + at.nickname() + "\n"
                + "  " + host.nickname() + "@annals.test  \n"
                + "http://annals.test/users/" + url.nickname() + "\n"
                + locked.nickname() + "\n" + blocker.nickname() + "\n" + already.nickname() + "\n"
                + plain.nickname().toUpperCase() + "\n"
                + "someone@remote.example\nnobody-by-this-name\n!!!\n" + importer.nickname() + "\n\n";
        JsonNode job = finished(importer, importList(importer, "/api/pleroma/follow_import", list));

        assertThat(job.get("type").asText()).isEqualTo("follow");
        assertThat(job.get("total").asInt()).isEqualTo(11);
        assertThat(job.get("processed").asInt()).isEqualTo(11);
        assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
        Map<String, String> results = resultsByEntry(job);
        assertThat(results).containsEntry(plain.nickname(), "followed")
                .containsEntry(at.nickname(), "followed")
                .containsEntry(host.nickname() + "@annals.test", "followed")
                .containsEntry("http://annals.test/users/" + url.nickname(), "followed")
                .containsEntry(locked.nickname(), "requested")
                .containsEntry(blocker.nickname(), "blocked_by_account")
                .containsEntry(already.nickname(), "already_followed")
                .containsEntry("someone@remote.example", "not_found")
                .containsEntry("nobody-by-this-name", "not_found")
                .containsEntry("!!!", "invalid")
                .containsEntry(importer.nickname(), "invalid");
        assertThat(job.get("results").get("followed").asInt()).isEqualTo(4);

        for (User followed : List.of(plain, at, host, url)) {
            assertThat(relationship(importer, followed).get("following").asBoolean()).isTrue();
        }
        assertThat(relationship(importer, locked).get("requested").asBoolean()).isTrue();
        assertThat(relationship(importer, blocker).get("following").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/accounts/" + importer.id()).json().get("following_count").asInt()).isEqualTo(5);

        JsonNode jobs = http.get("/api/pleroma/follow_import", "Authorization", importer.bearer()).json();
        assertThat(jobs.get(0).get("id").asText()).isEqualTo(job.get("id").asText());
        assertThat(jobs.get(0).has("entries")).isFalse();
    }

    @Test
    void anUploadedFileWorksAndBinaryFilesAreRefused() throws Exception {
        User importer = user("uploader");
        User target = user("uploaded");
        Http.Response upload = http.postMultipart("/api/pleroma/follow_import",
                List.of("list", target.nickname() + "\n"), "Authorization", importer.bearer());
        assertThat(finished(importer, upload).get("results").get("followed").asInt()).isEqualTo(1);

        String boundary = "xyz";
        String binary = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"list\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\u0000\u0001binary\r\n--" + boundary + "--\r\n";
        Http.Response refused = http.postRaw("/api/pleroma/follow_import", "multipart/form-data; boundary=" + boundary,
                binary, "Authorization", importer.bearer());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).contains("text");
    }

    @Test
    void refusals() {
        User importer = user("refused");
        Http.Response missing = http.postForm("/api/pleroma/follow_import", List.of(), "Authorization",
                importer.bearer());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("source").get("pointer").asText()).isEqualTo("/list");

        Http.Response anonymous = http.postForm("/api/pleroma/follow_import", List.of("list", "x"));
        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(anonymous.json().get("error").asText()).isEqualTo("Invalid credentials.");

        String readOnly = passwordGrant(app("read"), importer.nickname(), null).get("access_token").asText();
        Http.Response underScoped = http.postForm("/api/pleroma/follow_import", List.of("list", "x"),
                "Authorization", Http.bearer(readOnly));
        assertThat(underScoped.json().get("error").asText()).isEqualTo("Insufficient permissions: follow | write:follows.");

        StringBuilder huge = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            huge.append("user").append(i).append('\n');
        }
        Http.Response tooMany = importList(importer, "/api/pleroma/follow_import", huge.toString());
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("error").asText()).isEqualTo("The list has more than 10000 entries");
        Http.Response tooLong = importList(importer, "/api/pleroma/follow_import", "friend\n" + "x".repeat(100_000));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("error").asText()).isEqualTo("The list has an entry longer than 318 characters");

        assertThat(http.get("/api/pleroma/follow_import/9eoozpwTul5mjSEDRI", "Authorization", importer.bearer())
                .status()).isEqualTo(404);
        assertThat(http.get("/api/pleroma/follow_import/garbage", "Authorization", importer.bearer()).status())
                .isEqualTo(404);
    }

    @Test
    void anEmptyListIsAJobThatIsDoneAtOnce() throws Exception {
        User importer = user("empty");
        JsonNode job = finished(importer, importList(importer, "/api/pleroma/follow_import", "\n \n"));
        assertThat(job.get("total").asInt()).isZero();
    }

    @Test
    void blocksAndMutesImportsUseTheSameJobs() throws Exception {
        User importer = user("blockimp");
        User a = user("tobeblocked");
        User b = user("tobemuted");
        JsonNode blocks = finished(importer, importList(importer, "/api/pleroma/blocks_import",
                a.nickname() + " nosuchuser"));
        assertThat(resultsByEntry(blocks)).containsEntry(a.nickname(), "blocked").containsEntry("nosuchuser",
                "not_found");
        JsonNode mutes = finished(importer, importList(importer, "/api/pleroma/mutes_import", b.nickname()));
        assertThat(resultsByEntry(mutes)).containsEntry(b.nickname(), "muted");
        assertThat(relationship(importer, a).get("blocking").asBoolean()).isTrue();
        assertThat(relationship(importer, b).get("muting").asBoolean()).isTrue();
        JsonNode blockJobs = http.get("/api/pleroma/blocks_import", "Authorization", importer.bearer()).json();
        assertThat(blockJobs).hasSize(1);
        assertThat(blockJobs.get(0).get("type").asText()).isEqualTo("block");
        assertThat(http.get("/api/pleroma/follow_import", "Authorization", importer.bearer()).json()).isEmpty();
    }

    @Test
    void exportsRoundTripThroughTheImporter() throws Exception {
        User exporter = user("exporter");
        User a = user("expa");
        User b = user("expb");
        User c = user("expc");
        http.postJson("/api/v1/accounts/" + a.id() + "/follow", "", "Authorization", exporter.bearer());
        http.postForm("/api/v1/accounts/" + b.id() + "/follow", List.of("reblogs", "false"), "Authorization",
                exporter.bearer());
        http.postJson("/api/v1/accounts/" + c.id() + "/block", "", "Authorization", exporter.bearer());

        Http.Response follows = http.get("/api/pleroma/follow_export", "Authorization", exporter.bearer());
        assertThat(follows.header("content-type")).startsWith("text/csv");
        assertThat(follows.body()).startsWith("Account address,Show boosts\n")
                .contains(a.nickname() + "@annals.test,true\n").contains(b.nickname() + "@annals.test,false\n");
        Http.Response blocks = http.get("/api/pleroma/blocks_export", "Authorization", exporter.bearer());
        assertThat(blocks.body()).isEqualTo(c.nickname() + "@annals.test\n");

        User newcomer = user("newcomer");
        finished(newcomer, importList(newcomer, "/api/pleroma/follow_import", follows.body()));
        assertThat(relationship(newcomer, a).get("following").asBoolean()).isTrue();
        assertThat(relationship(newcomer, b).get("following").asBoolean()).isTrue();
        finished(newcomer, importList(newcomer, "/api/pleroma/blocks_import", blocks.body()));
        assertThat(relationship(newcomer, c).get("blocking").asBoolean()).isTrue();
    }

    @Test
    void anImportSurvivesItsProcessStoppingAndAResubmissionJoinsIt() throws Exception {
        User importer = user("restart");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            names.add(user("restarted").nickname());
        }
        StreamingEventProcessor process =
                processing.eventProcessor(CommandSideProcessing.IMPORTS, StreamingEventProcessor.class).orElseThrow();
        process.shutDown();
        Http.Response first;
        try {
            first = importList(importer, "/api/pleroma/follow_import", String.join("\n", names));
            Http.Response again = importList(importer, "/api/pleroma/follow_import", String.join("\n", names));
            assertThat(again.header("location")).isEqualTo(first.header("location"));
            Thread.sleep(300);
            String path = first.header("location").substring("http://annals.test".length());
            JsonNode waiting = http.get(path, "Authorization", importer.bearer()).json();
            assertThat(waiting.get("state").asText()).isEqualTo("running");
            assertThat(waiting.get("processed").asInt()).isZero();
        } finally {
            process.start();
        }
        JsonNode job = finished(importer, first);
        assertThat(job.get("results").get("followed").asInt()).isEqualTo(3);
    }
}
