// `npm run bench:leaderboard`: leaderboard reads on 100,000 players in PostgreSQL.
//
// Makes a fresh schema on DATABASE_URL (default: this machine's postgresql://postgres@127.0.0.1
// :5432/test), migrates it, fills it with SQL (100,000 student accounts, 80% listed; 20 levels
// played by a falling share of them, ~1.2 M level bests; this week's plays for a third of them;
// totals; one class of 30), then times every kind of board read through lib/leaderboard as the
// routes call it and prints p50/p95/max per kind, with the plan of each query shape (goal: p95
// under 50 ms, index scans only). Drops the schema at the end. Bounded: fixed row counts and
// iteration counts; set BENCH_PLAYERS to try another size.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '../lib/db/client';
import { readBoard, type BoardQuery } from '../lib/leaderboard/boards';
import { RANK_KEY_SQL, weekOf } from '../lib/leaderboard/rank';

const PLAYERS = Number(process.env.BENCH_PLAYERS || 100_000);
const LEVELS = 20;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 200);
const base = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';
const schema = `hq_bench_${process.pid}_${Date.now()}`;
const levelId = (i: number) => `bench-level-${String(i).padStart(2, '0')}`;

function url(withSchema: boolean): string {
  const u = new URL(base);
  u.searchParams.delete('schema');
  if (withSchema) u.searchParams.set('schema', schema);
  return u.toString();
}

