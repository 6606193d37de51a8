"""Fake interpreter: python3 whose threading.Lock and RLock never exclude anybody.

Locks that the program creates (not those that threading creates for itself, so threads
still start and join) succeed at once in acquire() and never complain in release().
Programs that rely on mutual exclusion (lock_counter, rlock_reentrancy, ...) must FAIL:
this proves they can.
Usage: python3 broken_locks.py program.py args...
"""
import sys
import threading

from _launch import run_program


class NonExcludingLock:
    def acquire(self, blocking=True, timeout=-1):
        return True

    def release(self):
        pass

    def locked(self):
        return False

    def __enter__(self):
        return True

    def __exit__(self, *exc_info):
        return False


def broken_factory(real_factory):
    def factory(*args, **kwargs):
        if sys._getframe(1).f_globals.get("__name__") == "threading":
            return real_factory(*args, **kwargs)  # threading's own machinery keeps working
        return NonExcludingLock()
    return factory


threading.Lock = broken_factory(threading.Lock)
threading.RLock = broken_factory(threading.RLock)
run_program()
