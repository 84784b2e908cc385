import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import type { TestProject } from 'vitest/node'

/** Builds out/cli/momentum.js once per test run; the CLI tests spawn the real built process. */
export default function setup(project: TestProject): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs', '--quiet'], { cwd: resolve(import.meta.dirname, '..', '..'), stdio: 'inherit' })
  project.provide('momentumCliBuilt', true)
}

declare module 'vitest' {
  export interface ProvidedContext {
    momentumCliBuilt: boolean
  }
}
