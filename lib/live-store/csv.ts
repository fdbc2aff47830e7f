// The report as CSV (RFC 4180): one row per student, one column group per question.
import { answerText, type SessionReport } from './report';

/**
 * One field: quoted when it holds a comma, a quote or a line break (quotes doubled). A text
 * that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe: nicknames are typed by students and the file is opened by their teacher.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(fields: readonly (string | number | boolean | null)[]): string {
  return fields.map(csvField).join(',');
}

export function reportCsv(report: SessionReport): string {
  const header = ['rank', 'nickname', 'score', 'correct', 'answered', 'removed'];
  for (const q of report.questions) {
    const n = q.index + 1;
    header.push(`Q${n} answer`, `Q${n} correct`, `Q${n} points`);
  }
  const lines = [csvRow(header)];
  for (const s of report.students) {
    const row: (string | number | boolean | null)[] = [s.rank, s.nickname, s.score, s.correct, s.answered, s.kicked ? 'yes' : 'no'];
    for (const r of s.questions) {
      if (r === null) row.push('', '', '');
      else row.push(answerText(r.answer), r.answered ? (r.correct ? 'yes' : 'no') : '', r.points);
    }
    lines.push(csvRow(row));
  }
  // CRLF between records, as RFC 4180 and spreadsheet programs expect.
  return lines.join('\r\n') + '\r\n';
}
