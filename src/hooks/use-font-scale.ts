import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'

/** The sizes of 大字模式 offered on 我的: 标准, 大, 特大. */
export const FONT_SCALES = [1, 1.25, 1.5] as const
export type FontScale = (typeof FONT_SCALES)[number]

const STORAGE_KEY = 'wm.fontScale'
// WeChat's largest setting is a little under 2; beyond that the layouts were not checked.
const MAX_SCALE = 2

/** WeChat's own font size setting (我-设置-通用-字体大小) as a factor; 1 where there is none (H5, old WeChat). */
function wechatScale(): number {
  try {
    // Taro's types predate fontSizeScaleFactor; WeChat documents it on getAppBaseInfo.
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: unknown } | undefined
    const factor = info?.fontSizeScaleFactor
    return typeof factor === 'number' && Number.isFinite(factor) && factor > 0 ? factor : 1
  } catch {
    return 1
  }
}

function savedChoice(): FontScale {
  try {
    const saved = Number(Taro.getStorageSync(STORAGE_KEY))
    return (FONT_SCALES as readonly number[]).includes(saved) ? (saved as FontScale) : 1
  } catch {
    return 1
  }
}

let choice: FontScale | null = null
let system: number | null = null
const listeners = new Set<() => void>()

/** The person's own choice on 我的 (标准 unless they chose). */
export function fontScaleChoice(): FontScale {
  if (choice === null) choice = savedChoice()
  return choice
}

/** The scale in use: the larger of WeChat's setting and the person's own choice. */
export function fontScale(): number {
  if (system === null) system = wechatScale()
  return Math.min(MAX_SCALE, Math.max(system, fontScaleChoice()))
}

function publish(): void {
  // On H5, the root element carries it too, so that what NutUI puts outside the page (toasts, dialogs) scales.
  if (process.env.TARO_ENV === 'h5') document.documentElement.style.setProperty('--wm-font-scale', String(fontScale()))
  listeners.forEach((listener) => listener())
}

export function setFontScaleChoice(next: FontScale): void {
  choice = next
  Taro.setStorageSync(STORAGE_KEY, next)
  publish()
}

/** Reads WeChat's setting again: the person may have changed it while the mini-program was in the background. */
export function refreshSystemFontScale(): void {
  const next = wechatScale()
  if (next === system) return
  system = next
  publish()
}

/** Applies the saved scale at launch. */
export function initFontScale(): void {
  publish()
}

/** Calls `listener` whenever the scale or the choice changes; answers the unsubscribe. */
export function onFontScaleChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The font scale in use; components re-render when it changes. */
export function useFontScale(): number {
  return useSyncExternalStore(onFontScaleChange, fontScale, fontScale)
}

/** The person's own choice; 我的 re-renders when it changes. */
export function useFontScaleChoice(): FontScale {
  return useSyncExternalStore(onFontScaleChange, fontScaleChoice, fontScaleChoice)
}
