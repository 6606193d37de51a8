# richards: a simulation of a small operating-system kernel after Martin
# Richards' classic benchmark. An idle task, a worker task, two handler tasks
# and two device tasks exchange packets through a priority scheduler. The
# code is ordinary object-oriented Python: a class per task kind, a packet
# class, a task control block and a scheduler that owns all mutable state (no
# module-level mutable globals, so instances are independent).
# Size = number of scheduler runs per iteration. Result: (queue count, hold
# count) summed over the runs.
# quick-size: 2
import sys
import time

DEFAULT_SIZE = 6
EXPECTED = {
    1: (23246, 9297),
    2: (46492, 18594),
    3: (69738, 27891),
    6: (139476, 55782),
}

# Task identifiers, also indices into the scheduler's task table.
IDLE_ID = 0
WORKER_ID = 1
HANDLER_A_ID = 2
HANDLER_B_ID = 3
DEVICE_A_ID = 4
DEVICE_B_ID = 5
TASK_COUNT = 6

# Packet kinds.
DEVICE_PACKET = 0
WORK_PACKET = 1

BUFFER_SIZE = 4
IDLE_ROUNDS = 10000


class Packet:
    """A message passed between tasks; `link` chains packets in a queue."""

    def __init__(self, link, owner_id, kind):
        self.link = link
        self.owner_id = owner_id
        self.kind = kind
        self.count = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue_head):
        """Appends this packet at the end of the queue; returns the new head."""
        self.link = None
        if queue_head is None:
            return self
        cursor = queue_head
        while cursor.link is not None:
            cursor = cursor.link
        cursor.link = self
        return queue_head


class TaskState:
    """The three flags that decide whether a task can run."""

    def __init__(self):
        self.packet_pending = True
        self.waiting = False
        self.held = False

    def set_running(self):
        self.packet_pending = False
        self.waiting = False
        self.held = False

    def set_waiting(self):
        self.packet_pending = False
        self.waiting = True
        self.held = False

    def set_waiting_with_packet(self):
        self.packet_pending = True
        self.waiting = True
        self.held = False

    def is_runnable(self):
        """A task runs if it is not held and either has a packet or is not waiting."""
        return not self.held and (self.packet_pending or not self.waiting)

    def is_held_or_idle(self):
        return self.held or (not self.packet_pending and self.waiting)


class TaskControlBlock(TaskState):
    """Scheduler bookkeeping for one task: priority, input queue, behaviour."""

    def __init__(self, link, task_id, priority, queue, task, initially_running):
        TaskState.__init__(self)
        self.link = link
        self.task_id = task_id
        self.priority = priority
        self.queue = queue
        self.task = task
        if initially_running:
            self.set_running()
        elif queue is None:
            self.set_waiting()
        else:
            self.set_waiting_with_packet()

    def take_packet(self):
        """Removes the first queued packet when the task is about to run with it."""
        packet = None
        if self.waiting and self.packet_pending:
            packet = self.queue
            self.queue = packet.link
            if self.queue is None:
                self.set_running()
            else:
                self.packet_pending = True
                self.waiting = False
                self.held = False
        return packet

    def receive(self, packet, current):
        """Queues a packet for this task; returns the task that should run next."""
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current


class Task:
    """Base class of the task behaviours; `run` returns the next task control block."""

    def __init__(self, scheduler):
        self.scheduler = scheduler

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    """Releases the two device tasks in a pseudo-random order until its count runs out."""

    def __init__(self, scheduler, seed, count):
        Task.__init__(self, scheduler)
        self.seed = seed
        self.count = count

    def run(self, packet):
        scheduler = self.scheduler
        self.count -= 1
        if self.count == 0:
            return scheduler.hold_current()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return scheduler.release(DEVICE_A_ID)
        self.seed = (self.seed >> 1) ^ 0xD008
        return scheduler.release(DEVICE_B_ID)


