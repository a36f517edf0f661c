/**
 * npm run build:cloud: bundles the WeChat cloud function (src/cloud/wx.ts) with esbuild into
 * cloudfunctions/api/ (the cloudfunctionRoot of project.config.json): index.js, package.json, config.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const ROOT = path.resolve(__dirname, '..')
export const CLOUD_FUNCTION_DIR = path.join(ROOT, 'cloudfunctions', 'api')

/** Installed by WeChat in the cloud ("云端安装依赖"), so kept out of the bundle. */
export const CLOUD_DEPENDENCIES = {
  'wx-server-sdk': '^4.0.2',
  // 12, not 13: 13 crashes on Node 20 (DESIGN.md).
  'better-sqlite3': '^12.4.1',
  // The server database of a real deployment (DATABASE_URL).
  pg: '^8.23.1',
}

/** The function's config.json: the open APIs it calls (subscribe messages for reminders) and its triggers. */
export const CLOUD_FUNCTION_CONFIG = {
  permissions: { openapi: ['subscribeMessage.send'] },
  // Every hour on the hour: deliver the day-before reminders (wx.ts runs them for a call with Type 'Timer').
  triggers: [{ name: 'reminders', type: 'timer', config: '0 0 * * * * *' }],
}

/** Builds the function into `outDir`; returns the files written. */
export async function buildCloudFunction(outDir: string = CLOUD_FUNCTION_DIR): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true })
  const indexFile = path.join(outDir, 'index.js')
  await build({
    // Only `main` is exported, as WeChat expects: `exports.main = async (event, context) => …`.
    stdin: { contents: "export { main } from './src/cloud/wx'", resolveDir: ROOT, loader: 'ts', sourcefile: 'api.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: indexFile,
    external: Object.keys(CLOUD_DEPENDENCIES),
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: '// Built by `npm run build:cloud` from src/cloud/wx.ts. Do not edit: rebuild.' },
  })
  const packageFile = path.join(outDir, 'package.json')
  const manifest = {
    name: 'api',
    version: (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    private: true,
    description: '文明实践云函数：一个入口，多个 action（由 npm run build:cloud 生成）',
    main: 'index.js',
    dependencies: CLOUD_DEPENDENCIES,
  }
  fs.writeFileSync(packageFile, JSON.stringify(manifest, null, 2) + '\n')
  const configFile = path.join(outDir, 'config.json')
  fs.writeFileSync(configFile, JSON.stringify(CLOUD_FUNCTION_CONFIG, null, 2) + '\n')
  return [indexFile, packageFile, configFile]
}

if (require.main === module) {
  buildCloudFunction()
    .then((files) => {
      for (const file of files) {
        console.log(`${path.relative(ROOT, file)}  ${(fs.statSync(file).size / 1024).toFixed(1)} KB`)
      }
      console.log('云函数已构建：在微信开发者工具中右键 cloudfunctions/api → 上传并部署：云端安装依赖')
    })
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
