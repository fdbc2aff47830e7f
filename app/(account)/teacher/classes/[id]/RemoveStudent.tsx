'use client';

// The teacher's "remove from class" button for one student.
import { useState } from 'react';

export function RemoveStudent({ classId, studentId, name }: { classId: string; studentId: string; name: string }) {
  const [error, setError] = useState('');
  async function remove() {
    if (!window.confirm(`Remove ${name} from this class? Their account and progress stay theirs.`)) return;
    const response = await fetch(`/api/classes/${classId}/remove`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ studentId }),
    });
    const body = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: string };
    if (body.ok) window.location.reload();
    else setError(body.error ?? 'Could not remove the student. Try again.');
  }
  return (
    <>
      <button type="button" onClick={remove}>
        Remove from class
      </button>
      {error && <span role="alert"> {error}</span>}
    </>
  );
}