const client = new pg.Client({ connectionString: url(false) });
const elapsed = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function fill(): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  const now = new Date();
  const week = weekOf(now);
  let t0 = performance.now();
  // Random but repeatable: every value derives from the row number.
  await q(`INSERT INTO players (id, created_at, updated_at)
             SELECT md5('p' || i)::uuid, now(), now() FROM generate_series(1, $1) i`, [PLAYERS]);
  await q(`INSERT INTO accounts (id, role, login, password_hash, display_name, leaderboard_opt_in, player_id, created_at)
             SELECT md5('a' || i)::uuid, 'student', 'bench' || i, 'not-a-real-hash', 'Player ' || i, (i % 5) <> 0, md5('p' || i)::uuid, now()
               FROM generate_series(1, $1) i`, [PLAYERS]);
  console.log(`  players and accounts: ${elapsed(t0)}`);
  t0 = performance.now();
  // Level l is played by a share 1 - l/25 of the players; scores in steps of 20 so ties happen.
  await q(`INSERT INTO level_bests (level_id, player_id, score, elapsed_ms, rank_key, listed, achieved_at)
             SELECT 'bench-level-' || lpad(l::text, 2, '0'), md5('p' || i)::uuid, s.score, s.ms,
                    ${RANK_KEY_SQL('s.score', 's.ms')}, (i % 5) <> 0, now() - ((i % 60) || ' days')::interval
               FROM generate_series(1, $1) i, generate_series(0, $2 - 1) l,
                    LATERAL (SELECT (abs(hashint4(i * 31 + l)) % 31) * 20 AS score,
                                    5000 + abs(hashint4(i * 17 + l * 7)) % 600000 AS ms) s
              WHERE abs(hashint4(i * 13 + l * 101)) % 100 < 100 - l * 4
              ORDER BY 1, 2`, [PLAYERS, LEVELS]);
  await q(`INSERT INTO weekly_level_bests (week, level_id, player_id, score, elapsed_ms, rank_key, listed, achieved_at)
             SELECT $1::date, level_id, player_id, score, elapsed_ms, rank_key, listed, achieved_at
               FROM level_bests WHERE abs(hashtext(player_id::text)) % 3 = 0`, [week]);
  console.log(`  level bests (all time and this week): ${elapsed(t0)}`);
  t0 = performance.now();
  await q(`INSERT INTO player_totals (player_id, score, elapsed_ms, levels, rank_key, listed, updated_at)
             SELECT player_id, sum(score), sum(elapsed_ms), count(*), ${RANK_KEY_SQL('sum(score)', 'sum(elapsed_ms)')}, bool_and(listed), now()
               FROM level_bests GROUP BY player_id`);
  await q(`INSERT INTO weekly_totals (week, player_id, score, elapsed_ms, levels, rank_key, listed, updated_at)
             SELECT week, player_id, sum(score), sum(elapsed_ms), count(*), ${RANK_KEY_SQL('sum(score)', 'sum(elapsed_ms)')}, bool_and(listed), now()
               FROM weekly_level_bests GROUP BY week, player_id`);
  await q(`INSERT INTO accounts (id, role, login, password_hash, display_name, created_at)
             VALUES ('00000000-0000-4000-8000-000000000001', 'teacher', 'bench-teacher@example.invalid', 'not-a-real-hash', 'Bench teacher', now())`);
  await q(`INSERT INTO classes (id, teacher_id, name, code, created_at)
             VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Bench class', 'BENCH2', now())`);
  await q(`INSERT INTO class_members (class_id, student_id, joined_at)
             SELECT '00000000-0000-4000-8000-000000000002', md5('a' || i)::uuid, now() FROM generate_series(1, 30 * 3001, 3001) i WHERE i <= $1`, [PLAYERS]);
  console.log(`  totals and a class: ${elapsed(t0)}`);
  t0 = performance.now();
  await q('VACUUM ANALYZE');
  console.log(`  vacuum analyze: ${elapsed(t0)}`);
  const counts = await q(`SELECT (SELECT count(*) FROM level_bests) AS level_bests, (SELECT count(*) FROM weekly_level_bests) AS weekly, (SELECT count(*) FROM player_totals) AS totals`);
  const c = counts.rows[0] as Record<string, string>;
  console.log(`  rows: ${Number(c.level_bests).toLocaleString('en')} level bests, ${Number(c.weekly).toLocaleString('en')} this week, ${Number(c.totals).toLocaleString('en')} totals`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const started = performance.now();
  await client.connect();
  await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  await client.query(`SET search_path TO ${pg.escapeIdentifier(schema)}`);
  const database = await openDatabase({ url: url(true), dataDir: '/nonexistent' });
  try {
    console.log(`heapquest bench:leaderboard: ${PLAYERS.toLocaleString('en')} players on ${database.description}`);
    await fill();
    const { prisma } = database;

    // Cursors into the middle of each board, found once (not timed).
    const middle = async (table: string, where: string) => {
      const r = await client.query(
        `SELECT rank_key::text AS k FROM ${table} WHERE ${where} AND listed ORDER BY rank_key DESC, player_id DESC OFFSET (SELECT count(*) / 2 FROM ${table} WHERE ${where} AND listed) LIMIT 1`,
      );
      return `${(r.rows[0] as { k: string }).k}.0`;
    };
    const week = weekOf(new Date());
    const levelCursors: string[] = [];
    for (let l = 0; l < LEVELS; l++) levelCursors.push(await middle('level_bests', `level_id = '${levelId(l)}'`));
    const totalCursor = await middle('player_totals', 'TRUE');
    const weekCursor = await middle('weekly_totals', `week = '${week}'`);
    const classPlayers = (await client.query(`SELECT a.player_id::text AS id FROM class_members m JOIN accounts a ON a.id = m.student_id`)).rows.map((r: { id: string }) => r.id);
    /** The i-th sampled player's row number: spread over the whole board. */
    const somePlayer = (i: number) => 1 + ((i * 7919) % PLAYERS);
    const playerIdOf = async (n: number) => ((await client.query(`SELECT md5('p' || $1::int)::uuid::text AS id`, [n])).rows[0] as { id: string }).id;

    const kinds: { name: string; make: (i: number) => Promise<BoardQuery> }[] = [
      { name: 'level, all time, first page', make: async (i) => ({ board: { kind: 'level', levelId: levelId(i % LEVELS) }, period: 'all', scope: { kind: 'public' }, limit: 20 }) },
      { name: 'level, all time, middle page', make: async (i) => ({ board: { kind: 'level', levelId: levelId(i % LEVELS) }, period: 'all', scope: { kind: 'public' }, limit: 20, cursor: levelCursors[i % LEVELS] }) },
      { name: 'level, this week, first page', make: async (i) => ({ board: { kind: 'level', levelId: levelId(i % LEVELS) }, period: 'week', scope: { kind: 'public' }, limit: 20 }) },
      { name: 'overall, all time, first page', make: async () => ({ board: { kind: 'overall' }, period: 'all', scope: { kind: 'public' }, limit: 20 }) },
      { name: 'overall, all time, middle page', make: async () => ({ board: { kind: 'overall' }, period: 'all', scope: { kind: 'public' }, limit: 20, cursor: totalCursor }) },
      { name: 'overall, this week, middle page', make: async () => ({ board: { kind: 'overall' }, period: 'week', scope: { kind: 'public' }, limit: 20, cursor: weekCursor }) },
      {
        name: 'overall, first page + my rank',
        make: async (i) => ({ board: { kind: 'overall' }, period: 'all', scope: { kind: 'public' }, limit: 20, me: await playerIdOf(somePlayer(i)) }),
      },
      { name: 'class of 30, level', make: async (i) => ({ board: { kind: 'level', levelId: levelId(i % LEVELS) }, period: 'all', scope: { kind: 'players', playerIds: classPlayers }, limit: 20 }) },
    ];

    console.log(`\n  ${'board read'.padEnd(34)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}   (${ITERATIONS} reads each, ms, through Prisma)`);
    let worstP95 = 0;
    for (const kind of kinds) {
      const queries: BoardQuery[] = [];
      for (let i = 0; i < ITERATIONS; i++) queries.push(await kind.make(i));
      for (const q of queries.slice(0, 10)) await readBoard(prisma, q); // warm-up
      const times: number[] = [];
      for (const q of queries) {
        const t0 = performance.now();
        await readBoard(prisma, q);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      worstP95 = Math.max(worstP95, p95);
      console.log(`  ${kind.name.padEnd(34)} ${percentile(times, 50).toFixed(2).padStart(8)} ${p95.toFixed(2).padStart(8)} ${times.at(-1)!.toFixed(2).padStart(8)}`);
    }
    console.log(`  worst p95: ${worstP95.toFixed(2)} ms (goal < 50 ms)`);

    // The plans of the query shapes lib/leaderboard/boards.ts sends, with mid-board values.
    const [k] = levelCursors[0]!.split('.');
    const shapes: [string, string][] = [
      ['page after a cursor', `SELECT player_id, score, elapsed_ms, rank_key FROM level_bests WHERE level_id = '${levelId(0)}' AND listed AND rank_key < ${k} ORDER BY rank_key DESC, player_id DESC LIMIT 21`],
      ['rest of a tie', `SELECT player_id FROM level_bests WHERE level_id = '${levelId(0)}' AND listed AND rank_key = ${k} ORDER BY player_id DESC LIMIT 21 OFFSET 0`],
      ['rank of a row (count above)', `SELECT count(*) FROM level_bests WHERE level_id = '${levelId(0)}' AND listed AND rank_key > ${k}`],
      ['overall page', `SELECT player_id FROM player_totals WHERE TRUE AND listed AND rank_key < ${totalCursor.split('.')[0]} ORDER BY rank_key DESC, player_id DESC LIMIT 21`],
      ['class board', `SELECT player_id FROM level_bests WHERE level_id = '${levelId(0)}' AND player_id = ANY('{${classPlayers.join(',')}}'::uuid[]) ORDER BY rank_key DESC, player_id DESC`],
    ];
    console.log('\n  plans (EXPLAIN ANALYZE):');
    let seqScans = 0;
    for (const [name, sql] of shapes) {
      const plan = (await client.query(`EXPLAIN (ANALYZE, TIMING OFF) ${sql}`)).rows.map((r: Record<string, string>) => r['QUERY PLAN']!);
      const scans = plan.filter((l) => /Scan/.test(l)).map((l) => l.trim().replace(/\s+\(cost.*$/, '').replace(/^->\s*/, ''));
      const time = plan.find((l) => l.startsWith('Execution Time'));
      if (plan.some((l) => /Seq Scan/.test(l))) seqScans++;
      console.log(`  ${name.padEnd(30)} ${scans.join(' | ')}  [${time}]`);
    }
    console.log(`  ${seqScans === 0 ? 'no sequential scans' : `${seqScans} plan(s) with a sequential scan`}`);
    console.log(`\nheapquest bench:leaderboard: done in ${elapsed(started)}`);
  } finally {
    await database.close();
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error('heapquest bench:leaderboard failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
