# heapq: heappush/heappop, heapify, nlargest/nsmallest, heappushpop, heapreplace.
import heapq

heap = []
for value in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(heap, value)
    print(heap[0], len(heap))
print([heapq.heappop(heap) for _ in range(len(heap))])
data = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(data)
print(data, data[0])
print(heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), sorted(data))
nums = [15, 3, 99, 42, 7, 7, 61]
print(heapq.nlargest(3, nums), heapq.nsmallest(2, nums))
people = [("ann", 31), ("bob", 25), ("cid", 40)]
print(heapq.nsmallest(1, people, key=lambda p: p[1]), heapq.nlargest(2, people, key=lambda p: p[1]))
tasks = []
heapq.heappush(tasks, (2, "write code"))
heapq.heappush(tasks, (1, "drink coffee"))
heapq.heappush(tasks, (3, "sleep"))
heapq.heappush(tasks, (1, "answer mail"))
while tasks:
    priority, task = heapq.heappop(tasks)
    print(priority, task)
print(list(heapq.merge([1, 4, 9], [2, 3, 10])))
