# Start-up excess of identifier-like string constants: CPython's own start-up (the interpreter's
# static strings, builtins, the stdlib modules site imports) already holds interned strings such
# as 'name' or 'True', so a program's constant 'name' is that object and getrefcount shows those
# extra references. For each word: refcount of the constant in a minimal program minus that of a
# fresh, unused word in the same position; 3.12 and 3.13 print 'immortal' for immortal strings.
#
#   python3 tests/differential/measure/startup_strings.py          # prints the table
#   python3 tests/differential/measure/startup_strings.py --ts     # writes engine/startup-strings.ts
import os, subprocess, sys, tempfile
VERSIONS = ['3.10.13', '3.11.7', '3.12.1', '3.13.0']
FRESH = 'zqxfreshword'
IMMORTAL = 4294967295

WORDS = '''
name data value key text python spam eggs ham foo bar baz qux hello world apple banana cherry
orange grape cat dog fish bird cow red green blue yellow black white big small first second third
last one two three four five six seven eight nine ten zero hundred north south east west up down
left right yes no ok true false none null yes stop go start end begin done finish result results
item items list dict tuple set frozenset str int float bool bytes bytearray complex object type
len print input open range enumerate zip map filter sorted reversed sum min max abs round pow
divmod hash id iter next isinstance issubclass getattr setattr hasattr delattr repr format vars
dir globals locals callable chr ord hex oct bin any all super property staticmethod classmethod
True False None and or not is in if else elif for while def class return yield lambda import from
as with try except finally raise pass break continue global nonlocal del assert async await
self cls args kwargs x y z a b c i j k n m s t v w e f g h l o p q r u d
__init__ __name__ __main__ __doc__ __dict__ __class__ __len__ __str__ __repr__ __eq__ __hash__
__del__ __add__ __iter__ __next__ __call__ __getitem__ __setitem__ __enter__ __exit__ __module__
__qualname__ __slots__ __weakref__ __file__ __builtins__ __all__ __version__ __new__
path file files line lines word words char count counter total number numbers size length index
message msg error errors warning info debug test tests example sample input output in_ out
user users username password email age score scores grade grades student students teacher school
book books title author year month day date time hour minute second seconds
main run init setup config settings option options default defaults mode flag flags status state
node nodes tree root parent child children left right next prev head tail link graph edge vertex
stack queue heap cache buffer memory object objects ref refs count counts reference weak strong
id ids uid key keys values pairs entry entries table row rows column columns cell cells grid
point points line x1 y2 width height area shape circle square rectangle color colour
add remove append pop push get put update insert delete clear copy extend sort reverse join split
strip replace find upper lower encode decode read write close flush send recv
buf tmp temp val var obj elem el num idx cnt res ret acc tot
alpha beta gamma delta epsilon foo1 bar2 thing things stuff other another new old
utf-8 utf8 ascii latin1 little big strict ignore
copy deepcopy gc sys os re math time random collections weakref itertools functools
argv path modules version platform maxsize stdout stderr stdin
foo_bar my_var my_list my_dict counter_1 Hello World Python Spam Alice Bob Carol Dave Eve
alice bob carol dave eve john jane tom
'''.split()
# Left out: the names the measuring program itself uses (their count includes the program's own
# references), and 1-character strings (static singletons the engine models separately).
USED = {'sys', 'R', 'print', 'getrefcount'}
WORDS = list(dict.fromkeys(w for w in WORDS if w.isidentifier() and len(w) > 1 and w not in USED))
RUNS = 8  # 3.11's counts of some words move between runs (same file): those are left out of that version

def measure(v):
    src = 'import sys\nR = sys.getrefcount\nprint(R(%r))\n' % FRESH
    src += ''.join('print(R(%r))\n' % w for w in WORDS)
    with tempfile.TemporaryDirectory() as d:
        prog = os.path.join(d, 'prog.py')
        with open(prog, 'w') as f:
            f.write(src)
        out = subprocess.run([f'/root/.pyenv/versions/{v}/bin/python3', prog], capture_output=True, text=True, check=True,
                             env={'PATH': os.environ.get('PATH', '/usr/bin:/bin'), 'PYTHONHASHSEED': '0',
                                  'PYTHONDONTWRITEBYTECODE': '1', 'PYTHONIOENCODING': 'utf-8'}).stdout.split()
    base, counts = int(out[0]), [int(c) for c in out[1:]]
    return {w: 'immortal' if c == IMMORTAL else c - base for w, c in zip(WORDS, counts)}

def stable(v):
    runs = [measure(v) for _ in range(RUNS)]
    return {w: runs[0][w] if all(r[w] == runs[0][w] for r in runs) else None for w in WORDS}

tables = {v[:4]: stable(v) for v in VERSIONS}
if '--ts' not in sys.argv:
    for v, t in tables.items():
        print(v, 'unstable (left out):', *(w for w in WORDS if t[w] is None))
    print('word ' + ' '.join(tables))
    for w in WORDS:
        print(w, *(tables[v][w] for v in tables))
    sys.exit()

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, '..', '..', '..', 'engine', 'startup-strings.ts')
lines = ['// GENERATED by tests/differential/measure/startup_strings.py --ts: do not edit by hand.',
         '// String constants that CPython\'s start-up already holds (interned by the interpreter, builtins',
         '// and the stdlib modules loaded at start-up), measured as getrefcount of the constant in a',
         '// minimal program minus that of a fresh word. Words not listed have no excess (or were not measured).',
         '',
         '/** Extra references a constant equal to the word starts with (3.12: every interned string is immortal). */',
         'export const STARTUP_STR_EXCESS: Readonly<Record<\'3.10\' | \'3.11\' | \'3.13\', ReadonlyMap<string, number>>> = {']
for v in ('3.10', '3.11', '3.13'):
    t = tables[v]
    lines.append(f"  '{v}': new Map([")
    row = []
    for w in WORDS:
        if t[w] not in (None, 0, 'immortal'):
            row.append(f"['{w}', {t[w]}]")
    for i in range(0, len(row), 6):
        lines.append('    ' + ', '.join(row[i:i + 6]) + ',')
    lines.append('  ]),')
lines.append('};')
lines.append('')
lines.append('/** 3.13: strings interned during start-up are immortal (later ones are mortal). */')
lines.append('export const STARTUP_STR_IMMORTAL_313: ReadonlySet<string> = new Set([')
imm = [f"'{w}'" for w in WORDS if tables['3.13'][w] == 'immortal']
for i in range(0, len(imm), 10):
    lines.append('  ' + ', '.join(imm[i:i + 10]) + ',')
lines.append(']);')
with open(out, 'w') as f:
    f.write('\n'.join(lines) + '\n')
print('wrote', os.path.normpath(out), len(WORDS), 'words')
