'use client';

// The program editor: CodeMirror 6 with Python highlighting, the engine's refusals as lint
// diagnostics at their line:col, and the line the scene is on marked. The React side only
// sends the value in and gets changes out; CodeMirror owns the text while it is focused.

import { useEffect, useRef } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, highlightActiveLine, keymap, lineNumbers, type DecorationSet } from '@codemirror/view';

export interface EditorProblem {
  /** 1-based line and column, as the engine reports them. */
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export interface CodeEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter. */
  readonly onRun: () => void;
  readonly problems: readonly EditorProblem[];
  /** The line the scene shows (1-based), or null. */
  readonly currentLine: number | null;
  readonly label: string;
}

const setCurrentLine = StateEffect.define<number | null>();
const currentLineMark = Decoration.line({ class: 'hq-current-line', attributes: { 'data-current-line': 'true' } });

const currentLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) {
      if (e.is(setCurrentLine)) {
        const line = e.value;
        if (line === null || line < 1 || line > tr.state.doc.lines) return Decoration.none;
        return Decoration.set([currentLineMark.range(tr.state.doc.line(line).from)]);
      }
    }
    return tr.docChanged ? marks.map(tr.changes) : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const theme = EditorView.theme({
  '&': { fontSize: '15px', border: '1px solid #8a8a8a', borderRadius: '8px', background: '#fff' },
  '&.cm-focused': { outline: '3px solid #0072b2', outlineOffset: '1px' },
  '.cm-content': { fontFamily: '"DejaVu Sans Mono", Menlo, Consolas, monospace', minHeight: '220px' },
  '.cm-gutters': { background: '#f4f4f0', borderRight: '1px solid #d0d0d0', borderRadius: '8px 0 0 8px' },
  '.hq-current-line': { background: '#fff3d6', boxShadow: 'inset 3px 0 0 #e69f00' },
});

/** The diagnostic's span: from the engine's column to the end of that line (at least one character). */
function toDiagnostic(state: EditorState, p: EditorProblem): Diagnostic {
  const line = state.doc.line(Math.max(1, Math.min(p.line, state.doc.lines)));
  const from = Math.min(line.to, line.from + Math.max(0, p.col - 1));
  const to = from < line.to ? line.to : Math.min(state.doc.length, from + 1);
  return { from, to: Math.max(from, to), severity: p.severity, message: p.message, source: 'HeapQuest engine' };
}

export function CodeEditor(props: CodeEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const live = useRef(props);
  live.current = props;

  useEffect(() => {
    const extensions: Extension[] = [
      lineNumbers(),
      history(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      syntaxHighlighting(defaultHighlightStyle),
      python(),
      lintGutter(),
      currentLineField,
      keymap.of([
        { key: 'Mod-Enter', run: () => (live.current.onRun(), true) },
        indentWithTab,
        ...defaultKeymap,
        ...historyKeymap,
      ]),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) live.current.onChange(u.state.doc.toString());
      }),
      EditorView.contentAttributes.of({ 'aria-label': props.label, 'data-testid': 'code-editor' }),
      theme,
    ];
    const view = new EditorView({ state: EditorState.create({ doc: props.value, extensions }), parent: hostRef.current! });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The editor is made once; later values arrive through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || view.state.doc.toString() === props.value) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: props.value } });
  }, [props.value]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    view.dispatch(setDiagnostics(view.state, props.problems.map((p) => toDiagnostic(view.state, p))));
  }, [props.problems]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: setCurrentLine.of(props.currentLine) });
  }, [props.currentLine]);

  return <div ref={hostRef} />;
}
