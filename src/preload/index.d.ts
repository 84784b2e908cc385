import type { PreloadApi } from './preload-api'

declare global {
  interface Window {
    /** Present in the desktop app only; in a browser on `momentum serve` calls go over HTTP. */
    api?: PreloadApi
  }
}

export type { PreloadApi }
