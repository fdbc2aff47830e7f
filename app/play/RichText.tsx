// Text with `code` spans, as level authors write titles, prompts, hints and explanations.
import type { ReactNode } from 'react';

export function RichText({ text }: { text: string }): ReactNode {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <span key={i}>{part}</span>))}
    </>
  );
}
