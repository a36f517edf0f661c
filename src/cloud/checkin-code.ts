import crypto from 'node:crypto'

/** A code lasts one slot; the previous slot's code is still accepted, so a code read just before it turns works. */
export const CHECKIN_SLOT_SECONDS = 120

function codeForSlot(activityId: number, slot: number, secret: string): string {
  const digest = crypto.createHmac('sha256', secret).update(`checkin:${activityId}:${slot}`).digest()
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0')
}

/** The code shown at the venue now, and until when it is shown. */
export function currentCheckinCode(activityId: number, secret: string, now: Date): { code: string; validUntil: Date } {
  const slot = Math.floor(now.getTime() / 1000 / CHECKIN_SLOT_SECONDS)
  return { code: codeForSlot(activityId, slot, secret), validUntil: new Date((slot + 1) * CHECKIN_SLOT_SECONDS * 1000) }
}

/** Whether `code` is the current or the previous code of the activity. */
export function verifyCheckinCode(activityId: number, code: string, secret: string, now: Date): boolean {
  const slot = Math.floor(now.getTime() / 1000 / CHECKIN_SLOT_SECONDS)
  return [slot, slot - 1].some((s) => {
    const expected = Buffer.from(codeForSlot(activityId, s, secret))
    const given = Buffer.from(code)
    return expected.length === given.length && crypto.timingSafeEqual(expected, given)
  })
}

/** What the QR code at the venue encodes; the app's scanner reads it back. */
export function checkinQrPayload(activityId: number, code: string): string {
  return `wmcheckin:${activityId}:${code}`
}
