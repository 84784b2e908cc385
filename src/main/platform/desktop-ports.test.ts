import type { App, BrowserWindow, Dialog, Shell } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createDesktopPorts } from './desktop-ports'

function ports(answers: { open?: { canceled: boolean; filePaths: string[] }; save?: { canceled: boolean; filePath?: string } }) {
  const dialog = {
    showOpenDialog: vi.fn(async () => answers.open ?? { canceled: true, filePaths: [] }),
    showSaveDialog: vi.fn(async () => answers.save ?? { canceled: true }),
  }
  const shell = { openExternal: vi.fn(async () => undefined) }
  const app = { getPath: () => '/home/u/Documents' }
  const window = {} as BrowserWindow
  return { dialog, shell, ports: createDesktopPorts({ app: app as unknown as App, dialog: dialog as unknown as Dialog, shell: shell as unknown as Shell }, () => window), window }
}

describe('createDesktopPorts', () => {
  it('returns the picked database file on the main window, or null when cancelled', async () => {
    const picked = ports({ open: { canceled: false, filePaths: ['/data/games.db'] } })
    expect(await picked.ports.pickDatabaseFile()).toBe('/data/games.db')
    expect(picked.dialog.showOpenDialog).toHaveBeenCalledWith(picked.window, expect.objectContaining({ properties: ['openFile'] }))
    expect(await ports({}).ports.pickDatabaseFile()).toBeNull()
  })

  it('picks several import files', async () => {
    const picked = ports({ open: { canceled: false, filePaths: ['/a.json', '/b.json'] } })
    expect(await picked.ports.pickImportFiles()).toEqual(['/a.json', '/b.json'])
  })

  it('suggests the export in Documents and never hands out a download URL', async () => {
    const saved = ports({ save: { canceled: false, filePath: '/home/u/Documents/tmi.csv' } })
    expect(await saved.ports.chooseExportTarget('tmi.csv')).toEqual({ path: '/home/u/Documents/tmi.csv', download: null })
    expect(saved.dialog.showSaveDialog).toHaveBeenCalledWith(saved.window, expect.objectContaining({ defaultPath: '/home/u/Documents/tmi.csv' }))
    expect(await ports({}).ports.chooseExportTarget('tmi.csv')).toBeNull()
  })
})
