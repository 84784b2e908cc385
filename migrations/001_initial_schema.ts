import type { Migration, MigrationDialect } from './migration-types'

// The DDL SQLAlchemy's create_all emits for the original models, column for column, so files we
// create read back identically in the Python app. IF NOT EXISTS adopts tables the Python app made.
function tables(d: MigrationDialect): string[] {
  const ts = d === 'sqlite' ? 'DATETIME' : 'TIMESTAMP WITHOUT TIME ZONE'
  const float = d === 'sqlite' ? 'FLOAT' : 'FLOAT'
  const id = d === 'sqlite' ? 'INTEGER NOT NULL' : 'SERIAL NOT NULL'
  return [
    `CREATE TABLE IF NOT EXISTS games (\n\tgame_id VARCHAR NOT NULL, \n\thome_team VARCHAR NOT NULL, \n\taway_team VARCHAR NOT NULL, \n\tgame_date VARCHAR NOT NULL, \n\tstatus VARCHAR NOT NULL, \n\tcreated_at ${ts}, \n\tPRIMARY KEY (game_id)\n)`,
    `CREATE TABLE IF NOT EXISTS events (\n\tevent_id VARCHAR NOT NULL, \n\tgame_id VARCHAR NOT NULL, \n\tteam_tricode VARCHAR NOT NULL, \n\tplayer_name VARCHAR, \n\tevent_type VARCHAR NOT NULL, \n\tclock VARCHAR NOT NULL, \n\tperiod INTEGER NOT NULL, \n\tpoints_total INTEGER, \n\tshot_result VARCHAR, \n\tdescription TEXT, \n\ttimestamp ${ts}, \n\tPRIMARY KEY (event_id), \n\tFOREIGN KEY(game_id) REFERENCES games (game_id)\n)`,
    `CREATE TABLE IF NOT EXISTS tmi_calculations (\n\tid ${id}, \n\tgame_id VARCHAR NOT NULL, \n\tteam_tricode VARCHAR NOT NULL, \n\ttmi_value ${float} NOT NULL, \n\tfeature_contributions TEXT, \n\tprediction_probability ${float}, \n\tconfidence_score ${float}, \n\trolling_window_size INTEGER, \n\tcalculated_at ${ts}, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(game_id) REFERENCES games (game_id)\n)`,
  ]
}

const MODEL_INDEXES: Array<[string, string]> = [
  ['ix_games_game_id', 'games (game_id)'],
  ['idx_events_game_timestamp', 'events (game_id, timestamp)'],
  ['idx_events_game_team_timestamp', 'events (game_id, team_tricode, timestamp)'],
  ['idx_events_type_timestamp', 'events (event_type, timestamp)'],
  ['ix_events_game_id', 'events (game_id)'],
  ['ix_events_event_id', 'events (event_id)'],
  ['idx_tmi_game_team_calculated', 'tmi_calculations (game_id, team_tricode, calculated_at)'],
  ['idx_tmi_calculated_at', 'tmi_calculations (calculated_at)'],
  ['idx_tmi_game_calculated', 'tmi_calculations (game_id, calculated_at)'],
  ['ix_tmi_calculations_id', 'tmi_calculations (id)'],
  ['ix_tmi_calculations_game_id', 'tmi_calculations (game_id)'],
]

export const initialSchema: Migration = {
  version: '001',
  description: 'Initial database schema',
  up: (d) => [...tables(d), ...MODEL_INDEXES.map(([name, on]) => `CREATE INDEX IF NOT EXISTS ${name} ON ${on}`)],
  down: () => ['DROP TABLE IF EXISTS tmi_calculations', 'DROP TABLE IF EXISTS events', 'DROP TABLE IF EXISTS games'],
  provides: { tables: ['games', 'events', 'tmi_calculations'] },
}
