// The text view of one heap: the same sentences for the scene's own toggle and the playground's.
import type { SceneText } from './text';

export function SceneTextView(props: { readonly text: SceneText; readonly className?: string; readonly testId: string }) {
  const { text } = props;
  return (
    <div className={props.className} data-testid={props.testId}>
      <p>{text.summary}</p>
      {text.gc && <p>{text.gc}</p>}
      <strong>Names</strong>
      <ul>
        {text.frames.map((l) => (
          <li key={l.key}>{l.text}</li>
        ))}
      </ul>
      <strong>Objects</strong>
      <ul>
        {text.objects.map((l) => (
          <li key={l.key}>{l.text}</li>
        ))}
      </ul>
    </div>
  );
}
