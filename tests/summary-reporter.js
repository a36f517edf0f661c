const path = require('node:path')

/** Prints one plain closing line that CI can read: "jest: N passed, N failed". */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    const line =
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed` +
      (skipped ? `, ${skipped} skipped` : '')
    process.stdout.write(`\n${line}\n`)
    // The store contract runs on SQLite always and on PostgreSQL when a server is configured: say which.
    const ranContract = results.testResults.some((r) =>
      r.testFilePath.includes(`${path.sep}tests${path.sep}contract${path.sep}`),
    )
    if (ranContract) {
      const reason = process.env.WM_CONTRACT_POSTGRES_REASON ?? 'unknown'
      process.stdout.write(
        process.env.WM_CONTRACT_POSTGRES === 'on'
          ? `contract suite: ran on SQLite and on ${reason}\n`
          : `contract suite: ran on SQLite only; PostgreSQL SKIPPED: ${reason}\n`,
      )
    }
  }
}
module.exports = SummaryReporter
