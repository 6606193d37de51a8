# del on list items and slices, and del of several targets at once.
lst = list("abcdefghij")
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[2:4]
print(lst)
del lst[::2]
print(lst)
del lst[0], lst[0]
print(lst)
nums = list(range(20))
del nums[5:], nums[0]
print(nums)
matrix = [[1, 2], [3, 4], [5, 6]]
del matrix[1][0]
del matrix[0]
print(matrix)
data = [1, 2, 3, 4, 5, 6, 7, 8]
i = 0
while i < len(data):
    if data[i] % 3 == 0:
        del data[i]
    else:
        i += 1
print(data)
try:
    del data[100]
except IndexError as e:
    print("IndexError:", e)
del data[100:200]
print(data)
