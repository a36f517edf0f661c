import type { ActivitySummary } from '../../domain/activity'

type SeatFacts = Pick<ActivitySummary, 'capacity' | 'confirmedCount' | 'waitlistEnabled'>

/** Seats left, or null when the activity has no limit. */
export function countSeatsLeft({ capacity, confirmedCount }: SeatFacts): number | null {
  return capacity === null ? null : Math.max(0, capacity - confirmedCount)
}

/** `剩余 5 个名额`, `已满 · 可候补`, `名额已满` or `不限名额`. */
export function describeSeats(facts: SeatFacts): string {
  const left = countSeatsLeft(facts)
  if (left === null) return '不限名额'
  if (left > 0) return `剩余 ${left} 个名额`
  return facts.waitlistEnabled ? '已满 · 可候补' : '名额已满'
}
