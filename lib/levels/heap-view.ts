// Reading a heap snapshot the way a student talks about it: objects named by paths such as
// `grid[0]` or `box.item`, and "who points at this?" answered in those words.

import type { FrameSnapshot, HeapObjectSnapshot, ObjectId, Reference } from '../../engine/trace';

export interface Snapshot {
  readonly frames: readonly FrameSnapshot[];
  readonly heap: readonly HeapObjectSnapshot[];
}

type Segment = { readonly attr: string } | { readonly index: number } | { readonly key: string };

function parsePath(path: string): { name: string; segments: Segment[] } {
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(path)!;
  const segments: Segment[] = [];
  const re = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(-?[0-9]+)\]|\['([^'\]]*)'\]/g;
  re.lastIndex = m[0].length;
  for (let s = re.exec(path); s !== null; s = re.exec(path)) {
    if (s[1] !== undefined) segments.push({ attr: s[1] });
    else if (s[2] !== undefined) segments.push({ index: Number(s[2]) });
    else segments.push({ key: s[3]! });
  }
  return { name: m[0], segments };
}

function objectById(snapshot: Snapshot): Map<ObjectId, HeapObjectSnapshot> {
  return new Map(snapshot.heap.map((o) => [o.id, o]));
}

/** A name as Python would look it up from the innermost frame: its locals, then the module's. */
function lookUpName(name: string, frames: readonly FrameSnapshot[]): ObjectId | null {
  const scopes = frames.length > 1 ? [frames[frames.length - 1]!, frames[0]!] : frames;
  for (const f of scopes) {
    const ref = f.locals.find((r) => r.label === name);
    if (ref !== undefined) return ref.target;
  }
  return null;
}

function follow(obj: HeapObjectSnapshot, seg: Segment, objects: Map<ObjectId, HeapObjectSnapshot>): ObjectId | null {
  const find = (label: string): ObjectId | null => obj.refs.find((r) => r.label === label)?.target ?? null;
  if ('attr' in seg) {
    const direct = find(`.${seg.attr}`) ?? find(seg.attr);
    if (direct !== null) return direct;
    const dict = find('__dict__');
    const d = dict === null ? undefined : objects.get(dict);
    return d?.refs.find((r) => r.label === `['${seg.attr}']`)?.target ?? null;
  }
  if ('key' in seg) return find(`['${seg.key}']`);
  const indexed = obj.refs.filter((r) => /^\[\d+\]$/.test(r.label));
  const i = seg.index < 0 ? indexed.length + seg.index : seg.index;
  return find(`[${i}]`);
}

/** The object a path names in this snapshot, or null. */
export function resolvePath(path: string, snapshot: Snapshot): ObjectId | null {
  const { name, segments } = parsePath(path);
  const objects = objectById(snapshot);
  let id = lookUpName(name, snapshot.frames);
  for (const seg of segments) {
    if (id === null) return null;
    const obj = objects.get(id);
    if (obj === undefined) return null;
    id = follow(obj, seg, objects);
  }
  return id !== null && objects.has(id) ? id : null;
}

/** Every object reachable from `root` through references, `root` included. */
export function reachableFrom(root: ObjectId, snapshot: Snapshot): Set<ObjectId> {
  const objects = objectById(snapshot);
  const seen = new Set<ObjectId>([root]);
  const stack = [root];
  while (stack.length > 0) {
    for (const r of objects.get(stack.pop()!)?.refs ?? []) {
      if (!seen.has(r.target)) {
        seen.add(r.target);
        stack.push(r.target);
      }
    }
  }
  return seen;
}

function frameName(frame: FrameSnapshot, frames: readonly FrameSnapshot[]): string {
  return frame === frames[0] ? '' : ` in ${frame.name}()`;
}

/** `holder` + how it names its target, as code: `pair` + `[0]` → `pair[0]`; `box` + `__dict__` + `['x']` → `box.x`. */
function joinLabel(base: string, label: string): string {
  if (label.startsWith('[')) return `${base}${label}`;
  if (label.startsWith('.')) return `${base}${label}`;
  return `${base}.${label}`;
}

