import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { readConfig } from '../../src/cloud/config'
import { MAX_BODY_BYTES } from '../../src/cloud/gateway'
import { startServer } from '../../src/cloud/server'
import { issueToken } from '../../src/cloud/token'
import { makeTempDir, startTestGateway, type OverHttp } from './helpers'

let gw: OverHttp

beforeAll(async () => {
  gw = await startTestGateway()
})

afterAll(() => gw.close())

describe('gateway over HTTP', () => {
  it('reports health on GET /healthz', async () => {
    const response = await fetch(`${gw.server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true, data: { status: 'ok', database: 'sqlite' } })
  })

  it('logs a demo employee in and answers me.get with their profile', async () => {
    const login = await gw.post('auth.devLogin', { employeeNo: 'e0007' })
    expect(login.status).toBe(200)
    expect(login.json.data.employee).toMatchObject({ employeeNo: 'E0007' })
    expect(login.json.data.employee).not.toHaveProperty('openid')
    const me = await gw.post('me.get', {}, login.json.data.token)
    expect(me.json).toMatchObject({ ok: true, data: { employee: { employeeNo: 'E0007' } } })
  })

  it('answers 404 for a 工号 that is not on the roster', async () => {
    const login = await gw.post('auth.devLogin', { employeeNo: 'E9999' })
    expect(login.status).toBe(404)
    expect(login.json.error.message).toContain('E9999')
  })

  it('serves the current plan to a logged-in employee', async () => {
    const token = await gw.login('E0100')
    const { status, json } = await gw.post('plan.current', {}, token)
    expect(status).toBe(200)
    expect(json.data.sections).toHaveLength(4)
  })

  it('answers 401 without a token', async () => {
    const { status, json } = await gw.post('plan.current', {})
    expect(status).toBe(401)
    expect(json.ok).toBe(false)
    expect(json.error.code).toBe('unauthenticated')
  })

  it('rejects a tampered token', async () => {
    const token = await gw.login('E0100')
    const [body, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString())
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 1 })).toString('base64url')
    expect((await gw.post('me.get', {}, `${forged}.${signature}`)).status).toBe(401)
    expect((await gw.post('me.get', {}, `${body}.${signature.slice(0, -2)}xx`)).status).toBe(401)
    expect((await gw.post('me.get', {}, 'garbage')).status).toBe(401)
  })

  it('rejects an expired token', async () => {
    const secret = (await gw.server.store.getMeta('token_secret'))!
    const { token } = issueToken(1, secret, 60, new Date(Date.now() - 3600 * 1000))
    expect((await gw.post('me.get', {}, token)).status).toBe(401)
  })

  it('answers malformed JSON with 400 invalid_json', async () => {
    const { status, json } = await gw.post('auth.devLogin', '{"employeeNo": ', undefined, true)
    expect(status).toBe(400)
    expect(json.error.code).toBe('invalid_json')
  })

  it('answers an oversized body with 413', async () => {
    const { status, json } = await gw.post('auth.devLogin', { employeeNo: 'x'.repeat(MAX_BODY_BYTES + 10) })
    expect(status).toBe(413)
    expect(json.error.code).toBe('payload_too_large')
  })

  it('answers a GET on an action with 405', async () => {
    const response = await fetch(`${gw.server.url}/api/plan.current`)
    expect(response.status).toBe(405)
  })

  it('sends the usual security headers: the strictest on JSON, a policy for the app on pages', async () => {
    const { headers } = await gw.post('auth.devLogin', { employeeNo: 'E0001' })
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('x-frame-options')).toBe('DENY')
    expect(headers.get('cache-control')).toBe('no-store')
    expect(headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
    const page = await fetch(`${gw.server.url}/`)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('says plainly when the H5 app has not been built', async () => {
    const response = await fetch(`${gw.server.url}/`)
    expect(response.status).toBe(503)
    expect(await response.text()).toContain('npm run build:h5')
  })

  it('answers an unparseable request target with 400 and keeps serving', async () => {
    const { port } = new URL(gw.server.url)
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () =>
        socket.end('GET http://[ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
      )
      let text = ''
      socket.on('data', (chunk) => (text += chunk.toString('utf8')))
      socket.on('end', () => resolve(text))
      socket.on('error', reject)
    })
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect((await fetch(`${gw.server.url}/healthz`)).status).toBe(200)
  })

  it('takes the action from the path, ignoring a query string', async () => {
    const token = await gw.login('E0100')
    const response = await fetch(`${gw.server.url}/api/me.get?from=share`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{}',
    })
    expect(response.status).toBe(200)
    expect((await response.json()).data.employee.employeeNo).toBe('E0100')
  })

  it('never serves files outside the static folder', async () => {
    const response = await fetch(`${gw.server.url}/..%2f..%2fetc%2fpasswd`)
    expect(response.status).toBe(404)
  })
})

describe('gateway start-up', () => {
  it('serves the built H5 app at / with its assets', async () => {
    const { dir, cleanup } = makeTempDir()
    const staticDir = path.join(dir, 'static')
    fs.mkdirSync(path.join(staticDir, 'js'), { recursive: true })
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>文明实践</title>')
    fs.writeFileSync(path.join(staticDir, 'js', 'app.0123abcd.js'), 'console.log(1)')
    const server = await startServer(readConfig({ DATA_DIR: dir, PORT: '0', STATIC_DIR: staticDir }))
    try {
      const page = await fetch(`${server.url}/`)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toContain('text/html')
      expect(await page.text()).toContain('文明实践')
      const asset = await fetch(`${server.url}/js/app.0123abcd.js`)
      expect(asset.headers.get('cache-control')).toContain('immutable')
    } finally {
      await server.close()
      cleanup()
    }
  })

  it('creates the database once and keeps it across restarts', async () => {
    const { dir, cleanup } = makeTempDir()
    const config = readConfig({ DATA_DIR: dir, PORT: '0', STATIC_DIR: path.join(dir, 'static') })
    try {
      const first = await startServer(config)
      const firstCounts = [await first.store.countEmployees(), await first.store.countPlans()]
      await first.close()
      expect(fs.existsSync(config.databaseFile)).toBe(true)
      const second = await startServer(config)
      const secondCounts = [await second.store.countEmployees(), await second.store.countPlans()]
      await second.close()
      expect(firstCounts).toEqual([200, 2])
      expect(secondCounts).toEqual([200, 2])
    } finally {
      cleanup()
    }
  })

  it('refuses demo logins when NODE_ENV is production', async () => {
    const prod = await startTestGateway({ NODE_ENV: 'production', TOKEN_SECRET: 'p'.repeat(40) })
    try {
      const { status } = await prod.post('auth.devLogin', { employeeNo: 'E0001' })
      expect(status).toBe(403)
    } finally {
      await prod.close()
    }
  })

  it('stops with a message naming a bad environment variable', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => readConfig({ TOKEN_SECRET: 'short' })).toThrow(/TOKEN_SECRET/)
  })
})
