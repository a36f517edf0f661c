/** The activity and code carried by a check-in QR code (`wmcheckin:<activityId>:<code>`), or null. */
export function parseCheckinPayload(text: string): { activityId: number; code: string } | null {
  const match = /^wmcheckin:(\d+):([0-9A-Za-z]{4,12})$/.exec(text.trim())
  if (!match) return null
  return { activityId: Number(match[1]), code: match[2] }
}
