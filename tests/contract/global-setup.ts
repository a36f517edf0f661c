/**
 * Decides, once per jest run, whether the contract suite also runs on PostgreSQL, and records why not.
 * Set but unreachable is an error (CI asked for PostgreSQL and must not pass without it); unset is a skip
 * that the summary line names.
 */
import { describeUrl, PG_REASON_VAR, PG_STATE_VAR, probePostgres, TEST_DATABASE_URL } from './postgres'

export default async function globalSetup(): Promise<void> {
  if (!TEST_DATABASE_URL) {
    process.env[PG_STATE_VAR] = 'off'
    process.env[PG_REASON_VAR] =
      'TEST_DATABASE_URL is not set (bash .ci/run installs and starts PostgreSQL and sets it; README, "PostgreSQL")'
    return
  }
  try {
    const version = await probePostgres(TEST_DATABASE_URL)
    process.env[PG_STATE_VAR] = 'on'
    process.env[PG_REASON_VAR] = `PostgreSQL ${version} at ${describeUrl(TEST_DATABASE_URL)}`
  } catch (error) {
    throw new Error(
      `TEST_DATABASE_URL is set but PostgreSQL does not answer at ${describeUrl(TEST_DATABASE_URL)}: ${(error as Error).message}`,
    )
  }
}
