# A status that is neither None nor an int is printed to stderr and the status is 1.
import sys
print("bad status")
sys.exit([1, "x"])
