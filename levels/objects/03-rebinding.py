nums = [1, 2]
first = nums
nums = nums + [3]
print(first is nums)
print(first)
before = id(nums)
nums += [4]
print(id(nums) == before)
print(nums)
