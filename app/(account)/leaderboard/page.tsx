// /leaderboard: overall or per level, all time or this week, public or one of your classes.
// Plain links and a GET form: pages work without JavaScript, and a page is a URL.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuthError } from '@/lib/auth/errors';
import { currentPlayerCookie, currentViewer, database } from '@/lib/auth/next';
import { classesOfStudent, classesOfTeacher } from '@/lib/classes/classes';
import { serverCurriculum } from '@/lib/classes/curriculum';
import { boardQuerySchema } from '@/lib/leaderboard/query';
import { serveBoard, type ServedBoard } from '@/lib/leaderboard/serve';
import styles from '../account.module.css';
import { formatDuration } from '../charts';

export const dynamic = 'force-dynamic';

export default async function Leaderboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === 'string' && v !== '' ? [[k, v]] : [])));
  const parsed = boardQuerySchema.safeParse(raw);
  if (!parsed.success) notFound();
  const q = parsed.data;
  const prisma = database();
  const viewer = await currentViewer();
  const curriculum = await serverCurriculum();
  let board: ServedBoard;
  try {
    board = await serveBoard(prisma, viewer, await currentPlayerCookie(), q);
  } catch (error) {
    if (error instanceof AuthError) notFound();
    throw error;
  }
  const classes = viewer?.role === 'teacher' ? await classesOfTeacher(prisma, viewer) : viewer ? await classesOfStudent(prisma, viewer) : [];
  const levelTitle = q.level ? curriculum.flatMap((t) => t.levels).find((l) => l.id === q.level)?.title ?? q.level : null;
  const link = (cursor?: string) => {
    const p = new URLSearchParams();
    if (q.level) p.set('level', q.level);
    if (q.period !== 'all') p.set('period', q.period);
    if (q.class) p.set('class', q.class);
    if (cursor) p.set('cursor', cursor);
    return `/leaderboard${p.size ? `?${p}` : ''}`;
  };

  return (
    <main>
      <h1>Leaderboard</h1>
      <p className="tagline">
        {levelTitle ?? 'All levels'} · {q.period === 'week' ? 'this week (from Monday, UTC)' : 'all time'} · {board.className ? `class ${board.className}` : 'everyone who chose to be listed'}
      </p>
      <form className={styles.filters} method="get" action="/leaderboard">
        <label className={styles.field}>
          <span>Board</span>
          <select name="level" defaultValue={q.level ?? ''}>
            <option value="">All levels (total score)</option>
            {curriculum.map((t) => (
              <optgroup key={t.id} label={t.title}>
                {t.levels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>When</span>
          <select name="period" defaultValue={q.period}>
            <option value="all">All time</option>
            <option value="week">This week</option>
          </select>
        </label>
        <label className={styles.field}>
          <span>Who</span>
          <select name="class" defaultValue={q.class ?? ''}>
            <option value="">Everyone (opted in)</option>
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                Class: {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>

      {board.me && (
        <p data-testid="my-rank">
          {board.me.listed || board.className ? 'Your place' : 'Your place if you were listed'}: <strong>#{board.me.rank}</strong> with {board.me.score} points.
          {!board.me.listed && !board.className && viewer?.role === 'student' && (
            <>
              {' '}
              <Link href="/account">Choose to be listed</Link>.
            </>
          )}
        </p>
      )}

      {board.rows.length === 0 ? (
        <p className={styles.muted}>{q.cursor ? 'No more places.' : 'Nobody on this board yet.'}</p>
      ) : (
        <table className={styles.table} data-testid="leaderboard">
          <thead>
            <tr>
              <th className={styles.num}>#</th>
              <th>Name</th>
              <th className={styles.num}>Score</th>
              <th className={styles.num}>Time</th>
            </tr>
          </thead>
          <tbody>
            {board.rows.map((r, i) => (
              <tr key={i} className={r.me ? styles.me : undefined}>
                <td className={styles.num}>{r.rank}</td>
                <td>{r.displayName}</td>
                <td className={styles.num}>{r.score}</td>
                <td className={styles.num}>{formatDuration(r.elapsedMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        {q.cursor && <Link href={link()}>First page</Link>}
        {q.cursor && board.next && ' · '}
        {board.next && <Link href={link(board.next)}>Next page</Link>}
      </p>
    </main>
  );
}
