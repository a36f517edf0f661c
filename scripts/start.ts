/**
 * npm start: builds the H5 app if it is missing or older than its sources, then starts the gateway on the
 * embedded SQLite database (demo data on first run) and prints the URL.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { readConfig } from '../src/cloud/config'
import { startServer } from '../src/cloud/server'

const ROOT = path.resolve(__dirname, '..')

function newestSourceTime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (full !== path.join(ROOT, 'src', 'cloud')) newest = Math.max(newest, newestSourceTime(full))
    } else newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

function ensureH5Build(staticDir: string): void {
  const index = path.join(staticDir, 'index.html')
  const builtAt = fs.statSync(index, { throwIfNoEntry: false })?.mtimeMs ?? 0
  const sourcesAt = Math.max(newestSourceTime(path.join(ROOT, 'src')), newestSourceTime(path.join(ROOT, 'config')))
  if (builtAt > sourcesAt) return
  console.log(builtAt ? 'H5 页面有更新，正在重新构建…' : '首次启动，正在构建 H5 页面（约半分钟）…')
  const result = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) {
    console.error('H5 构建失败，请查看上方输出。')
    process.exit(1)
  }
}

async function main(): Promise<void> {
  let config
  try {
    config = readConfig()
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
  if (config.staticDir === path.join(ROOT, 'dist', 'h5')) ensureH5Build(config.staticDir)
  const server = await startServer(config)
  console.log(`文明实践已启动：${server.url}`)
  console.log(`数据目录：${config.dataDir}${config.demoMode ? '（演示模式：可在登录页选择演示职工）' : ''}`)
  const stop = () => {
    server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
