"""Dump CPython's own parse of each source in the normalised JSON shape of engine/ast.ts.

Reads a JSON list of sources on stdin; writes a JSON list, one entry per source:
  {"ok": MODULE, "nodes": [CPython node class names]}   when the source compiles
  {"error": {"type", "msg", "line", "col"}}              when CPython rejects it

Sources are compiled in full (compile(), not just ast.parse) so the checks CPython's
compiler makes before running ('return' outside function, ...) count as rejections too.
Columns are 1-based code points, as engine/ast.ts has them (CPython's col_offset counts
UTF-8 bytes, so it is converted using the source line).
"""
import ast
import json
import re
import sys
import warnings

sys.set_int_max_str_digits(0) if hasattr(sys, "set_int_max_str_digits") else None
warnings.simplefilter("ignore")

RENAMED = {"Expr": "ExprStmt"}
# Fields of each node that engine/ast.ts keeps; everything else CPython has must be empty.
FIELDS = {
    "Module": ["body"],
    "FunctionDef": ["name", "args", "body"],
    "ClassDef": ["name", "bases", "body"],
    "Return": ["value"],
    "Delete": ["targets"],
    "Assign": ["targets", "value"],
    "AugAssign": ["target", "op", "value"],
    "For": ["target", "iter", "body", "orelse"],
    "While": ["test", "body", "orelse"],
    "If": ["test", "body", "orelse"],
    "Try": ["body", "handlers", "orelse", "finalbody"],
    "ExceptHandler": ["type", "name", "body"],
    "Raise": ["exc"],
    "Assert": ["test", "msg"],
    "Import": ["names"],
    "ImportFrom": ["module", "names"],
    "Global": ["names"],
    "Nonlocal": ["names"],
    "Expr": ["value"],
    "Pass": [], "Break": [], "Continue": [],
    "BoolOp": ["op", "values"],
    "BinOp": ["left", "op", "right"],
    "UnaryOp": ["op", "operand"],
    "Lambda": ["args", "body"],
    "IfExp": ["test", "body", "orelse"],
    "Dict": ["keys", "values"],
    "Set": ["elts"],
    "ListComp": ["elt", "generators"],
    "SetComp": ["elt", "generators"],
    "DictComp": ["key", "value", "generators"],
    "GeneratorExp": ["elt", "generators"],
    "Yield": ["value"],
    "Compare": ["left", "ops", "comparators"],
    "Call": ["func", "args", "keywords"],
    "JoinedStr": ["values"],
    "FormattedValue": ["value", "conversion", "format_spec"],
    "Constant": ["value"],
    "Attribute": ["value", "attr", "ctx"],
    "Subscript": ["value", "slice", "ctx"],
    "Starred": ["value", "ctx"],
    "Name": ["id", "ctx"],
    "List": ["elts", "ctx"],
    "Tuple": ["elts", "ctx"],
    "Slice": ["lower", "upper", "step"],
}
PLAIN = {  # nodes engine/ast.ts keeps without a `kind`
    "arguments": ["args", "defaults", "vararg", "kwarg"],
    "arg": ["arg"],
    "keyword": ["arg", "value"],
    "alias": ["name", "asname"],
    "comprehension": ["target", "iter", "ifs"],
}
FIELD_NAMES = {"format_spec": "formatSpec"}
# Fields CPython fills in that carry no meaning for us: `# type:` comments and the `u` of u'...'.
IGNORED_FIELDS = {"type_comment", "kind"}


def constant(v):
    if v is None:
        return {"type": "None"}
    if v is Ellipsis:
        return {"type": "Ellipsis"}
    if isinstance(v, bool):
        return {"type": "bool", "value": v}
    if isinstance(v, int):
        return {"type": "int", "value": str(v)}
    if isinstance(v, float):
        return {"type": "float", "value": repr(v)}
    if isinstance(v, str):
        return {"type": "str", "value": v}
    raise ValueError(f"constant of type {type(v).__name__} is outside the subset")


