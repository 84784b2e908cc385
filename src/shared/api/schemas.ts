/**
 * Input validators keyed by channel, tied to the contract by `satisfies`: a channel without a
 * schema, or a schema whose type drifts from the contract, does not compile. Main validates every
 * call with these before a handler runs, whichever transport it came by.
 */
import { z } from 'zod'
import type { Api, Channel } from './contract'

const empty = z.strictObject({})
const gameId = z.string().min(1).max(64)
const team = z.string().min(1).max(16)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date YYYY-MM-DD')
const algorithm = z.enum(['momentum-2', 'momentumml-1'])
const id = z.string().min(1).max(128)

const gameListQuery = z.strictObject({
  limit: z.number().int().min(1).max(500).optional(),
  offset: z.number().int().min(0).optional(),
  cursor: z.string().max(512).optional(),
  sort: z.enum(['game_date', 'game_id', 'status', 'home_team', 'away_team', 'created_at']).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  team: team.optional(),
  status: z.string().min(1).max(32).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
})

const eventPageQuery = z.strictObject({
  gameId,
  limit: z.number().int().min(1).max(5000).optional(),
  cursor: z.string().min(1).max(2048).regex(/^[A-Za-z0-9_-]+$/, 'expected the nextCursor of an earlier events:page result').optional(),
  offset: z.number().int().min(0).optional(),
  team: team.optional(),
  period: z.number().int().min(1).max(20).optional(),
  eventType: z.string().min(1).max(32).optional(),
  search: z.string().max(200).optional(),
}).refine((query) => query.cursor === undefined || query.offset === undefined, { message: 'give either cursor or offset, not both', path: ['cursor'] })

const tmiHistoryQuery = z.strictObject({
  gameId,
  team: team.optional(),
  algorithm: z.string().min(1).max(32).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
  order: z.enum(['asc', 'desc']).optional(),
})

const cleanup = z.strictObject({ gameId: gameId.optional(), keepTmi: z.number().int().min(0).max(1_000_000) })

export const inputSchemas = {
  'db:current': empty,
  'db:recent': empty,
  'db:openDialog': z.strictObject({ readonly: z.boolean() }),
  'db:openRecent': z.strictObject({ id, readonly: z.boolean() }),
  'db:connect': z.strictObject({ url: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgresql:// URL').max(2048) }),
  'migrations:status': empty,
  'migrations:migrate': z.strictObject({ to: z.string().regex(/^\d{3}$/).optional() }),
  'health:check': empty,
  'games:list': gameListQuery,
  'games:get': z.strictObject({ gameId }),
  'events:page': eventPageQuery,
  'tmi:history': tmiHistoryQuery,
  'tmi:compute': z.strictObject({ gameId, windowSize: z.number().int().min(1).max(50), algorithm }),
  'admin:cleanupPreview': cleanup,
  'admin:cleanup': cleanup,
  'admin:backup': empty,
  'admin:backups': empty,
  'admin:restore': z.strictObject({ backupId: id, confirm: z.literal('RESTORE') }),
  'admin:reset': z.strictObject({ confirm: z.literal('RESET') }),
  'admin:drop': z.strictObject({ confirm: z.literal('DROP') }),
  'import:files': z.strictObject({ fileIds: z.array(id).max(1000).optional() }),
  'demo:fill': z.strictObject({ games: z.number().int().min(1).max(5000), seed: z.number().int().min(0).max(2 ** 31).optional() }),
  'export:tmi': z.strictObject({ gameId: gameId.optional(), team: team.optional(), algorithm: algorithm.optional() }),
  'jobs:cancel': z.strictObject({ jobId: id }),
  'app:openExternal': z.strictObject({ url: z.string().max(2048) }),
  'jobs:list': empty,
} satisfies { [C in Channel]: z.ZodType<Parameters<Api[C]>[0]> }
