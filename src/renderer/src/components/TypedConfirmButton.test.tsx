// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { click, render, type, type Rendered } from '../test/render'
import { TypedConfirmButton } from './TypedConfirmButton'

describe('TypedConfirmButton', () => {
  let view: Rendered | null = null
  afterEach(() => view?.unmount())

  function setUp(confirmed: string[], props: { disabled?: boolean } = {}) {
    view = render(
      <TypedConfirmButton word="RESET" action="Reset database" onConfirm={() => confirmed.push('reset')} {...props}>
        A backup is written first.
      </TypedConfirmButton>,
    )
    const input = view.container.querySelector('input')!
    const button = view.container.querySelector('button')!
    return { input, button }
  }

  it('labels the input with the word to type', () => {
    const { input } = setUp([])
    const label = view!.container.querySelector(`label[for="${input.id}"]`)
    expect(label?.textContent).toBe('Type RESET to confirm')
  })

  it('stays disabled until the word matches exactly', () => {
    const confirmed: string[] = []
    const { input, button } = setUp(confirmed)
    expect(button.disabled).toBe(true)
    type(input, 'reset')
    expect(button.disabled).toBe(true)
    type(input, 'RESET ')
    expect(button.disabled).toBe(true)
    type(input, 'RESET')
    expect(button.disabled).toBe(false)
    click(button)
    expect(confirmed).toEqual(['reset'])
  })

  it('clears the word after confirming, so a second action needs typing again', () => {
    const { input, button } = setUp([])
    type(input, 'RESET')
    click(button)
    expect(input.value).toBe('')
    expect(button.disabled).toBe(true)
  })

  it('stays disabled when the action is not allowed, whatever is typed', () => {
    const confirmed: string[] = []
    const { input, button } = setUp(confirmed, { disabled: true })
    type(input, 'RESET')
    click(button)
    expect(button.disabled).toBe(true)
    expect(confirmed).toEqual([])
  })
})
