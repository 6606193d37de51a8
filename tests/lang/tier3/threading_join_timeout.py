# join(timeout) returns while the thread still runs; threading.excepthook can be replaced;
# Timer runs its function once unless cancelled; non-daemon threads are waited for at exit.
import threading
import time

gate = threading.Event()
waiter = threading.Thread(target=gate.wait, name="waiter")
waiter.start()
waiter.join(0.05)
print("alive after join(0.05):", waiter.is_alive())
gate.set()
waiter.join()
print("alive after set:", waiter.is_alive())


def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)


threading.excepthook = hook
failing = threading.Thread(target=lambda: 1 / 0, name="divider")
failing.start()
failing.join()
threading.excepthook = threading.__excepthook__

fired = []
timer = threading.Timer(0.01, fired.append, args=("fired",))
timer.start()
timer.join()
cancelled = threading.Timer(10, fired.append, args=("cancelled",))
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired)


def late():
    time.sleep(0.1)
    print("the last line comes from a thread")


threading.Thread(target=late).start()
print("main module ends")
