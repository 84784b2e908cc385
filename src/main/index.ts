/**
 * Composition root of the desktop app: single instance, sandbox and hardening before ready, then
 * the database session, the IPC handlers and the window. Everything else lives in its module.
 */
import { app, BrowserWindow, dialog, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createAppServices } from './ipc/app-services'
import { registerHandlers } from './ipc/register-handlers'
import { appPaths, fileArgument, findNativeBinding } from './platform/app-paths'
import { createDesktopPorts } from './platform/desktop-ports'
import { resolveAppLocation } from './security/app-url'
import { hardenApp } from './security/navigation'
import { createMainWindow, focusWindow, sendToAllWindows } from './window/main-window'

const location = resolveAppLocation(pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href, process.env, app.isPackaged)
const sqliteFile = (file: string) => ({ dialect: 'sqlite' as const, file, memory: false })

// A second instance hands its file argument to the first (see 'second-instance') and quits at once.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.enableSandbox()
  hardenApp({ app, session, shell }, location)
  app.on('window-all-closed', () => app.quit())
  void app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('MomentumML could not start', error instanceof Error ? error.message : String(error))
    app.quit()
  })
}

async function start(): Promise<void> {
  const paths = appPaths(app.getPath('userData'))
  const nativeBinding = findNativeBinding(app.getAppPath())
  const mainWindow = () => BrowserWindow.getAllWindows()[0] ?? null
  const services = createAppServices({
    recentFile: paths.recentFile,
    workerPath: join(import.meta.dirname, 'job-worker.js'),
    emit: sendToAllWindows(BrowserWindow),
    ports: createDesktopPorts({ app, dialog, shell }, mainWindow),
    ...(nativeBinding !== undefined && { nativeBinding }),
  })
  registerHandlers(services.handlers, location)
  const file = fileArgument(process.argv)
  await services.openAtStart(sqliteFile(file ?? paths.defaultDatabase), { isDefault: file === null })
  app.on('second-instance', (_event, argv) => {
    focusWindow(mainWindow() ?? undefined)
    const next = fileArgument(argv)
    if (next !== null && services.jobs.running === 0) void services.openAtStart(sqliteFile(next))
  })
  // Quit only after the jobs' workers and the connection are closed (WAL checkpointed).
  app.once('will-quit', (event) => {
    event.preventDefault()
    void services.close().finally(() => app.quit())
  })
  createMainWindow(BrowserWindow, { preload: join(import.meta.dirname, '../preload/index.cjs'), location })
}
