/**
 * npm test: lint, type-check, the production H5 and weapp builds, then every jest project
 * (unit, cloud on real SQLite, the weapp build, e2e in headless Chromium). Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name)

// The weapp is built with stand-in subscribe-message templates, and jest told which, so that the weapp tests see the
// register tap ask for them (tests/weapp/reach.test.ts). This dist/weapp is for the tests, not for upload.
const TEMPLATES = { TARO_APP_SUBSCRIBE_TEMPLATES: 'tmpl-test-reminder,tmpl-test-promoted,tmpl-test-cancelled' }

const steps: { name: string; cmd: string; args: string[]; env?: Record<string, string> }[] = [
  { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'type-check', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'build H5', cmd: bin('taro'), args: ['build', '--type', 'h5'], env: { NODE_ENV: 'production' } },
  {
    name: 'build weapp',
    cmd: bin('taro'),
    args: ['build', '--type', 'weapp'],
    env: { NODE_ENV: 'production', ...TEMPLATES },
  },
  { name: 'jest', cmd: bin('jest'), args: ['--ci', ...process.argv.slice(2)], env: TEMPLATES },
]

for (const step of steps) {
  const started = Date.now()
  console.log(`\n▶ ${step.name}`)
  const result = spawnSync(step.cmd, step.args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...step.env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.error(`✖ ${step.name} failed (${seconds} s)`)
    process.exit(result.status ?? 1)
  }
  console.log(`✔ ${step.name} (${seconds} s)`)
}
