import { act, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'

// Lets React know these tests drive updates through act().
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

export interface Rendered {
  container: HTMLElement
  rerender: (ui: ReactNode) => void
  unmount: () => void
}

/** Renders into a detached-from-nothing div in the jsdom document (no testing-library installed). */
export function render(ui: ReactNode): Rendered {
  const container = document.createElement('div')
  document.body.append(container)
  let root: Root | null = null
  act(() => {
    root = createRoot(container)
    root.render(ui)
  })
  return {
    container,
    rerender: (next) => act(() => root!.render(next)),
    unmount: () => {
      act(() => root!.unmount())
      container.remove()
    },
  }
}

export function click(element: Element, init: MouseEventInit = {}): void {
  act(() => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, ...init }))
  })
}

export function press(element: Element, key: string): void {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
  })
}

/** Sets an input's value the way React notices (through the native setter), then fires input. */
export function type(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  act(() => {
    setter.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}
