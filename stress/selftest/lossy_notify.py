"""Fake interpreter: python3 whose Condition.notify() and notify_all() lose every wake-up.

Only notifications sent by the program itself are lost (threading's own Event, Barrier and
Semaphore keep working, so threads still start and join).

condition_buffer must not pass: its waiters sleep forever and the runner reports TIMEOUT.
Usage: python3 lossy_notify.py program.py args...
"""
import sys
import threading

from _launch import run_program

real_notify = threading.Condition.notify
real_notify_all = threading.Condition.notify_all


def from_threading():
    return sys._getframe(2).f_globals.get("__name__") == "threading"


def lossy_notify(self, n=1):
    if from_threading():
        real_notify(self, n)


def lossy_notify_all(self):
    if from_threading():
        real_notify_all(self)


threading.Condition.notify = lossy_notify
threading.Condition.notify_all = lossy_notify_all
run_program()
