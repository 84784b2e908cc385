/**
 * Worker-thread entry of every job (bundled as out/main/job-worker.js for the app and
 * out/cli/job-worker.js for serve). It opens its own connection to the same database, so the
 * thread that answers the UI never waits for the work, and stops at the task's next check once
 * main posts `cancel`.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase, type DatabaseHandle } from '../db/connection'
import { isAppFailure, toAppError } from '../errors/app-failure'
import { runTask } from './job-tasks'
import type { ControlMessage, WorkerInput, WorkerMessage } from './job-types'

const PROGRESS_EVERY_MS = 100

async function run(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  const controller = new AbortController()
  const onMessage = (message: ControlMessage): void => {
    if (message.type === 'cancel') controller.abort()
  }
  port.on('message', onMessage)
  const post = (message: WorkerMessage): void => port.postMessage(message)
  let lastProgress = 0
  let handle: DatabaseHandle | null = null
  try {
    const { target, readonly, nativeBinding, busyTimeoutMs } = input.database
    handle = await openDatabase(target, { readonly, ...(nativeBinding !== undefined && { nativeBinding }), ...(busyTimeoutMs !== undefined && { busyTimeoutMs }) })
    const message = await runTask(handle, input.request, {
      signal: controller.signal,
      progress: (done, total, text) => {
        const now = Date.now()
        if (now - lastProgress < PROGRESS_EVERY_MS && done !== total) return
        lastProgress = now
        post({ type: 'progress', done, total, message: text })
      },
    })
    post({ type: 'finished', ok: true, message })
  } catch (error) {
    if (!isAppFailure(error)) console.error(error)
    // The code crosses too: the page tells a bad file (InvalidInput) from a cancel or a crash.
    post({ type: 'finished', ok: false, error: toAppError(error) })
  } finally {
    await handle?.close().catch(() => undefined)
    // Without a 'message' listener the port no longer keeps the thread alive: it exits by itself.
    port.off('message', onMessage)
  }
}

if (parentPort === null) throw new Error('job-worker.js runs only as a worker thread')
void run(parentPort, workerData as WorkerInput)
