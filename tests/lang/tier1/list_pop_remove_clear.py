# pop (various indices), remove (first occurrence), clear, del.
lst = list(range(10))
print(lst.pop(), lst.pop(0), lst.pop(-2), lst.pop(3), lst)
lst = ["a", "b", "c", "b", "a"]
lst.remove("b")
print(lst)
lst.remove("a")
print(lst)
lst.remove("a")
print(lst)
try:
    lst.remove("zzz")
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].pop(5)
except IndexError as e:
    print("IndexError:", e)
stack = [1, 2, 3]
while stack:
    print("popped", stack.pop(), "left", stack)
q = [1, 2, 3]
q.clear()
print(q, len(q))
r = [1, 1.0, True, 2]
r.remove(True)
print(r)
alias = [4, 5]
other = alias
alias.clear()
print(other)