class Dumper:
    def __init__(self, source):
        self.lines = re.split(r"\r\n|\r|\n", source.lstrip("\ufeff"))

    def col(self, lineno, byte_offset):
        line = self.lines[lineno - 1].encode("utf-8")
        return len(line[:byte_offset].decode("utf-8", errors="replace")) + 1

    def pos(self, node, out):
        out["line"] = node.lineno
        out["col"] = self.col(node.lineno, node.col_offset)

    def dump(self, node, in_joined=False):
        if isinstance(node, list):
            return [self.dump(x, in_joined) for x in node]
        if node is None or isinstance(node, (str, int)):
            return node
        name = type(node).__name__
        if isinstance(node, ast.MatMult):
            raise ValueError("the @ operator is outside the subset")
        if isinstance(node, (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)):
            return name
        if name in PLAIN:
            out = {f: self.dump(getattr(node, f)) for f in PLAIN[name]}
            if name == "arguments":
                if node.posonlyargs or node.kwonlyargs:
                    raise ValueError("keyword-only and positional-only parameters are outside the subset")
            if name != "arguments" and name != "comprehension":
                self.pos(node, out)
            if name == "comprehension" and node.is_async:
                raise ValueError("async comprehensions are outside the subset")
            if name == "arg" and node.annotation is not None:
                raise ValueError("annotations are outside the subset")
            return out
        if name not in FIELDS:
            raise ValueError(f"{name} is outside the subset")
        for f in node._fields:
            # Any other field CPython fills in (decorators, annotations, `raise ... from`, class keywords,
            # relative import level, type parameters) means the source uses something outside the subset.
            if f not in FIELDS[name] and f not in IGNORED_FIELDS and getattr(node, f):
                raise ValueError(f"{name}.{f} is outside the subset")
        if name in ("List", "Tuple", "Set") and isinstance(getattr(node, "ctx", ast.Load()), ast.Load):
            if any(isinstance(e, ast.Starred) for e in node.elts):
                raise ValueError("star-expressions in displays are outside the subset")
        if name == "Subscript" and isinstance(node.slice, ast.Starred):
            raise ValueError("star-expressions in subscripts are outside the subset")
        if name == "ImportFrom" and (node.module == "__future__" or any(a.name == "*" for a in node.names)):
            raise ValueError("future and star imports are outside the subset")
        out = {"kind": RENAMED.get(name, name)}
        for f in FIELDS[name]:
            v = getattr(node, f)
            if name == "Constant":
                out[f] = constant(v)
            elif name == "JoinedStr" and f == "values":
                # CPython 3.12 keeps empty text parts in format specs; they format to nothing.
                out[f] = [self.dump(x, True) for x in v if not (isinstance(x, ast.Constant) and x.value == "")]
            else:
                out[FIELD_NAMES.get(f, f)] = self.dump(v)
        if name == "FormattedValue" and out["formatSpec"] is not None and not out["formatSpec"]["values"]:
            out["formatSpec"] = None
        if name in ("FunctionDef", "ClassDef"):
            out["endLine"] = node.end_lineno
        if name != "Module" and not (in_joined and name == "Constant"):
            # Text parts of an f-string have version-specific positions; their expressions do not.
            self.pos(node, out)
        if name == "Module":
            out["line"] = 1
            out["col"] = 1
        return out


def one(source):
    # CPython drops a UTF-8 BOM when it reads a file; compile() of a str would not.
    source = source.removeprefix("\ufeff")
    try:
        compile(source, "<snippet>", "exec")
    except SyntaxError as e:
        kind = "IndentationError" if isinstance(e, IndentationError) else "SyntaxError"
        return {"error": {"type": kind, "msg": e.msg, "line": e.lineno, "col": e.offset}}
    tree = ast.parse(source)
    try:
        dumped = Dumper(source).dump(tree)
    except ValueError as e:
        dumped = None
        outside = str(e)
    else:
        outside = None
    return {"ok": dumped, "outside": outside, "nodes": sorted({type(n).__name__ for n in ast.walk(tree)})}


def stdlib_statements():
    """Every top-level statement of the standard library's own top-level modules, with CPython's dump.

    A corpus of real code written by people who were not thinking of our parser.
    """
    import glob
    import os
    import sysconfig

    out = []
    for path in sorted(glob.glob(os.path.join(sysconfig.get_path("stdlib"), "*.py"))):
        with open(path, encoding="utf-8") as f:
            source = f.read()
        lines = source.splitlines(keepends=True)
        covered = 0
        for node in ast.parse(source).body:
            start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            if start <= covered:  # shares a line with the previous statement (`a = 1; b = 2`)
                continue
            covered = node.end_lineno
            segment = "".join(lines[start - 1 : node.end_lineno])
            out.append({"file": os.path.basename(path), "line": start, "source": segment, "cpython": one(segment)})
    return out


def main():
    if sys.argv[1:] == ["--stdlib-statements"]:
        json.dump(stdlib_statements(), sys.stdout)
        return
    sources = json.load(sys.stdin)
    json.dump([one(s) for s in sources], sys.stdout)


if __name__ == "__main__":
    main()
