// Colours for the scene. Accents are the Okabe–Ito colour-blind-safe set; boxes are light
// with dark text, and no fact is told by colour alone (every state also has a word).

export const PALETTE = {
  background: 0xfafaf7,
  text: 0x1d1d1f,
  mutedText: 0x4a4a4f,
  frameFill: 0xffffff,
  frameHeader: 0xececec,
  frameBorder: 0x7a7a7a,
  varDot: 0x1d1d1f,
  boxBorder: 0x3b4b5c,
  /** Fill by kind of object, so containers and scalars read apart at a glance. */
  containerFill: 0xe3eef9,
  scalarFill: 0xfbf6e4,
  instanceFill: 0xe4f4ec,
  otherFill: 0xf1f1f1,
  badgeFill: 0x0072b2, // Okabe–Ito blue, white text
  badgeText: 0xffffff,
  immortalFill: 0xcc79a7, // reddish purple, dark text
  immortalText: 0x1d1d1f,
  sharedFill: 0xf3dbe9,
  sharedBorder: 0xcc79a7,
  gcRefsFill: 0xe69f00, // orange, dark text
  gcRefsText: 0x1d1d1f,
  unreachableBorder: 0xd55e00, // vermillion
  unreachableFill: 0xfbe3d6,
  arrow: 0x4a4a4f,
  highlight: 0x009e73, // bluish green
  selected: 0x0072b2,
} as const;

const CONTAINERS = new Set(['list', 'tuple', 'dict', 'set', 'frozenset', 'bytearray', 'deque']);
const SCALARS = new Set(['int', 'float', 'str', 'bool', 'bytes', 'complex', 'NoneType']);
const CODE = new Set(['function', 'method', 'builtin_function_or_method', 'code', 'cell', 'generator', 'module', 'type']);

export function fillFor(type: string): number {
  if (CONTAINERS.has(type)) return PALETTE.containerFill;
  if (SCALARS.has(type)) return PALETTE.scalarFill;
  if (CODE.has(type)) return PALETTE.otherFill;
  return PALETTE.instanceFill;
}
