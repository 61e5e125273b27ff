#!/usr/bin/python3
# test_json_values.py: numbers and strings a Python program stores through
# arango-glib, against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""A document built in Python with Json.Node setters goes out as valid
JSON (json-glib 1.6 itself would write 1e22 as "1e+22.0", which the server
refuses) and comes back with the same values; NaN and infinities are
refused before anything is sent."""

import math
import os
import sys
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib, Json  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_client import EmulatorTestCase, run_async  # noqa: E402

NUMBERS = {'big': 1e22, 'small': 1e-7, 'least': 5e-324, 'huge': 1e300,
           'tenth': 0.1}
TEXT = 'say "hi" \\ \n\x01 Ünï 日本 \U0001F600'


def document(members):
    obj = Json.Object.new()
    for name, value in members.items():
        if isinstance(value, float):
            obj.set_double_member(name, value)
        else:
            obj.set_string_member(name, value)
    node = Json.Node.new(Json.NodeType.OBJECT)
    node.set_object(obj)
    return node


class JsonValueTests(EmulatorTestCase):

    def setUp(self):
        super().setUp()
        self.db = self.open_db(self.new_client())
        # Collections outlive the emulator's reset: one per test.
        name = 'py_' + self._testMethodName
        self.coll = run_async(self.db, 'create_collection', name, None)
        self.addCleanup(run_async, self.db, 'delete_collection', name)

    def test_numbers_and_strings_come_back(self):
        members = dict(NUMBERS, _key='values', text=TEXT)
        run_async(self.coll, 'insert', document(members),
                  Arango.DocumentFlags.NONE)
        stored = run_async(self.coll, 'get', 'values', None)
        for name, value in NUMBERS.items():
            self.assertEqual(stored.get_double_member(name), value, name)
        self.assertEqual(stored.get_string_member('text'), TEXT)

    def test_non_finite_is_refused(self):
        before = self.emulator.request_counts()
        for value in (math.nan, math.inf, -math.inf):
            with self.assertRaises(GLib.GError) as raised:
                run_async(self.coll, 'insert', document({'x': value}),
                          Arango.DocumentFlags.NONE)
            self.assertArangoError(raised.exception,
                                   Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(sum(self.counts_since(before)), 0)


if __name__ == '__main__':
    unittest.main()
