nums = list(range(10))
print(nums[2:5], nums[:3], nums[7:], nums[-3:], nums[::2], nums[::-1])
print(nums[1:8:3], nums[8:1:-2], nums[100:], nums[-100:2])
s = nums[:]
print(s == nums, s is nums)
