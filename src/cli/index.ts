import { printFailure } from './output'
import { runCli } from './program'

try {
  process.exitCode = await runCli(process.argv.slice(2))
} catch (error) {
  printFailure(process.argv.includes('--json'), null, { code: 'Internal', message: error instanceof Error ? error.message : String(error) })
  process.exitCode = 1
}
// Everything is closed by now; this only fires if a stray handle would keep the process alive.
setTimeout(() => process.exit(), 3_000).unref()
