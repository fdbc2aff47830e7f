import sys
import weakref
class C:
    def m(self):
        pass
o = C()
print(sys.getsizeof(o.m), sys.getsizeof(range(10)), sys.getsizeof(range(10 ** 6)))
print(sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter('ab')))
print(sys.getsizeof(iter(range(3))), sys.getsizeof(iter({})), sys.getsizeof(iter(set())))
print(sys.getsizeof(enumerate([])), sys.getsizeof(zip([], [])))
print(sys.getsizeof(weakref.ref(o)))
try:
    1 / 0
except ZeroDivisionError as e:
    print(sys.getsizeof(e))
