import { existsSync } from 'node:fs'
import type { DatabaseInfo } from '../../shared/domain/admin'
import { openDatabase, type DatabaseHandle } from '../db/connection'
import type { DatabaseTarget } from '../db/database-target'
import { migrate } from '../db/migrator'
import { AppFailure } from '../errors/app-failure'
import { readDatabaseInfo } from './database-info'
import type { RecentDatabases } from './recent-databases'

export interface SessionOptions {
  recent: RecentDatabases
  /** better_sqlite3.node built for Electron's ABI; absent in plain Node. */
  nativeBinding?: string
  busyTimeoutMs?: number
  /** Called with the new state after every open, close or change (the `db:changed` event). */
  onChange?: (info: DatabaseInfo | null) => void
}

/** How a worker thread opens its own connection to the session's database. */
export interface WorkerDatabase {
  target: DatabaseTarget
  readonly: boolean
  nativeBinding?: string
  busyTimeoutMs?: number
}

/**
 * The one open database of the app (or of `momentum serve`). Switching opens the new database
 * first and closes the old one only when that worked, so a failed open keeps what was open.
 * Opening an existing database never migrates it: pending migrations are shown, and run only when
 * the user asks.
 */
export class DatabaseSession {
  private current: DatabaseHandle | null = null

  constructor(private readonly options: SessionOptions) {}

  get handle(): DatabaseHandle | null {
    return this.current
  }

  require(): DatabaseHandle {
    if (this.current === null) throw new AppFailure('NotFound', 'no database is open (open a file or connect to PostgreSQL first)')
    return this.current
  }

  async open(target: DatabaseTarget, options: { readonly?: boolean } = {}): Promise<DatabaseInfo> {
    const handle = await openDatabase(target, { readonly: options.readonly ?? false, ...this.driverOptions() })
    return this.adopt(handle)
  }

  /** The default file: created and migrated on the very first start only, else opened as it is. */
  async openDefault(target: DatabaseTarget): Promise<DatabaseInfo> {
    if (target.dialect !== 'sqlite' || target.memory || existsSync(target.file)) return this.open(target)
    const handle = await openDatabase(target, { create: true, ...this.driverOptions() })
    const run = await migrate(handle)
    if (run.error) {
      await handle.close()
      throw new AppFailure(run.error.code, `could not create ${handle.label}: ${run.error.message}`)
    }
    return this.adopt(handle)
  }

  async info(): Promise<DatabaseInfo | null> {
    return this.current === null ? null : readDatabaseInfo(this.current)
  }

  /** Re-reads the state and tells listeners (after a job, reset or restore). */
  async notifyChanged(): Promise<DatabaseInfo | null> {
    const info = await this.info()
    this.options.onChange?.(info)
    return info
  }

  async close(): Promise<void> {
    const handle = this.current
    this.current = null
    if (handle !== null) await handle.close()
  }

  workerDatabase(): WorkerDatabase {
    const handle = this.require()
    if (handle.target.dialect === 'sqlite' && handle.target.memory) {
      throw new AppFailure('InvalidInput', 'an in-memory database cannot be shared with a background job; open a file')
    }
    return { target: handle.target, readonly: handle.readonly, ...this.driverOptions() }
  }

  private async adopt(handle: DatabaseHandle): Promise<DatabaseInfo> {
    let info: DatabaseInfo
    try {
      info = await readDatabaseInfo(handle)
    } catch (error) {
      await handle.close()
      throw error
    }
    const previous = this.current
    this.current = handle
    if (previous !== null) await previous.close().catch(() => undefined)
    this.options.recent.remember(handle.target)
    this.options.onChange?.(info)
    return info
  }

  private driverOptions(): { nativeBinding?: string; busyTimeoutMs?: number } {
    const { nativeBinding, busyTimeoutMs } = this.options
    return { ...(nativeBinding !== undefined && { nativeBinding }), ...(busyTimeoutMs !== undefined && { busyTimeoutMs }) }
  }
}
