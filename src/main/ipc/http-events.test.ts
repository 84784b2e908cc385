import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventHub, REPLAY_LIMIT } from './http-events'
import { collectEvents } from './http-test-client'

describe('EventHub replay', () => {
  const hub = new EventHub()
  let server: Server
  let port = 0

  beforeAll(async () => {
    server = createServer((request, response) => hub.attach(response, {}, request.headers['last-event-id'] as string | undefined))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    hub.close()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  const connect = (lastEventId: string, count: number) => collectEvents(port, (events) => events.length >= count, { 'last-event-id': lastEventId }, 5_000).done

  it('replays the kept events after the last id, and asks for a resync once the ones after it were dropped', async () => {
    const fresh = await collectEvents(port, (events) => events.length > 0).done
    expect(fresh).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{8}-0$/), event: 'resync', data: { reason: 'new' } }])
    const epoch = fresh[0]!.id!.split('-')[0]
    // Two more than the buffer holds: events 1 and 2 are dropped, 3 … REPLAY_LIMIT + 2 kept.
    for (let i = 0; i < REPLAY_LIMIT + 2; i++) hub.emit('job:progress', { jobId: 'j', kind: 'demo', done: i + 1, total: null, message: '' })

    const replayed = await connect(`${epoch}-2`, REPLAY_LIMIT)
    expect(replayed).toHaveLength(REPLAY_LIMIT)
    expect(replayed[0]).toMatchObject({ id: `${epoch}-3`, event: 'job:progress', data: { done: 3 } })
    expect(replayed.at(-1)).toMatchObject({ id: `${epoch}-${REPLAY_LIMIT + 2}`, data: { done: REPLAY_LIMIT + 2 } })

    expect(await connect(`${epoch}-1`, 1)).toEqual([{ id: `${epoch}-${REPLAY_LIMIT + 2}`, event: 'resync', data: { reason: 'gap' } }])
    expect(await connect(`${epoch}-${REPLAY_LIMIT + 3}`, 1)).toMatchObject([{ event: 'resync', data: { reason: 'unknown' } }])
  })

  it('sends nothing old to a page that saw everything, then the live events', async () => {
    const fresh = await collectEvents(port, (events) => events.length > 0).done
    const stream = collectEvents(port, (events) => events.length > 0, { 'last-event-id': fresh[0]!.id! }, 5_000)
    await stream.opened
    // Wait until the hub holds the new client: attach runs when the request arrives.
    while (hub.size === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    hub.emit('db:changed', null)
    expect(await stream.done).toEqual([{ id: expect.stringMatching(/-\d+$/), event: 'db:changed', data: null }])
  })
})
