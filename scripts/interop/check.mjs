// Interoperability check: Annals against a Fedify peer (peer.mjs), both ways.
// Prints PASS/FAIL per step and exits non-zero when any step fails.
//
//   ANNALS_URL  an Annals already running with FEDERATION_ALLOW_PRIVATE_ADDRESSES=true;
//               without it, Annals is started from ANNALS_JAR on port 4100 with a
//               fresh data dir, and stopped (and its data deleted) at the end.
//   ANNALS_JAR  default ../../api-gateway/target/annals.jar
//   PEER_PORT   default 4101
import { spawn } from "node:child_process";
import { openSync, closeSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isActor, lookupWebFinger, Note, PUBLIC_COLLECTION } from "@fedify/fedify";
import { startPeer } from "./peer.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const ANNALS_URL = process.env.ANNALS_URL?.replace(/\/$/, "") ?? "http://localhost:4100";
const ANNALS_HOST = new URL(ANNALS_URL).host;
const PEER_PORT = Number(process.env.PEER_PORT ?? 4101);
const TIMEOUT_MS = 60_000; // Annals delivers from a durable queue: allow for its polling.
// Fresh names each run, so that the check can run again against the same Annals
// (the peer's keys are new each run, and Annals caches remote actors).
const run = Date.now().toString(36);
const NICK = `alice${run}`;
const PASSWORD = `pw-${run}-interop`;

// --- Outgoing requests of the peer --------------------------------------------
// Fedify resolves acct: handles with WebFinger over https only (RFC 7033 asks for
// it); Annals here serves plain http, so the peer's WebFinger requests to Annals
// are sent over http instead. Everything else passes untouched, and each request
// is recorded with the keyId it was signed with, if any.
const outgoing = [];
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const keyId = request.headers.get("signature")?.match(/keyId="([^"]*)"/)?.[1] ?? null;
  outgoing.push({ method: request.method, url: url.href, keyId });
  if (url.protocol === "https:" && url.host === ANNALS_HOST && url.pathname === "/.well-known/webfinger") {
    url.protocol = "http:";
    return realFetch(new Request(url, request));
  }
  return realFetch(request);
};

