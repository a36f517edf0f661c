import type { Envelope } from '../domain/errors'

/**
 * Sends one action to the cloud layer and returns its envelope; rejects only when the network fails.
 * `idempotencyKey` goes with it, so that the cloud answers a retry of the same write with the first answer.
 */
export declare function sendAction<T>(
  action: string,
  payload: unknown,
  token: string | null,
  idempotencyKey: string,
): Promise<Envelope<T>>

/** Whether this platform logs in with a demo token (H5) rather than WeChat's OPENID. */
export declare const usesTokenLogin: boolean
