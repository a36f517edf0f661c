/** How many write requests one identity may make: a burst of `burst`, refilled evenly over `windowSeconds`. */
export interface RateLimitConfig {
  burst: number
  windowSeconds: number
}

export const DEFAULT_WRITE_RATE_LIMIT: RateLimitConfig = { burst: 20, windowSeconds: 10 }

/** Decides whether an identity may make one more request now. */
export interface RateLimiter {
  /** Takes a token from `key`'s bucket; false when the bucket is empty. */
  take(key: string): boolean
}

interface Bucket {
  tokens: number
  at: number
}

// Past this many identities, full buckets (identities idle for a whole window) are dropped, so memory stays bounded.
const PRUNE_ABOVE = 10_000

/** A token bucket per key: `burst` tokens, refilled at burst / windowSeconds per second; `now` in milliseconds. */
export function createRateLimiter(config: RateLimitConfig, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>()
  const perMs = config.burst / (config.windowSeconds * 1000)
  const refill = (bucket: Bucket, t: number) => {
    bucket.tokens = Math.min(config.burst, bucket.tokens + Math.max(0, t - bucket.at) * perMs)
    bucket.at = t
  }
  return {
    take(key) {
      const t = now()
      if (buckets.size > PRUNE_ABOVE) {
        for (const [k, b] of buckets) {
          refill(b, t)
          if (b.tokens >= config.burst) buckets.delete(k)
        }
      }
      let bucket = buckets.get(key)
      if (!bucket) {
        bucket = { tokens: config.burst, at: t }
        buckets.set(key, bucket)
      } else refill(bucket, t)
      if (bucket.tokens < 1) return false
      bucket.tokens -= 1
      return true
    },
  }
}
