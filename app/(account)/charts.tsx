// Inline SVG charts for the account pages: small, no chart library, readable without colour
// (every bar has its number written beside it) and described for screen readers.

export interface Bar {
  readonly label: string;
  /** 0–1. */
  readonly value: number;
  /** Written after the bar, e.g. "3 of 8 first try". */
  readonly note: string;
}

const ROW = 26;
const LABEL_W = 220;
const BAR_W = 260;
const NOTE_W = 250;

export function Bars({ bars, title, colour = '#0072b2', testId }: { bars: readonly Bar[]; title: string; colour?: string; testId?: string }) {
  const height = bars.length * ROW + 4;
  return (
    <svg
      role="img"
      aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.note}`).join('; ')}`}
      viewBox={`0 0 ${LABEL_W + BAR_W + NOTE_W} ${height}`}
      width="100%"
      style={{ maxWidth: LABEL_W + BAR_W + NOTE_W }}
      data-testid={testId}
    >
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * ROW + 2;
        const w = Math.max(1, Math.round(Math.min(1, Math.max(0, b.value)) * BAR_W));
        return (
          <g key={`${b.label}-${i}`}>
            <text x={LABEL_W - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize="13" fill="currentColor">
              {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
            </text>
            <rect x={LABEL_W} y={y + 3} width={BAR_W} height={ROW - 8} fill="#ececea" rx="3" />
            <rect x={LABEL_W} y={y + 3} width={w} height={ROW - 8} fill={colour} rx="3" />
            <text x={LABEL_W + BAR_W + 8} y={y + ROW / 2 + 4} fontSize="13" fill="currentColor">
              {b.note}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export const percent = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}
