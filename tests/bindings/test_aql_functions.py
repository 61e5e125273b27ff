#!/usr/bin/python3
# test_aql_functions.py: AQL user functions through PyGObject, against the
# emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of the AQL user function calls.

The emulator answers as a server without JavaScript: it lists and
removes the functions stored in _aqlfunctions (the tests store them
through the document API, as the server keeps them) and refuses to
register one with 500/36.  PyGObject 3.42 keeps a GError's domain, code
and message only (test_errors.py), so the HTTP status is read from the
message, as doc/errors.md tells Python programs to.
"""

import json
import os
import sys
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib, Json  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from emulator import Emulator  # noqa: E402
from test_data import run_async, to_python  # noqa: E402

SERVER_ERROR = 'arango-server-error-quark'
CLIENT_ERROR = 'arango-error-quark'
CELSIUS = 'function (celsius) { return celsius * 1.8 + 32; }'


class AqlFunctionTests(unittest.TestCase):

    def setUp(self):
        # A fresh emulator per test: the functions are the database's.
        self.emulator = Emulator(coordinators=1)
        self.emulator.start()
        self.addCleanup(self.emulator.stop)
        self.client = Arango.Client.new(self.emulator.hosts)
        self.db = run_async(self.client, 'db', '_system', 'root', '')

    def store(self, name, code):
        document = {'_key': name.upper(), 'name': name, 'code': code,
                    'isDeterministic': True}
        run_async(self.db.get_collection('_aqlfunctions'), 'insert',
                  Json.from_string(json.dumps(document)),
                  Arango.DocumentFlags.NONE)

    def names(self, namespace=None):
        return sorted(f['name'] for f in
                      to_python(run_async(self.db, 'aql_functions', namespace)))

    def test_list_and_delete(self):
        self.assertEqual(self.names(), [])
        self.store('py::celsius', CELSIUS)
        self.store('py::kelvin', 'function (c) { return c + 273.15; }')
        self.store('other::shout', 'function (s) { return s.toUpperCase(); }')

        self.assertEqual(self.names(), ['other::shout', 'py::celsius', 'py::kelvin'])
        listed = to_python(run_async(self.db, 'aql_functions', 'py'))
        self.assertIn({'name': 'py::celsius', 'code': CELSIUS,
                       'isDeterministic': True}, listed)
        self.assertEqual(len(listed), 2)

        self.assertEqual(
            run_async(self.db, 'delete_aql_function', 'py::celsius', False, False), 1)
        self.assertEqual(run_async(self.db, 'delete_aql_function', 'py', True, False), 1)
        self.assertEqual(self.db.delete_aql_function_sync('py', True, False, None), 0)
        self.assertEqual(self.names(), ['other::shout'])

    def test_delete_missing(self):
        with self.assertRaises(GLib.GError) as caught:
            run_async(self.db, 'delete_aql_function', 'py::x::y', False, False)
        error = caught.exception
        self.assertEqual((error.domain, error.code),
                         (SERVER_ERROR, int(Arango.ServerError.QUERY_FUNCTION_NOT_FOUND)))
        self.assertEqual(error.message, "[HTTP 404][ERR 1582] no AQL user function "
                                        "with name 'py::x::y' found")

    def test_delete_missing_ignored(self):
        # python-arango's delete_function(name, ignore_missing=True) gives
        # False; here the count of functions removed is 0.
        self.assertEqual(run_async(self.db, 'delete_aql_function', 'py::x::y', False, True), 0)
        self.assertEqual(self.db.delete_aql_function_sync('py::x::y', False, True, None), 0)
        self.store('py::celsius', CELSIUS)
        self.assertEqual(
            run_async(self.db, 'delete_aql_function', 'py::celsius', False, True), 1)
        self.assertEqual(self.names(), [])

    def test_create_refused_without_javascript(self):
        with self.assertRaises(GLib.GError) as caught:
            run_async(self.db, 'create_aql_function', 'py::celsius', CELSIUS, True)
        error = caught.exception
        self.assertEqual((error.domain, error.code),
                         (SERVER_ERROR, int(Arango.ServerError.DISABLED)))
        self.assertEqual(error.message,
                         '[HTTP 500][ERR 36] JavaScript operations are not available')
        self.assertEqual(self.names(), [])

    def test_empty_name_refused_before_sending(self):
        for call in (lambda: run_async(self.db, 'create_aql_function', '', CELSIUS, False),
                     lambda: run_async(self.db, 'delete_aql_function', '', True, True)):
            with self.assertRaises(GLib.GError) as caught:
                call()
            self.assertEqual((caught.exception.domain, caught.exception.code),
                             (CLIENT_ERROR, int(Arango.Error.INVALID_ARGUMENT)))


if __name__ == '__main__':
    unittest.main()
