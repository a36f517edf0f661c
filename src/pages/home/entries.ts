import type { Entry } from '../../components/entry-grid'

/** Where each entry of the plan's other parts leads. */
export const PLAN_ENTRIES: (Entry & { url: string })[] = [
  {
    key: 'goodpeople',
    label: '身边好人',
    glyph: '善',
    ink: 'var(--wm-ink-red, #B3262B)',
    tint: 'var(--wm-tint-red, #FBEFEF)',
    url: '/packages/goodpeople/index/index',
  },
  {
    key: 'reading',
    label: '书香阅读',
    glyph: '书',
    ink: 'var(--wm-ink-green, #2F7A57)',
    tint: 'var(--wm-tint-green, #EEF5F1)',
    url: '/packages/reading/index/index',
  },
  {
    key: 'volunteer',
    label: '志愿服务',
    glyph: '志',
    ink: 'var(--wm-ink-blue, #31589A)',
    tint: 'var(--wm-tint-blue, #EEF2F8)',
    url: '/packages/volunteer/index/index',
  },
  {
    key: 'calendar',
    label: '节日日历',
    glyph: '节',
    ink: 'var(--wm-ink-gold, #94681A)',
    tint: 'var(--wm-tint-gold, #FAF3E3)',
    url: '/packages/calendar/index/index',
  },
]
