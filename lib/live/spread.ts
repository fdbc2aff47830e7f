// How the class answered one question: the histogram shown at the reveal. Worked out once per
// question (at the reveal) and stored, so each of a thousand views only copies it.
import type { AnswerRecord, Spread } from './state';
import type { PMap } from './pmap';
import { VERSIONS, type LiveQuestion } from './questions';

/** Bars shown for free-form answers; the rest is summed as `other`. */
export const SPREAD_BARS = { number: 12, order: 6 } as const;

export function spreadOf(q: LiveQuestion, answers: PMap<AnswerRecord>): Spread {
  switch (q.kind) {
    case 'number': {
      const counts = new Map<number, number>();
      answers.forEach((a) => bump(counts, a.answer.value as number));
      const bars = [...counts].sort(([va, a], [vb, b]) => b - a || va - vb);
      return {
        kind: 'number',
        values: bars.slice(0, SPREAD_BARS.number).map(([value, count]) => ({ value, count })),
        other: bars.slice(SPREAD_BARS.number).reduce((n, [, c]) => n + c, 0),
      };
    }
    case 'yesno': {
      let yes = 0;
      answers.forEach((a) => (a.answer.value ? yes++ : 0));
      return { kind: 'yesno', yes, no: answers.size - yes };
    }
    case 'pick': {
      const counts = new Map<string, number>(q.pickables.map((id) => [id, 0]));
      let exact = 0;
      answers.forEach((a) => {
        for (const id of a.answer.value as string[]) bump(counts, id);
        if (a.correct) exact++;
      });
      return { kind: 'pick', picks: q.pickables.map((id) => ({ id, count: counts.get(id)! })), exact };
    }
    case 'order': {
      // Keyed by JSON, which cannot mistake ['a,b'] for ['a', 'b'].
      const counts = new Map<string, number>();
      answers.forEach((a) => bump(counts, JSON.stringify(a.answer.value)));
      const bars = [...counts].sort(([sa, a], [sb, b]) => b - a || (sa < sb ? -1 : sa > sb ? 1 : 0));
      return {
        kind: 'order',
        sequences: bars.slice(0, SPREAD_BARS.order).map(([s, count]) => ({ value: JSON.parse(s) as string[], count })),
        other: bars.slice(SPREAD_BARS.order).reduce((n, [, c]) => n + c, 0),
      };
    }
    case 'version': {
      const counts = new Map<string, number>(VERSIONS.map((v) => [v, 0]));
      answers.forEach((a) => {
        for (const v of a.answer.value as string[]) bump(counts, v);
      });
      return { kind: 'version', picks: VERSIONS.map((version) => ({ version, count: counts.get(version)! })) };
    }
  }
}

function bump<K>(m: Map<K, number>, k: K): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}
