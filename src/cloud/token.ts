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

/** The claims of a token whose signature holds and whose claims are well formed; null otherwise. */
function verifiedClaims(token: string, secret: string): TokenClaims | null {
  const parts = token.split('.')
  if (parts.length !== 2) return null
  const [body, signature] = parts
  const expected = Buffer.from(sign(body, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TokenClaims>
    if (!Number.isInteger(claims.sub) || typeof claims.exp !== 'number') return null
    return { sub: claims.sub as number, exp: claims.exp }
  } catch {
    return null
  }
}

const unexpired = (claims: TokenClaims | null, now: Date): number | null =>
  claims && claims.exp * 1000 > now.getTime() ? claims.sub : null

/** The employee id of a valid, unexpired, untampered token; null otherwise. */
export function verifyToken(token: string, secret: string, now: Date): number | null {
  return unexpired(verifiedClaims(token, secret), now)
}

/** How many signed tokens a verifier remembers before it starts over. */
const VERIFIED_LIMIT = 10_000

/**
 * verifyToken for one secret, remembering the tokens whose signature it has checked: a session's next requests
 * skip the HMAC. Expiry is still checked on every call; a tampered token is a different string, never remembered.
 */
export function createTokenVerifier(secret: string): (token: string, now: Date) => number | null {
  const verified = new Map<string, TokenClaims>()
  return (token, now) => {
    let claims = verified.get(token) ?? null
    if (!claims) {
      claims = verifiedClaims(token, secret)
      if (claims) {
        if (verified.size >= VERIFIED_LIMIT) verified.clear()
        verified.set(token, claims)
      }
    }
    return unexpired(claims, now)
  }
}
