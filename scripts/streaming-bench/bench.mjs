// Streaming benchmark: CLIENTS sockets on the user stream of one node, FOLLOWERS of them following one
// author; the author posts POSTS times, one a second, through node A; each post's latency is from its
// HTTP answer to its arrival on each follower's socket. With ANNALS_URL_B, the followers' sockets are
// on node B instead (a post crossing nodes). SERVER_PIDS (comma-separated) reports the servers' RSS.
// The servers must run with RATE_LIMIT_EXEMPT=127.0.0.1 (this script signs in thousands of times)
// and, to set up quickly, BCRYPT_STRENGTH=4.
// Usage: (cd scripts/streaming-bench && npm install && ANNALS_URL=http://localhost:4000 npm run bench)
import fs from 'node:fs'
import WebSocket from 'ws'

const A = process.env.ANNALS_URL ?? 'http://localhost:4000'
const B = process.env.ANNALS_URL_B ?? A
const CLIENTS = Number(process.env.CLIENTS ?? 2000)
const FOLLOWERS = Number(process.env.FOLLOWERS ?? 1000)
const POSTS = Number(process.env.POSTS ?? 20)
const run = Date.now().toString(36)

async function call(base, method, path, { form, token, basic } = {}) {
  const headers = {}
  if (token) headers.Authorization = `Bearer ${token}`
  if (basic) headers.Authorization = 'Basic ' + Buffer.from(basic).toString('base64')
  const response = await fetch(base + path, { method, headers, body: form ? new URLSearchParams(form) : undefined })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return JSON.parse(text)
}

async function inParallel(items, width, task) {
  const results = new Array(items.length)
  let next = 0
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index], index)
    }
  }))
  return results
}

function rss() {
  return (process.env.SERVER_PIDS ?? '').split(',').filter(Boolean).map(pid => {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith('VmRSS'))
    return `${pid}: ${Math.round(Number(line.split(/\s+/)[1]) / 1024)} MiB`
  }).join(', ')
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)]

const app = await call(A, 'POST', '/api/v1/apps',
  { form: { client_name: 'bench', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read write follow' } })
const register = nickname => call(A, 'POST', '/api/account/register', {
  form: { nickname, email: `${nickname}@bench.example`, fullname: nickname, password: 'password', confirm: 'password' }
})
const tokenOf = async nickname => (await call(A, 'POST', '/oauth/token', {
  form: { grant_type: 'password', client_id: app.client_id, client_secret: app.client_secret, username: nickname,
    password: 'password' }
})).access_token

console.log(`setting up: ${CLIENTS} readers, ${FOLLOWERS} of them following one author`)
const author = `author${run}`
const authorId = (await register(author)).id
const authorToken = await tokenOf(author)
const readers = Array.from({ length: CLIENTS }, (_, i) => `reader${run}x${i}`)
const tokens = await inParallel(readers, 16, async nickname => { await register(nickname); return tokenOf(nickname) })
await inParallel(tokens.slice(0, FOLLOWERS), 16, token => call(A, 'POST', `/api/v1/accounts/${authorId}/follow`, { token }))

const streamingBase = base => base.replace(/^http/, 'ws') + '/api/v1/streaming?stream=user&access_token='
const arrivals = new Map() // status id -> [arrival ms on each follower socket]
let extra = 0
const sockets = await inParallel(tokens, 50, (token, index) => new Promise((resolve, reject) => {
  const follower = index < FOLLOWERS
  const socket = new WebSocket(streamingBase(follower ? B : A) + token)
  socket.on('open', () => resolve(socket))
  socket.on('error', reject)
  socket.on('message', data => {
    const now = performance.now()
    const frame = JSON.parse(data.toString())
    if (frame.event !== 'update') return
    const id = JSON.parse(frame.payload).id
    if (!follower) { extra++; return }
    if (!arrivals.has(id)) arrivals.set(id, [])
    arrivals.get(id).push(now)
  })
}))
await new Promise(resolve => setTimeout(resolve, 3000))
console.log(`${sockets.length} sockets open (followers on ${B}); server RSS: ${rss() || 'SERVER_PIDS not set'}`)

const latencies = []
let missing = 0
for (let i = 0; i < POSTS; i++) {
  const posted = await call(A, 'POST', '/api/v1/statuses', { form: { status: `post ${i} of ${run}` }, token: authorToken })
  const answered = performance.now()
  await new Promise(resolve => setTimeout(resolve, 1000))
  const got = arrivals.get(posted.id) ?? []
  got.forEach(at => latencies.push(at - answered))
  missing += FOLLOWERS - got.length
}
await new Promise(resolve => setTimeout(resolve, 3000))
latencies.sort((a, b) => a - b)
console.log(`posts: ${POSTS}, deliveries: ${latencies.length} of ${POSTS * FOLLOWERS} (missing within 1 s: ${missing}), ` +
  `to non-followers: ${extra}`)
console.log(`latency from the HTTP answer, ms: p50 ${percentile(latencies, 50).toFixed(1)}, ` +
  `p90 ${percentile(latencies, 90).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}, ` +
  `max ${latencies[latencies.length - 1].toFixed(1)}`)
console.log(`server RSS with the sockets open: ${rss() || 'SERVER_PIDS not set'}`)
sockets.forEach(socket => socket.close())
process.exit(0)
