import sys
import copy
inner = [1]
outer = [inner, [2]]
print(sys.getrefcount(inner))
shallow = copy.copy(outer)
print(sys.getrefcount(inner), shallow[0] is inner)
deep = copy.deepcopy(outer)
print(sys.getrefcount(inner), deep[0] is inner, sys.getrefcount(deep[0]))
