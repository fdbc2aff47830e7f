# The collector's state when a script's main module starts to run, read from the interpreter
# with gdb (the pyenv builds carry debug info), so that nothing the script does disturbs it:
#
#   env -i PATH=$PATH PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 PYTHONIOENCODING=utf-8 \
#     gdb -batch -nx -ex 'unset environment LINES' -ex 'unset environment COLUMNS' \
#     -ex 'set startup-with-shell off' -x tests/differential/measure/gc_start_state.gdb.py \
#     -ex run --args /root/.pyenv/versions/3.12.1/bin/python3 prog.py | grep STATE
#
# Prints a STATE line at each run_mod (compiling a module from source: .pth lines executed by
# site, then the script; the last one is the script), at the first PyEval_EvalCode after it (the
# code starts) and at every call of abs() (a marker a script can place: `abs(1)`).
# counts = gc.get_count(); sizes = tracked objects per generation; llt/llp = long_lived_total
# and long_lived_pending; tuple = free tuples by index (3.10: index = size; 3.11+: size - 1);
# list, dict (and 3.10 frame) = free-list lengths. See docs/cpython-facts.md §3.3.
import gdb


def ev(expr):
    return gdb.parse_and_eval(expr)


def gen_size(head):
    n = 0
    end = int(head.address)
    g = head['_gc_next']
    gc_head = gdb.lookup_type('PyGC_Head').pointer()
    while int(g) != end:
        n += 1
        g = g.cast(gc_head)['_gc_next']
    return n


def dump(tag):
    interp = ev('_PyRuntime.interpreters.main')
    gc = interp['gc']
    gens = gc['generations']
    out = {
        'counts': [int(gens[i]['count']) for i in range(3)],
        'sizes': [gen_size(gens[i]['head']) for i in range(3)],
        'llt': int(gc['long_lived_total']),
        'llp': int(gc['long_lived_pending']),
    }
    try:
        fl = interp['object_state']['freelists']  # 3.13
        out['tuple'] = [int(fl['tuples']['numfree'][i]) for i in range(10)]
        out['list'] = int(fl['lists']['numfree'])
        out['dict'] = int(fl['dicts']['numfree'])
    except gdb.error:
        out['tuple'] = [int(interp['tuple']['numfree'][i]) for i in range(10)]
        out['list'] = int(interp['list']['numfree'])
        out['dict'] = int(interp['dict_state']['numfree'])
        try:
            out['frame'] = int(interp['frame']['numfree'])  # 3.10
        except gdb.error:
            pass
    print('STATE', tag, out)


class Probe(gdb.Breakpoint):
    def __init__(self, spec, tag, then=None):
        super().__init__(spec, internal=True)
        self.tag = tag
        self.then = then

    def stop(self):
        dump(self.tag)
        if self.then is not None:
            self.then()
        return False


armed = []


def arm_eval():
    if not armed:
        armed.append(Probe('PyEval_EvalCode', 'eval'))


Probe('run_mod', 'compile', arm_eval)
Probe('builtin_abs', 'abs')
