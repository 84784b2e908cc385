import { AppFailure } from '../errors/app-failure'
import type { DatabaseTarget } from '../db/database-target'
import { FileRegistry } from '../session/file-registry'
import { createAppServices, type AppServices } from './app-services'
import type { HandlerPorts } from './handler-context'
import { EventHub } from './http-events'
import { startHttpServer } from './http-server'
import { Transfers } from './http-transfers'

export interface ServeOptions {
  target: DatabaseTarget
  /** The default file: created and migrated when it does not exist yet (first start). */
  isDefaultTarget: boolean
  host: string
  port: number
  token: string | null
  /** out/renderer beside the running bundle. */
  staticDir: string
  workerPath: string
  recentFile: string | null
  maxUploadBytes?: number
  log?: (...args: unknown[]) => void
}

export interface ServeApp {
  url: string
  port: number
  services: AppServices
  close(): Promise<void>
}

const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024

/** Opens the database and starts the HTTP transport; `momentum serve`, its tests and the bench use it. */
export async function startServeApp(options: ServeOptions): Promise<ServeApp> {
  const files = new FileRegistry()
  const transfers = new Transfers(files, options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES)
  const hub = new EventHub()
  const services = createAppServices({ recentFile: options.recentFile, workerPath: options.workerPath, emit: (event, payload) => hub.emit(event, payload), ports: servePorts(transfers), files })
  try {
    await (options.isDefaultTarget ? services.session.openDefault(options.target) : services.session.open(options.target))
    const server = await startHttpServer({ handlers: services.handlers, session: services.session, hub, transfers, staticDir: options.staticDir, host: options.host, port: options.port, token: options.token, ...(options.log && { log: options.log }) })
    return {
      url: server.url,
      port: server.port,
      services,
      close: async () => {
        await server.close()
        await services.close()
        transfers.close()
      },
    }
  } catch (error) {
    await services.close()
    transfers.close()
    hub.close()
    throw error
  }
}

/** In a browser there are no native dialogs: files arrive as uploads, exports leave as downloads. */
function servePorts(transfers: Transfers): HandlerPorts {
  return {
    pickDatabaseFile: () => Promise.reject(new AppFailure('InvalidInput', 'no file dialog in the browser: upload the file, or start serve with --db')),
    pickImportFiles: () => Promise.reject(new AppFailure('InvalidInput', 'no file dialog in the browser: upload the files first and pass their fileIds')),
    chooseExportTarget: async (name) => transfers.reserveDownload(name),
    // The page opens links itself; the server never starts a browser.
    openExternal: async () => false,
  }
}
