"""The tutorial's image workload in Python, as its notebook runs it: a peer to measure beside ours.

    python3 src/site/peers/tutorial_image.py --size 1500 --iterations 2 --processes 2

Each iteration maps SciPy's convolve2d(image, filter)[::5, ::5] over the filters with a
multiprocessing.Pool, pickling the image into every task (the tutorial's f_py_image_signal).
Needs NumPy and SciPy (Debian: apt-get install python3-scipy). Prints the median seconds of the
timed repetitions, after the untimed warm-up ones, and the checksum of the last iteration.
"""
import argparse
import multiprocessing as mp
import statistics
import time

import numpy as np
from scipy import signal


def f_py_image_signal(args):
    image, random_filter = args
    return signal.convolve2d(image, random_filter)[::5, ::5]


def run_once(pool, image, filters, iterations):
    results = []
    for _ in range(iterations):
        results = pool.map(f_py_image_signal, zip(len(filters) * [image], filters))
    return sum(float(r.sum()) for r in results)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--filters", type=int, default=10)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--processes", type=int, default=mp.cpu_count())
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    # drawn once, before any timing, as spark-cpu-tour draws its inputs
    image = np.random.default_rng(args.seed).random((args.size, args.size))
    filters = [np.random.default_rng(args.seed + i).normal(size=(4, 4)) for i in range(args.filters)]
    seconds = []
    with mp.Pool(args.processes) as pool:
        for i in range(args.warmup + args.repeat):
            start = time.perf_counter()
            checksum = run_once(pool, image, filters, args.iterations)
            if i >= args.warmup:
                seconds.append(time.perf_counter() - start)
    print(f"python multiprocessing, {args.processes} processes: {args.size}x{args.size} image, {args.filters} filters,"
          f" {args.iterations} iterations: median {statistics.median(seconds):.3f} s"
          f" (min {min(seconds):.3f}, max {max(seconds):.3f}; {args.repeat} timed after {args.warmup} warm-up);"
          f" last iteration's sum {checksum:.6g}")


if __name__ == "__main__":
    main()
