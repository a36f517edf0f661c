import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Principal } from './context'
import type { Router } from './router'
import { createTokenVerifier } from './token'

export const MAX_BODY_BYTES = 512 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
}

export interface GatewayOptions {
  router: Router
  tokenSecret: string
  staticDir: string
  /** Whether the database answers; and which database it is, for whoever operates the gateway. */
  health: () => Promise<boolean>
  database: 'sqlite' | 'postgres'
  clock?: () => Date
}

/**
 * On JSON answers: nothing in them is a document, so nothing may load from them or frame them; built once, as
 * every answer sends them.
 */
const JSON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { ok: false, error: { code, message } })
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      reject(new BodyTooLarge())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        // Stop keeping the body but let it drain: destroying the request here would lose the 413 answer.
        req.off('data', onData)
        req.resume()
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

type Verify = ReturnType<typeof createTokenVerifier>

function resolvePrincipal(req: http.IncomingMessage, verify: Verify, now: Date): Principal | 'invalid' {
  const header = req.headers.authorization
  if (!header) return {}
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match) return 'invalid'
  const employeeId = verify(match[1], now)
  return employeeId === null ? 'invalid' : { employeeId }
}

async function handleApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  action: string,
  options: GatewayOptions,
  verify: Verify,
) {
  if (req.method !== 'POST') {
    sendError(res, 405, 'method_not_allowed', '请使用 POST 调用接口')
    return
  }
  let raw: Buffer
  try {
    raw = await readBody(req)
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      // Close the connection after answering, so the client stops sending the rest of the body.
      res.setHeader('Connection', 'close')
      sendError(res, 413, 'payload_too_large', '提交的内容过大')
    }
    return
  }
  let payload: unknown = {}
  if (raw.length > 0) {
    try {
      payload = JSON.parse(raw.toString('utf8'))
    } catch {
      sendError(res, 400, 'invalid_json', '请求格式有误（不是有效的 JSON）')
      return
    }
  }
  const now = (options.clock ?? (() => new Date()))()
  const principal = resolvePrincipal(req, verify, now)
  if (principal === 'invalid') {
    sendError(res, 401, 'unauthenticated', '登录已过期，请重新登录')
    return
  }
  const key = req.headers['idempotency-key']
  const result = await options.router(action, payload, principal, {
    address: req.socket.remoteAddress,
    idempotencyKey: Array.isArray(key) ? key[0] : key,
  })
  send(res, result.status, result.body)
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, staticDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'method_not_allowed', '不支持的请求方法')
    return
  }
  let relative: string
  try {
    relative = decodeURIComponent(pathname)
  } catch {
    sendError(res, 400, 'invalid_input', '地址有误')
    return
  }
  const root = path.resolve(staticDir)
  let file = path.resolve(root, '.' + (relative === '/' ? '/index.html' : relative))
  if (file !== root && !file.startsWith(root + path.sep)) {
    sendError(res, 404, 'not_found', '页面不存在')
    return
  }
  let stat = fs.statSync(file, { throwIfNoEntry: false })
  if (stat?.isDirectory()) {
    file = path.join(file, 'index.html')
    stat = fs.statSync(file, { throwIfNoEntry: false })
  }
  if (!stat?.isFile()) {
    if (relative === '/' || relative === '/index.html') {
      res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('H5 页面尚未构建：请先运行 npm run build:h5（npm start 会自动构建）。\n')
      return
    }
    sendError(res, 404, 'not_found', '页面不存在')
    return
  }
  const hashed = /\.[0-9a-f]{8,}\.(js|css)$/.test(file)
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (req.method === 'HEAD') res.end()
  else fs.createReadStream(file).pipe(res)
}

/** The local HTTP gateway: POST /api/<action>, GET /healthz, and the H5 build at /. */
export function createGateway(options: GatewayOptions): http.Server {
  const verify = createTokenVerifier(options.tokenSecret)
  return http.createServer((req, res) => {
    const target = req.url ?? '/'
    const respond = async () => {
      if (target.startsWith('/api/')) {
        // The action is the rest of the path: no URL parsing on the hot path (a query string is ignored).
        const query = target.indexOf('?')
        await handleApi(req, res, target.slice('/api/'.length, query < 0 ? undefined : query), options, verify)
        return
      }
      const url = URL.canParse(target, 'http://localhost') ? new URL(target, 'http://localhost') : null
      if (!url) {
        sendError(res, 400, 'invalid_input', '地址有误')
      } else if (url.pathname === '/healthz') {
        const healthy = await options.health()
        send(
          res,
          healthy ? 200 : 503,
          healthy
            ? { ok: true, data: { status: 'ok', database: options.database } }
            : { ok: false, error: { code: 'internal', message: '数据库不可用' } },
        )
      } else {
        serveStatic(req, res, url.pathname, options.staticDir)
      }
    }
    respond().catch((error) => {
      console.error('gateway error', error)
      if (!res.headersSent) sendError(res, 500, 'internal', '服务暂时出现问题，请稍后重试')
      else res.destroy()
    })
  })
}
