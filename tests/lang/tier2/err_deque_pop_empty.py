# popleft from an empty deque.
# expect: IndexError: pop from an empty deque
from collections import deque
queue = deque(["a", "b"])
queue.append("c")
while queue:
    print("serving", queue.popleft())
print(len(queue))
queue.popleft()
print("never printed")
