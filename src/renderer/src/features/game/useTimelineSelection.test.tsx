// @vitest-environment jsdom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { makeEvent } from '../momentum/test-events'
import { toTimelineRows, type TimelineRow } from '../timeline/timeline-rows'
import { render, type Rendered } from '../../test/render'
import { useTimelineSelection, type TimelineSelection } from './useTimelineSelection'

/** A game's plays, one every 30 s of Q1 (clock counts down from 12:00). */
const events = Array.from({ length: 20 }, (_, i) => makeEvent({ teamTricode: 'LAL', period: 1, clock: `${11 - Math.floor(i / 2)}:${i % 2 ? '30' : '00'}`, clockSeconds: 690 - i * 30 }))
const allRows = toTimelineRows(events, new Map())

function Probe({ rows, complete, out }: { rows: TimelineRow[]; complete: boolean; out: { current: TimelineSelection | null } }): null {
  out.current = useTimelineSelection(
    rows,
    rows.map((row) => row.elapsed),
    rows.map((row) => row.event.eventId),
    complete,
  )
  return null
}

describe('useTimelineSelection', () => {
  let view: Rendered | null = null
  afterEach(() => view?.unmount())

  it('lands a chart click on a play whose page arrives after the click', () => {
    const out: { current: TimelineSelection | null } = { current: null }
    const firstPage = allRows.slice(0, 5)
    view = render(<Probe rows={firstPage} complete={false} out={out} />)
    const target = allRows[15]!
    act(() => out.current!.pick(target.elapsed!, target.event.eventId))
    expect(out.current!.selection).toBeNull()
    expect(out.current!.scrollRequest).toBeNull()

    view.rerender(<Probe rows={allRows.slice(0, 10)} complete={false} out={out} />)
    expect(out.current!.selection).toBeNull()
    view.rerender(<Probe rows={allRows} complete={true} out={out} />)
    expect(out.current!.selection).toMatchObject({ from: 15, to: 15 })
    expect(out.current!.scrollRequest).toMatchObject({ index: 15, align: 'center' })
  })

  it('lands at once on a listed play, and a click on a row drops a waiting chart click', () => {
    const out: { current: TimelineSelection | null } = { current: null }
    view = render(<Probe rows={allRows.slice(0, 5)} complete={false} out={out} />)
    act(() => out.current!.pick(allRows[3]!.elapsed!, null))
    expect(out.current!.selection).toMatchObject({ from: 3, to: 3 })

    act(() => out.current!.pick(allRows[18]!.elapsed!, null))
    act(() => out.current!.select(1, false))
    view.rerender(<Probe rows={allRows} complete={true} out={out} />)
    expect(out.current!.selection).toMatchObject({ from: 1, to: 1 })
  })
})
