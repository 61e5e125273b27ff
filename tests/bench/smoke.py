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


def main():
    bench = sys.argv[1]
    emulator = Emulator(coordinators=1).start()
    try:
        env = dict(os.environ, ARANGO_URL=emulator.hosts, N_GET='50', CONC='8',
                   N_INSERT='20', N_AQL='3', BENCH_PREPARE='1')
        done = subprocess.run([bench], env=env, capture_output=True, text=True, timeout=120)
    finally:
        emulator.stop()

    print('1..%d' % (len(WORKLOADS) + 1))
    print('%s 1 - exit status %d' % ('ok' if done.returncode == 0 else 'not ok', done.returncode))
    if done.returncode != 0:
        print('# ' + done.stderr.replace('\n', '\n# '))
    results = {}
    for line in done.stdout.splitlines():
        fields = line.split()
        if len(fields) == 5 and fields[:2] == ['RESULT', 'arango-glib']:
            results[fields[2]] = (float(fields[3]), int(fields[4]))
    for number, workload in enumerate(WORKLOADS, start=2):
        ok = workload in results and results[workload][0] > 0 and results[workload][1] > 0
        print('%s %d - %s %s' % ('ok' if ok else 'not ok', number, workload,
                                  results.get(workload, 'missing')))
    return 0


if __name__ == '__main__':
    sys.exit(main())
