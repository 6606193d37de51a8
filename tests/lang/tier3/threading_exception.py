# An uncaught exception in a thread prints "Exception in thread NAME:" with the traceback on
# stderr; the thread ends and the program goes on.
import threading


def fail(value):
    raise ValueError("bad value %d" % value)


t = threading.Thread(target=fail, args=(7,), name="failing")
t.start()
t.join()
print("still running", t.is_alive())


def exit_quietly():
    raise SystemExit(3)


t = threading.Thread(target=exit_quietly)
t.start()
t.join()
print("SystemExit in a thread is silent")
t = threading.Thread(target=fail, args=(8,))
t.start()
t.join()
print("done")
