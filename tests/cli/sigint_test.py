#!/usr/bin/env python3
"""SIGINT behaves as in CPython: KeyboardInterrupt in the main thread at the next back-edge (also
inside JIT code) or during time.sleep, catchable with try/except, and an uncaught one ends the
process killed by SIGINT after the traceback. Each case runs under python3 (the oracle) and Stitch,
and stdout, the last stderr line and the exit status must agree."""
import argparse
import signal
import subprocess
import sys
import time

CASES = {
    "busy loop": "while True:\n    x = 1\n",
    "sleep": "import time\nprint('sleeping', flush=True)\ntime.sleep(30)\n",
    "caught": "try:\n    while True:\n        x = 1\nexcept KeyboardInterrupt:\n    print('caught')\n",
    "hot function (jit)": "def spin():\n    n = 0\n    while True:\n        n += 1\nspin()\n",
    "finally runs": "try:\n    while True:\n        x = 1\nfinally:\n    print('finally')\n",
    "other thread keeps running": (
        "import threading, time\n"
        "done = []\n"
        "def work():\n"
        "    time.sleep(1.5)\n"
        "    done.append(1)\n"
        "t = threading.Thread(target=work)\n"
        "t.start()\n"
        "try:\n"
        "    while True:\n"
        "        x = 1\n"
        "except KeyboardInterrupt:\n"
        "    t.join()\n"
        "    print('worker finished', done)\n"
    ),
}


def run(command, code, delay):
    process = subprocess.Popen(command + ["-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    try:
        out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        return ("<hang>", [], None)
    return (out, err.strip().splitlines()[-1:], process.returncode)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stitch", required=True)
    parser.add_argument("--python", default="python3")
    parser.add_argument("--delay", type=float, default=0.8)
    args = parser.parse_args()
    # The signal must come after start-up (before it, SIGINT still kills the process outright, as
    # in CPython): under sanitizers Stitch starts far slower, so wait a multiple of its start-up.
    start = time.monotonic()
    subprocess.run([args.stitch, "-c", "pass"], check=True)
    delay = max(args.delay, 4 * (time.monotonic() - start))
    failures = 0
    for name, code in CASES.items():
        expected = run([args.python], code, delay)
        for mode in ("jit=off", "jit=on"):
            got = run([args.stitch, "-X", mode, "-X", "jit-threshold=10"], code, delay)
            status = "ok" if got == expected else "FAILED"
            if got != expected:
                failures += 1
            print(f"{status}: {name} [{mode}]: stitch {got!r}, python3 {expected!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
