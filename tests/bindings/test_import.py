#!/usr/bin/python3
# test_import.py: importing a file of JSON lines with progress, through
# PyGObject, against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of Collection.import_bulk_from_file_async/_sync:
the progress callback, the summary, and the errors a program sees."""

import json
import os
import shutil
import sys
import tempfile
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Gio', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, Gio, GLib, Json  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_data import DataTestCase, to_python  # noqa: E402

N_LINES = 5000


def write_lines(directory, broken_every=0):
    """A JSON-lines file; every broken_every-th line is not JSON.
    Returns (Gio.File, size in bytes, number of broken lines)."""
    path = os.path.join(directory, 'rows.jsonl')
    broken = 0
    with open(path, 'w', encoding='utf-8') as out:
        for i in range(N_LINES):
            if broken_every and i % broken_every == 1:
                out.write('{"_key": "broken\n')
                broken += 1
            else:
                out.write(json.dumps({'_key': 'r%d' % i, 'n': i,
                                      'padding': 'x' * 100}) + '\n')
    return Gio.File.new_for_path(path), os.path.getsize(path), broken


def import_with_progress(coll, gfile, chunk_size, options, on_progress):
    """import_bulk_from_file_async with a progress callback, to the end.

    PyGObject 3.42 cannot hand an explicit progress_data to a callback
    that outlives the call ("expected tuple for callback user_data"), so
    it is left out and the rest goes by keyword."""
    loop = GLib.MainLoop()
    outcome = {}

    def on_done(source, result, *user_data):
        try:
            outcome['value'] = source.import_bulk_from_file_finish(result)
        except GLib.GError as error:
            outcome['error'] = error
        loop.quit()

    coll.import_bulk_from_file_async(gfile, chunk_size, options,
                                     progress_callback=on_progress,
                                     cancellable=None, callback=on_done)
    timeout_id = GLib.timeout_add_seconds(60, loop.quit)
    loop.run()
    GLib.source_remove(timeout_id)
    if 'error' in outcome:
        raise outcome['error']
    return outcome['value']


class ImportTests(DataTestCase):

    def setUp(self):
        super().setUp()
        self.directory = tempfile.mkdtemp(prefix='arango-import-')
        self.addCleanup(shutil.rmtree, self.directory)

    def test_progress_and_summary(self):
        gfile, size, _ = write_lines(self.directory)
        reports = []

        def on_progress(done, total, *data):
            reports.append((done, total))

        summary = to_python(import_with_progress(self.coll, gfile, 16 * 1024,
                                                 None, on_progress))

        self.assertEqual(summary['created'], N_LINES)
        self.assertEqual(summary['errors'], 0)
        self.assertEqual(summary['empty'], 0)
        self.assertEqual(self.count(), N_LINES)

        self.assertGreaterEqual(len(reports), size // (16 * 1024))
        done = [d for d, _ in reports]
        self.assertEqual(done, sorted(set(done)), 'progress goes forward')
        self.assertEqual(reports[-1], (size, size))
        self.assertTrue(all(total == size for _, total in reports))
        imports = sum(len(self.logged(i, 'POST', '/_api/import'))
                      for i in range(3))
        self.assertEqual(imports, len(reports))

    def test_sync_counts_broken_lines(self):
        gfile, size, broken = write_lines(self.directory, broken_every=50)
        reports = []
        options = Json.Object()
        options.set_string_member('onDuplicate', 'ignore')

        summary = self.coll.import_bulk_from_file_sync(
            gfile, 64 * 1024, options,
            lambda done, total, *data: reports.append(done), None, None)
        summary = to_python(summary)

        self.assertGreater(broken, 0)
        self.assertEqual(summary['errors'], broken)
        self.assertEqual(summary['created'], N_LINES - broken)
        self.assertEqual(reports[-1], size)

        again = to_python(self.coll.import_bulk_from_file_sync(
            gfile, 0, options, None, None, None))
        self.assertEqual(again['created'], 0)
        self.assertEqual(again['ignored'], N_LINES - broken)

    def test_missing_file(self):
        gfile = Gio.File.new_for_path(os.path.join(self.directory, 'absent'))
        with self.assertRaises(GLib.GError) as caught:
            import_with_progress(self.coll, gfile, 0, None, None)
        error = caught.exception
        self.assertTrue(error.matches(Gio.io_error_quark(),
                                      Gio.IOErrorEnum.NOT_FOUND),
                        error.message)
        self.assertIn('absent', error.message)


if __name__ == '__main__':
    unittest.main()
