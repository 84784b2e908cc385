/**
 * A migration is data: the SQL it runs on each dialect. That keeps it frozen in time, lets
 * `migrate --dry-run` print exactly what would run, and gives a checksum that does not depend on
 * how the code was bundled.
 */
export type MigrationDialect = 'sqlite' | 'postgres'

/** A statement, optionally skipped when the schema already has what it adds (adopting Python files). */
export type MigrationStatement =
  | string
  | { sql: string; unlessColumn: { table: string; column: string } }

export interface Migration {
  version: string
  description: string
  up(dialect: MigrationDialect): MigrationStatement[]
  down(dialect: MigrationDialect): MigrationStatement[]
  /** Objects this migration guarantees; a recorded migration whose objects are gone is applied again. */
  provides?: { tables?: string[]; indexes?: string[]; columns?: Array<{ table: string; column: string }> }
}
