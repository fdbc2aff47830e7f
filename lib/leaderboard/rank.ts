// The order every board uses, and ranks with fair ties. Pure.
//
// "Best score, then fastest" is packed into one integer, rank_key = score * 2^31 +
// (2^31 - 1 - elapsed_ms), so the database orders, pages and counts on a single indexed
// column: a higher key is a better place, an equal key is an equal place. Times beyond
// 2^31 - 1 ms (24 days) count as that long.

export const TIME_CAP_MS = 2 ** 31 - 1;
const SCORE_UNIT = 2n ** 31n;

export function rankKey(score: number, elapsedMs: number): bigint {
  if (!Number.isSafeInteger(score) || score < 0) throw new RangeError(`score must be a whole number >= 0, got ${score}`);
  if (!Number.isFinite(elapsedMs) || elapsedMs < 0) throw new RangeError(`elapsedMs must be >= 0, got ${elapsedMs}`);
  return BigInt(score) * SCORE_UNIT + BigInt(TIME_CAP_MS - Math.min(Math.round(elapsedMs), TIME_CAP_MS));
}

/** The same formula in SQL, for keys computed from sums inside the database. */
export const RANK_KEY_SQL = (score: string, elapsedMs: string) =>
  `((${score})::bigint * 2147483648 + (2147483647 - LEAST((${elapsedMs})::bigint, 2147483647)))`;

export interface Ranked<Row> {
  readonly rank: number;
  readonly row: Row;
}

/**
 * Competition ranks ("1, 2, 2, 4") for rows already sorted best first, where `better` rows
 * precede the first one: `above` rows have a strictly higher key than rows[0], and `tiedBefore`
 * rows share rows[0]'s key but were shown earlier (on a previous page).
 */
export function assignRanks<Row extends { readonly rankKey: bigint }>(rows: readonly Row[], above = 0, tiedBefore = 0): Ranked<Row>[] {
  const out: Ranked<Row>[] = [];
  rows.forEach((row, i) => {
    const prev = out[i - 1];
    if (prev && prev.row.rankKey === row.rankKey) out.push({ rank: prev.rank, row });
    else if (i === 0) out.push({ rank: above + 1, row });
    // Every row with a key between this one and rows[0]'s sits on this page before it.
    else out.push({ rank: above + tiedBefore + i + 1, row });
  });
  return out;
}

/** Monday (UTC) of the week `at` falls in, as YYYY-MM-DD: the key of the weekly boards. */
export function weekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday);
  return day.toISOString().slice(0, 10);
}

export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
