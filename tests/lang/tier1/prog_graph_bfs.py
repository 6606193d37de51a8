# Breadth-first and depth-first search on an adjacency dict; shortest paths.
graph = {
    "a": ["b", "c"], "b": ["d", "e"], "c": ["f"], "d": [], "e": ["f", "g"],
    "f": ["h"], "g": ["h"], "h": [], "x": ["y"], "y": [],
}
def bfs(start):
    order, seen, queue = [], {start}, [start]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order
def dfs(node, seen=None):
    if seen is None:
        seen = []
    seen.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            dfs(nxt, seen)
    return seen
def shortest(start, goal):
    prev = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        if node == goal:
            path = []
            while node is not None:
                path.append(node)
                node = prev[node]
            return path[::-1]
        for nxt in graph[node]:
            if nxt not in prev:
                prev[nxt] = node
                queue.append(nxt)
    return None
print(bfs("a"), dfs("a"))
print(shortest("a", "h"), shortest("a", "g"), shortest("a", "x"), shortest("x", "y"))
indegree = {n: 0 for n in graph}
for n in graph:
    for m in graph[n]:
        indegree[m] += 1
print(indegree, sorted(n for n, d in indegree.items() if d == 0))
