# Reading list slices with positive, negative, out-of-range bounds and steps.
lst = list(range(10))
print(lst[2:5], lst[:3], lst[7:], lst[-3:], lst[:-7], lst[-5:-2])
print(lst[::2], lst[1::3], lst[::-1], lst[::-3], lst[7:2:-1], lst[-1:-4:-1])
print(lst[100:], lst[-100:2], lst[5:1], lst[3:3], lst[::100])
print(lst[1:9][::2][1:], lst[::-1][2:5])
sub = lst[2:6]
sub[0] = "changed"
print(sub, lst[2])
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1:], m[:2][1], [row[1:] for row in m], [row[::-1] for row in m[::-1]])
s = slice(1, 8, 3)
print(lst[s], lst[slice(None, None, -2)], lst[slice(3)])
print(lst[len(lst) // 2:], lst[:len(lst) // 2])
