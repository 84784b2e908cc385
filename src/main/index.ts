import { app, BrowserWindow } from 'electron'
import { join } from 'node:path'

// Composition root. The database wiring and IPC API arrive with the desktop app (issue #4).
function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  })
  void window.loadFile(join(import.meta.dirname, '../renderer/index.html'))
}

app.enableSandbox()
void app.whenReady().then(createWindow)
app.on('window-all-closed', () => app.quit())
