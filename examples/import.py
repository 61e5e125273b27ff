#!/usr/bin/python3
# import.py: import a file of JSON lines with a progress bar
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Import a file of JSON lines (one document per line) into a collection,
in chunks, printing the progress after each chunk and the summary at the
end. Request bodies are sent compressed, and the client tells the server
how long a request may wait in its queue.

Usage: import.py [FILE [HOSTS]]

Without FILE the demo writes a file of 20,000 made-up measurements to a
temporary folder; without HOSTS it starts the ArangoDB emulator
($ARANGO_EMULATOR, or arango-emulator on PATH).
"""

import json
import os
import sys
import tempfile

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Gio', '2.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, Gio, GLib  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from data import start_emulator, stop_emulator  # noqa: E402

COLLECTION = 'demo_measurements'
CHUNK_SIZE = 256 * 1024


def write_sample(directory):
    path = os.path.join(directory, 'measurements.jsonl')
    with open(path, 'w', encoding='utf-8') as out:
        for i in range(20000):
            out.write(json.dumps({'sensor': 's%d' % (i % 40), 'seq': i,
                                  'celsius': round(15 + (i % 97) / 10, 1)}))
            out.write('\n')
    return path


def show_progress(done, total, *user_data):
    width = 40
    filled = width * done // total if total else width
    sys.stdout.write('\r[%s%s] %3d%%  %d of %d bytes'
                     % ('#' * filled, '.' * (width - filled),
                        100 * done // total if total else 100, done, total))
    sys.stdout.flush()


def run(hosts, path):
    client = Arango.Client.new(hosts)
    # Bodies of 4 KiB and more go compressed; a server whose queue is
    # longer than 5 s refuses at once instead of piling the chunks up.
    client.set_request_compression(4096)
    client.set_max_queue_time(5.0)
    db = client.db_sync('_system', 'root', '', None)
    if db.has_collection_sync(COLLECTION, None):
        db.delete_collection_sync(COLLECTION, None)
    collection = db.create_collection_sync(COLLECTION, None, None)

    # The blocking form, as a script would; the progress callback runs in
    # this thread after each chunk.
    summary = collection.import_bulk_from_file_sync(
        Gio.File.new_for_path(path), CHUNK_SIZE, None, show_progress, None,
        None)
    print()
    for name in ('created', 'errors', 'empty', 'updated', 'ignored'):
        print('%-8s %d' % (name, summary.get_int_member(name)))
    print('server queue time: %.6f s' % client.props.last_queue_time)
    print('documents now:     %d' % collection.count_sync(None))

    db.delete_collection_sync(COLLECTION, None)
    return summary.get_int_member('errors') == 0


def main(argv):
    emulator = None
    with tempfile.TemporaryDirectory(prefix='arango-import-') as directory:
        path = argv[1] if len(argv) > 1 else write_sample(directory)
        if len(argv) > 2:
            hosts = argv[2]
        else:
            emulator, hosts = start_emulator()
        try:
            ok = run(hosts, path)
        except GLib.GError as error:
            print('FAILED: %s (%s, code %d)'
                  % (error.message, error.domain, error.code))
            ok = False
        finally:
            if emulator:
                stop_emulator(emulator)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
