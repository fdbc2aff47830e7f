'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { loadSeat, saveSeat, send, styles } from '../live/live-client';

export function JoinForm({ initialCode }: { initialCode: string }) {
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [nickname, setNickname] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(c)) return setError('The code is the 6 digits on your teacher’s screen.');
    // Already in this session in this browser: go back in as the same player.
    if (loadSeat(c)) return router.push(`/live/${c}`);
    setBusy(true);
    const ack = await send('live:join', { code: c, nickname });
    setBusy(false);
    if (!ack.ok) return setError(ack.error);
    saveSeat(c, { token: ack['token'] as string, participantId: ack['participantId'] as string, nickname: ack['nickname'] as string });
    router.push(`/live/${c}`);
  };

  return (
    <form onSubmit={(e) => void submit(e)} className={styles.card} style={{ display: 'grid', gap: 12 }}>
      <label>
        Code
        <br />
        <input className={styles.input} name="code" inputMode="numeric" autoComplete="off" maxLength={7} value={code} onChange={(e) => setCode(e.target.value)} data-testid="join-code-input" />
      </label>
      <label>
        Nickname
        <br />
        <input className={styles.input} name="nickname" maxLength={20} autoComplete="off" value={nickname} onChange={(e) => setNickname(e.target.value)} data-testid="nickname-input" />
      </label>
      <button className={styles.button} type="submit" disabled={busy} data-testid="join-submit">
        {busy ? 'Joining…' : 'Join'}
      </button>
      {error ? (
        <p className={styles.error} role="alert" data-testid="join-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
