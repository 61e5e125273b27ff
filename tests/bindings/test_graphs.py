#!/usr/bin/python3
# test_graphs.py: named graphs through PyGObject, against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of the graph API: a graph is made, filled with
vertices and edges, changed and dropped, the way a Python program uses it
through GObject introspection (callbacks with PyGObject 3.42, and the
blocking ``_sync`` forms)."""

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
from test_data import (  # noqa: E402
    ARANGO_ERROR_DOMAIN, ARANGO_SERVER_ERROR_DOMAIN, doc, run_async, to_python)

NO_FLAGS = Arango.DocumentFlags.NONE

SOCIAL = ('[{"collection": "%s_knows", "from": ["%s_people"], '
          '"to": ["%s_people"]}]')


class GraphTests(unittest.TestCase):
    """One emulator for the class; each test has its own graph, named
    after it, as a reset keeps the data."""

    @classmethod
    def setUpClass(cls):
        cls.emulator = Emulator(coordinators=1)
        cls.emulator.start()
        cls.addClassCleanup(cls.emulator.stop)

    def setUp(self):
        self.emulator.reset()
        self.client = Arango.Client.new(self.emulator.hosts)
        self.db = run_async(self.client, 'db', '_system', 'root', '')
        self.name = 'py_' + self._testMethodName.replace('test_', '', 1)
        self.people = self.name + '_people'
        self.knows = self.name + '_knows'
        definitions = Json.from_string(SOCIAL % ((self.name,) * 3))
        self.graph = run_async(self.db, 'create_graph', self.name,
                               definitions.get_array(), None, None)

    def raises(self, obj, method, *args):
        with self.assertRaises(GLib.GError) as caught:
            value = run_async(obj, method, *args)
            self.fail('%s succeeded: %r' % (method, value))
        return caught.exception

    def assertServerError(self, error, code):
        self.assertEqual(error.domain, ARANGO_SERVER_ERROR_DOMAIN,
                         error.message)
        self.assertEqual(error.code, int(code), error.message)

    def add_person(self, key):
        return run_async(self.graph, 'insert_vertex', self.people,
                         doc('{"_key": "%s"}' % key), NO_FLAGS)

    def test_main_flow(self):
        self.assertIsInstance(self.graph, Arango.Graph)
        self.assertEqual(self.graph.props.name, self.name)
        self.assertEqual(self.graph.get_database(), self.db)
        self.assertIs(run_async(self.db, 'has_graph', self.name), True)
        names = [g['name'] for g in to_python(run_async(self.db, 'list_graphs'))]
        self.assertIn(self.name, names)

        ada = to_python(self.add_person('ada'))
        self.assertEqual(ada['_id'], self.people + '/ada')
        self.add_person('bob')
        edge = to_python(run_async(
            self.graph, 'link', self.knows, self.people + '/ada',
            self.people + '/bob', Json.from_string('{"since": 1843}').get_object(),
            Arango.DocumentFlags.RETURN_NEW))
        self.assertEqual(edge['new']['since'], 1843)
        self.assertEqual(edge['new']['_to'], self.people + '/bob')

        out = to_python(run_async(self.graph, 'edges', self.knows,
                                  self.people + '/ada',
                                  Arango.EdgeDirection.OUT))
        self.assertEqual([e['_key'] for e in out], [edge['_key']])
        incoming = run_async(self.graph, 'edges', self.knows,
                             self.people + '/ada', Arango.EdgeDirection.IN)
        self.assertEqual(incoming.get_length(), 0)

        # A stale revision is a conflict; the right one goes through.
        stale = doc('{"_key": "ada", "_rev": "_stale___", "born": 1815}')
        error = self.raises(self.graph, 'update_vertex', self.people, stale,
                            Arango.DocumentFlags.CHECK_REV)
        self.assertServerError(error, Arango.ServerError.CONFLICT)
        fresh = doc('{"_key": "ada", "_rev": "%s", "born": 1815}' % ada['_rev'])
        updated = to_python(run_async(self.graph, 'update_vertex', self.people,
                                      fresh, Arango.DocumentFlags.CHECK_REV))
        self.assertEqual(updated['_oldRev'], ada['_rev'])
        stored = to_python(run_async(self.graph, 'vertex', self.people, 'ada',
                                     None))
        self.assertEqual(stored['born'], 1815)

        # Removing a vertex removes its edges.
        removed = to_python(run_async(self.graph, 'delete_vertex', self.people,
                                      'bob', None, NO_FLAGS))
        self.assertIs(removed['removed'], True)
        self.assertIs(run_async(self.graph, 'has_edge', self.knows,
                                edge['_key']), False)

        self.assertIs(run_async(self.db, 'delete_graph', self.name, True, False),
                      True)
        self.assertIs(run_async(self.db, 'has_graph', self.name), False)
        self.assertIs(run_async(self.db, 'has_collection', self.people), False)

    def test_definitions(self):
        cities = run_async(self.graph, 'create_edge_definition',
                           self.name + '_lives_in', [self.people],
                           [self.name + '_cities'])
        self.assertIsInstance(cities, Arango.Collection)
        self.assertIs(run_async(self.graph, 'has_edge_definition',
                                self.name + '_lives_in'), True)
        definitions = to_python(run_async(self.graph, 'edge_definitions'))
        self.assertEqual([d['collection'] for d in definitions],
                         [self.knows, self.name + '_lives_in'])
        orphans = run_async(self.graph, 'create_vertex_collection',
                            self.name + '_pets')
        self.assertEqual(orphans.get_name(), self.name + '_pets')
        self.assertIn(self.name + '_pets',
                      run_async(self.graph, 'vertex_collections'))
        error = self.raises(self.graph, 'delete_vertex_collection',
                            self.people, False)
        self.assertServerError(error, Arango.ServerError.GRAPH_NOT_IN_ORPHAN_COLLECTION)

    def test_errors(self):
        ghost = self.db.get_graph('py_ghost')
        error = self.raises(ghost, 'properties')
        self.assertServerError(error, Arango.ServerError.GRAPH_NOT_FOUND)
        self.assertIs(run_async(self.db, 'delete_graph', 'py_ghost', False,
                                True), False)

        error = self.raises(self.graph, 'insert_edge', self.knows,
                            doc('{"_from": "%s/ada", "_to": "%s/nobody"}'
                                % (self.people, self.people)), NO_FLAGS)
        self.assertServerError(error, Arango.ServerError.DOCUMENT_NOT_FOUND)

        before = sum(self.emulator.request_counts())
        error = self.raises(self.graph, 'vertex', self.people, 'not a key!',
                            None)
        self.assertEqual(error.domain, ARANGO_ERROR_DOMAIN)
        self.assertEqual(error.code, int(Arango.Error.INVALID_ARGUMENT))
        self.assertEqual(sum(self.emulator.request_counts()), before)

    def test_sync(self):
        meta = self.graph.insert_vertex_sync(self.people, doc('{"_key": "cy"}'),
                                             NO_FLAGS, None)
        self.assertEqual(meta.get_string_member('_key'), 'cy')
        self.assertTrue(self.graph.has_vertex_sync(self.people, 'cy', None))
        with self.assertRaises(GLib.GError) as caught:
            self.graph.vertex_sync(self.people, 'nobody', None, None)
        self.assertServerError(caught.exception,
                               Arango.ServerError.DOCUMENT_NOT_FOUND)
        self.assertTrue(self.db.delete_graph_sync(self.name, True, False, None))


if __name__ == '__main__':
    unittest.main(verbosity=2)
