// Drives a running Annals server as a client application would, through megalodon's Pleroma
// client: app registration, registration, password grant, verify_credentials with bearer, Basic
// and the session cookie, profile update, follow and relationships, a post, a favourite and the
// notifications they cause (list, one, read up to, marker, dismiss), custom emoji, a media upload
// and a post with it, muting a conversation, a report, and the user stream (update, delete,
// notification). Exits non-zero on a failure.
// Usage: (cd scripts/client-check && npm install && ANNALS_URL=http://localhost:4000 npm run check)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import megalodon from 'megalodon'

// megalodon is CommonJS: its generator is the default export's default.
const generator = megalodon.default ?? megalodon

const base = process.env.ANNALS_URL ?? 'http://localhost:4000'
const suffix = Date.now().toString(36)
let failures = 0

function check(label, condition, detail = '') {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${label}${detail ? ' — ' + detail : ''}`)
  if (!condition) failures++
}

async function form(path, fields, headers = {}) {
  const response = await fetch(base + path, { method: 'POST', body: new URLSearchParams(fields), headers })
  return { status: response.status, headers: response.headers, body: await response.json() }
}

async function registerAndLogin(app, nickname) {
  const registered = await form('/api/account/register', {
    nickname, email: `${nickname}@client-check.example`, fullname: `Client ${nickname}`, password: 'pw', confirm: 'pw'
  })
  check(`register ${nickname}`, registered.status === 200, `status ${registered.status}`)
  const token = await form('/oauth/token', {
    grant_type: 'password', client_id: app.client_id, client_secret: app.client_secret, username: nickname, password: 'pw'
  })
  check(`password grant for ${nickname}`, token.status === 200 && token.body.access_token, `status ${token.status}`)
  return token.body.access_token
}

const anonymous = generator('pleroma', base)
const app = await anonymous.registerApp('client-check', { scopes: ['read', 'write', 'follow', 'push'] })
check('registerApp', Boolean(app.client_id && app.client_secret))

const alice = `alice${suffix}`
const bob = `bob${suffix}`
const aliceToken = await registerAndLogin(app, alice)
const bobToken = await registerAndLogin(app, bob)

const client = generator('pleroma', base, aliceToken)
const me = await client.verifyAccountCredentials()
check('verifyAccountCredentials (bearer)', me.data.acct === alice, me.data.acct)
check('account has its counts',
  me.data.followers_count === 0 && me.data.following_count === 0 && typeof me.data.statuses_count === 'number')

const basic = await fetch(base + '/api/v1/accounts/verify_credentials', {
  headers: { Authorization: 'Basic ' + Buffer.from(`${alice}:pw`).toString('base64') }
})
check('verify_credentials with Basic', basic.status === 200, `status ${basic.status}`)

const withBearer = await fetch(base + '/api/v1/accounts/verify_credentials', {
  headers: { Authorization: `Bearer ${aliceToken}` }
})
const cookie = (withBearer.headers.get('set-cookie') ?? '').split(';')[0]
const byCookie = await fetch(base + '/api/v1/accounts/verify_credentials', { headers: { Cookie: cookie } })
check('verify_credentials with the session cookie', cookie.startsWith('pleroma_key=') && byCookie.status === 200,
  `status ${byCookie.status}`)

const updated = await client.updateCredentials({ display_name: 'Alice Checked', note: 'hello from megalodon' })
check('updateCredentials', updated.data.display_name === 'Alice Checked', updated.data.display_name)

const bobAccount = (await client.getAccount((await generator('pleroma', base, bobToken).verifyAccountCredentials()).data.id)).data
const followed = await client.followAccount(bobAccount.id)
check('followAccount', followed.data.following === true)
const relationships = await client.getRelationships([bobAccount.id])
check('getRelationships', relationships.data[0]?.following === true)
const followers = await generator('pleroma', base, bobToken).getAccountFollowers(bobAccount.id)
check('getAccountFollowers', followers.data.some(account => account.acct === alice))

// Notifications: bob posts mentioning alice; alice favourites it; each is notified.
const bobClient = generator('pleroma', base, bobToken)
const posted = await bobClient.postStatus(`hello @${alice}`)
check('postStatus', posted.data.content.includes('hello'), posted.data.content)
await client.favouriteStatus(posted.data.id)
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
async function notificationsOf(someone, count) {
  let found = []
  for (let attempt = 0; attempt < 100 && found.length < count; attempt++) {
    found = (await someone.getNotifications()).data
    if (found.length < count) await sleep(100)
  }
  return found
}
const bobNotifications = await notificationsOf(bobClient, 2)
check('getNotifications: follow and favourite', bobNotifications.map(n => n.type).sort().join() === 'favourite,follow',
  bobNotifications.map(n => n.type).join())
const aliceNotifications = await notificationsOf(client, 1)
check('getNotifications: mention with its status', aliceNotifications[0]?.type === 'mention' &&
  aliceNotifications[0]?.status?.id === posted.data.id)
const single = await client.getNotification(aliceNotifications[0].id)
check('getNotification', single.data.id === aliceNotifications[0].id)
await client.readNotifications({ max_id: aliceNotifications[0].id })
const markers = await client.getMarkers(['notifications'])
check('readNotifications moves the marker', markers.data.notifications?.last_read_id === aliceNotifications[0].id,
  JSON.stringify(markers.data))
await bobClient.dismissNotification(bobNotifications[0].id)
check('dismissNotification', (await bobClient.getNotifications()).data.length === 1)

const instance = await anonymous.getInstance()
check('getInstance', instance.data.title !== undefined && instance.data.configuration !== undefined)

// Custom emoji, media, a muted conversation and a report.
const emojis = await anonymous.getInstanceCustomEmojis()
check('getInstanceCustomEmojis', emojis.data.some(emoji => emoji.shortcode === 'heart'), `${emojis.data.length} emoji`)
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64')
// In Node, megalodon uploads a readable file stream.
const pixel = path.join(os.tmpdir(), `client-check-${suffix}.png`)
fs.writeFileSync(pixel, png)
const media = await client.uploadMedia(fs.createReadStream(pixel), { description: 'one pixel' })
fs.unlinkSync(pixel)
check('uploadMedia', media.data.type === 'image' && media.data.description === 'one pixel', media.data.type)
const illustrated = await client.postStatus('a picture :heart:', { media_ids: [media.data.id] })
check('postStatus with media and emoji', illustrated.data.media_attachments[0]?.id === media.data.id &&
  illustrated.data.emojis[0]?.shortcode === 'heart')
const muted = await client.muteStatus(posted.data.id)
check('muteStatus', muted.data.muted === true)
const reported = await client.report(bobAccount.id, { status_ids: [posted.data.id], comment: 'checking reports' })
check('report', reported.data.action_taken === false && Boolean(reported.data.id))

// Streaming: megalodon's user stream gets a followed account's post, its deletion and a notification.
function nextFrom(stream, event) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 10 s`)), 10_000)
    stream.once(event, value => { clearTimeout(timer); resolve(value) })
  })
}
const stream = await client.userStreaming()
await new Promise(resolve => stream.once('connect', resolve))
const streamedUpdate = nextFrom(stream, 'update')
const live = await bobClient.postStatus('live to my followers')
check('userStreaming: update', (await streamedUpdate).id === live.data.id)
const deleted = nextFrom(stream, 'delete')
// Raw: this server answers a deletion with {} (the seed's answer), which megalodon cannot convert.
await fetch(`${base}/api/v1/statuses/${live.data.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${bobToken}` } })
check('userStreaming: delete', (await deleted) === live.data.id)
const notified = nextFrom(stream, 'notification')
await bobClient.favouriteStatus((await client.postStatus('favourite me')).data.id)
const notification = await notified
check('userStreaming: notification', notification.type === 'favourite' && notification.account.id === bobAccount.id,
  notification.type)
stream.stop()

console.log(failures === 0 ? 'all checks passed' : `${failures} check(s) failed`)
process.exit(failures === 0 ? 0 : 1)
