import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appPaths, electronNativeBindingPath, fileArgument, findNativeBinding } from './app-paths'

describe('appPaths', () => {
  it('keeps the default database and the recent list in the data folder', () => {
    expect(appPaths('/home/u/.config/MomentumML')).toEqual({
      dataDir: '/home/u/.config/MomentumML',
      defaultDatabase: '/home/u/.config/MomentumML/momentum_ml.db',
      recentFile: '/home/u/.config/MomentumML/recent-databases.json',
    })
  })
})

describe('findNativeBinding', () => {
  it('is undefined outside Electron, and under Electron only when the prepared binary exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'momentum-native-'))
    try {
      expect(findNativeBinding(root, { ...process.versions })).toBeUndefined()
      const electron = { ...process.versions, electron: '45.5.0' }
      expect(findNativeBinding(root, electron)).toBeUndefined()
      const path = electronNativeBindingPath(root, '45.5.0')
      mkdirSync(join(path, '..'), { recursive: true })
      writeFileSync(path, '')
      expect(findNativeBinding(root, electron)).toBe(join(root, '.native/electron-45.5.0/better_sqlite3.node'))
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('fileArgument', () => {
  it('takes the last database file on the command line and ignores switches and the executable', () => {
    expect(fileArgument(['/opt/MomentumML/momentumml', '--no-sandbox', '/data/a.db', '/data/b.sqlite3'])).toBe('/data/b.sqlite3')
    expect(fileArgument(['/usr/bin/electron.db'])).toBeNull()
    expect(fileArgument(['app', '--flag=/x.db', 'notes.txt'])).toBeNull()
  })
})
