# Built-in classes, built-in functions and exception objects are objects with sizes too.
import sys
import gc
import weakref

class AppError(Exception):
    pass

class NotFound(KeyError):
    pass

print("types    ", sys.getsizeof(int), sys.getsizeof(str), sys.getsizeof(type), sys.getsizeof(Exception))
print("builtins ", sys.getsizeof(len), sys.getsizeof(print), sys.getsizeof(str.upper), sys.getsizeof([].append))
print("plain    ", sys.getsizeof(Exception()), sys.getsizeof(ValueError("bad")), sys.getsizeof(KeyError("k")))
print("own class", sys.getsizeof(AppError()), sys.getsizeof(NotFound("k")), sys.getsizeof(AppError("a", "b")))
print("stop     ", sys.getsizeof(StopIteration()), sys.getsizeof(StopIteration(5)))
err = AppError("x")
err.detail = [1, 2]
print("with attr", sys.getsizeof(err))
print("tracked  ", gc.is_tracked(len), gc.is_tracked(str.upper), gc.is_tracked(int), gc.is_tracked(err))
r = weakref.ref(err)
print("weakref  ", type(r).__name__, type(r).__module__, type(r) is weakref.ref, type(r))
