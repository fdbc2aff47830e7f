'use client';

// The question of the open checkpoint, one form per kind, and how a key reads once revealed.
// Every form submits with Enter (or its buttons) and keeps a natural tab order.

import { useState, type FormEvent } from 'react';
import type { ObjectId } from '@/engine/trace';
import type { Answer, Response as PlayerAnswer } from '@/lib/levels/answer-key';
import type { Profile } from '@/lib/levels/schema';
import type { CheckpointState } from '@/lib/progress/play';
import type { QuestionView } from '@/lib/progress/view';
import styles from '../play.module.css';
import { RichText } from '../RichText';

interface QuestionProps {
  readonly question: QuestionView;
  readonly result: CheckpointState;
  readonly hint: string | null;
  readonly verdict: { correct: boolean; revealed: boolean } | null;
  readonly busy: boolean;
  /** pick: the objects clicked in the scene (the scene owns the clicking). */
  readonly picks: readonly ObjectId[];
  readonly onPicksChange: (ids: readonly ObjectId[]) => void;
  readonly onSubmit: (response: PlayerAnswer) => void;
  readonly onHint: () => void;
  readonly onGiveUp: () => void;
}

export function Question(props: QuestionProps) {
  const { question, result, hint, verdict, busy } = props;
  const left = question.attemptsAllowed - result.attempts;
  return (
    <div className={styles.question} data-testid="question" data-kind={question.kind} data-index={question.index}>
      <h2 className={styles.prompt}>
        <span className={styles.muted}>Q{question.index + 1} · line {question.line}</span>
        <RichText text={question.prompt} />
      </h2>
      {verdict !== null && !verdict.revealed && (
        <p className={styles.wrong} data-testid="try-again" role="status">
          ✗ Not quite. {left === 1 ? 'One more try' : `${left} more tries`} — or{' '}
          <button type="button" className={styles.linkButton} onClick={props.onGiveUp} disabled={busy}>
            show the answer
          </button>
          .
        </p>
      )}
      <AnswerForm {...props} />
      <div className={styles.hintRow}>
        {hint === null ? (
          <button type="button" className={styles.secondary} onClick={props.onHint} disabled={busy} data-testid="hint-button">
            Hint&nbsp;<span className={styles.muted}>(costs a little)</span>
          </button>
        ) : (
          <p className={styles.hint} data-testid="hint">
            <span className={styles.label}>Hint</span> <RichText text={hint} />
          </p>
        )}
      </div>
    </div>
  );
}

function AnswerForm(props: QuestionProps) {
  const { question, busy } = props;
  switch (question.kind) {
    case 'number':
      return <NumberForm busy={busy} onSubmit={(value) => props.onSubmit({ kind: 'number', value })} />;
    case 'yesno':
      return (
        <div className={styles.choices} role="group" aria-label="Your answer">
          <button type="button" className={styles.primary} disabled={busy} onClick={() => props.onSubmit({ kind: 'yesno', value: true })} data-testid="answer-yes">
            Yes
          </button>
          <button type="button" className={styles.primary} disabled={busy} onClick={() => props.onSubmit({ kind: 'yesno', value: false })} data-testid="answer-no">
            No
          </button>
        </div>
      );
    case 'pick':
      return <PickForm {...props} />;
    case 'order':
      return <OrderForm key={question.index} items={question.items ?? []} busy={busy} onSubmit={(items) => props.onSubmit({ kind: 'order', items })} />;
    case 'version':
      return <VersionForm shown={question.shown ?? ''} options={question.options ?? []} busy={busy} onSubmit={(profiles) => props.onSubmit({ kind: 'version', profiles })} />;
  }
}

function NumberForm({ busy, onSubmit }: { busy: boolean; onSubmit: (n: number) => void }) {
  const [text, setText] = useState('');
  const value = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(value);
  return (
    <form
      className={styles.answerRow}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (valid && !busy) onSubmit(value);
      }}
    >
      <label className={styles.srOnly} htmlFor="answer-number">
        Your answer
      </label>
      <input
        id="answer-number"
        className={styles.numberInput}
        type="number"
        inputMode="numeric"
        step="any"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Your answer"
        data-testid="answer-number"
        autoComplete="off"
      />
      <button type="submit" className={styles.primary} disabled={!valid || busy} data-testid="submit-answer">
        Submit
      </button>
    </form>
  );
}

