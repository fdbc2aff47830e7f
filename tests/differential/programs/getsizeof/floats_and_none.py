import sys
print(sys.getsizeof(0.0), sys.getsizeof(1e300), sys.getsizeof(float('inf')))
print(sys.getsizeof(None))
