# deepcopy keeps one memo for the whole copy; a __deepcopy__ hook that passes it on keeps
# shared objects shared in the copy, and a memo you pass in fills up as the copy proceeds.
import copy
import sys

class Pair:
    def __init__(self, left, right):
        self.left = left
        self.right = right
    def __deepcopy__(self, memo):
        print("hook sees a memo of", len(memo))
        return Pair(copy.deepcopy(self.left, memo), copy.deepcopy(self.right, memo))

shared = [1, [2]]
p = Pair(shared, shared)
q = copy.deepcopy(p)
print(q.left is q.right, q.left is shared, q.left == shared)
both = copy.deepcopy([p, p])
print(both[0] is both[1], both[0].left is both[0].right)

memo = {}
original = [shared, shared, (3, shared)]
clone = copy.deepcopy(original, memo)
print(len(memo), memo[id(original)] is clone, memo[id(shared)] is clone[0])
print("originals kept alive:", len(memo[id(memo)]), sys.getrefcount(shared))
print("again from the memo:", copy.deepcopy(original, memo) is clone)
del memo
print("memo gone:", sys.getrefcount(shared))
