import { adminHandlers } from './admin-handlers'
import type { Handlers } from './call-channel'
import { dataHandlers } from './data-handlers'
import { databaseHandlers } from './database-handlers'
import type { HandlerContext } from './handler-context'
import { jobHandlers } from './job-handlers'

export type { Handlers } from './call-channel'
export type { HandlerContext, HandlerPorts } from './handler-context'

/**
 * The handler table: one entry per contract channel, typed against `Api` (a missing or mis-typed
 * channel does not compile). Inputs arrive already validated by `callChannel`. The same table
 * serves IPC (register-handlers.ts) and HTTP (http-server.ts).
 */
export function createHandlers(context: HandlerContext): Handlers {
  return {
    ...databaseHandlers(context),
    ...dataHandlers(context),
    ...jobHandlers(context),
    ...adminHandlers(context),
  }
}
