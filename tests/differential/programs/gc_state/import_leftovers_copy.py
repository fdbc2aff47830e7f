import gc
import copy
# Importing copy leaves cyclic garbage behind on 3.13 only.
print(gc.collect())
print(gc.collect())
