"""Decoding the seed's form body with the standard library, timed in-process.

Prints one JSON line: ns per decode, best of 5 batches of 20,000 decodes.
"""
import json
import time
from urllib.parse import parse_qsl

from counter_loop import runtime

BODY = ("title=Buy+milk+and+eggs&description=Two+litres+of+organic+semi-skimmed+milk%2C+a+dozen"
        "+free-range+eggs+%26+50%25+off+bread")
EXPECTED = [("title", "Buy milk and eggs"),
            ("description", "Two litres of organic semi-skimmed milk, a dozen free-range eggs & 50% off bread")]


def main():
    if parse_qsl(BODY, keep_blank_values=True) != EXPECTED:
        raise SystemExit("parse_qsl decoded the seed body differently")
    n = 20000
    batches = []
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(n):
            parse_qsl(BODY, keep_blank_values=True)
        batches.append((time.perf_counter() - t0) * 1e9 / n)
    batches.sort()
    print(json.dumps({"runtime": runtime(), "benchmark": "form_decode", "unit": "ns/op",
                      "best": batches[0], "median": batches[2], "calls": 5 * n}))


if __name__ == "__main__":
    main()
