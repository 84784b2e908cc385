import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { RESYNC_EVENT, type MainEventName, type MainEvents } from '../../shared/api/events'

const KEEP_ALIVE_MS = 25_000
/** Events kept for reconnecting pages: progress comes at most 10 times a second per job, so over a minute of it. */
export const REPLAY_LIMIT = 1_000

/**
 * Server-sent events: the HTTP twin of webContents.send, one `event:` per MainEvents name. Every
 * event has an id; a reconnecting EventSource sends the last one it saw as Last-Event-ID and gets
 * exactly the events after it, so a job:finished sent while it was away is not lost.
 */
export class EventHub {
  private readonly clients = new Set<ServerResponse>()
  private readonly timer = setInterval(() => this.write(': keep-alive\n\n'), KEEP_ALIVE_MS).unref()
  /** Tells this run's ids from an earlier run's, whose events are gone. */
  private readonly epoch = randomBytes(4).toString('hex')
  private sequence = 0
  private readonly recent: Array<{ sequence: number; chunk: string }> = []

  attach(response: ServerResponse, headers: Record<string, string | number>, lastEventId?: string): void {
    response.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive' })
    response.write('retry: 3000\n\n')
    const missed = this.missedSince(lastEventId)
    if (Array.isArray(missed)) for (const { chunk } of missed) response.write(chunk)
    // The id moves the page's Last-Event-ID to now: after re-reading it needs only what follows.
    else response.write(`id: ${this.idOf(this.sequence)}\nevent: ${RESYNC_EVENT}\ndata: ${JSON.stringify({ reason: missed })}\n\n`)
    this.clients.add(response)
    response.on('close', () => this.clients.delete(response))
  }

  emit<E extends MainEventName>(event: E, payload: MainEvents[E]): void {
    const sequence = ++this.sequence
    const chunk = `id: ${this.idOf(sequence)}\nevent: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    this.recent.push({ sequence, chunk })
    if (this.recent.length > REPLAY_LIMIT) this.recent.shift()
    this.write(chunk)
  }

  get size(): number {
    return this.clients.size
  }

  close(): void {
    clearInterval(this.timer)
    for (const client of this.clients) client.end()
    this.clients.clear()
  }

  /** The kept events after `lastEventId`, or why they cannot all be replayed. */
  private missedSince(lastEventId: string | undefined): Array<{ sequence: number; chunk: string }> | 'new' | 'unknown' | 'gap' {
    if (lastEventId === undefined || lastEventId === '') return 'new'
    const match = /^([0-9a-f]+)-(\d{1,15})$/.exec(lastEventId)
    const seen = Number(match?.[2])
    if (!match || match[1] !== this.epoch || seen > this.sequence) return 'unknown'
    const oldestKept = this.recent[0]?.sequence ?? this.sequence + 1
    if (seen + 1 < oldestKept) return 'gap'
    return this.recent.filter((event) => event.sequence > seen)
  }

  private idOf(sequence: number): string {
    return `${this.epoch}-${sequence}`
  }

  private write(chunk: string): void {
    for (const client of this.clients) client.write(chunk)
  }
}
