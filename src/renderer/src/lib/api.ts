/**
 * The renderer's one typed client. The transport is picked once, at start-up: the preload bridge in
 * the desktop app, HTTP when the page is served by `momentum serve`. Feature hooks are the only
 * callers; components never see `window.api`.
 */
import type { ApiInput, ApiOutput, Channel } from '@shared/api/contract'
import type { MainEventName, MainEvents } from '@shared/api/events'
import type { Result } from '@shared/api/result'
import { accessRefused } from './access'
import { createHttpTransport, type HttpTransport } from './http-transport'
import { failure, pickTransport, type PreloadBridge } from './transport'

let http: HttpTransport | null = null
const transport = pickTransport(window as { api?: PreloadBridge }, () => (http = createHttpTransport()))

/** True in the Electron app (native dialogs exist); false in a browser on `momentum serve`. */
export const isDesktop = transport.kind === 'ipc'

export async function call<C extends Channel>(channel: C, input: ApiInput<C>): Promise<Result<ApiOutput<C>>> {
  const result = await transport.invoke(channel, input)
  if (!result.ok && result.error.code === 'Unauthorized') accessRefused.set(true)
  // The one unchecked step: main validated the input and produced this channel's output.
  return result as Result<ApiOutput<C>>
}

export function subscribe<E extends MainEventName>(event: E, listener: (payload: MainEvents[E]) => void): () => void {
  return transport.on(event, listener)
}

/** Runs `listener` whenever job or other pushes may have been missed (see Transport.onResync). */
export function onResync(listener: () => void): () => void {
  return transport.onResync(listener)
}

/** Uploads a file to `momentum serve` (the desktop app picks files in main instead). */
export function uploadFile(file: File): Promise<Result<{ fileId: string }>> {
  if (!http) return Promise.resolve(failure('InvalidInput', 'files are picked by the desktop app itself'))
  return http.upload(file).then((result) => {
    if (!result.ok && result.error.code === 'Unauthorized') accessRefused.set(true)
    return result
  })
}

/** Serve hands exports over as a download URL; the app has already written the file. */
export function followDownload(download: string): void {
  if (isDesktop) return
  const link = document.createElement('a')
  link.href = download
  link.download = ''
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
}
