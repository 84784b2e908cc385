import type { ServerResponse } from 'node:http'
import type { MainEventName, MainEvents } from '../../shared/api/events'

const KEEP_ALIVE_MS = 25_000

/** Server-sent events: the HTTP twin of webContents.send, one `event:` per MainEvents name. */
export class EventHub {
  private readonly clients = new Set<ServerResponse>()
  private readonly timer = setInterval(() => this.write(': keep-alive\n\n'), KEEP_ALIVE_MS).unref()

  attach(response: ServerResponse, headers: Record<string, string | number>): void {
    response.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive' })
    response.write('retry: 3000\n\n')
    this.clients.add(response)
    response.on('close', () => this.clients.delete(response))
  }

  emit<E extends MainEventName>(event: E, payload: MainEvents[E]): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
  }

  get size(): number {
    return this.clients.size
  }

  close(): void {
    clearInterval(this.timer)
    for (const client of this.clients) client.end()
    this.clients.clear()
  }

  private write(chunk: string): void {
    for (const client of this.clients) client.write(chunk)
  }
}
