// Nickname rules for live sessions: what a student may call themselves in front of the class.
//
// The abuse filter is a small word list, not a moderation system: it catches the usual
// disguises (leetspeak, accents, look-alike letters, stretched letters, spaced-out letters)
// and leaves the teacher the kick button for the rest. Words that hide inside innocent names
// ("Scunthorpe", "Cassandra", "Sussex") only count as whole words.

export const NICKNAME_MAX = 20;

export type NicknameProblem = 'empty' | 'too_long' | 'characters' | 'blocked';

export type NicknameCheck =
  | { readonly ok: true; readonly nickname: string; readonly key: string }
  | { readonly ok: false; readonly problem: NicknameProblem; readonly message: string };

const MESSAGES: Record<NicknameProblem, string> = {
  empty: 'Type a nickname.',
  too_long: `A nickname has at most ${NICKNAME_MAX} characters.`,
  characters: "Use letters, numbers, spaces and - _ . ' ! only.",
  blocked: "That nickname isn't allowed here. Pick another one.",
};

export const TAKEN_MESSAGE = 'Someone in this session already has that nickname. Pick another one.';

/** Blocked wherever they appear once spaces and punctuation are squeezed out. */
const ANYWHERE = [
  'fuck', 'shit', 'bitch', 'nigg', 'faggot', 'whore', 'slut', 'wank', 'bastard', 'asshole',
  'dickhead', 'retard', 'porn', 'pussy', 'nazi', 'hitler', 'motherf',
];
/** Blocked only as a whole word (or as the whole name). */
const WHOLE = [
  'ass', 'arse', 'cunt', 'dick', 'cock', 'tit', 'tits', 'cum', 'fag', 'rape', 'sex', 'piss',
  'penis', 'boob', 'boobs', 'hoe', 'kkk', 'twat', 'crap',
];

// Each letter may be stretched: "fuuuck" is still the word.
const stretch = (w: string) => [...w].map((c) => `${c}+`).join('');
const ANYWHERE_RE = new RegExp(ANYWHERE.map(stretch).join('|'));
const WHOLE_RE = new RegExp(`^(?:${WHOLE.map(stretch).join('|')})$`);

// Digits and symbols read as letters, and look-alike letters from other scripts.
const LOOKALIKE: Record<string, string> = {
  '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', '$': 's', '!': 'i', '+': 't',
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'к': 'k', 'і': 'i', 'ѕ': 's', 'ı': 'i',
};
// "1" and "|" are an i in "b1tch" and an l in "s1ut": read both ways.
const AMBIGUOUS = ['i', 'l'];

const ALLOWED = /^[\p{L}\p{M}\p{N} _.'!-]+$/u;

/** The form two nicknames are compared in: case-insensitive, compatibility-normalised. */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFKC').toLowerCase();
}

export function checkNickname(raw: string): NicknameCheck {
  const nickname = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  const fail = (problem: NicknameProblem): NicknameCheck => ({ ok: false, problem, message: MESSAGES[problem] });
  if (nickname.length === 0) return fail('empty');
  if ([...nickname].length > NICKNAME_MAX) return fail('too_long');
  if (!ALLOWED.test(nickname)) return fail('characters');
  if (isAbusive(nickname)) return fail('blocked');
  return { ok: true, nickname, key: nicknameKey(nickname) };
}

export function isAbusive(nickname: string): boolean {
  const folded = nickname
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  // A token of digits only is a number ("Player 455", "Class 7"), not leetspeak.
  const tokens = folded.split(/[\s._'-]+/).filter((t) => t && !/^\d+$/.test(t));
  return AMBIGUOUS.some((one) => {
    const letters = tokens.map((t) => [...t].map((c) => (c === '1' || c === '|' ? one : (LOOKALIKE[c] ?? c))).join(''));
    const words = letters.flatMap((t) => t.split(/[^a-z]+/)).filter(Boolean);
    return [...words, ...joinSplitWords(words)].some((w) => ANYWHERE_RE.test(w) || WHOLE_RE.test(w));
  });
}

/**
 * "f u c k", "sh it", "bi.tch": words split into pieces of one or two letters are read joined to
 * their neighbours. Longer neighbours stay apart, so "Pass Hit" is not read as one word.
 */
function joinSplitWords(words: readonly string[]): string[] {
  const out: string[] = [];
  let run = words[0] ?? '';
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w.length <= 2 || words[i - 1]!.length <= 2) run += w;
    else {
      out.push(run);
      run = w;
    }
  }
  if (run) out.push(run);
  return out;
}
