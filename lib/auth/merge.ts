// Merging two players: what a student did anonymously on one device joins their account's
// player. Per level the better result is kept; the anonymous player is then deleted.
import { lockPlayer, mergeLeaderboardIn, type Tx } from '../leaderboard/record';
import { mergeProgressIn } from '../progress/store';

/**
 * Moves everything of player `from` into player `into` and deletes `from`, inside the caller's
 * transaction. Both players are locked first, in a fixed order, so a merge and a play (or two
 * merges) of the same players cannot deadlock or interleave.
 */
export async function mergePlayersIn(tx: Tx, from: string, into: string): Promise<void> {
  if (from === into) return;
  for (const id of [from, into].sort()) await lockPlayer(tx, id);
  await mergeProgressIn(tx, from, into);
  await mergeLeaderboardIn(tx, from, into);
  await tx.player.delete({ where: { id: from } });
}
