import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parsePlanText } from '../../../src/plan'
import { readSeed, ROOT, SEED_PATH } from './helpers'

jest.setTimeout(60_000)

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')
const SCRIPT = path.join(ROOT, 'scripts', 'plan-parse.ts')

let dir: string

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-parse-'))
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Runs the CLI on a file and returns its exit code and output. */
function runCli(...args: string[]) {
  const run = spawnSync(TSX, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env } })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** Writes a temporary file and returns its path. */
function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(dir, name)
  writeFileSync(file, content)
  return file
}

describe('plan:parse CLI', () => {
  it('prints the parsed seed as 2-space indented JSON and exits 0', () => {
    const run = runCli(SEED_PATH)
    expect([run.status, run.stderr]).toEqual([0, ''])
    expect(run.stdout).toBe(JSON.stringify(parsePlanText(readSeed()), null, 2) + '\n')
  })

  it('accepts a file with a BOM and CRLF line endings', () => {
    const file = tempFile('bom-crlf.txt', '\uFEFF' + readSeed().replace(/\n/g, '\r\n'))
    const run = runCli(file)
    expect([run.status, JSON.parse(run.stdout)]).toEqual([0, parsePlanText(readSeed())])
  })

  it('reports an empty file on stderr and exits 1', () => {
    const run = runCli(tempFile('empty.txt', ''))
    expect([run.status, run.stdout, run.stderr]).toEqual([1, '', expect.stringMatching(/^文件为空/)])
  })

  it('reports a whitespace-only file as empty', () => {
    const run = runCli(tempFile('blank.txt', '  \r\n\t\n'))
    expect([run.status, run.stderr]).toEqual([1, expect.stringMatching(/^文件为空/)])
  })

  it('reports a missing file as unreadable', () => {
    const run = runCli(path.join(dir, 'missing.txt'))
    expect([run.status, run.stdout, run.stderr]).toEqual([
      1,
      '',
      expect.stringMatching(/^无法读取文件：.*missing\.txt/),
    ])
  })

  it('reports a directory as unreadable', () => {
    const sub = path.join(dir, 'a-directory')
    mkdirSync(sub)
    const run = runCli(sub)
    expect([run.status, run.stderr]).toEqual([1, expect.stringMatching(/^无法读取文件：/)])
  })

  it('reports a binary file as unreadable', () => {
    const run = runCli(
      tempFile('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
    )
    expect([run.status, run.stderr]).toEqual([1, expect.stringMatching(/^无法读取文件：/)])
  })

  it('reports a file that is not UTF-8 as unreadable', () => {
    const gbk = Buffer.from([0xbd, 0xf1, 0xcc, 0xec, 0xcc, 0xec, 0xc6, 0xf8]) // 今天天气 in GBK
    const run = runCli(tempFile('gbk.txt', gbk))
    expect([run.status, run.stderr]).toEqual([1, expect.stringMatching(/^无法读取文件：.*UTF-8/)])
  })

  it('reports a text that is not a plan and exits 1', () => {
    const run = runCli(tempFile('prose.txt', '今天天气很好，我们去公园散步。'))
    expect([run.status, run.stdout, run.stderr]).toEqual([1, '', expect.stringMatching(/^未识别到工作要点：/)])
  })

  it('prints usage when no file is given', () => {
    const run = runCli()
    expect([run.status, run.stderr]).toEqual([1, expect.stringMatching(/^用法：/)])
  })

  it('never prints a stack trace', () => {
    const outputs = [runCli(path.join(dir, 'missing.txt')), runCli(tempFile('e.txt', ''))].map((run) => run.stderr)
    expect(outputs.filter((stderr) => /\n\s+at |Error:/.test(stderr))).toEqual([])
  })
})
