# sum with ints, floats, start values, and lists (with start=[]).
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum((1.5, 2.5)), sum([1, 2], 10), sum([], start=5))
print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([True, True, False]))
print(sum(x * x for x in range(10)), sum(i for i in range(0)), sum([2 ** 64, 2 ** 64]))
print(sum([1, 2.0, True]), type(sum([1, 2])).__name__, type(sum([1, 2.0])).__name__)
print(sum(range(1, 11)) / len(range(1, 11)), sum([-1, -2, 3]), sum({1: "a", 2: "b"}))
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(sum(nums) / len(nums), sum(n for n in nums if n % 2), sum(nums[::2]))
matrix = [[1, 2, 3], [4, 5, 6]]
print(sum(sum(row) for row in matrix), [sum(col) for col in zip(*matrix)], sum(matrix, []))
print(sum([0.5] * 4, 0.25), sum(range(-5, 6)), sum([10 ** 20, -(10 ** 20), 1]))
