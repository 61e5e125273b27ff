#!/usr/bin/python3
"""Runs arango-glib-bench with tiny counts against the emulator, so that the
benchmark keeps building and working. It checks behaviour only: the figures
it prints are not judged."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'bindings'))
from emulator import Emulator  # noqa: E402

WORKLOADS = ['get-seq', 'get-c64', 'insert-seq', 'aql-1000']


# Documents and query results are read as GVariants by default, as
# json-glib trees with BENCH_DOCUMENTS=json and BENCH_BATCHES=json; get-c64
# can be split over threads with BENCH_THREADS. Every way must keep working.
CONFIGURATIONS = [
    ('variant', {}, WORKLOADS),
    ('json', {'BENCH_DOCUMENTS': 'json', 'BENCH_BATCHES': 'json'}, WORKLOADS),
    ('threads', {'BENCH_THREADS': '2', 'BENCH_WORKLOADS': 'get-c64'}, ['get-c64']),
]


def main():
    bench = sys.argv[1]
    runs = []
    emulator = Emulator(coordinators=1).start()
    try:
        for _, settings, _ in CONFIGURATIONS:
            env = dict(os.environ, ARANGO_URL=emulator.hosts, N_GET='50', CONC='8',
                       N_INSERT='20', N_AQL='3', BENCH_PREPARE='1', **settings)
            runs.append(subprocess.run([bench], env=env, capture_output=True, text=True,
                                       timeout=120))
    finally:
        emulator.stop()

    print('1..%d' % sum(1 + len(expected) for _, _, expected in CONFIGURATIONS))
    number = 0
    for (name, _, expected), done in zip(CONFIGURATIONS, runs):
        number += 1
        print('%s %d - %s: exit status %d' % ('ok' if done.returncode == 0 else 'not ok',
                                             number, name, done.returncode))
        if done.returncode != 0:
            print('# ' + done.stderr.replace('\n', '\n# '))
        results = {}
        for line in done.stdout.splitlines():
            fields = line.split()
            if len(fields) == 5 and fields[:2] == ['RESULT', 'arango-glib']:
                results[fields[2]] = (float(fields[3]), int(fields[4]))
        for workload in expected:
            number += 1
            ok = workload in results and results[workload][0] > 0 and results[workload][1] > 0
            print('%s %d - %s: %s %s' % ('ok' if ok else 'not ok', number, name, workload,
                                          results.get(workload, 'missing')))
    return 0


if __name__ == '__main__':
    sys.exit(main())
