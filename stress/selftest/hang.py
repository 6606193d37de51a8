"""Fake interpreter: never finishes. Every program must be reported as TIMEOUT."""
import time

while True:
    time.sleep(1)