function PickForm(props: QuestionProps) {
  const { question, picks, onPicksChange, busy } = props;
  const candidates = question.candidates ?? [];
  const toggle = (id: ObjectId) => onPicksChange(picks.includes(id) ? picks.filter((x) => x !== id) : [...picks, id]);
  const chosen = candidates.filter((c) => picks.includes(c.id));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) props.onSubmit({ kind: 'pick', ids: picks });
      }}
    >
      <p className={styles.muted}>Click the objects in the heap (again to unselect), then submit. Picking nothing is an answer too.</p>
      <p data-testid="picked">
        <span className={styles.label}>Picked</span> {chosen.length === 0 ? 'nothing yet' : chosen.map((c) => c.label).join(', ')}
      </p>
      <details className={styles.pickList}>
        <summary>Pick from a list instead</summary>
        <ul>
          {candidates.map((c) => (
            <li key={c.id}>
              <label>
                <input type="checkbox" checked={picks.includes(c.id)} onChange={() => toggle(c.id)} /> <RichText text={c.label} />{' '}
                <span className={styles.muted}>({c.type})</span>
              </label>
            </li>
          ))}
        </ul>
      </details>
      <button type="submit" className={styles.primary} disabled={busy} data-testid="submit-answer">
        Submit {picks.length === 0 ? 'nothing' : `${picks.length} object${picks.length === 1 ? '' : 's'}`}
      </button>
    </form>
  );
}

function OrderForm({ items, busy, onSubmit }: { items: readonly string[]; busy: boolean; onSubmit: (items: string[]) => void }) {
  const [order, setOrder] = useState<string[]>(() => [...items]);
  const [dragging, setDragging] = useState<number | null>(null);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length || from === to) return;
    const next = [...order];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    setOrder(next);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onSubmit(order);
      }}
    >
      <p className={styles.muted}>Drag the lines into the order they appear, or use the arrows. First at the top.</p>
      <ol className={styles.orderList} data-testid="order-list">
        {order.map((item, i) => (
          <li
            key={item}
            draggable
            data-testid="order-item"
            className={dragging === i ? styles.dragging : undefined}
            onDragStart={(e) => {
              setDragging(i);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', String(i));
            }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const from = Number(e.dataTransfer.getData('text/plain'));
              if (Number.isInteger(from)) move(from, i);
              setDragging(null);
            }}
            onDragEnd={() => setDragging(null)}
          >
            <span className={styles.grip} aria-hidden="true">
              ⠿
            </span>
            <code className={styles.orderText}>{item}</code>
            <button type="button" className={styles.iconButton} onClick={() => move(i, i - 1)} disabled={i === 0} aria-label={`Move “${item}” up`}>
              ↑
            </button>
            <button type="button" className={styles.iconButton} onClick={() => move(i, i + 1)} disabled={i === order.length - 1} aria-label={`Move “${item}” down`}>
              ↓
            </button>
          </li>
        ))}
      </ol>
      <button type="submit" className={styles.primary} disabled={busy} data-testid="submit-answer">
        Submit this order
      </button>
    </form>
  );
}

function VersionForm({ shown, options, busy, onSubmit }: { shown: string; options: readonly Profile[]; busy: boolean; onSubmit: (profiles: Profile[]) => void }) {
  const [chosen, setChosen] = useState<readonly Profile[]>([]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy && chosen.length > 0) onSubmit(options.filter((p) => chosen.includes(p)));
      }}
    >
      <span className={styles.label}>The output</span>
      <pre className={styles.shown} data-testid="shown-output">
        {shown}
      </pre>
      <fieldset className={styles.versions}>
        <legend>Which Pythons print exactly this? Tick every one.</legend>
        {options.map((p) => (
          <label key={p}>
            <input
              type="checkbox"
              checked={chosen.includes(p)}
              onChange={() => setChosen((c) => (c.includes(p) ? c.filter((x) => x !== p) : [...c, p]))}
              data-testid={`version-${p}`}
            />{' '}
            Python {p}
          </label>
        ))}
      </fieldset>
      <button type="submit" className={styles.primary} disabled={busy || chosen.length === 0} data-testid="submit-answer">
        Submit
      </button>
    </form>
  );
}

export function AnswerText({ answer }: { answer: Answer }) {
  switch (answer.kind) {
    case 'number':
      return <strong data-testid="key">{answer.value}</strong>;
    case 'yesno':
      return <strong data-testid="key">{answer.value ? 'Yes' : 'No'}</strong>;
    case 'pick': {
      const labels = answer.candidates.filter((c) => answer.ids.includes(c.id)).map((c) => c.label);
      return <strong data-testid="key">{labels.length === 0 ? 'nothing' : <RichText text={labels.join(', ')} />}</strong>;
    }
    case 'order':
      return (
        <ol className={styles.keyOrder} data-testid="key">
          {answer.items.map((x) => (
            <li key={x}>
              <code>{x}</code>
            </li>
          ))}
        </ol>
      );
    case 'version':
      return <strong data-testid="key">Python {answer.profiles.join(', ')}</strong>;
  }
}
