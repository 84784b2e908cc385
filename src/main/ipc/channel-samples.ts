import type { ApiInput, Channel } from '../../shared/api/contract'

/** One valid input per channel (a missing channel does not compile); for the boundary tests. */
export const validInputs: { [C in Channel]: ApiInput<C> } = {
  'db:current': {},
  'db:recent': {},
  'db:openDialog': { readonly: false },
  'db:openRecent': { id: 'a1', readonly: true },
  'db:connect': { url: 'postgresql://u:p@127.0.0.1/db' },
  'migrations:status': {},
  'migrations:migrate': { to: '003' },
  'health:check': {},
  'games:list': { limit: 10, sort: 'game_id', direction: 'asc' },
  'games:get': { gameId: '0022400718' },
  'events:page': { gameId: '0022400718', limit: 50, search: 'dunk', cursor: 'WyJldmVudHMiXQ' },
  'tmi:history': { gameId: '0022400718', order: 'desc' },
  'tmi:compute': { gameId: '0022400718', windowSize: 5, algorithm: 'momentum-2' },
  'admin:cleanupPreview': { keepTmi: 10 },
  'admin:cleanup': { gameId: '0022400718', keepTmi: 10 },
  'admin:backup': {},
  'admin:backups': {},
  'admin:restore': { backupId: 'x.backup-20250101-000000.db', confirm: 'RESTORE' },
  'admin:reset': { confirm: 'RESET' },
  'admin:drop': { confirm: 'DROP' },
  'import:files': { fileIds: ['f1'] },
  'demo:fill': { games: 3, seed: 7 },
  'export:tmi': { gameId: '0022400718', algorithm: 'momentumml-1' },
  'jobs:cancel': { jobId: 'j1' },
  'app:openExternal': { url: 'https://www.nba.com/' },
  'jobs:list': {},
}

/** Inputs of the wrong type for one field, per channel (beyond the generic bad inputs). */
export const wrongTypeInputs: Partial<Record<Channel, unknown[]>> = {
  'db:openDialog': [{ readonly: 'yes' }, {}],
  'db:openRecent': [{ id: 1, readonly: false }, { id: '', readonly: false }],
  'db:connect': [{ url: 'file:///etc/passwd' }, { url: 42 }],
  'migrations:migrate': [{ to: 3 }, { to: '../etc' }],
  'games:list': [{ limit: '10' }, { limit: 0 }, { sort: 'password' }, { offset: -1 }],
  'games:get': [{ gameId: 22400718 }, { gameId: '' }, {}],
  'events:page': [{ gameId: 'g', period: 'first' }, { limit: 10 }, { gameId: 'g', cursor: 'not a cursor' }, { gameId: 'g', cursor: '' }, { gameId: 'g', cursor: 'abc', offset: 10 }],
  'tmi:history': [{ gameId: 'g', limit: 1.5 }],
  'tmi:compute': [{ gameId: 'g', windowSize: 0, algorithm: 'momentum-2' }, { gameId: 'g', windowSize: 5, algorithm: 'other' }],
  'admin:cleanupPreview': [{ keepTmi: -1 }, { keepTmi: '5' }],
  'admin:cleanup': [{ keepTmi: Number.NaN }],
  'admin:restore': [{ backupId: 'b', confirm: 'yes' }],
  'admin:reset': [{ confirm: 'reset' }, { confirm: true }],
  'admin:drop': [{}],
  'import:files': [{ fileIds: 'f1' }, { fileIds: [1] }],
  'demo:fill': [{ games: 0 }, { games: 1e9 }],
  'export:tmi': [{ algorithm: 'x' }],
  'jobs:cancel': [{ jobId: null }],
  'app:openExternal': [{ url: ['https://x'] }],
}

/** Inputs no channel accepts. */
export const genericBadInputs: unknown[] = [null, undefined, 'text', 42, true, [], [{}]]
