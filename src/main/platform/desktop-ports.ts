import { join } from 'node:path'
import type { App, BrowserWindow, Dialog, Shell } from 'electron'
import type { HandlerPorts } from '../ipc/handler-context'

interface DesktopElectron {
  app: Pick<App, 'getPath'>
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>
  shell: Pick<Shell, 'openExternal'>
}

/** The app's side of HandlerPorts: native dialogs on the main window, and the system browser. */
export function createDesktopPorts({ app, dialog, shell }: DesktopElectron, mainWindow: () => BrowserWindow | null): HandlerPorts {
  const open = async (options: Electron.OpenDialogOptions): Promise<string[] | null> => {
    const window = mainWindow()
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
  }
  return {
    pickDatabaseFile: async () => (await open({ title: 'Open database', properties: ['openFile'], filters: [{ name: 'SQLite databases', extensions: ['db', 'sqlite', 'sqlite3'] }, { name: 'All files', extensions: ['*'] }] }))?.[0] ?? null,
    pickImportFiles: () => open({ title: 'Import play-by-play files', properties: ['openFile', 'multiSelections'], filters: [{ name: 'NBA play-by-play JSON', extensions: ['json'] }] }),
    chooseExportTarget: async (suggestedName) => {
      const options: Electron.SaveDialogOptions = { title: 'Export', defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'CSV', extensions: ['csv'] }] }
      const window = mainWindow()
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : { path: result.filePath, download: null }
    },
    openExternal: async (url) => {
      await shell.openExternal(url)
      return true
    },
  }
}
