import { issueToken, verifyToken } from '../../../src/cloud/token'

const SECRET = 's'.repeat(40)
const NOW = new Date('2026-05-01T00:00:00Z')

describe('tokens', () => {
  it('verifies a token it issued and returns the employee id', () => {
    const { token } = issueToken(42, SECRET, 3600, NOW)
    expect(verifyToken(token, SECRET, NOW)).toBe(42)
  })

  it('rejects a token after it expires', () => {
    const { token, expiresAt } = issueToken(42, SECRET, 3600, NOW)
    expect(verifyToken(token, SECRET, expiresAt)).toBeNull()
  })

  it('rejects a token signed with another secret', () => {
    const { token } = issueToken(42, 'x'.repeat(40), 3600, NOW)
    expect(verifyToken(token, SECRET, NOW)).toBeNull()
  })

  it('rejects a token whose claims were changed', () => {
    const { token } = issueToken(42, SECRET, 3600, NOW)
    const [, signature] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ sub: 1, exp: 9999999999 })).toString('base64url')
    expect(verifyToken(`${forged}.${signature}`, SECRET, NOW)).toBeNull()
  })
})
