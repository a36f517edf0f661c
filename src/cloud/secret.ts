import crypto from 'node:crypto'
import type { Store } from './store/types'

/** The signing secret: from configuration, else generated once and kept in the database. */
export async function resolveSecret(store: Store, configured: string | undefined): Promise<string> {
  if (configured) return configured
  return store.transaction(async (tx) => {
    const existing = await tx.getMeta('token_secret')
    if (existing) return existing
    const secret = crypto.randomBytes(32).toString('hex')
    await tx.setMeta('token_secret', secret)
    return secret
  })
}
