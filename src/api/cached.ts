import Taro from '@tarojs/taro'
import type { MyRegistration } from '../domain/activity'
import type { PlanView } from '../domain/plan'
import { ApiError, fetchCurrentPlan, fetchMyRegistrations } from './client'
import { getSavedEmployee } from './session'

/** What a cached load gives: the value, and when it was saved if it comes from the cache (the network failed). */
export interface Cached<T> {
  value: T
  savedAt: string | null
}

interface Entry<T> {
  at: string
  value: T
}

// One cache per employee, so that another login on the same phone never sees someone else's registrations.
const storageKey = (key: string) => `wm.cache.${getSavedEmployee()?.id ?? 'anonymous'}.${key}`

/** Runs `loader` and keeps its result in storage; when the network fails, answers the last result kept instead. */
export async function cached<T>(key: string, loader: () => Promise<T>): Promise<Cached<T>> {
  try {
    const value = await loader()
    try {
      Taro.setStorageSync(storageKey(key), { at: new Date().toISOString(), value } satisfies Entry<T>)
    } catch {
      // A full storage only costs the offline copy.
    }
    return { value, savedAt: null }
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'network')) throw e
    const kept = Taro.getStorageSync(storageKey(key)) as Entry<T> | ''
    if (!kept || !kept.at) throw e
    return { value: kept.value, savedAt: kept.at }
  }
}

/** The copy kept from the last good load of `key`, or null when there is none (or storage cannot be read). */
function keptCopy<T>(key: string): T | null {
  try {
    const kept = Taro.getStorageSync(storageKey(key)) as Entry<T> | ''
    return kept && kept.at ? kept.value : null
  } catch {
    return null
  }
}

/**
 * The plan kept from the last visit, to draw the home cards at once while the current one loads (a plan changes a
 * few times a year; the load replaces it within moments). Null on a first visit.
 */
export function keptCurrentPlan(): Cached<PlanView> | null {
  const value = keptCopy<PlanView>('plan.current')
  return value ? { value, savedAt: null } : null
}

/** The current plan, or the copy kept from the last good load when the network is down. */
export function fetchCurrentPlanCached(): Promise<Cached<PlanView>> {
  return cached('plan.current', fetchCurrentPlan)
}

/** The caller's registrations, or the copy kept from the last good load when the network is down. */
export function fetchMyRegistrationsCached(): Promise<Cached<MyRegistration[]>> {
  return cached('registration.mine', fetchMyRegistrations)
}
