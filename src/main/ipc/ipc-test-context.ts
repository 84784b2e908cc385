import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { vi } from 'vitest'
import type { MainEventName } from '../../shared/api/events'
import type { JobFinished } from '../../shared/domain/admin'
import type { EmitEvent } from '../jobs/job-runner'
import { createAppServices, type AppServices } from './app-services'

/** The worker bundle the test global setup builds (scripts/build-cli.mjs). */
export const BUILT_WORKER = resolve(import.meta.dirname, '../../../out/cli/job-worker.js')

export interface ServicesFixture {
  services: AppServices
  events: Array<{ event: MainEventName; payload: unknown }>
  ports: { pickDatabaseFile: ReturnType<typeof vi.fn>; pickImportFiles: ReturnType<typeof vi.fn>; chooseExportTarget: ReturnType<typeof vi.fn>; openExternal: ReturnType<typeof vi.fn> }
  dir: string
  /** Resolves when the job's job:finished event has been sent. */
  finished(jobId: string): Promise<JobFinished>
  close(): Promise<void>
}

/**
 * Real services (session, job runner with the built worker) behind fake dialog ports. `forward`
 * also receives every event main emits (e.g. sendToAllWindows, to follow one to the preload).
 */
export function createServicesFixture(options: { forward?: EmitEvent } = {}): ServicesFixture {
  const dir = mkdtempSync(join(tmpdir(), 'momentum-ipc-'))
  const events: ServicesFixture['events'] = []
  const waiters = new Map<string, (finished: JobFinished) => void>()
  const ports = {
    pickDatabaseFile: vi.fn(async (): Promise<string | null> => null),
    pickImportFiles: vi.fn(async (): Promise<string[] | null> => null),
    chooseExportTarget: vi.fn(async (name: string) => ({ path: join(dir, name), download: null })),
    openExternal: vi.fn(async () => true),
  }
  const services = createAppServices({
    recentFile: join(dir, 'recent.json'),
    workerPath: BUILT_WORKER,
    ports,
    emit: (event, payload) => {
      events.push({ event, payload })
      options.forward?.(event, payload)
      if (event === 'job:finished') waiters.get((payload as JobFinished).jobId)?.((payload as JobFinished))
    },
  })
  return {
    services,
    events,
    ports,
    dir,
    finished: (jobId) => {
      const done = events.find((e) => e.event === 'job:finished' && (e.payload as JobFinished).jobId === jobId)
      if (done) return Promise.resolve(done.payload as JobFinished)
      return new Promise((resolve) => waiters.set(jobId, resolve))
    },
    close: async () => {
      await services.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
