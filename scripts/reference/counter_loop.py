"""The seed's CPU round in Python, timed in-process: one call = 10^7 additions.

Prints one JSON line. Runs unchanged under CPython and PyPy; PyPy's tracing JIT needs a
few calls to warm up, so the best of several calls is reported (as JMH reports steady state).
"""
import json
import platform
import sys
import time


def faithful():
    counter = 0
    for i in range(10000):
        for k in range(1000):
            counter = counter + 500
    return counter


def runtime():
    impl = platform.python_implementation()
    if impl == "PyPy":
        v = sys.pypy_version_info
        return "PyPy %d.%d.%d" % (v.major, v.minor, v.micro)
    return "%s %s" % (impl, platform.python_version())


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    times = []
    for _ in range(calls):
        t0 = time.perf_counter()
        result = faithful()
        times.append((time.perf_counter() - t0) * 1e3)
        if result != 5_000_000_000:
            raise SystemExit("wrong result %d" % result)
    times.sort()
    print(json.dumps({"runtime": runtime(), "benchmark": "counter_loop", "unit": "ms/op",
                      "best": times[0], "median": times[len(times) // 2], "calls": calls}))


if __name__ == "__main__":
    main()
