import crypto from 'node:crypto'

interface TokenClaims {
  sub: number
  exp: number
}

const b64 = (buf: Buffer | string): string => Buffer.from(buf).toString('base64url')

function sign(body: string, secret: string): string {
  return b64(crypto.createHmac('sha256', secret).update(body).digest())
}

/** Issues a signed token for an employee, valid for `ttlSeconds`. */
export function issueToken(
  employeeId: number,
  secret: string,
  ttlSeconds: number,
  now: Date,
): { token: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds
  const body = b64(JSON.stringify({ sub: employeeId, exp } satisfies TokenClaims))
  return { token: `${body}.${sign(body, secret)}`, expiresAt: new Date(exp * 1000) }
}

/** The employee id of a valid, unexpired, untampered token; null otherwise. */
export function verifyToken(token: string, secret: string, now: Date): number | null {
  const parts = token.split('.')
  if (parts.length !== 2) return null
  const [body, signature] = parts
  const expected = Buffer.from(sign(body, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TokenClaims>
    if (!Number.isInteger(claims.sub) || typeof claims.exp !== 'number') return null
    if (claims.exp * 1000 <= now.getTime()) return null
    return claims.sub as number
  } catch {
    return null
  }
}
