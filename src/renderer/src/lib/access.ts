import { createStore } from './external-store'

/**
 * Set once `momentum serve` refuses a call for want of its token: every later call would fail the
 * same way, so the app shows one "open the access link" screen instead of pages and banners.
 */
export const accessRefused = createStore(false)
