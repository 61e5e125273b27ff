#!/usr/bin/env python3
# run-vapigen.py: run vapigen, then stamp the VAPI it wrote as new
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Usage: run-vapigen.py VAPI VAPIGEN ARGUMENT...

Runs VAPIGEN with the ARGUMENTs and, when it succeeds, sets the modification
time of VAPI, the file it writes, to now.

vapigen leaves a VAPI whose text would not change untouched. After an edit of
the metadata that does not change the VAPI (a comment, say), the VAPI would
keep a time older than the metadata it was just made from, and look stale to
whoever compares the two (tests/bindings/check-vapi-nullable.py does).
"""

import os
import subprocess
import sys


def main(vapi_path, *vapigen_command):
    status = subprocess.call(vapigen_command)
    if status == 0:
        os.utime(vapi_path)
    return status


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