// --- Annals' client API ---------------------------------------------------------
let token = null;
async function api(method, apiPath, form) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await realFetch(ANNALS_URL + apiPath, {
    method,
    headers,
    body: form ? new URLSearchParams(form) : undefined,
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  if (!response.ok) {
    throw new Error(`${method} ${apiPath} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return body;
}

async function waitFor(what, probe, timeoutMs = TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (last error: ${last.message})` : ""}`);
}

// The peer's record of the inbox POST that carried an activity: Fedify answers
// 202 only after verifying its HTTP signature (and 401 otherwise).
function deliveryOf(peer, activityId) {
  const post = peer.events.incoming.find((r) => r.method === "POST" && r.body?.includes(activityId) &&
    JSON.parse(r.body).id === activityId);
  assert(post, `no inbox POST carried ${activityId}`);
  assert(post.status === 202, `the POST of ${activityId} to ${post.path} was answered ${post.status}`);
  return `POST ${post.path} signed by ${post.keyId} -> ${post.status}`;
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// --- Starting and stopping Annals ---------------------------------------------------
let stopAnnals = null; // set while an Annals started here runs
async function startAnnals() {
  const jar = path.resolve(here, process.env.ANNALS_JAR ?? "../../api-gateway/target/annals.jar");
  if (await isUp()) {
    throw new Error(`something already answers on ${ANNALS_URL}: stop it, or set ANNALS_URL to check it`);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "annals-interop-"));
  const logFile = path.join(dataDir, "annals.log");
  const log = openSync(logFile, "w");
  const child = spawn("java", ["-jar", jar], {
    env: {
      ...process.env,
      PORT: "4100",
      ANNALS_BASE_URL: "http://localhost:4100",
      ANNALS_DATA_DIR: path.join(dataDir, "postgres"),
      EMBEDDED_DB_PORT: process.env.EMBEDDED_DB_PORT ?? "4199",
      FEDERATION_ALLOW_PRIVATE_ADDRESSES: "true",
      // The check registers and signs in more often than the default limits allow.
      RATE_LIMIT_EXEMPT: "127.0.0.1,0:0:0:0:0:0:0:1",
    },
    detached: true, // its own process group, so that stopping it stops its PostgreSQL too
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  let dead = false;
  const exited = new Promise((resolve) => child.once("exit", resolve)).then(() => (dead = true));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {} // already gone
  };
  let stopping = null;
  stopAnnals = () => (stopping ??= (async () => {
    if (!dead) {
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  })());
  console.log(`Annals: starting ${jar} on ${ANNALS_URL} (data and log in ${dataDir})`);
  const deadline = Date.now() + 180_000;
  while (!(await isUp())) {
    if (dead || Date.now() > deadline) {
      const tail = (await readFile(logFile, "utf8")).slice(-3000);
      await stopAnnals();
      throw new Error(`Annals ${dead ? "exited" : "did not start within 180 s"}; its log ends:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

function isUp() {
  return realFetch(`${ANNALS_URL}/api/v1/instance`).then((r) => r.ok, () => false);
}

// --- The steps ----------------------------------------------------------------------
const results = [];
async function step(name, body) {
  try {
    const detail = await body();
    results.push(true);
    console.log(`PASS ${name}${detail ? `: ${detail}` : ""}`);
  } catch (e) {
    results.push(false);
    console.log(`FAIL ${name}: ${e.message}`);
  }
}

async function main() {
  if (!process.env.ANNALS_URL) await startAnnals();
  let peer = null;
  try {
    peer = await startPeer({ port: PEER_PORT, identifier: `fedi${run}` });
    const fedify = JSON.parse(await readFile(path.join(here, "node_modules/@fedify/fedify/package.json"), "utf8"));
    console.log(`Peer: Fedify ${fedify.version} at ${peer.origin}, actor @${peer.handle}`);
    await runSteps(peer);
  } finally {
    if (peer) {
      if (peer.events.errors.length > 0) console.log(`Peer errors:\n  ${peer.events.errors.join("\n  ")}`);
      await peer.close();
    }
    await stopAnnals?.();
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

async function runSteps(peer) {
  const { events, ctx } = peer;
  const aliceHandle = `${NICK}@${ANNALS_HOST}`;
  const aliceUri = `${ANNALS_URL}/users/${NICK}`;
  const peerUri = peer.actorUri.href;
  const instanceKeyId = `${ANNALS_URL}/internal/fetch#main-key`;

  // A local Annals user, signed in as a client would.
  const app = await api("POST", "/api/v1/apps", {
    client_name: "interop-check",
    redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
    scopes: "read write follow",
  });
  await api("POST", "/api/account/register", {
    nickname: NICK,
    email: `${NICK}@example.org`,
    fullname: "Alice (interop)",
    password: PASSWORD,
    confirm: PASSWORD,
  });
  token = (await api("POST", "/oauth/token", {
    grant_type: "password",
    client_id: app.client_id,
    client_secret: app.client_secret,
    username: NICK,
    password: PASSWORD,
  })).access_token;
  const alice = await api("GET", "/api/v1/accounts/verify_credentials");
  console.log(`Annals user: @${aliceHandle} (account ${alice.id})`);

  let aliceActor = null;
  let peerAccount = null;
  let alicePost = null; // 4a: the Annals status and its Note's id
  let peerPost = null; // 4b: the peer's note as a status in Annals

  await step("1a WebFinger, peer -> Annals", async () => {
    const jrd = await lookupWebFinger(`acct:${aliceHandle}`, { allowPrivateAddress: true });
    assert(jrd != null, `no WebFinger answer for acct:${aliceHandle}`);
    const self = jrd.links?.find((l) => l.rel === "self" && /activity\+json|ld\+json/.test(l.type ?? ""));
    assert(self?.href === aliceUri, `rel=self is ${JSON.stringify(self)}, expected ${aliceUri}`);
    assert(jrd.subject === `acct:${aliceHandle}`, `subject is ${jrd.subject}`);
    return `acct:${aliceHandle} -> ${self.href}`;
  });

  await step("1b WebFinger, Annals -> peer", async () => {
    const before = events.incoming.length;
    const found = await api("GET", `/api/v2/search?q=${encodeURIComponent(`@${peer.handle}`)}&resolve=true`);
    peerAccount = found.accounts?.find((a) => a.acct === peer.handle);
    assert(peerAccount, `search found no account ${peer.handle}: ${JSON.stringify(found).slice(0, 300)}`);
    const seen = events.incoming.slice(before).map((r) => `${r.method} ${r.path.split("?")[0]}`);
    assert(seen.includes("GET /.well-known/webfinger"), `the peer saw no WebFinger request: ${seen.join(", ")}`);
    const lookedUp = await api("GET", `/api/v1/accounts/lookup?acct=${encodeURIComponent(peer.handle)}`);
    assert(lookedUp.id === peerAccount.id, `lookup gave account ${lookedUp.id}, search ${peerAccount.id}`);
    return `search @${peer.handle} -> account ${peerAccount.id} (acct ${peerAccount.acct}); peer served ${seen.join(", ")}`;
  });

  await step("2a signed actor fetch, peer -> Annals", async () => {
    const loader = await ctx.getDocumentLoader({ identifier: peer.identifier });
    const before = outgoing.length;
    const { document } = await loader(aliceUri);
    const sent = outgoing.slice(before).find((r) => r.url === aliceUri);
    assert(sent?.keyId === `${peerUri}#main-key`, `the GET was not signed with our key: ${JSON.stringify(sent)}`);
    aliceActor = await ctx.lookupObject(aliceUri, { documentLoader: loader });
    assert(isActor(aliceActor) && aliceActor.id?.href === aliceUri, `not an actor: ${JSON.stringify(document).slice(0, 300)}`);
    const key = await aliceActor.getPublicKey();
    assert(key?.id?.href === `${aliceUri}#main-key`, `actor has no #main-key: ${key?.id}`);
    return `GET ${aliceUri} signed by ${sent.keyId} -> ${document.type} with key ${key.id.href}`;
  });

  await step("2b signed actor fetch, Annals -> peer (verified by Fedify)", async () => {
    // Annals fetched our actor while resolving it in 1b; Fedify verified the
    // signature against the key it fetched from the keyId.
    await waitFor(`a verified GET of ${peerUri}`, () => events.verifiedActorFetches.length > 0, 5_000);
    const keys = [...new Set(events.verifiedActorFetches)];
    assert(keys.includes(instanceKeyId), `verified keys were ${keys.join(", ")}, expected ${instanceKeyId}`);
    return `GET ${peerUri} signed by ${keys.join(", ")}, signature verified`;
  });

  await step("3a follow, peer -> Annals (Annals accepts)", async () => {
    assert(aliceActor, "no Annals actor (2a failed)");
    const follow = await peer.follow(aliceActor);
    const accept = await waitFor("an Accept of our Follow in the peer's inbox", () =>
      events.inbox.find((e) => e.type === "Accept" && e.activity.objectId?.href === follow.id.href),
    );
    assert(accept.activity.actorId?.href === aliceUri, `Accept actor is ${accept.activity.actorId}`);
    const embedded = await accept.activity.getObject();
    assert(embedded?.actorId?.href === peerUri && embedded?.objectId?.href === aliceUri,
      `the Accept does not embed our Follow: ${JSON.stringify(await accept.activity.toJsonLd())}`);
    const [rel] = await api("GET", `/api/v1/accounts/relationships?id[]=${peerAccount.id}`);
    assert(rel?.followed_by === true, `relationship of ${NICK} to the peer: ${JSON.stringify(rel)}`);
    return `Follow ${follow.id.href} -> Accept ${accept.activity.id?.href} ` +
      `(${deliveryOf(peer, accept.activity.id.href)}); Annals: followed_by=true`;
  });

  await step("3b follow, Annals -> peer (peer accepts)", async () => {
    assert(peerAccount, "no peer account (1b failed)");
    const rel = await api("POST", `/api/v1/accounts/${peerAccount.id}/follow`);
    assert(rel.requested === true || rel.following === true, `follow answered ${JSON.stringify(rel)}`);
    const follow = await waitFor("Annals' Follow in the peer's inbox", () =>
      events.inbox.find((e) => e.type === "Follow" && e.activity.actorId?.href === aliceUri),
    );
    const after = await waitFor("relationships following=true", async () => {
      const [r] = await api("GET", `/api/v1/accounts/relationships?id[]=${peerAccount.id}`);
      return r?.following === true && r;
    });
    assert(peer.followers.has(aliceUri), "the peer did not record the follower");
    return `POST follow -> requested=${rel.requested}; peer got Follow ${follow.activity.id?.href} ` +
      `(${deliveryOf(peer, follow.activity.id.href)}) and accepted; ` +
      `Annals: following=${after.following}, requested=${after.requested}`;
  });

  await step("4a post, Annals -> peer", async () => {
    const text = `Hello from Annals ${run}`;
    const status = await api("POST", "/api/v1/statuses", { status: text, visibility: "public" });
    const create = await waitFor("a Create(Note) in the peer's inbox", async () => {
      for (const e of events.inbox) {
        if (e.type !== "Create" || e.activity.actorId?.href !== aliceUri) continue;
        const note = await e.activity.getObject();
        if (note instanceof Note && String(note.content).includes(text)) return { activity: e.activity, note };
      }
    });
    assert(create.note.toIds.some((u) => u.href === PUBLIC_COLLECTION.href), `note is not public: to=${create.note.toIds}`);
    assert(create.note.attributionId?.href === aliceUri, `attributedTo is ${create.note.attributionId}`);
    alicePost = { status, noteId: create.note.id.href };
    return `status ${status.id} -> Create ${create.activity.id?.href} of Note ${create.note.id?.href} ` +
      `(${deliveryOf(peer, create.activity.id.href)})`;
  });

  await step("4b post, peer -> Annals", async () => {
    const text = `Hello from Fedify ${run}`;
    const create = await peer.post(`<p>${text}</p>`);
    const status = await waitFor(`the peer's note in ${NICK}'s home timeline`, async () => {
      const home = await api("GET", "/api/v1/timelines/home");
      return home.find((s) => s.content?.includes(text));
    });
    assert(status.account?.acct === peer.handle, `status account is ${status.account?.acct}`);
    assert(status.visibility === "public", `status visibility is ${status.visibility}`);
    peerPost = status;
    return `Create ${create.id.href} -> home timeline status ${status.id} by ${status.account.acct} (${status.uri})`;
  });

  await step("5a favourite, boost and reply, peer -> Annals", async () => {
    assert(alicePost && aliceActor, "no Annals post (4a failed)");
    const like = await peer.like(alicePost.noteId, aliceActor);
    const announce = await peer.announce(alicePost.noteId, aliceActor);
    const text = `A reply from Fedify ${run}`;
    const reply = await peer.reply(`<p>${text}</p>`, alicePost.noteId, aliceActor, aliceHandle);
    const counted = await waitFor("the favourite and the boost counted", async () => {
      const s = await api("GET", `/api/v1/statuses/${alicePost.status.id}`);
      return s.favourites_count === 1 && s.reblogs_count === 1 && s;
    });
    const thread = await waitFor("the reply in the thread", async () => {
      const context = await api("GET", `/api/v1/statuses/${alicePost.status.id}/context`);
      return context.descendants?.find((s) => s.content?.includes(text));
    });
    const types = await waitFor("favourite, reblog and mention notifications from the peer", async () => {
      const notes = await api("GET", "/api/v1/notifications");
      const fromPeer = new Set(notes.filter((n) => n.account?.acct === peer.handle).map((n) => n.type));
      return ["favourite", "reblog", "mention"].every((t) => fromPeer.has(t)) && [...fromPeer].join(", ");
    });
    return `Like ${like.id.href}, Announce ${announce.id.href}, reply ${reply.id.href} -> ` +
      `favourites_count=${counted.favourites_count}, reblogs_count=${counted.reblogs_count}, ` +
      `reply ${thread.id} in the thread, notifications: ${types}`;
  });

  await step("5b favourite, boost and reply, Annals -> peer", async () => {
    assert(peerPost, "no peer post in Annals (4b failed)");
    await api("POST", `/api/v1/statuses/${peerPost.id}/favourite`);
    const like = await waitFor("Annals' Like in the peer's inbox", () =>
      events.inbox.find((e) => e.type === "Like" && e.activity.actorId?.href === aliceUri),
    );
    assert(like.activity.objectId?.href === peerPost.uri, `Like object is ${like.activity.objectId}`);
    await api("POST", `/api/v1/statuses/${peerPost.id}/reblog`);
    const announce = await waitFor("Annals' Announce in the peer's inbox", () =>
      events.inbox.find((e) => e.type === "Announce" && e.activity.actorId?.href === aliceUri),
    );
    assert(announce.activity.objectId?.href === peerPost.uri, `Announce object is ${announce.activity.objectId}`);
    const text = `A reply from Annals ${run}`;
    await api("POST", "/api/v1/statuses", {
      status: `@${peer.handle} ${text}`, in_reply_to_id: peerPost.id, visibility: "public",
    });
    const reply = await waitFor("Annals' reply in the peer's inbox", async () => {
      for (const e of events.inbox) {
        if (e.type !== "Create" || e.activity.actorId?.href !== aliceUri) continue;
        const note = await e.activity.getObject();
        if (note instanceof Note && String(note.content).includes(text)) return { activity: e.activity, note };
      }
    });
    assert(reply.note.replyTargetId?.href === peerPost.uri, `inReplyTo is ${reply.note.replyTargetId}`);
    return `Like ${like.activity.id?.href} (${deliveryOf(peer, like.activity.id.href)}), ` +
      `Announce ${announce.activity.id?.href} (${deliveryOf(peer, announce.activity.id.href)}), ` +
      `reply ${reply.note.id?.href} inReplyTo ${reply.note.replyTargetId.href}`;
  });
}

// Interrupted: still stop the Annals we started and delete its data.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await stopAnnals?.();
    process.exit(130);
  });
}
main().catch((e) => {
  console.log(`FAIL setup: ${e.stack ?? e}`);
  process.exitCode = 1;
});
