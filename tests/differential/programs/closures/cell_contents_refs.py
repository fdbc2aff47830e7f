# A closure keeps its free variables in cells; the cell, not the function, holds the object.
import sys

def make_counter():
    hits = []
    def hit(label):
        hits.append(label)
        return len(hits)
    return hit

first = make_counter()
second = make_counter()
print(first("a"), first("b"), second("c"))
cell = first.__closure__[0]
print(type(cell).__name__, len(first.__closure__), cell.cell_contents)
print("cell shared", first.__closure__[0] is cell, second.__closure__[0] is cell)
held = cell.cell_contents
print("refs to the list", sys.getrefcount(held))
del first
print("function gone", sys.getrefcount(held), sys.getrefcount(cell))
del cell
print("cell gone", sys.getrefcount(held))

def empty_cell():
    def inner():
        return later
    probe = inner.__closure__[0]
    try:
        probe.cell_contents
    except ValueError as e:
        print("before assignment:", e)
    later = [1]
    print("after assignment:", probe.cell_contents)
empty_cell()
