'use client';

// The level editor: a playground program becomes a level. The teacher picks lines as
// checkpoints and, for each, a question kind with the probe the level format uses (which
// object, which printed line...) and a hint. No answer is ever typed: the server derives every
// key from the engine when it saves (lib/teacher-levels/check.ts) and says why when it cannot.

import { useEffect, useState } from 'react';
import { PYTHON_VERSIONS, type PythonVersion } from '@/engine/profile';
import { QUESTION_KINDS, type QuestionKind } from '@/lib/levels/schema';
import { TOPICS } from '@/lib/levels/topics';
import { decodeShare, ShareLinkError } from '@/lib/playground/share';
import { PROBES_BY_KIND, type DraftInput } from '@/lib/teacher-levels/draft';
import { CodeEditor } from '../../playground/CodeEditor';
import styles from './levels.module.css';

type CheckpointDraft = NonNullable<DraftInput['checkpoints']>[number];

const KIND_WORDS: Record<QuestionKind, string> = { number: 'a number', yesno: 'yes or no', pick: 'pick objects', order: 'put in order', version: 'which Python version' };
const PROBE_WORDS: Record<string, string> = {
  refcount: 'the reference count of an object after the line',
  printed: 'what the line prints',
  alive: 'whether an object survives the line',
  freed: 'the objects the line frees',
  created: 'the objects the line creates',
  shared: 'the objects two names share',
  unreachable: 'the objects the collector finds unreachable',
  'printed-lines': 'the order of the lines printed',
  finalized: 'the order finalizers run',
  versions: 'the versions that print the same',
};

function defaultProbe(read: string): Record<string, unknown> {
  switch (read) {
    case 'refcount':
    case 'alive':
      return { read, of: '' };
    case 'printed':
      return { read, index: 0 };
    case 'shared':
      return { read, a: '', b: '' };
    case 'versions':
      return { read, show: 'printed' };
    default:
      return { read };
  }
}

interface Problems {
  readonly problems: readonly string[];
  readonly difference: { version: string; cpython: string; line: number; engineOutput: string; cpythonOutput: string } | null;
}

