// Stars earned on a level, read out as words to a screen reader.
export function Stars({ count, size }: { count: number; size?: 'large' }) {
  return (
    <span role="img" aria-label={`${count} of 3 stars`} data-stars={count} style={size === 'large' ? { fontSize: '2rem', letterSpacing: '0.1em' } : undefined}>
      <span style={{ color: '#c98a00' }}>{'★'.repeat(count)}</span>
      <span style={{ color: '#b9b9b4' }}>{'☆'.repeat(3 - count)}</span>
    </span>
  );
}
