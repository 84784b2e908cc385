import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { RecentDatabase } from '../../shared/domain/admin'
import { describeTarget, type DatabaseTarget } from '../db/database-target'

const MAX_ENTRIES = 12

const storedEntry = z.object({
  id: z.string().min(1),
  label: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  openedAt: z.string(),
  /** A file path, or a PostgreSQL URL with its password removed (never written to disk). */
  spec: z.string().min(1),
})
type StoredEntry = z.infer<typeof storedEntry>

/**
 * Recently opened databases, kept as JSON in the data directory so the list survives restarts.
 * The renderer sees ids and labels only. A damaged or foreign file is ignored (the list starts
 * empty) rather than stopping the app.
 */
export class RecentDatabases {
  private entries: StoredEntry[]

  constructor(private readonly file: string | null) {
    this.entries = file === null ? [] : readEntries(file)
  }

  list(): RecentDatabase[] {
    return this.entries.map(({ id, label, dialect, openedAt }) => ({ id, label, dialect, openedAt }))
  }

  /** The spec to reopen entry `id` with, or undefined for an unknown id. */
  specOf(id: string): string | undefined {
    return this.entries.find((entry) => entry.id === id)?.spec
  }

  /** Moves (or adds) the target to the top; in-memory databases are not remembered. */
  remember(target: DatabaseTarget, now: Date = new Date()): void {
    if (target.dialect === 'sqlite' && target.memory) return
    const spec = target.dialect === 'sqlite' ? target.file : withoutPassword(target.url)
    const previous = this.entries.find((entry) => entry.spec === spec)
    const entry: StoredEntry = { id: previous?.id ?? randomUUID(), label: describeTarget(target), dialect: target.dialect, openedAt: now.toISOString(), spec }
    this.entries = [entry, ...this.entries.filter((e) => e.spec !== spec)].slice(0, MAX_ENTRIES)
    this.save()
  }

  private save(): void {
    if (this.file === null) return
    mkdirSync(dirname(this.file), { recursive: true })
    const temp = `${this.file}.${process.pid}.tmp`
    writeFileSync(temp, `${JSON.stringify({ version: 1, entries: this.entries }, null, 2)}\n`, { mode: 0o600 })
    renameSync(temp, this.file)
  }
}

function readEntries(file: string): StoredEntry[] {
  try {
    const parsed = z.object({ entries: z.array(storedEntry) }).safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data.entries.slice(0, MAX_ENTRIES) : []
  } catch {
    return []
  }
}

function withoutPassword(spec: string): string {
  try {
    const url = new URL(spec)
    url.password = ''
    return url.toString()
  } catch {
    return spec
  }
}