/** Short code paths to every object, found breadth-first from the frames' names (innermost frame first). */
function namePaths(snapshot: Snapshot, maxDepth = 3): Map<ObjectId, string> {
  const objects = objectById(snapshot);
  const paths = new Map<ObjectId, string>();
  let frontier: { id: ObjectId; path: string }[] = [];
  for (const f of [...snapshot.frames].reverse()) {
    for (const r of f.locals) {
      if (!paths.has(r.target)) {
        paths.set(r.target, r.label);
        frontier.push({ id: r.target, path: r.label });
      }
    }
  }
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { id, path } of frontier) {
      const obj = objects.get(id);
      for (const r of obj?.refs ?? []) {
        if (paths.has(r.target)) continue;
        // An instance's attributes sit in its __dict__: name them `obj.attr`, not `obj.__dict__['attr']`.
        if (r.label === '__dict__') {
          const dict = objects.get(r.target);
          for (const inner of dict?.refs ?? []) {
            const key = /^\['(.*)'\]$/.exec(inner.label);
            if (key !== null && !paths.has(inner.target)) {
              paths.set(inner.target, `${path}.${key[1]}`);
              next.push({ id: inner.target, path: `${path}.${key[1]}` });
            }
          }
          continue;
        }
        // Only names a student could type: items, keys and attributes, not __closure__ or cells.
        if (!/^(\[|\.)/.test(r.label)) continue;
        const p = joinLabel(path, r.label);
        paths.set(r.target, p);
        next.push({ id: r.target, path: p });
      }
    }
    frontier = next;
  }
  return paths;
}

/** Who points at `id`, in code words: "`a`", "`pair[0]`", "`box.item`", "`x` in f()", "`[0]` of a list". */
export function holdersOf(id: ObjectId, snapshot: Snapshot): string[] {
  const out: string[] = [];
  for (const f of snapshot.frames) {
    for (const r of f.locals) if (r.target === id) out.push(`\`${r.label}\`${frameName(f, snapshot.frames)}`);
  }
  const paths = namePaths(snapshot);
  const objects = objectById(snapshot);
  for (const holder of snapshot.heap) {
    for (const r of holder.refs) {
      if (r.target !== id) continue;
      out.push(describeReference(holder, r, paths, objects));
    }
  }
  return out;
}

function describeReference(holder: HeapObjectSnapshot, ref: Reference, paths: Map<ObjectId, string>, objects: Map<ObjectId, HeapObjectSnapshot>): string {
  const key = /^\['(.*)'\]$/.exec(ref.label);
  if (key !== null) {
    // A dict that is some instance's __dict__ reads as that instance's attribute.
    const owner = [...objects.values()].find((o) => o.refs.some((r) => r.label === '__dict__' && r.target === holder.id));
    const ownerPath = owner === undefined ? undefined : paths.get(owner.id);
    if (ownerPath !== undefined) return `\`${ownerPath}.${key[1]}\``;
  }
  const base = paths.get(holder.id);
  if (base !== undefined) return `\`${joinLabel(base, ref.label)}\``;
  return `\`${ref.label}\` of a ${holder.type}`;
}

/** Types whose repr is their value, so it names them better than any variable could. */
const VALUE_TYPES = new Set(['int', 'float', 'str', 'bool', 'NoneType', 'bytes']);

/**
 * A student-readable name for an object: a value's repr (`'cy'`, `1000`), otherwise its type
 * and a path from a name (the list `grid[0]`), otherwise where it was made.
 */
export function describeObject(id: ObjectId, snapshot: Snapshot, allocatedOn?: ReadonlyMap<ObjectId, { line: number; type: string }>): string {
  const obj = snapshot.heap.find((o) => o.id === id);
  if (obj !== undefined && VALUE_TYPES.has(obj.type)) return `\`${obj.repr}\``;
  const type = obj?.type ?? allocatedOn?.get(id)?.type ?? 'object';
  const path = namePaths(snapshot).get(id);
  if (path !== undefined) return `the ${type} \`${path}\``;
  const born = allocatedOn?.get(id);
  return born !== undefined ? `the ${type} made on line ${born.line}` : `a ${type}`;
}

export function describeObjects(ids: readonly ObjectId[], snapshot: Snapshot, allocatedOn?: ReadonlyMap<ObjectId, { line: number; type: string }>): string {
  if (ids.length === 0) return 'nothing';
  const names = ids.map((id) => describeObject(id, snapshot, allocatedOn));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
