// `/play/:levelId`: one level. The page itself shows the level (title, intro, program); the
// play — where it stands, the scene's steps, the questions — comes from the progress route
// once the page is open, because opening a level may create the player's cookie.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { currentPlayerCookie, currentViewer, database } from '@/lib/auth/next';
import { resolvePlayer } from '@/lib/auth/player';
import { serverContext } from '@/lib/server-context';
import { isLevelUnlocked } from '@/lib/levels/curriculum';
import { passedLevels } from '@/lib/progress/map';
import { loadStandings } from '@/lib/progress/store';
import { levelView } from '@/lib/progress/view';
import styles from '../play.module.css';
import { PlayLevel } from './PlayLevel';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ levelId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const level = (await serverContext().catalog()).level((await params).levelId);
  return { title: level ? `${level.title} — HeapQuest` : 'Level not found — HeapQuest' };
}

export default async function LevelPage({ params }: Params) {
  const { levelId } = await params;
  const catalog = await serverContext().catalog();
  const level = catalog.level(levelId);
  if (level === null) notFound();

  const prisma = database();
  const player = await resolvePlayer(prisma, await currentViewer(), await currentPlayerCookie(), false);
  const passed = passedLevels(player === null ? [] : await loadStandings(prisma, player.playerId));
  if (!isLevelUnlocked(catalog.curriculum, levelId, passed)) {
    const index = catalog.curriculum.findIndex((t) => t.levels.some((l) => l.id === levelId));
    const before = catalog.curriculum[index - 1];
    return (
      <main className={styles.page}>
        <p className={styles.crumbs}>
          <Link href="/play">← Levels</Link>
        </p>
        <h1>Locked: {level.title}</h1>
        <p data-testid="locked">
          This level opens once every level of “{before?.title ?? 'the topic before it'}” is passed.{' '}
          <Link href="/play">Back to the level map</Link>.
        </p>
      </main>
    );
  }
  return <PlayLevel level={levelView(level)} />;
}
