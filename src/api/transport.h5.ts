import type { Envelope } from '../domain/errors'

const TIMEOUT_MS = 15000

/** H5: POST /api/<action> to the gateway that served the page. */
export async function sendAction<T>(
  action: string,
  payload: unknown,
  token: string | null,
  idempotencyKey: string,
): Promise<Envelope<T>> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
  try {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey }
    if (token) headers.Authorization = `Bearer ${token}`
    const response = await fetch(`/api/${action}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(payload ?? {}),
      signal: controller.signal,
    })
    const text = await response.text()
    try {
      return JSON.parse(text) as Envelope<T>
    } catch {
      return { ok: false, error: { code: 'internal', message: `服务返回异常（${response.status}）` } }
    }
  } finally {
    clearTimeout(timer)
  }
}

export const usesTokenLogin = true
