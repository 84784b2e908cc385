import { describe, expect, it } from 'vitest'
import { readNbaPlayByPlay } from './nba-play-by-play'
import { action, fixtureText, liveText } from './nba-test-fixtures'

const read = (text: string) => () => readNbaPlayByPlay(text, 'game.json')

describe('readNbaPlayByPlay', () => {
  it('reads a real file with its numbers as numbers', () => {
    const pbp = readNbaPlayByPlay(fixtureText('0022400718'), 'f')
    expect(pbp.gameId).toBe('0022400718')
    expect(pbp.actions).toHaveLength(627)
    expect(pbp.actions.at(-1)).toMatchObject({ actionType: 'game', subType: 'end', scoreHome: 115, scoreAway: 118, teamTricode: null })
  })

  it('accepts a byte-order mark and V3-style empty team codes', () => {
    const pbp = readNbaPlayByPlay(`\uFEFF${liveText([action({ teamTricode: '', actionType: 'period', subType: 'start' })])}`, 'f')
    expect(pbp.actions[0]!.teamTricode).toBeNull()
  })

  describe('rejects a malformed file with one line naming the file', () => {
    it.each([
      ['not JSON', '{"game": ', /^game\.json: not valid JSON \(.+\)$/],
      ['an array', '[]', 'game.json: not an NBA play-by-play document (expected a JSON object)'],
      ['no game', '{"meta": {}}', 'game.json: not an NBA play-by-play document (no "game" object)'],
      ['a missing gameId', '{"game": {"actions": []}}', 'game.json: game.gameId is missing, expected an id such as "0022400718"'],
      ['a numeric gameId', '{"game": {"gameId": 22400718, "actions": []}}', 'game.json: game.gameId is 22400718, expected an id such as "0022400718"'],
      ['actions not an array', '{"game": {"gameId": "001", "actions": {}}}', 'game.json: game.actions is {}, expected an array'],
      ['no actions', '{"game": {"gameId": "001", "actions": []}}', 'game.json: game 001 has no actions yet'],
      ['an action that is not an object', liveText([action(), 7]), 'game.json: actions[1] is 7, expected an object'],
      ['a missing actionNumber', liveText([action({ actionNumber: undefined })]), 'game.json: actions[0].actionNumber is missing, expected a whole number'],
    ])('%s', (_name, text, message) => {
      expect(read(text)).toThrow(message)
    })
  })

  describe('rejects a bad action naming the file and the action number', () => {
    it.each([
      ['a non-numeric score', { actionNumber: 12, scoreHome: '1O' }, 'game.json: action 12: scoreHome is "1O", expected a score (digits)'],
      ['a missing score', { actionNumber: 13, scoreAway: undefined }, 'game.json: action 13: scoreAway is missing, expected a score (digits)'],
      ['a negative score', { actionNumber: 14, scoreAway: -2 }, 'game.json: action 14: scoreAway is -2, expected a score (digits)'],
      ['a bad clock', { actionNumber: 15, clock: '11:45' }, 'game.json: action 15: clock is "11:45", expected a duration such as "PT11M45.00S"'],
      ['a bad timeActual', { actionNumber: 16, timeActual: 'yesterday' }, 'game.json: action 16: timeActual is "yesterday", expected an ISO timestamp such as "2025-02-06T00:11:07.6Z"'],
      ['an impossible timeActual', { actionNumber: 17, timeActual: '2025-13-45T00:00:00Z' }, /action 17: timeActual is "2025-13-45T00:00:00Z"/],
      ['a period 0', { actionNumber: 18, period: 0 }, 'game.json: action 18: period is 0, expected a whole number >= 1'],
      ['a fractional orderNumber', { actionNumber: 19, orderNumber: 1.5 }, 'game.json: action 19: orderNumber is 1.5, expected a whole number'],
      ['a missing actionType', { actionNumber: 20, actionType: undefined }, 'game.json: action 20: actionType is missing, expected text'],
      ['a shot without result', { actionNumber: 21, actionType: '2pt', shotResult: undefined }, 'game.json: action 21: shotResult is missing, expected "Made" or "Missed" on a 2pt action'],
      ['a shot without team', { actionNumber: 22, actionType: 'freethrow', shotResult: 'Made', teamTricode: undefined }, 'game.json: action 22: teamTricode is missing, expected a team on a freethrow action'],
      ['a numeric description', { actionNumber: 23, description: 5 }, 'game.json: action 23: description is 5, expected text'],
      ['a team code with spaces', { actionNumber: 24, teamTricode: 'A B' }, 'game.json: action 24: teamTricode is "A B", expected a team code such as "BKN"'],
    ])('%s', (_name, fields, message) => {
      expect(read(liveText([action(), action(fields as Record<string, unknown>)]))).toThrow(message)
    })

    it('rejects an actionNumber that appears twice', () => {
      expect(read(liveText([action({ actionNumber: 9 }), action({ actionNumber: 9 })]))).toThrow('game.json: action 9: appears twice')
    })
  })
})
