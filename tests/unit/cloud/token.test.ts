import { createTokenVerifier, issueToken, verifyToken } from '../../../src/cloud/token'

const SECRET = 's'.repeat(40)
const NOW = new Date('2026-05-01T00:00:00Z')

type Verify = (token: string, now: Date) => number | null

describe.each<[string, () => Verify]>([
  ['verifyToken', () => (token, now) => verifyToken(token, SECRET, now)],
  ['a verifier that remembers tokens', () => createTokenVerifier(SECRET)],
])('tokens through %s', (_, make) => {
  let verify: Verify
  beforeEach(() => {
    verify = make()
  })

  it('verifies a token it issued and returns the employee id', () => {
    const { token } = issueToken(42, SECRET, 3600, NOW)
    expect(verify(token, NOW)).toBe(42)
    expect(verify(token, NOW)).toBe(42)
  })

  it('rejects a token after it expires, also one it accepted before', () => {
    const { token, expiresAt } = issueToken(42, SECRET, 3600, NOW)
    expect(verify(token, NOW)).toBe(42)
    expect(verify(token, expiresAt)).toBeNull()
  })

  it('rejects a token signed with another secret', () => {
    const { token } = issueToken(42, 'x'.repeat(40), 3600, NOW)
    expect(verify(token, NOW)).toBeNull()
  })

  it('rejects a token whose claims were changed, after accepting the original', () => {
    const { token } = issueToken(42, SECRET, 3600, NOW)
    expect(verify(token, NOW)).toBe(42)
    const [, signature] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ sub: 1, exp: 9999999999 })).toString('base64url')
    expect(verify(`${forged}.${signature}`, NOW)).toBeNull()
  })

  it('keeps verifying after more tokens than it remembers', () => {
    const tokens = Array.from({ length: 10_050 }, (__, i) => issueToken(i + 1, SECRET, 3600, NOW).token)
    expect(tokens.every((token, index) => verify(token, NOW) === index + 1)).toBe(true)
    expect(verify(tokens[0], NOW)).toBe(1)
  })
})
