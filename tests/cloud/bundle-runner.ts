/**
 * Runs the built cloud function (cloudfunctions/api/index.js, as `buildCloudFunction` writes it) the way WeChat does:
 * in plain Node, with only wx-server-sdk replaced at the network boundary. The stand-in attaches the OPENID of each
 * call through getWXContext and records every `cloud.openapi.subscribeMessage.send`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

/** One call of `exports.main`: the event, and the OPENID WeChat attaches (none for a timer trigger). */
export interface BundleCall {
  openid?: string
  event: Record<string, unknown>
}

/** What the SDK was asked to send. */
export interface SentMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  miniprogramState: string
  lang: string
}

export interface BundleRun {
  /** The env `init` was called with, per process (a Symbol's description). */
  inits: string[]
  /** What main answered, per call. */
  answers: any[]
  /** Every subscribeMessage.send, in order, including the ones that failed. */
  sent: SentMessage[]
  /** The names the bundle exports. */
  exported: string[]
  /** What the function logged on stderr. */
  logs: string
}

export interface BundleOptions {
  functionDir: string
  /** Where the stand-in SDK is written. */
  workDir: string
  /** The function's environment variables (DATA_DIR, TOKEN_SECRET, SUBSCRIBE_*…). */
  env: Record<string, string>
  /** subscribeMessage.send throws WeChat's 43101 (the user did not subscribe) for these OPENIDs. */
  refuse?: string[]
}

/** Runs `calls` through the bundle's exports.main in a fresh Node process. */
export function runBundle(options: BundleOptions, calls: BundleCall[]): BundleRun {
  const fakeSdk = path.join(options.workDir, 'fake-wx-server-sdk.js')
  fs.writeFileSync(
    fakeSdk,
    `const state = { inits: [], sent: [], openid: undefined }
const refuse = ${JSON.stringify(options.refuse ?? [])}
module.exports = {
  state,
  DYNAMIC_CURRENT_ENV: Symbol.for('dynamic-env'),
  init: (options) => state.inits.push(String(options && options.env && options.env.description)),
  getWXContext: () => ({ OPENID: state.openid, APPID: 'wx-test', ENV: 'test-env' }),
  openapi: {
    subscribeMessage: {
      send: async (args) => {
        state.sent.push(args)
        if (refuse.includes(args.touser)) {
          const error = new Error('errCode: 43101 | errMsg: user refuse to accept the msg')
          error.errCode = 43101
          throw error
        }
        return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
      },
    },
  },
}
`,
  )
  const runner = `
const Module = require('node:module')
const resolve = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  return request === 'wx-server-sdk' ? ${JSON.stringify(fakeSdk)} : resolve.call(this, request, ...rest)
}
const bundle = require(${JSON.stringify(path.join(options.functionDir, 'index.js'))})
const sdk = require('wx-server-sdk')
const calls = JSON.parse(process.argv[1])
;(async () => {
  const answers = []
  for (const call of calls) {
    sdk.state.openid = call.openid
    answers.push(await bundle.main(call.event, { function_name: 'api' }))
  }
  const { inits, sent } = sdk.state
  process.stdout.write(JSON.stringify({ inits, answers, sent, exported: Object.keys(bundle) }))
  // A deployed function keeps its database pool for the next call; this one-off run ends here.
  process.exit(0)
})().catch((error) => { console.error(error); process.exit(1) })
`
  const result = spawnSync(process.execPath, ['-e', runner, JSON.stringify(calls)], {
    // better-sqlite3 is installed by WeChat beside the function; here it is the repo's.
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), ...options.env },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`bundle failed: ${result.stderr}`)
  return { ...(JSON.parse(result.stdout) as Omit<BundleRun, 'logs'>), logs: result.stderr }
}
