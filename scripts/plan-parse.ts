/**
 * Parses a 精神文明建设工作要点 text file and prints the result as JSON.
 *
 *   npm run --silent plan:parse -- FILE
 *
 * Errors (missing, unreadable, binary, empty or non-plan input) go to stderr in Chinese, with exit code 1.
 */
import { readFileSync, statSync, type Stats } from 'node:fs'
import { parsePlanText, PlanParseError } from '../src/plan'

class CliError extends Error {}

/** Reads a file as UTF-8 text, rejecting directories, binary data and other encodings. */
function readTextFile(file: string): string {
  let stats: Stats
  try {
    stats = statSync(file)
  } catch {
    throw new CliError(`无法读取文件：${file}（文件不存在）`)
  }
  if (stats.isDirectory()) throw new CliError(`无法读取文件：${file}（这是一个目录，不是文件）`)
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new CliError(`无法读取文件：${file}（${code === 'EACCES' ? '没有读取权限' : '读取失败'}）`)
  }
  if (bytes.length === 0) throw new CliError(`文件为空：${file}`)
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (utf16) throw new CliError(`无法读取文件：${file}（不是 UTF-8 编码，请另存为 UTF-8 文本）`)
  if (bytes.includes(0)) throw new CliError(`无法读取文件：${file}（不是文本文件）`)
  try {
    // TextDecoder drops a leading BOM by itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new CliError(`无法读取文件：${file}（不是 UTF-8 编码的文本）`)
  }
}

/** Runs the CLI and returns its exit code. */
function runCli(args: string[]): number {
  const files = args.filter((arg) => arg !== '--')
  if (files.length !== 1) {
    process.stderr.write('用法：npm run --silent plan:parse -- 文件路径\n')
    return 1
  }
  const file = files[0]
  try {
    const result = parsePlanText(readTextFile(file))
    process.stdout.write(JSON.stringify(result, null, 2) + '\n')
    return 0
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(error.message + '\n')
    } else if (error instanceof PlanParseError) {
      const detail = error.message.replace(/^文本为空：?/, '')
      process.stderr.write(
        (error.code === 'empty' ? `文件为空：${file}${detail ? `（${detail}）` : ''}` : error.message) + '\n',
      )
    } else {
      process.stderr.write(`解析失败：${error instanceof Error ? error.message : String(error)}\n`)
    }
    return 1
  }
}

process.exitCode = runCli(process.argv.slice(2))
