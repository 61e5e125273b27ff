#!/usr/bin/python3
# test_errors.py: what a Python program learns of a server error, against
# the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""PyGObject 3.42 turns a GError into a ``GLib.Error`` of domain, code and
message, and a ``GLib.Error`` passed back to C into a new GError made of
those three: the HTTP status, error number and server message that the
library's own GError carried do not cross.  These tests pin that down,
and that the message, as doc/errors.md tells Python programs, carries the
status and the error number."""

import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_data import (  # noqa: E402
    ARANGO_SERVER_ERROR_DOMAIN, doc, run_async)

from gi.repository import Arango, GLib  # noqa: E402

from emulator import Emulator  # noqa: E402

# As doc/errors.md gives it.
SERVER_ERROR = re.compile(r'\[HTTP (\d+)\](?:\[ERR (\d+)\])? (.*)', re.S)


def http_status(error):
    """The HTTP status of a server error, from its message; 0 for others."""
    if error.domain != ARANGO_SERVER_ERROR_DOMAIN:
        return 0
    match = SERVER_ERROR.match(error.message)
    return int(match.group(1)) if match else 0


def details(error):
    return (Arango.ServerError.get_http_status(error),
            Arango.ServerError.get_error_number(error),
            Arango.ServerError.get_server_message(error))


class ServerErrorTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        # One coordinator, so that a fault hits the next request.
        cls.emulator = Emulator(coordinators=1)
        cls.emulator.start()
        cls.addClassCleanup(cls.emulator.stop)

    def setUp(self):
        self.emulator.reset()
        client = Arango.Client.new(self.emulator.hosts)
        self.db = run_async(client, 'db', '_system', 'root', '')
        self.missing = self.db.get_collection('missing')

    def count_missing(self):
        with self.assertRaises(GLib.Error) as caught:
            run_async(self.missing, 'count')
        return caught.exception

    def test_not_found(self):
        error = self.count_missing()
        self.assertEqual(error.domain, ARANGO_SERVER_ERROR_DOMAIN)
        self.assertEqual(error.code, Arango.ServerError.DATA_SOURCE_NOT_FOUND)
        self.assertEqual(error.message,
                         '[HTTP 404][ERR 1203] collection or view not found')
        self.assertEqual(SERVER_ERROR.match(error.message).groups(),
                         ('404', '1203', 'collection or view not found'))
        self.assertEqual(http_status(error), 404)
        # Rebuilt from domain, code and message on the way back to C.
        self.assertEqual(details(error), (0, -1, None))

    def test_without_error_number(self):
        self.emulator.set_fault(0, 'bad-gateway', count=1)
        error = self.count_missing()
        self.assertEqual(error.code, 502)
        self.assertEqual(error.message, '[HTTP 502] Bad Gateway')
        self.assertEqual(SERVER_ERROR.match(error.message).groups(),
                         ('502', None, 'Bad Gateway'))
        self.assertEqual(http_status(error), 502)
        self.assertEqual(details(error), (0, -1, None))

    def test_conflict(self):
        coll = run_async(self.db, 'create_collection', 'py_conflict', None)
        self.addCleanup(run_async, self.db, 'delete_collection', 'py_conflict')
        run_async(coll, 'insert', doc('{"_key": "k"}'), 0)
        with self.assertRaises(GLib.Error) as caught:
            run_async(coll, 'get', 'k', '_not-it---')
        error = caught.exception
        self.assertEqual(error.code, Arango.ServerError.CONFLICT)
        self.assertEqual(http_status(error), 412)
        self.assertTrue(error.message.startswith(
            '[HTTP 412][ERR 1200] conflict, _rev values do not match'),
            error.message)

    def test_sync(self):
        with self.assertRaises(GLib.Error) as caught:
            self.missing.count_sync(None)
        self.assertEqual(http_status(caught.exception), 404)
        self.assertEqual(details(caught.exception), (0, -1, None))

    def test_not_a_server_error(self):
        with self.assertRaises(GLib.Error) as caught:
            Arango.Client.new('ftp://nowhere')
        self.assertEqual(http_status(caught.exception), 0)
        self.assertEqual(details(caught.exception), (0, -1, None))

    def test_made_in_python_first(self):
        # A GLib.Error of the domain made before anything else of the
        # library ran: it must read as "no details", not as whatever
        # memory lies in front of it.
        script = '\n'.join([
            'import gi',
            'gi.require_version("Arango", "1.0")',
            'from gi.repository import Arango, GLib',
            'e = GLib.Error("made in Python", "arango-server-error-quark", 1203)',
            'print(Arango.ServerError.get_http_status(e),'
            ' Arango.ServerError.get_error_number(e),'
            ' Arango.ServerError.get_server_message(e))',
        ])
        done = subprocess.run([sys.executable, '-c', script],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout, '0 -1 None\n')


if __name__ == '__main__':
    unittest.main()
