/** `2.5`, `12`: hours with at most one decimal. */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 10) / 10)
}
