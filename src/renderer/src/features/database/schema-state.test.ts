import { describe, expect, it } from 'vitest'
import { schemaState } from './schema-state'

describe('schemaState', () => {
  it('calls a database without a schema version or games table "none", with every migration pending', () => {
    expect(schemaState({ schemaVersion: null, pendingMigrations: ['001', '002'], isEmpty: true })).toBe('none')
  })

  it('calls a database with pending migrations "behind", games or not', () => {
    expect(schemaState({ schemaVersion: '003', pendingMigrations: ['004', '008'], isEmpty: false })).toBe('behind')
    expect(schemaState({ schemaVersion: null, pendingMigrations: ['001'], isEmpty: false })).toBe('behind')
  })

  it('calls an up-to-date database "ready"', () => {
    expect(schemaState({ schemaVersion: '008', pendingMigrations: [], isEmpty: true })).toBe('ready')
  })
})
