import type { ActivityCategory } from '../../domain/activity'

/** A category's quiet ink and tint, so the six kinds of activity are told apart at a glance. */
export interface CategoryStyle {
  ink: string
  tint: string
}

const STYLES: Record<ActivityCategory, CategoryStyle> = {
  reading: { ink: '#31589A', tint: '#EEF2F8' },
  sports: { ink: '#2F7A57', tint: '#EEF5F1' },
  festival: { ink: '#B3262B', tint: '#FBEFEF' },
  volunteer: { ink: '#94681A', tint: '#FAF3E3' },
  lecture: { ink: '#6A4C93', tint: '#F3EFF7' },
  contest: { ink: '#2A7480', tint: '#EEF6F7' },
}

/** The ink and tint of `category`. */
export function pickCategoryStyle(category: ActivityCategory): CategoryStyle {
  return STYLES[category] ?? STYLES.reading
}
