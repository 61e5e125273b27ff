#!/usr/bin/python3
# test_views.py: views and analyzers of arango-glib through PyGObject,
# against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of views and analyzers, with the blocking calls:
the string arrays, nullable objects and booleans of these calls as
PyGObject hands them over."""

import os
import sys
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from emulator import Emulator  # noqa: E402
from test_data import json_object, to_python  # noqa: E402


class ViewTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.emulator = Emulator(coordinators=1)
        cls.emulator.start()
        cls.addClassCleanup(cls.emulator.stop)

    def setUp(self):
        self.client = Arango.Client.new(self.emulator.hosts)
        self.db = self.client.db_sync('_system', 'root', '', None)
        self.books = 'py_books_' + self._testMethodName
        self.db.create_collection_sync(self.books, None, None)
        self.addCleanup(self.db.delete_collection_sync, self.books, None)

    def test_analyzer_in_a_view(self):
        analyzer = to_python(self.db.create_analyzer_sync(
            'py_shout', 'norm', json_object('{"locale": "en", "case": "upper"}'),
            ['frequency', 'norm'], None))
        self.assertEqual(analyzer['name'], '_system::py_shout')
        self.assertEqual(analyzer['features'], ['frequency', 'norm'])
        names = [a['name'] for a in to_python(self.db.analyzers_sync(None))]
        self.assertIn('identity', names)
        self.assertIn('_system::py_shout', names)

        view = to_python(self.db.create_view_sync('py_view', 'arangosearch',
                                                  None, None))
        self.assertEqual(view['links'], {})
        links = to_python(self.db.update_view_sync(
            'py_view', json_object('{"links": {"%s": {"analyzers": ["py_shout"]}}}'
                                   % self.books), None))['links']
        self.assertEqual(links[self.books]['analyzers'], ['py_shout'])

        with self.assertRaises(GLib.GError) as caught:
            self.db.delete_analyzer_sync('py_shout', False, False, None)
        self.assertEqual(caught.exception.code, Arango.ServerError.CONFLICT)

        self.assertTrue(self.db.rename_view_sync('py_view', 'py_renamed', None))
        self.assertEqual([v['name'] for v in to_python(self.db.views_sync(None))],
                         ['py_renamed'])
        self.assertTrue(self.db.delete_view_sync('py_renamed', False, None))
        self.assertFalse(self.db.delete_view_sync('py_renamed', True, None))
        self.assertTrue(self.db.delete_analyzer_sync('py_shout', False, False, None))
        self.assertFalse(self.db.delete_analyzer_sync('py_shout', False, True, None))


if __name__ == '__main__':
    unittest.main()
