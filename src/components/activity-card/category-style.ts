import type { ActivityCategory } from '../../domain/activity'

/** A category's quiet ink and tint, so the six kinds of activity are told apart at a glance. */
export interface CategoryStyle {
  ink: string
  tint: string
}

// CSS variables (src/app.scss), so that dark mode swaps them for its own; the fallback is the light colour.
const STYLES: Record<ActivityCategory, CategoryStyle> = {
  reading: { ink: 'var(--wm-ink-blue, #31589A)', tint: 'var(--wm-tint-blue, #EEF2F8)' },
  sports: { ink: 'var(--wm-ink-green, #2F7A57)', tint: 'var(--wm-tint-green, #EEF5F1)' },
  festival: { ink: 'var(--wm-ink-red, #B3262B)', tint: 'var(--wm-tint-red, #FBEFEF)' },
  volunteer: { ink: 'var(--wm-ink-gold, #94681A)', tint: 'var(--wm-tint-gold, #FAF3E3)' },
  lecture: { ink: 'var(--wm-ink-purple, #6A4C93)', tint: 'var(--wm-tint-purple, #F3EFF7)' },
  contest: { ink: 'var(--wm-ink-teal, #2A7480)', tint: 'var(--wm-tint-teal, #EEF6F7)' },
}

/** The ink and tint of `category`. */
export function pickCategoryStyle(category: ActivityCategory): CategoryStyle {
  return STYLES[category] ?? STYLES.reading
}
