// A small ActivityPub server built with Fedify, run as Annals' federation peer.
// It has one actor, serves it over plain http on localhost, auto-accepts follows
// and records what it receives and which signatures it verified, so that the
// driver (check.mjs) can assert on it.
import { setMaxListeners } from "node:events";
import http from "node:http";
import {
  Accept,
  Announce,
  Create,
  createFederation,
  Endpoints,
  Follow,
  generateCryptoKeyPair,
  InProcessMessageQueue,
  Like,
  MemoryKvStore,
  Mention,
  Note,
  Person,
  PUBLIC_COLLECTION,
} from "@fedify/fedify";
import { Temporal } from "@js-temporal/polyfill";

export async function startPeer({ port, identifier = "fedi" }) {
  const origin = `http://localhost:${port}`;
  const keyPair = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
  const followers = new Map(); // actor id -> { id, inboxId, endpoints }
  const notes = new Map(); // note id -> Note, so that Annals can dereference them
  const events = {
    // keyIds whose signatures Fedify verified on GETs of our actor.
    verifiedActorFetches: [],
    // Activities Fedify passed to our inbox listeners (their signatures verified).
    inbox: [],
    incoming: [], // every request: method, path, keyId it was signed with, body, status
    errors: [],
  };

  const federation = createFederation({
    kv: new MemoryKvStore(),
    queue: new InProcessMessageQueue(),
    // Annals and the peer both live on localhost: Fedify refuses such
    // addresses unless told otherwise.
    allowPrivateAddress: true,
    // Our own URLs are plain http on localhost (there is no TLS here).
    origin,
    // Started below with an AbortSignal, so that close() can stop its polling
    // and the process can exit.
    manuallyStartQueue: true,
  });
  const queueStop = new AbortController();
  // Fedify 1.5's InProcessMessageQueue adds an abort listener on each poll
  // and never removes it; that is harmless here, but Node would warn.
  setMaxListeners(0, queueStop.signal);

  federation
    .setActorDispatcher("/users/{identifier}", async (ctx, id) => {
      if (id !== identifier) return null;
      const keys = await ctx.getActorKeyPairs(id);
      return new Person({
        id: ctx.getActorUri(id),
        preferredUsername: id,
        name: "Fedify peer",
        summary: "A Fedify actor used by Annals' interoperability check.",
        inbox: ctx.getInboxUri(id),
        outbox: ctx.getOutboxUri(id),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        followers: ctx.getFollowersUri(id),
        manuallyApprovesFollowers: false,
        publicKey: keys[0].cryptographicKey,
        assertionMethods: keys.map((k) => k.multikey),
      });
    })
    .mapHandle((_ctx, username) => (username === identifier ? identifier : null))
    .setKeyPairsDispatcher((_ctx, id) => (id === identifier ? [keyPair] : []))
    // Serve the actor to anyone, but note who signed the request: Fedify
    // only returns a key here after verifying the HTTP signature with it.
    .authorize(async (ctx) => {
      const key = await ctx.getSignedKey();
      if (key != null) events.verifiedActorFetches.push(key.id.href);
      return true;
    });

  federation.setOutboxDispatcher("/users/{identifier}/outbox", () => ({ items: [] }));

  federation.setFollowersDispatcher("/users/{identifier}/followers", (_ctx, id) =>
    id === identifier ? { items: [...followers.values()] } : null,
  );

  federation.setObjectDispatcher(Note, "/users/{identifier}/notes/{id}", (ctx, values) =>
    notes.get(ctx.getObjectUri(Note, values).href) ?? null,
  );

  federation
    .setInboxListeners("/users/{identifier}/inbox", "/inbox")
    .on(Follow, async (ctx, follow) => {
      events.inbox.push({ type: "Follow", activity: follow });
      if (follow.objectId?.href !== ctx.getActorUri(identifier).href) return;
      const follower = await follow.getActor(ctx);
      if (follower?.id == null || follower.inboxId == null) return;
      followers.set(follower.id.href, {
        id: follower.id,
        inboxId: follower.inboxId,
        endpoints: follower.endpoints,
      });
      // Our actor is unlocked: accept at once, embedding the Follow as
      // Mastodon and Pleroma do.
      const accept = new Accept({
        id: new URL(`${ctx.getActorUri(identifier).href}#accepts/${crypto.randomUUID()}`),
        actor: ctx.getActorUri(identifier),
        object: follow,
      });
      try {
        await ctx.sendActivity({ identifier }, follower, accept, { immediate: true });
      } catch (e) {
        events.errors.push(`sending Accept: ${e}`);
      }
    })
    .on(Accept, (_ctx, accept) => {
      events.inbox.push({ type: "Accept", activity: accept });
    })
    .on(Create, (_ctx, create) => {
      events.inbox.push({ type: "Create", activity: create });
    })
    .on(Like, (_ctx, like) => {
      events.inbox.push({ type: "Like", activity: like });
    })
    .on(Announce, (_ctx, announce) => {
      events.inbox.push({ type: "Announce", activity: announce });
    })
    .onError((_ctx, error) => {
      events.errors.push(`inbox: ${error}`);
    });

  // Fedify speaks the Fetch API; this bridges node:http to federation.fetch().
  const server = http.createServer(async (req, res) => {
    try {
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
      }
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const record = {
        method: req.method,
        path: req.url,
        keyId: headers.get("signature")?.match(/keyId="([^"]*)"/)?.[1] ?? null,
        body: body?.toString("utf8"),
        status: null,
      };
      events.incoming.push(record);
      const request = new Request(new URL(req.url, origin), {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      });
      const response = await federation.fetch(request, {
        contextData: undefined,
        onNotFound: () => new Response("Not found", { status: 404 }),
        onNotAcceptable: () => new Response("Not acceptable", { status: 406 }),
      });
      record.status = response.status;
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      events.errors.push(`http: ${e?.stack ?? e}`);
      res.writeHead(500).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", resolve);
  });

  federation.startQueue(undefined, { signal: queueStop.signal });
  const ctx = federation.createContext(new URL(origin), undefined);
  return {
    origin,
    identifier,
    handle: `${identifier}@localhost:${port}`,
    actorUri: ctx.getActorUri(identifier),
    federation,
    ctx,
    events,
    followers,

    /** Sends a Follow of `target` (an Actor) and returns it. */
    async follow(target) {
      const follow = new Follow({
        id: new URL(`${ctx.getActorUri(identifier).href}#follows/${crypto.randomUUID()}`),
        actor: ctx.getActorUri(identifier),
        object: target.id,
      });
      await ctx.sendActivity({ identifier }, target, follow, { immediate: true });
      return follow;
    },

    /** Posts a public note to our followers (their shared inboxes), as Mastodon does. */
    async post(content) {
      const id = crypto.randomUUID();
      const note = new Note({
        id: ctx.getObjectUri(Note, { identifier, id }),
        attribution: ctx.getActorUri(identifier),
        to: PUBLIC_COLLECTION,
        cc: ctx.getFollowersUri(identifier),
        content,
        published: Temporal.Now.instant(),
      });
      notes.set(note.id.href, note);
      const create = new Create({
        id: new URL(`${note.id.href}/activity`),
        actor: note.attributionId,
        to: PUBLIC_COLLECTION,
        cc: ctx.getFollowersUri(identifier),
        object: note,
        published: note.published,
      });
      await ctx.sendActivity({ identifier }, "followers", create, {
        immediate: true,
        preferSharedInbox: true,
      });
      return create;
    },

    /** Favourites `objectUri`, a note of `author` (an Actor), in a Like to its author. */
    async like(objectUri, author) {
      const like = new Like({
        id: new URL(`${ctx.getActorUri(identifier).href}#likes/${crypto.randomUUID()}`),
        actor: ctx.getActorUri(identifier),
        object: new URL(objectUri),
      });
      await ctx.sendActivity({ identifier }, author, like, { immediate: true });
      return like;
    },

    /** Boosts `objectUri`, a note of `author`: public, to our followers and to the author. */
    async announce(objectUri, author) {
      const announce = new Announce({
        id: new URL(`${ctx.getActorUri(identifier).href}#announces/${crypto.randomUUID()}`),
        actor: ctx.getActorUri(identifier),
        object: new URL(objectUri),
        to: PUBLIC_COLLECTION,
        ccs: [ctx.getFollowersUri(identifier), author.id],
        published: Temporal.Now.instant(),
      });
      await ctx.sendActivity({ identifier }, author, announce, { immediate: true });
      return announce;
    },

    /** Replies to `objectUri`, a note of `author`, mentioning the author, as Mastodon does. */
    async reply(content, objectUri, author, authorHandle) {
      const id = crypto.randomUUID();
      const note = new Note({
        id: ctx.getObjectUri(Note, { identifier, id }),
        attribution: ctx.getActorUri(identifier),
        to: PUBLIC_COLLECTION,
        ccs: [ctx.getFollowersUri(identifier), author.id],
        content,
        replyTarget: new URL(objectUri),
        tags: [new Mention({ href: author.id, name: `@${authorHandle}` })],
        published: Temporal.Now.instant(),
      });
      notes.set(note.id.href, note);
      const create = new Create({
        id: new URL(`${note.id.href}/activity`),
        actor: note.attributionId,
        to: PUBLIC_COLLECTION,
        ccs: [ctx.getFollowersUri(identifier), author.id],
        object: note,
        published: note.published,
      });
      await ctx.sendActivity({ identifier }, author, create, { immediate: true });
      return create;
    },

    close() {
      queueStop.abort();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
