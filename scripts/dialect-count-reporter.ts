import type { Reporter, TestModule } from 'vitest/node'

/**
 * Prints how many tests ran per database dialect (suite names end in `[sqlite]`/`[postgres]`), and
 * in CI fails the run when TEST_DATABASE_URL is set but no PostgreSQL test ran: CI must prove PG was used.
 */
export default class DialectCountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0, postgres: 0 }
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') counts.passed++
        else if (state === 'failed') counts.failed++
        else counts.skipped++
        if (state === 'passed' && test.fullName.includes('[postgres]')) counts.postgres++
      }
    }
    const wanted = Boolean(process.env.TEST_DATABASE_URL)
    console.log(`\nPostgreSQL tests passed: ${counts.postgres}${wanted ? '' : ' (TEST_DATABASE_URL not set: PostgreSQL suites skipped)'}`)
    // Only a full CI run must prove PostgreSQL was used; a developer may run one SQLite-only file.
    if (wanted && process.env.CI && counts.postgres === 0) {
      console.log('error: TEST_DATABASE_URL is set but no PostgreSQL test ran')
      process.exitCode = 1
    }
    console.log(`vitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
  }
}
