'use client';

// A form that posts its fields as JSON to one of our account routes and shows the server's
// answer: the error in words, or a message, or a move to the next page. Empty fields are left
// out (the server says which one is missing); checkboxes send true or false.
import { useState, type FormEvent, type ReactNode } from 'react';
import styles from './account.module.css';

export type Then =
  /** Go to this path. */
  | { readonly go: string }
  /** Go to the page for the account's role. */
  | { readonly byRole: { readonly teacher: string; readonly student: string } }
  /** Reload this page (its server-rendered data changed). */
  | { readonly reload: true }
  /** Stay, and show the server's message. */
  | { readonly message: true };

interface Props {
  readonly action: string;
  readonly submit: string;
  readonly then: Then;
  readonly children?: ReactNode;
  readonly testId?: string;
  readonly danger?: boolean;
  /** Fixed fields sent with the form's own. */
  readonly extra?: Readonly<Record<string, string | boolean>>;
}

function fields(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) || !el.name) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') out[el.name] = el.checked;
    else if (el instanceof HTMLInputElement && el.type === 'radio') {
      if (el.checked) out[el.name] = el.value;
    } else if (el.value !== '') out[el.name] = el.value;
  }
  return out;
}

export function PostForm({ action, submit, then, children, testId, danger, extra }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError('');
    setMessage('');
    try {
      const response = await fetch(action, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...fields(event.currentTarget), ...extra }),
      });
      const body = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: string; message?: string; account?: { role: 'teacher' | 'student' } };
      if (!response.ok || !body.ok) {
        setError(body.error ?? `The server answered ${response.status}. Try again.`);
        return;
      }
      if ('go' in then) window.location.assign(then.go);
      else if ('byRole' in then) window.location.assign(then.byRole[body.account?.role ?? 'student']);
      else if ('reload' in then) window.location.reload();
      else setMessage(body.message ?? 'Done.');
    } catch {
      setError('The server could not be reached. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} data-testid={testId} noValidate>
      {children}
      <button type="submit" disabled={busy} className={danger ? styles.danger : undefined}>
        {busy ? 'Working…' : submit}
      </button>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      {message && (
        <p role="status" className={styles.message}>
          {message}
        </p>
      )}
    </form>
  );
}

/** A labelled input, the one way fields look on the account pages. */
export function Field(props: {
  readonly label: string;
  readonly name: string;
  readonly type?: string;
  readonly autoComplete?: string;
  readonly defaultValue?: string;
  readonly hint?: string;
  readonly maxLength?: number;
}) {
  const id = `f-${props.name}`;
  return (
    <label className={styles.field} htmlFor={id}>
      <span>{props.label}</span>
      <input id={id} name={props.name} type={props.type ?? 'text'} autoComplete={props.autoComplete} defaultValue={props.defaultValue} maxLength={props.maxLength} />
      {props.hint && <small>{props.hint}</small>}
    </label>
  );
}
