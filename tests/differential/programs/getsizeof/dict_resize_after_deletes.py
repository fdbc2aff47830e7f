# A full dict that lost most of its entries is rebuilt when the next new key arrives:
# the new table is sized for 3 x the live entries, and never smaller than 16 slots once
# anything is left in it.
import sys
S = sys.getsizeof
print("live  before  str-keys  int-keys")
for live in range(6):
    words = {}
    nums = {}
    for i in range(5):
        words["k" + str(i)] = i
        nums[i] = i
    for i in range(5 - live):
        del words["k" + str(i)]
        del nums[i]
    before = S(words)
    words["new"] = 1
    nums[99] = 1
    print(f"{live:>4}  {before:>6}  {S(words):>8}  {S(nums):>8}")
emptied = dict.fromkeys(range(10))
for i in range(10):
    del emptied[i]
emptied["x"] = 1
print("all gone, then one:", S(emptied))
