# heappop from an empty heap.
# expect: IndexError: index out of range
import heapq
heap = [5, 3, 8]
heapq.heapify(heap)
while heap:
    print(heapq.heappop(heap))
print(heap)
heapq.heappop(heap)
print("never printed")
