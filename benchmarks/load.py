"""A bounded HTTP load generator: N keep-alive connections for D seconds over a list of URLs.

Run as its own process (the server under test runs in others), it prints one JSON line:
requests, errors, throughput and latency percentiles in milliseconds.

    python -m benchmarks.load --concurrency 8 --duration 10 http://127.0.0.1:8111/bench/hello.json
"""

import argparse
import http.client
import json
import statistics
import threading
import time
from urllib.parse import urlsplit


def run(urls: list[str], *, concurrency: int, duration: float, warmup: float = 1.0) -> dict:
    parts = [urlsplit(url) for url in urls]
    host, port = parts[0].hostname, parts[0].port or 80
    paths = [p.path + (f"?{p.query}" if p.query else "") for p in parts]
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    start = time.perf_counter()
    measure_from = start + warmup
    stop = measure_from + duration

    def worker(index: int) -> None:
        connection = http.client.HTTPConnection(host, port, timeout=30)
        step = index
        while (now := time.perf_counter()) < stop:
            path = paths[step % len(paths)]
            step += concurrency
            try:
                connection.request("GET", path, headers={"Accept-Language": "fr"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=30)
                ok = False
            if now >= measure_from:
                if ok:
                    latencies[index].append(time.perf_counter() - now)
                else:
                    errors[index] += 1
        connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - measure_from
    done = sorted(value for values in latencies for value in values)
    if not done:
        return {"requests": 0, "errors": sum(errors), "rps": 0.0, "p50": None, "p95": None}
    cuts = statistics.quantiles(done, n=100) if len(done) > 1 else [done[0]] * 99
    return {
        "requests": len(done),
        "errors": sum(errors),
        "rps": round(len(done) / elapsed, 1),
        "p50": round(cuts[49] * 1000, 1),
        "p95": round(cuts[94] * 1000, 1),
        "p99": round(cuts[98] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    args = parser.parse_args()
    result = run(
        args.urls, concurrency=args.concurrency, duration=args.duration, warmup=args.warmup
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
