/**
 * Jest projects: pure units, the cloud layer on real SQLite, the store contract on SQLite and PostgreSQL, the weapp
 * build, and e2e in Chromium.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
]

const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
}

module.exports = {
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
  // Whether a PostgreSQL server is there for the contract suite (TEST_DATABASE_URL); the summary line says.
  globalSetup: '<rootDir>/tests/contract/global-setup.ts',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...base, displayName: 'cloud', testMatch: ['<rootDir>/tests/cloud/**/*.test.ts'] },
    { ...base, displayName: 'contract', testMatch: ['<rootDir>/tests/contract/**/*.test.ts'] },
    { ...base, displayName: 'weapp', testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
}
