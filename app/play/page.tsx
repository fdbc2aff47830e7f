// `/play`: the level map. Topics in teaching order, which are open, stars and best scores from
// saved progress, and a "continue" that resumes where the player stopped. Read-only: the
// player (and its cookie) is created when a level is first opened, not by looking at the map.
import type { Metadata } from 'next';
import Link from 'next/link';
import { currentPlayerCookie, currentViewer, database } from '@/lib/auth/next';
import { resolvePlayer } from '@/lib/auth/player';
import { serverContext } from '@/lib/server-context';
import { buildLevelMap, type MapLevel } from '@/lib/progress/map';
import { loadStandings } from '@/lib/progress/store';
import { assignmentsForStudent } from '@/lib/teacher-levels/store';
import { RichText } from './RichText';
import { Stars } from './Stars';
import styles from './play.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Levels — HeapQuest' };

export default async function LevelMapPage() {
  const prisma = database();
  const viewer = await currentViewer();
  const player = await resolvePlayer(prisma, viewer, await currentPlayerCookie(), false);
  const standings = player === null ? [] : await loadStandings(prisma, player.playerId);
  const assigned = viewer?.role === 'student' ? await assignmentsForStudent(prisma, viewer) : [];
  const standingOf = new Map(standings.map((s) => [s.levelId, s]));
  const map = buildLevelMap((await serverContext().catalog()).curriculum, standings);
  const go = map.continueTo;

  return (
    <main className={styles.page}>
      <header className={styles.mapHeader}>
        <div>
          <p className={styles.crumbs}>
            <Link href="/">HeapQuest</Link>
          </p>
          <h1>Levels</h1>
          <p className={styles.muted}>Predict what CPython does, then watch it happen.</p>
        </div>
        <p className={styles.total} data-testid="total-stars" aria-label={`${map.stars} of ${map.maxStars} stars`}>
          <span aria-hidden="true">★</span> {map.stars} / {map.maxStars}
        </p>
      </header>

      {go && (
        <Link className={styles.continue} href={`/play/${go.levelId}`} data-testid="continue">
          <span className={styles.continueVerb}>{go.resume ? 'Continue' : standings.length === 0 ? 'Start' : 'Next level'}</span>
          <span>
            {go.title}
            {go.resume && (
              <span className={styles.muted}>
                {' '}
                · question {Math.min(go.checkpoint + 1, go.checkpoints)} of {go.checkpoints}
              </span>
            )}
          </span>
        </Link>
      )}

      {assigned.length > 0 && (
        <section className={styles.topic} data-testid="assigned-levels">
          <div className={styles.topicHead}>
            <h2>From your teacher</h2>
          </div>
          <ul className={styles.levels}>
            {assigned.map((a) => {
              const standing = standingOf.get(a.playLevelId);
              return (
                <li key={`${a.levelId}/${a.className}`}>
                  <Link href={`/play/assigned/${a.levelId}`} className={styles.card} data-testid={`assigned-${a.levelId}`} data-passed={standing?.passed ?? false}>
                    <span className={styles.cardTitle}>{a.title}</span>
                    <span className={styles.cardMeta}>
                      <Stars count={standing?.stars ?? 0} />
                      <span>{a.className}</span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <ol className={styles.topics}>
        {map.topics.map((topic, t) => (
          <li key={topic.id} className={styles.topic} data-testid={`topic-${topic.id}`} data-locked={!topic.unlocked}>
            <div className={styles.topicHead}>
              <h2>
                <span className={styles.muted}>{t + 1}.</span> {topic.title}
              </h2>
              <span className={styles.muted}>
                {topic.unlocked ? `${topic.levelsPassed} of ${topic.levels.length} passed` : 'Locked: pass the topic before'}
              </span>
            </div>
            <p className={styles.blurb}>{topic.blurb}</p>
            <ul className={styles.levels}>
              {topic.levels.map((level) => (
                <li key={level.id}>
                  <LevelCard level={level} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </main>
  );
}

function LevelCard({ level }: { level: MapLevel }) {
  const body = (
    <>
      <span className={styles.cardTitle}>
        <RichText text={level.title} />
      </span>
      <span className={styles.cardMeta}>
        <Stars count={level.stars} />
        <span>{level.bestScore === null ? `${level.checkpoints} questions` : `best ${level.bestScore}`}</span>
      </span>
      <span className={styles.cardMeta}>
        <span aria-label={`difficulty ${level.difficulty} of 5`}>{'●'.repeat(level.difficulty) + '○'.repeat(5 - level.difficulty)}</span>
        {level.inProgressAt !== null && <span className={styles.inProgress}>in progress · question {level.inProgressAt + 1}</span>}
      </span>
    </>
  );
  const data = { 'data-testid': `level-${level.id}`, 'data-stars': level.stars, 'data-passed': level.passed, 'data-locked': !level.unlocked };
  return level.unlocked ? (
    <Link href={`/play/${level.id}`} className={styles.card} {...data}>
      {body}
    </Link>
  ) : (
    <div className={`${styles.card} ${styles.locked}`} aria-disabled="true" {...data}>
      {body}
    </div>
  );
}