class WorkerTask(Task):
    """Fills work packets with letters and sends them alternately to the two handlers."""

    def __init__(self, scheduler):
        Task.__init__(self, scheduler)
        self.destination = HANDLER_A_ID
        self.letter = 0

    def run(self, packet):
        scheduler = self.scheduler
        if packet is None:
            return scheduler.wait_current()
        if self.destination == HANDLER_A_ID:
            self.destination = HANDLER_B_ID
        else:
            self.destination = HANDLER_A_ID
        packet.owner_id = self.destination
        packet.count = 0
        for index in range(BUFFER_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[index] = self.letter
        return scheduler.send(packet)


class HandlerTask(Task):
    """Copies the letters of a work packet, one per device packet, to its device."""

    def __init__(self, scheduler, device_id):
        Task.__init__(self, scheduler)
        self.device_id = device_id
        self.work_queue = None
        self.device_queue = None

    def run(self, packet):
        scheduler = self.scheduler
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work_queue = packet.append_to(self.work_queue)
            else:
                self.device_queue = packet.append_to(self.device_queue)
        if self.work_queue is not None:
            work = self.work_queue
            position = work.count
            if position >= BUFFER_SIZE:
                self.work_queue = work.link
                return scheduler.send(work)
            if self.device_queue is not None:
                device_packet = self.device_queue
                self.device_queue = device_packet.link
                device_packet.count = work.data[position]
                work.count = position + 1
                return scheduler.send(device_packet)
        return scheduler.wait_current()


class DeviceTask(Task):
    """Holds one packet at a time, simulating an I/O device that completes later."""

    def __init__(self, scheduler):
        Task.__init__(self, scheduler)
        self.pending = None

    def run(self, packet):
        scheduler = self.scheduler
        if packet is None:
            if self.pending is None:
                return scheduler.wait_current()
            finished = self.pending
            self.pending = None
            return scheduler.send(finished)
        self.pending = packet
        scheduler.characters_printed += 1
        return scheduler.hold_current()


class Scheduler:
    """Runs the highest-priority runnable task until none is left; counts events."""

    def __init__(self):
        self.tasks = [None] * TASK_COUNT
        self.task_list = None
        self.current = None
        self.queue_count = 0
        self.hold_count = 0
        self.characters_printed = 0

    def add_task(self, task_id, priority, queue, task, initially_running=False):
        block = TaskControlBlock(self.task_list, task_id, priority, queue, task, initially_running)
        self.task_list = block
        self.tasks[task_id] = block
        return block

    def find(self, task_id):
        block = self.tasks[task_id]
        if block is None:
            raise RuntimeError(f"unknown task {task_id}")
        return block

    def hold_current(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.link

    def wait_current(self):
        self.current.waiting = True
        return self.current

    def release(self, task_id):
        block = self.find(task_id)
        block.held = False
        if block.priority > self.current.priority:
            return block
        return self.current

    def send(self, packet):
        """Queues a packet to the task named by its owner id, stamping the sender."""
        target = self.find(packet.owner_id)
        self.queue_count += 1
        packet.link = None
        packet.owner_id = self.current.task_id
        return target.receive(packet, self.current)

    def run(self):
        self.current = self.task_list
        while self.current is not None:
            block = self.current
            if block.is_held_or_idle():
                self.current = block.link
            else:
                packet = block.take_packet()
                self.current = block.task.run(packet)


def build_system():
    scheduler = Scheduler()
    scheduler.add_task(IDLE_ID, 0, None, IdleTask(scheduler, 1, IDLE_ROUNDS), initially_running=True)

    work_queue = Packet(None, 0, WORK_PACKET)
    work_queue = Packet(work_queue, 0, WORK_PACKET)
    scheduler.add_task(WORKER_ID, 1000, work_queue, WorkerTask(scheduler))

    device_queue = Packet(None, DEVICE_A_ID, DEVICE_PACKET)
    device_queue = Packet(device_queue, DEVICE_A_ID, DEVICE_PACKET)
    device_queue = Packet(device_queue, DEVICE_A_ID, DEVICE_PACKET)
    scheduler.add_task(HANDLER_A_ID, 2000, device_queue, HandlerTask(scheduler, DEVICE_A_ID))

    device_queue = Packet(None, DEVICE_B_ID, DEVICE_PACKET)
    device_queue = Packet(device_queue, DEVICE_B_ID, DEVICE_PACKET)
    device_queue = Packet(device_queue, DEVICE_B_ID, DEVICE_PACKET)
    scheduler.add_task(HANDLER_B_ID, 3000, device_queue, HandlerTask(scheduler, DEVICE_B_ID))

    scheduler.add_task(DEVICE_A_ID, 4000, None, DeviceTask(scheduler))
    scheduler.add_task(DEVICE_B_ID, 5000, None, DeviceTask(scheduler))
    return scheduler


def main(n):
    queue_total = 0
    hold_total = 0
    for _ in range(n):
        scheduler = build_system()
        scheduler.run()
        queue_total += scheduler.queue_count
        hold_total += scheduler.hold_count
    return (queue_total, hold_total)


# ---- benchmark driver: identical in every program of bench/programs/ ----
def _bench_driver():
    options = {"--iterations": 5, "--warmup": 1, "--size": DEFAULT_SIZE}
    args = sys.argv[1:]
    if len(args) % 2 or any(flag not in options for flag in args[::2]):
        print(f"usage: {sys.argv[0]} [--iterations K] [--warmup W] [--size S]", file=sys.stderr)
        sys.exit(2)
    for flag, value in zip(args[::2], args[1::2]):
        options[flag] = int(value)
    size, warmup = options["--size"], options["--warmup"]
    if size not in EXPECTED:
        print(f"{sys.argv[0]}: no EXPECTED result for size {size} (known: {sorted(EXPECTED)})",
              file=sys.stderr)
        sys.exit(1)
    for index in range(warmup + options["--iterations"]):
        start = time.perf_counter()
        result = main(size)
        seconds = time.perf_counter() - start
        if result != EXPECTED[size]:
            print(f"{sys.argv[0]}: WRONG RESULT for size {size}: got {result!r}, "
                  f"expected {EXPECTED[size]!r}", file=sys.stderr)
            sys.exit(1)
        print(f"@@bench iter={index} warmup={1 if index < warmup else 0} seconds={seconds:.9f}")
    print("@@bench result=ok")


if __name__ == "__main__":
    _bench_driver()
