import type { Envelope } from '../domain/errors'

/** Sends one action to the cloud layer and returns its envelope; rejects only when the network fails. */
export declare function sendAction<T>(action: string, payload: unknown, token: string | null): Promise<Envelope<T>>

/** Whether this platform logs in with a demo token (H5) rather than WeChat's OPENID. */
export declare const usesTokenLogin: boolean
