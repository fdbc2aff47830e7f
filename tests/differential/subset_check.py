# Checks that corpus programs stay inside the Python subset the engine implements (issue 3).
# Usage: python3 subset_check.py FILE...   Prints one line per violation: FILE:LINE:COL: what.
# Exit 0 when every file is inside the subset.
import ast
import sys

MODULES = {'sys', 'gc', 'copy', 'weakref'}
BUILTINS = {
    # listed in issue 3
    'print', 'len', 'range', 'id', 'list', 'dict', 'set', 'tuple', 'str', 'int', 'sum', 'min', 'max',
    'sorted', 'enumerate', 'zip', 'isinstance', 'hasattr', 'getattr', 'setattr', 'super',
    # types the subset has literals for, and the few helpers beginners' programs cannot avoid
    'frozenset', 'float', 'bool', 'next', 'iter', 'type', 'repr', 'abs', 'round',
    'None', 'True', 'False', '__name__',
    # built-in exceptions the subset can raise or catch
    'Exception', 'BaseException', 'ArithmeticError', 'LookupError', 'ValueError', 'TypeError',
    'KeyError', 'IndexError', 'ZeroDivisionError', 'NameError', 'UnboundLocalError', 'AttributeError',
    'RuntimeError', 'RecursionError', 'StopIteration', 'OverflowError',
}
FORBIDDEN = {
    ast.With: 'with', ast.AsyncWith: 'async with', ast.AsyncFunctionDef: 'async def', ast.Await: 'await',
    ast.YieldFrom: 'yield from', ast.NamedExpr: 'walrus', ast.Assert: 'assert', ast.Nonlocal: 'nonlocal',
    ast.ImportFrom: 'from-import', ast.AsyncFor: 'async for',
    ast.MatMult: '@ operator',
}
if hasattr(ast, 'Match'):
    FORBIDDEN[ast.Match] = 'match'


def check(path):
    source = open(path, encoding='utf-8').read()
    tree = ast.parse(source, path)
    problems = []
    # A program that is about an uncaught NameError says so, and may use undefined names.
    expects_name_error = '# expects NameError' in source
    defined = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            defined.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                defined.add(alias.asname or alias.name)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            defined.add(node.name)
    # f(*args) and f(**kwargs) unpack into a call (the callee's *args/**kwargs); other stars are outside.
    call_stars = {id(a) for n in ast.walk(tree) if isinstance(n, ast.Call) for a in n.args if isinstance(a, ast.Starred)}
    for node in ast.walk(tree):
        where = f'{path}:{getattr(node, "lineno", 0)}:{getattr(node, "col_offset", 0) + 1}'
        if isinstance(node, ast.Starred) and id(node) not in call_stars:
            problems.append(f'{where}: star expression')
        for kind, what in FORBIDDEN.items():
            if isinstance(node, kind):
                problems.append(f'{where}: {what}')
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name not in MODULES or alias.asname:
                    problems.append(f'{where}: import {alias.name}')
        elif isinstance(node, (ast.FunctionDef, ast.Lambda)):
            a = node.args
            if a.kwonlyargs or a.posonlyargs:
                problems.append(f'{where}: keyword-only or positional-only parameters')
            if isinstance(node, ast.FunctionDef) and (node.decorator_list or node.returns):
                problems.append(f'{where}: decorator or annotation')
        elif isinstance(node, ast.ClassDef) and (node.decorator_list or node.keywords):
            problems.append(f'{where}: class decorator or keyword')
        elif isinstance(node, (ast.For, ast.While)) and node.orelse:
            problems.append(f'{where}: else clause on a loop')
        elif isinstance(node, ast.Try) and node.orelse:
            problems.append(f'{where}: else clause on try')
        elif isinstance(node, ast.Dict) and any(k is None for k in node.keys):
            problems.append(f'{where}: ** in a dict display')
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, (ast.Constant, ast.JoinedStr)) and isinstance(getattr(node.left, 'value', None), str):
            problems.append(f'{where}: %-formatting')
        elif isinstance(node, (ast.AnnAssign, ast.Global)) and isinstance(node, ast.AnnAssign):
            problems.append(f'{where}: annotation')
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            if node.id not in defined and node.id not in BUILTINS and not expects_name_error:
                problems.append(f'{where}: name {node.id} is not a subset builtin')
        elif isinstance(node, ast.FormattedValue) and node.conversion not in (-1, ord('r'), ord('s')):
            problems.append(f'{where}: f-string conversion')
    return problems


def main():
    bad = []
    for path in sys.argv[1:]:
        bad.extend(check(path))
    for line in bad:
        print(line)
    sys.exit(1 if bad else 0)


main()
