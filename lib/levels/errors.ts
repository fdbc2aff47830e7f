// Every problem found in level content, as `FILE: FIELD: REASON` lines. A LevelError holds
// all of a file's problems at once, so an author fixes them in one pass.

export class LevelError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'LevelError';
  }
}

export function problem(file: string, field: string, reason: string): string {
  return field === '' ? `${file}: ${reason}` : `${file}: ${field}: ${reason}`;
}

/** `['checkpoints', 1, 'line']` → `checkpoints[1].line`. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
