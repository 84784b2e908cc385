/** Test helpers for the data commands (import, fetch, tmi, demo, export). */
import { setTimeout as sleep } from 'node:timers/promises'
import type { DatabaseHandle } from '../../main/db/connection'
import { countRows } from '../../main/import/import-test-db'

/** Polls `check` until it holds; fails the test after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(10)
  }
}

/** The expected one-line failure on stderr for an interrupted command. */
export const INTERRUPTED = /^momentum: interrupted/

/** Row count while another process may still be creating the tables: 0 until they exist. */
export async function countSoFar(handle: DatabaseHandle, table: 'games' | 'events' | 'tmi_calculations'): Promise<number> {
  return countRows(handle, table).catch(() => 0)
}
