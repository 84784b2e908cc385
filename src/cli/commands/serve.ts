import { InvalidArgumentError, Option } from 'commander'
import { join } from 'node:path'
import { defaultDataDirectory, describeTarget } from '../../main/db/database-target'
import { isLoopbackHost } from '../../main/ipc/http-security'
import { startServeApp } from '../../main/ipc/serve-app'
import { appPaths } from '../../main/platform/app-paths'
import { parseCount, resolveTarget, UsageError, type CommonOptions } from '../context'
import type { RegisterCommand } from '../run-command'

interface ServeCommandOptions extends CommonOptions {
  port: number
  host: string
  token?: string
}

const DEFAULT_PORT = 8642

/** `momentum serve`: the desktop app's UI and API in a browser, over HTTP on this machine. */
export const registerServe: RegisterCommand = (program, run) => {
  program
    .command('serve')
    .description('serve the app in a browser (loopback only unless --host and --token are given); Ctrl+C stops it')
    .option('--db <path|url>', 'SQLite file, sqlite:///PATH or postgresql://… (default: $DATABASE_URL, then momentum_ml.db in the data folder)')
    .addOption(new Option('--port <n>', 'TCP port (0 picks a free one)').default(DEFAULT_PORT).argParser(parsePort))
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .addOption(new Option('--token <token>', 'required on any non-loopback host: calls need it as a Bearer token or cookie').env('MOMENTUM_SERVE_TOKEN'))
    .action(
      run<ServeCommandOptions>('serve', async (options) => {
        const token = options.token ?? null
        if (!isLoopbackHost(options.host) && token === null) throw new UsageError(`--host ${options.host} is reachable from other machines: give --token too (or use 127.0.0.1)`)
        if (token !== null && token.length < 16) throw new UsageError('--token must be at least 16 characters')
        const target = resolveTarget(options)
        const app = await startServeApp({
          target,
          isDefaultTarget: options.db === undefined && !process.env.DATABASE_URL,
          host: options.host,
          port: options.port,
          token,
          staticDir: join(import.meta.dirname, '../renderer'),
          workerPath: join(import.meta.dirname, 'job-worker.js'),
          recentFile: appPaths(defaultDataDirectory()).recentFile,
        })
        const address = token === null ? app.url : `${app.url}?token=${encodeURIComponent(token)}`
        process.stdout.write(`momentum serve: ${address}\n  database: ${describeTarget(target)}\n  Ctrl+C stops the server\n`)
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve)
          process.once('SIGTERM', resolve)
        })
        await app.close()
        return { data: { url: app.url }, text: ['momentum serve: stopped'] }
      }),
    )
}

function parsePort(value: string): number {
  const port = parseCount(value)
  if (port > 65_535) throw new InvalidArgumentError('expected a port 0–65535')
  return port
}
