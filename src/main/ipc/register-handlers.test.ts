import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import { channels, type Channel } from '../../shared/api/contract'
import { AppFailure } from '../errors/app-failure'
import type { AppLocation } from '../security/app-url'
import type { Handlers } from './call-channel'
import { genericBadInputs, validInputs, wrongTypeInputs } from './channel-samples'
import { registerHandlers } from './register-handlers'

const registered = vi.hoisted(() => new Map<string, (event: unknown, input: unknown) => Promise<unknown>>())

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: (event: unknown, input: unknown) => Promise<unknown>) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`)
      registered.set(channel, listener)
    },
    removeHandler: (channel: string) => registered.delete(channel),
  },
}))

const app: AppLocation = { kind: 'file', indexUrl: 'file:///app/out/renderer/index.html' }
const ownFrame = { url: 'file:///app/out/renderer/index.html', parent: null }

let handlers: Record<Channel, Mock>
let log: Mock
let unregister: () => void

beforeEach(() => {
  unregister?.()
  handlers = Object.fromEntries(channels.map((channel) => [channel, vi.fn(async () => `${channel} answered`)])) as Record<Channel, Mock>
  log = vi.fn()
  unregister = registerHandlers(handlers as unknown as Handlers, app, log)
})

function call(channel: string, input: unknown, senderFrame: unknown = ownFrame) {
  return registered.get(channel)!({ senderFrame }, input)
}

describe('registerHandlers', () => {
  it('registers every contract channel, and only those', () => {
    expect([...registered.keys()].sort()).toEqual([...channels].sort())
  })

  describe('with a valid call from the app window', () => {
    it.each(channels)('%s reaches its handler with the parsed input', async (channel) => {
      await expect(call(channel, validInputs[channel])).resolves.toEqual({ ok: true, value: `${channel} answered` })
      expect(handlers[channel]).toHaveBeenCalledWith(validInputs[channel])
    })
  })

  describe('with bad input', () => {
    const cases = channels.flatMap((channel) => [
      ...genericBadInputs.map((input) => [channel, input] as const),
      [channel, { ...(validInputs[channel] as object), extraKey: 1 }] as const,
      ...(wrongTypeInputs[channel] ?? []).map((input) => [channel, input] as const),
    ])

    it.each(cases)('%s refuses %j as InvalidInput without calling the handler', async (channel, input) => {
      const result = (await call(channel, input)) as { ok: boolean; error: { code: string } }
      expect(result.ok).toBe(false)
      expect(result.error.code).toBe('InvalidInput')
      expect(handlers[channel]).not.toHaveBeenCalled()
    })

    it('names the field and the cause for a malformed events cursor', async () => {
      await expect(call('events:page', { gameId: 'g', cursor: 'not a cursor' })).resolves.toEqual({
        ok: false,
        error: { code: 'InvalidInput', message: 'events:page: cursor: expected the nextCursor of an earlier events:page result' },
      })
      await expect(call('events:page', { gameId: 'g', cursor: 'abc', offset: 5 })).resolves.toEqual({
        ok: false,
        error: { code: 'InvalidInput', message: 'events:page: cursor: give either cursor or offset, not both' },
      })
    })
  })

  describe('from a foreign sender', () => {
    const senders = [
      ['a foreign page', { url: 'https://evil.example/', parent: null }],
      ['a destroyed frame', null],
      ['a subframe of the app', { url: ownFrame.url, parent: { url: ownFrame.url } }],
      ['a frame whose url throws', Object.defineProperty({ parent: null }, 'url', { get: () => { throw new Error('destroyed') } })],
    ] as const
    const cases = channels.flatMap((channel) => senders.map(([name, frame]) => [channel, name, frame] as const))

    it.each(cases)('%s refuses %s without calling the handler', async (channel, _name, frame) => {
      const result = (await call(channel, validInputs[channel], frame)) as { ok: boolean; error: { code: string } }
      expect(result.ok).toBe(false)
      expect(handlers[channel]).not.toHaveBeenCalled()
    })
  })

  describe('when a handler throws', () => {
    it('passes an AppFailure on as its code and message, without logging', async () => {
      handlers['games:get'].mockRejectedValueOnce(new AppFailure('NotFound', 'game 1 not found'))
      await expect(call('games:get', { gameId: '1' })).resolves.toEqual({ ok: false, error: { code: 'NotFound', message: 'game 1 not found' } })
      expect(log).not.toHaveBeenCalled()
    })

    it('turns anything else into Internal with one short line, and logs the error with its stack', async () => {
      const error = new TypeError(`cannot read x\n    at secret (/home/user/app.js:1:1)`)
      handlers['games:list'].mockRejectedValueOnce(error)
      await expect(call('games:list', {})).resolves.toEqual({ ok: false, error: { code: 'Internal', message: 'cannot read x' } })
      expect(log).toHaveBeenCalledWith('[games:list] unexpected error', error)
    })
  })

  it('removes every handler again', () => {
    unregister()
    expect(registered.size).toBe(0)
    unregister = () => undefined
  })
})
