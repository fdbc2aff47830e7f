// One SQL session, whichever database is behind it. The migration runner speaks only this,
// so the embedded database and a PostgreSQL server are migrated by the same code.
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export interface SqlSession {
  /** One statement with $1-style parameters. */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** A script of several statements, no parameters (PostgreSQL's simple query protocol). */
  exec(script: string): Promise<void>;
}

export function pgliteSession(db: PGlite): SqlSession {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<Row>(sql, [...params])).rows;
    },
    async exec(script) {
      await db.exec(script);
    },
  };
}

/** A single pg client, not a pool: the migration lock and transaction need one session. */
export function pgSession(client: pg.ClientBase): SqlSession {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, [...params])).rows as Row[];
    },
    async exec(script) {
      await client.query(script);
    },
  };
}
