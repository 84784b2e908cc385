import type { JobKind } from '@shared/domain/admin'
import { createStore, useStore } from './external-store'

/** Parts of the data a query can depend on; a change to one refetches the queries reading it. */
export type DataDomain = 'database' | 'games' | 'events' | 'tmi' | 'migrations' | 'backups'

const ALL: readonly DataDomain[] = ['database', 'games', 'events', 'tmi', 'migrations', 'backups']

const versions = createStore<Record<DataDomain, number>>({ database: 0, games: 0, events: 0, tmi: 0, migrations: 0, backups: 0 })

/** What a finished job may have changed. */
export function domainsChangedBy(kind: JobKind): readonly DataDomain[] {
  switch (kind) {
    case 'export':
      return []
    case 'backup':
      return ['backups']
    case 'tmi':
      return ['games', 'tmi']
    case 'cleanup':
      return ['database', 'games', 'events', 'tmi']
    default:
      return ALL
  }
}

export function bumpData(domains: readonly DataDomain[] = ALL): void {
  if (domains.length === 0) return
  versions.set((current) => {
    const next = { ...current }
    for (const domain of domains) next[domain] += 1
    return next
  })
}

/** A number that changes whenever any of the domains changes. */
export function useDataVersion(domains: readonly DataDomain[]): number {
  const current = useStore(versions)
  return domains.reduce((sum, domain) => sum + current[domain], 0)
}
