# A deterministic queue simulation using lists as FIFO queues and a linear congruential generator.
state = 42
def rand(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return (state >> 33) % n
queue = []
served = []
clock = 0
next_id = 1
for tick in range(30):
    arrivals = rand(3)
    for _ in range(arrivals):
        queue.append((next_id, tick))
        next_id += 1
    if queue and rand(4) != 0:
        cid, arrived = queue.pop(0)
        served.append((cid, tick - arrived))
    if tick % 5 == 4:
        print(f"t={tick:2} queue={len(queue):2} served={len(served):2} state%1000={state % 1000}")
waits = [w for _, w in served]
print("served", len(served), "waiting", len(queue), "max wait", max(waits), "avg wait", round(sum(waits) / len(waits), 3))
print(served[:10])
print([cid for cid, _ in queue])
