# Names refer to objects: aliasing, mutation through aliases, rebinding.
a = [1, 2, 3]
b = a
b.append(4)
print(a, b, a is b)
b = [9]
print(a, b, a is b)
def mutate(lst):
    lst.append("mutated")
def rebind(lst):
    lst = ["rebound"]
    return lst
x = [0]
mutate(x)
r = rebind(x)
print(x, r)
row = [0, 0]
board = [row, row]
board[0][0] = 1
print(board)
d = {"list": a}
d["list"].append(5)
print(a)
t = (a, a)
t[0].append(6)
print(t, t[0] is t[1])
print(id(a) == id(b), id(a) == id(t[0]), id(a[0]) == id(a[0]))
