'use client';

// The teacher's "new password link" for one student: students sign up without an email, so the
// teacher hands them the one-time link (it works once, for 30 minutes).
import { useState } from 'react';

export function ResetStudentPassword({ studentId, name }: { studentId: string; name: string }) {
  const [link, setLink] = useState<{ url: string; until: string } | null>(null);
  const [error, setError] = useState('');
  async function issue() {
    const response = await fetch(`/api/students/${studentId}/reset`, { method: 'POST' });
    const body = (await response.json().catch(() => ({}))) as { ok?: boolean; link?: string; expiresAt?: string; error?: string };
    if (body.ok && body.link && body.expiresAt) {
      setError('');
      setLink({ url: body.link, until: new Date(body.expiresAt).toLocaleTimeString() });
    } else setError(body.error ?? 'Could not make a link. Try again.');
  }
  return (
    <section>
      <button type="button" onClick={issue} data-testid="student-reset">
        Make a new-password link for {name}
      </button>
      {link && (
        <p>
          Give {name} this link. It works once, until {link.until}; it ends their sessions on every device.{' '}
          <code data-testid="student-reset-link">{link.url}</code>
        </p>
      )}
      {error && <span role="alert"> {error}</span>}
    </section>
  );
}
