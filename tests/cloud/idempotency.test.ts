/**
 * Writes carry an idempotency key: a retry after an answer that never arrived gets the first answer again and
 * writes nothing more. The lost answer is made real at the network boundary: a TCP proxy between client and
 * gateway that passes the request on and cuts the client off before the response reaches it.
 */
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { startTestGateway, type OverHttp } from './helpers'

let gw: OverHttp
let proxy: net.Server
let proxyPort: number
/** The response bytes the proxy kept from the client, of the last connection it cut. */
let swallowed: Promise<string> = Promise.resolve('')

beforeAll(async () => {
  gw = await startTestGateway()
  const upstream = new URL(gw.server.url)
  proxy = net.createServer((client) => {
    const server = net.connect(Number(upstream.port), upstream.hostname)
    client.pipe(server)
    const chunks: Buffer[] = []
    swallowed = new Promise((resolve) => {
      server.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        client.destroy() // the answer never arrives
      })
      server.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    })
    client.on('error', () => undefined)
    server.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  proxyPort = (proxy.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve))
  await gw.close()
})

/** POSTs an action on its own connection (closed after the answer), to `port`; rejects when the connection drops. */
function post(port: number, action: string, body: unknown, token: string, key?: string): Promise<any> {
  const text = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${action}`,
        agent: false,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(text),
          Connection: 'close',
          Authorization: `Bearer ${token}`,
          ...(key ? { 'Idempotency-Key': key } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(text)
  })
}

const gatewayPort = () => Number(new URL(gw.server.url).port)

async function createActivity(admin: string): Promise<number> {
  const hour = 3600 * 1000
  const { json } = await gw.post(
    'admin.activity.create',
    {
      category: 'lecture',
      title: '断网重试讲座',
      startsAt: new Date(Date.now() + 48 * hour).toISOString(),
      endsAt: new Date(Date.now() + 50 * hour).toISOString(),
      capacity: 1,
    },
    admin,
  )
  return json.data.id
}

describe('idempotency keys on writes', () => {
  it('answers a registration retried after a lost answer with the first answer, and registers once', async () => {
    const admin = await gw.login('E0001')
    const activityId = await createActivity(admin)
    const me = await gw.login('E0070')
    const key = 'retry-registration-0001'

    await expect(post(proxyPort, 'registration.create', { activityId }, me, key)).rejects.toThrow()
    const lost = await swallowed
    const lostBody = JSON.parse(lost.slice(lost.indexOf('\r\n\r\n') + 4))
    expect(lostBody).toMatchObject({ ok: true, data: { status: 'confirmed', existing: false } })

    // Meanwhile someone else takes… nothing: the one seat is already this person's.
    const other = await gw.login('E0071')
    expect((await gw.post('registration.create', { activityId }, other)).json.data.status).toBe('waitlisted')

    const retried = await post(gatewayPort(), 'registration.create', { activityId }, me, key)
    expect(retried.status).toBe(200)
    expect(retried.json).toEqual(lostBody)
    const rows = await gw.server.store.listRegistrationsFor(activityId)
    expect(rows.map((r) => r.status)).toEqual(['confirmed', 'waitlisted'])
  })

  it('writes a comment once for two sends with one key, and twice for two keys', async () => {
    const me = await gw.login('E0072')
    const candidateRound = (await gw.post('goodpeople.rounds', {}, me)).json.data
    const round = (await gw.post('goodpeople.round', { id: candidateRound[0].id }, me)).json.data
    const candidateId = round.candidates[0].id
    const comments = async () =>
      (await gw.post('goodpeople.candidate', { candidateId }, me)).json.data.comments.length as number
    const before = await comments()
    const body = { candidateId, text: '事迹感人，值得学习。' }
    const first = await post(gatewayPort(), 'goodpeople.comment', body, me, 'comment-key-000001')
    const again = await post(gatewayPort(), 'goodpeople.comment', body, me, 'comment-key-000001')
    expect(again.json).toEqual(first.json)
    expect(await comments()).toBe(before + 1)
    await post(gatewayPort(), 'goodpeople.comment', body, me, 'comment-key-000002')
    expect(await comments()).toBe(before + 2)
  })

  it('refuses a key reused for a different write, and keeps keys apart between people', async () => {
    const admin = await gw.login('E0001')
    const first = await createActivity(admin)
    const second = await createActivity(admin)
    const me = await gw.login('E0073')
    const key = 'shared-key-00000001'
    expect((await post(gatewayPort(), 'registration.create', { activityId: first }, me, key)).status).toBe(200)
    const reused = await post(gatewayPort(), 'registration.create', { activityId: second }, me, key)
    expect(reused.status).toBe(409)
    expect(reused.json.error.message).toContain('请求编号')
    expect(await gw.server.store.listRegistrationsFor(second)).toHaveLength(0)

    // The same key from another person is their own write.
    const colleague = await gw.login('E0074')
    const theirs = await post(gatewayPort(), 'registration.create', { activityId: first }, colleague, key)
    expect(theirs.json.data).toMatchObject({ existing: false, status: 'waitlisted' })
  })

  it('answers 400 to a malformed key and writes nothing', async () => {
    const admin = await gw.login('E0001')
    const activityId = await createActivity(admin)
    const me = await gw.login('E0075')
    const refused = await post(gatewayPort(), 'registration.create', { activityId }, me, 'bad key!')
    expect(refused.status).toBe(400)
    expect(await gw.server.store.listRegistrationsFor(activityId)).toHaveLength(0)
  })
})
