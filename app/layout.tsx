import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'HeapQuest — see what CPython does with your objects',
  description: 'Predict refcounts, garbage collection and object sharing, then watch CPython prove it.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {/* Accounts: where signed-in people (and anyone else) find their pages. */}
        <nav className="site-nav" aria-label="Site">
          <a href="/">HeapQuest</a>
          <a href="/playground">Playground</a>
          <a href="/leaderboard">Leaderboards</a>
          <a href="/me">My progress</a>
          <a href="/teacher">Teachers</a>
          <a href="/login">Sign in</a>
        </nav>
        {children}
      </body>
    </html>
  );
}
