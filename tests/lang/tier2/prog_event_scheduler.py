# A discrete-event scheduler with heapq, dataclass-free ordering dunders and generators as tasks.
import heapq

class Event:
    counter = 0

    def __init__(self, time, task, name):
        self.time, self.task, self.name = time, task, name
        Event.counter += 1
        self.seq = Event.counter

    def __lt__(self, other):
        return (self.time, self.seq) < (other.time, other.seq)

class Scheduler:
    def __init__(self):
        self.queue = []
        self.now = 0
        self.trace = []

    def spawn(self, name, task, delay=0):
        heapq.heappush(self.queue, Event(self.now + delay, task, name))

    def run(self, until=100):
        while self.queue and self.queue[0].time <= until:
            event = heapq.heappop(self.queue)
            self.now = event.time
            try:
                delay = next(event.task)
            except StopIteration as stop:
                self.trace.append((self.now, event.name, "done", stop.value))
                continue
            self.trace.append((self.now, event.name, "sleep", delay))
            heapq.heappush(self.queue, Event(self.now + delay, event.task, event.name))

def ticker(name, period, count):
    for i in range(count):
        print(f"  {name} tick {i}")
        yield period
    return f"{name} finished {count} ticks"

def producer(buffer):
    for item in "abc":
        buffer.append(item)
        yield 3
    return "produced"

def consumer(buffer):
    eaten = []
    while len(eaten) < 3:
        if buffer:
            eaten.append(buffer.pop(0))
        yield 2
    return "".join(eaten)

sched = Scheduler()
buffer = []
sched.spawn("fast", ticker("fast", 2, 3))
sched.spawn("slow", ticker("slow", 5, 2), delay=1)
sched.spawn("producer", producer(buffer))
sched.spawn("consumer", consumer(buffer), delay=1)
sched.run()
for entry in sched.trace:
    print(entry)
print(sched.now, len(sched.queue), Event.counter)
print([e for e in sched.trace if e[2] == "done"])