export function LevelEditor(props: { readonly id?: string; readonly initial?: DraftInput; readonly fromFragment?: boolean }) {
  const [title, setTitle] = useState(props.initial?.title ?? '');
  const [version, setVersion] = useState<PythonVersion>((props.initial?.version as PythonVersion) ?? '3.12');
  const [topic, setTopic] = useState<string>(props.initial?.topic ?? 'refcount');
  const [program, setProgram] = useState(props.initial?.program ?? '');
  const [checkpoints, setCheckpoints] = useState<CheckpointDraft[]>(props.initial?.checkpoints ?? []);
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<Problems | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (!props.fromFragment || !/[#&]p=/.test(window.location.hash)) return;
    decodeShare(window.location.hash).then(
      (s) => {
        setProgram(s.program);
        setVersion(s.version);
      },
      (e: unknown) => setLoadError(e instanceof ShareLinkError ? e.message : 'The program could not be read from the link.'),
    );
  }, [props.fromFragment]);

  const lines = program.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const update = (i: number, change: Partial<CheckpointDraft>) => setCheckpoints((cps) => cps.map((cp, j) => (j === i ? { ...cp, ...change } : cp)));
  const setProbe = (i: number, key: string, value: unknown) => setCheckpoints((cps) => cps.map((cp, j) => (j === i ? { ...cp, probe: { ...cp.probe, [key]: value } } : cp)));

  const save = async () => {
    setSaving(true);
    setRefused(null);
    try {
      const draft: DraftInput = { title, version, topic: topic as DraftInput['topic'], program, checkpoints };
      const res = await fetch('/teacher/levels/save', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(props.id ? { id: props.id, draft } : { draft }),
      });
      const body = (await res.json()) as { ok: boolean; id?: string; error?: string; problems?: string[]; difference?: Problems['difference'] };
      if (body.ok && body.id) {
        window.location.assign(`/teacher/levels/${body.id}`);
        return;
      }
      setRefused({ problems: body.problems ?? [body.error ?? `The server answered ${res.status}.`], difference: body.difference ?? null });
    } catch {
      setRefused({ problems: ['The level could not be sent. Check the connection and try again; nothing was lost.'], difference: null });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={styles.editor}>
      {loadError && (
        <p className={styles.error} role="alert">
          {loadError}
        </p>
      )}
      <div className={styles.row}>
        <label>
          Title <input data-testid="level-title" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          Python{' '}
          <select data-testid="level-version" value={version} onChange={(e) => setVersion(e.target.value as PythonVersion)}>
            {PYTHON_VERSIONS.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label>
          Topic{' '}
          <select value={topic} onChange={(e) => setTopic(e.target.value)}>
            {TOPICS.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <CodeEditor value={program} onChange={setProgram} onRun={() => {}} problems={[]} currentLine={null} label="The level's program" />
      <h2>Checkpoints</h2>
      <p className={styles.muted}>
        The game pauses before each checkpoint&apos;s line and asks its question. You choose what is asked; the answer is read off the engine&apos;s run when you save, never typed.
      </p>
      <ol className={styles.checkpoints}>
        {checkpoints.map((cp, i) => {
          const read = String(cp.probe.read ?? '');
          return (
            <li key={i} data-testid={`checkpoint-${i}`}>
              <div className={styles.row}>
                <label>
                  Line{' '}
                  <select data-testid={`cp-${i}-line`} value={cp.line} onChange={(e) => update(i, { line: Number(e.target.value) })}>
                    {lines.map((text, n) => (
                      <option key={n} value={n + 1} disabled={text.trim() === '' || text.trim().startsWith('#')}>
                        {n + 1}: {text.slice(0, 50)}
                      </option>
                    ))}
                  </select>
                </label>
                <label title="Loops and functions run a line more than once">
                  Run{' '}
                  <input type="number" min={1} value={cp.occurrence ?? 1} onChange={(e) => update(i, { occurrence: Math.max(1, Number(e.target.value) || 1) })} style={{ width: 64 }} />
                </label>
                <label>
                  Question{' '}
                  <select
                    data-testid={`cp-${i}-kind`}
                    value={cp.kind}
                    onChange={(e) => {
                      const kind = e.target.value as QuestionKind;
                      update(i, { kind, probe: defaultProbe(PROBES_BY_KIND[kind][0]!) });
                    }}
                  >
                    {QUESTION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {KIND_WORDS[k]}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  about{' '}
                  <select data-testid={`cp-${i}-probe`} value={read} onChange={(e) => update(i, { probe: defaultProbe(e.target.value) })}>
                    {PROBES_BY_KIND[cp.kind].map((p) => (
                      <option key={p} value={p}>
                        {PROBE_WORDS[p]}
                      </option>
                    ))}
                  </select>
                </label>
                {(read === 'refcount' || read === 'alive') && (
                  <label>
                    object <input data-testid={`cp-${i}-of`} placeholder="e.g. a or grid[0]" value={String(cp.probe.of ?? '')} onChange={(e) => setProbe(i, 'of', e.target.value.trim())} />
                  </label>
                )}
                {read === 'shared' && (
                  <>
                    <label>
                      name <input value={String(cp.probe.a ?? '')} onChange={(e) => setProbe(i, 'a', e.target.value.trim())} />
                    </label>
                    <label>
                      and <input value={String(cp.probe.b ?? '')} onChange={(e) => setProbe(i, 'b', e.target.value.trim())} />
                    </label>
                  </>
                )}
                {read === 'printed' && (
                  <label>
                    printed line #{' '}
                    <input type="number" min={1} value={Number(cp.probe.index ?? 0) + 1} onChange={(e) => setProbe(i, 'index', Math.max(0, (Number(e.target.value) || 1) - 1))} style={{ width: 64 }} />
                  </label>
                )}
                {read === 'versions' && (
                  <label>
                    show{' '}
                    <select value={String(cp.probe.show ?? 'printed')} onChange={(e) => setProbe(i, 'show', e.target.value)}>
                      <option value="printed">what the line prints</option>
                      <option value="program">the whole output</option>
                    </select>
                  </label>
                )}
              </div>
              <div className={styles.row}>
                <label className={styles.grow}>
                  Hint <input data-testid={`cp-${i}-hint`} value={cp.hint} maxLength={500} onChange={(e) => update(i, { hint: e.target.value })} />
                </label>
              </div>
              <div className={styles.row}>
                <label className={styles.grow}>
                  Prompt (optional) <input value={cp.prompt ?? ''} maxLength={400} placeholder="Written for you from the question when left empty" onChange={(e) => update(i, { prompt: e.target.value })} />
                </label>
              </div>
              <div className={styles.row}>
                <label className={styles.grow}>
                  Explanation (optional; cite the run with placeholders like {'{refcount}'} or {'{holders}'}){' '}
                  <input value={cp.explanation ?? ''} maxLength={800} onChange={(e) => update(i, { explanation: e.target.value })} />
                </label>
                <button type="button" onClick={() => setCheckpoints((cps) => cps.filter((_, j) => j !== i))}>
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className={styles.row}>
        <button
          type="button"
          data-testid="add-checkpoint"
          onClick={() =>
            setCheckpoints((cps) => [...cps, { line: Math.max(1, lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#')) + 1), occurrence: 1, kind: 'number', probe: defaultProbe('refcount'), hint: '' }])
          }
        >
          + Add a checkpoint
        </button>
        <button type="button" className={styles.primary} data-testid="save-level" onClick={() => void save()} disabled={saving}>
          {saving ? 'Checking with the engine and CPython…' : 'Save level'}
        </button>
      </div>
      {refused && (
        <div className={styles.error} role="alert" data-testid="save-problems">
          <p>The level was not saved{props.id ? ' (the saved version is unchanged)' : ''}:</p>
          <ul>
            {refused.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          {refused.difference && (
            <div className={styles.diff} data-testid="save-difference">
              <div>
                <strong>The engine prints ({refused.difference.version})</strong>
                <pre>{refused.difference.engineOutput}</pre>
              </div>
              <div>
                <strong>CPython {refused.difference.cpython} prints</strong>
                <pre>{refused.difference.cpythonOutput}</pre>
              </div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

export default LevelEditor;
