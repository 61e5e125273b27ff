#!/usr/bin/python3
# test_sync.py: the blocking _sync calls and Arango.QueryModel through
# PyGObject, against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of what a script uses: the ``*_sync`` calls, which
need no main loop, and ``Arango.QueryModel``, a ``Gio.ListModel`` of
``Arango.Document`` items that fills itself while a main loop runs.

Every test talks over real HTTP to an ``arango-emulator`` subprocess.
"""

import json
import os
import sys
import threading
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Gio', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, Gio, GLib, Json  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from emulator import Emulator  # noqa: E402
from test_data import to_python  # noqa: E402

# Far longer than any load needs; only there so that a hang fails the test
# instead of the whole suite.
LOAD_TIMEOUT = 60

N_NUMBERS = 25


def doc(value):
    return Json.from_string(json.dumps(value))


class SyncTestCase(unittest.TestCase):
    """One emulator per class; before every test a fresh client, _system
    opened with a _sync call and a collection of N_NUMBERS documents."""

    @classmethod
    def setUpClass(cls):
        cls.emulator = Emulator(coordinators=3)
        cls.emulator.start()
        cls.addClassCleanup(cls.emulator.stop)

    def setUp(self):
        self.emulator.reset()
        self.client = Arango.Client.new(self.emulator.hosts)
        self.db = self.client.db_sync('_system', 'root', '', None)
        self.name = 'py_sync_' + self._testMethodName.replace('test_', '', 1)
        self.coll = self.db.create_collection_sync(self.name, None, None)
        self.addCleanup(self.db.delete_collection_sync, self.name, None)
        numbers = [{'_key': 'n%02d' % i, 'value': i} for i in range(N_NUMBERS)]
        results = self.coll.insert_many_sync(doc(numbers).get_array(),
                                             Arango.DocumentFlags.NONE, None)
        self.assertEqual(results.get_length(), N_NUMBERS)

    def assertServerError(self, error, code):
        self.assertTrue(error.matches(Arango.server_error_quark(), code),
                        '%s: code %d, expected %s' % (error.message, error.code, code))


class SyncTests(SyncTestCase):

    def test_documents(self):
        self.assertEqual(self.coll.count_sync(None), N_NUMBERS)
        meta = self.coll.insert_sync(doc({'_key': 'ada', 'age': 36}),
                                     Arango.DocumentFlags.NONE, None)
        self.assertEqual(meta.get_string_member('_key'), 'ada')
        stored = to_python(self.coll.get_sync('ada', None, None))
        self.assertEqual(stored['age'], 36)
        self.assertIs(self.coll.has_sync('ada', None), True)
        self.assertIs(self.coll.has_sync('nobody', None), False)
        self.assertEqual(self.coll.count_sync(None), N_NUMBERS + 1)

    def test_errors_are_raised(self):
        with self.assertRaises(GLib.GError) as caught:
            self.coll.get_sync('nobody', None, None)
        self.assertServerError(caught.exception,
                               Arango.ServerError.DOCUMENT_NOT_FOUND)
        with self.assertRaises(GLib.GError) as caught:
            self.coll.get_sync('', None, None)
        self.assertTrue(caught.exception.matches(Arango.error_quark(),
                                                 Arango.Error.INVALID_ARGUMENT))

    def test_query_batches(self):
        options = Arango.QueryOptions(batch_size=10)
        cursor = self.db.query_sync(
            'FOR n IN @@coll SORT n.value RETURN n.value',
            doc({'@coll': self.name}).get_object(), options, None)
        batches = []
        while True:
            batch = cursor.next_batch_sync(None)
            if batch is None:
                break
            batches.append(to_python(batch))
        self.assertEqual([len(b) for b in batches], [10, 10, 5])
        self.assertEqual(sum(batches, []), list(range(N_NUMBERS)))

    def test_cluster_and_transaction(self):
        cluster = self.db.get_cluster()
        self.assertEqual(cluster.server_role_sync(None), 'COORDINATOR')
        self.assertIn(cluster.server_id_sync(None), self.emulator.server_ids())

        transaction = self.db.begin_transaction_sync(None, [self.name], None, None)
        inside = transaction.get_collection(self.name)
        inside.insert_sync(doc({'_key': 'grace'}), Arango.DocumentFlags.NONE, None)
        self.assertEqual(transaction.status_sync(None), 'running')
        self.assertIs(transaction.abort_sync(None), True)
        self.assertIs(self.coll.has_sync('grace', None), False)

    def test_cancelled(self):
        cancellable = Gio.Cancellable()
        cancellable.cancel()
        with self.assertRaises(GLib.GError) as caught:
            self.coll.count_sync(cancellable)
        self.assertTrue(caught.exception.matches(Gio.io_error_quark(),
                                                 Gio.IOErrorEnum.CANCELLED))

    def test_worker_thread_while_main_loop_runs(self):
        """A thread blocks in _sync calls; the main thread's loop keeps
        running an async call meanwhile."""
        outcome = {}
        loop = GLib.MainLoop()

        def work():
            try:
                for i in range(10):
                    self.coll.insert_sync(doc({'_key': 'w%d' % i}),
                                          Arango.DocumentFlags.NONE, None)
                outcome['count'] = self.coll.count_sync(None)
            except GLib.GError as error:
                outcome['error'] = error
            GLib.idle_add(loop.quit)

        def on_role(cluster, result, user_data):
            outcome['role'] = cluster.server_role_finish(result)

        self.db.get_cluster().server_role_async(None, on_role, None)
        worker = threading.Thread(target=work)
        worker.start()
        GLib.timeout_add_seconds(LOAD_TIMEOUT, loop.quit)
        loop.run()
        worker.join()
        self.assertNotIn('error', outcome)
        self.assertEqual(outcome['count'], N_NUMBERS + 10)
        self.assertEqual(outcome['role'], 'COORDINATOR')


class QueryModelTests(SyncTestCase):

    def load(self, model):
        """Runs a main loop until the model stopped loading; returns the
        items-changed signals as (position, removed, added)."""
        changes = []
        loop = GLib.MainLoop()
        model.connect('items-changed',
                      lambda m, position, removed, added:
                      changes.append((position, removed, added)))
        model.connect('notify::loading',
                      lambda m, pspec: None if m.props.loading else loop.quit())
        model.load()
        self.assertIs(model.props.loading, True)
        timeout_id = GLib.timeout_add_seconds(LOAD_TIMEOUT, loop.quit)
        loop.run()
        GLib.source_remove(timeout_id)
        self.assertIs(model.props.loading, False)
        return changes

    def test_batches(self):
        options = Arango.QueryOptions(batch_size=10)
        model = Arango.QueryModel.new(self.db, 'FOR n IN %s SORT n.value RETURN n'
                                      % self.name, None, options)
        self.assertIsInstance(model, Gio.ListModel)
        self.assertEqual(model.get_item_type(), Arango.Document.__gtype__)
        self.assertEqual(model.get_n_items(), 0)

        self.assertEqual(self.load(model), [(0, 0, 10), (10, 0, 10), (20, 0, 5)])
        self.assertIsNone(model.props.error)
        self.assertEqual(model.props.n_items, N_NUMBERS)
        self.assertEqual(len(model), N_NUMBERS)

        first = model[0]
        self.assertIsInstance(first, Arango.Document)
        self.assertEqual(first.props.key, 'n00')
        self.assertEqual(first.props.id, '%s/n00' % self.name)
        self.assertTrue(first.props.rev)
        self.assertIs(first.has_member('value'), True)
        self.assertEqual(first.get_member('value').get_int(), 0)
        self.assertEqual([item.get_member('value').get_int() for item in model],
                         list(range(N_NUMBERS)))

    def test_plain_values(self):
        model = Arango.QueryModel(database=self.db,
                                  query='FOR s IN ["x1", "x2", "x3"] RETURN s')
        self.load(model)
        self.assertIsNone(model.props.error)
        self.assertEqual([item.get_value().get_string() for item in model],
                         ['x1', 'x2', 'x3'])
        self.assertIsNone(model[0].props.key)
        self.assertIsNone(model[0].get_object())
        self.assertEqual(model[0].to_json(), '"x1"')

    def test_error(self):
        model = Arango.QueryModel.new(self.db, 'FOR n IN nowhere RETURN n', None, None)
        errors = []
        model.connect('notify::error', lambda m, pspec: errors.append(m.props.error))
        self.assertEqual(self.load(model), [])
        self.assertEqual(len(errors), 1)
        self.assertServerError(model.props.error,
                               Arango.ServerError.DATA_SOURCE_NOT_FOUND)
        self.assertEqual(len(model), 0)

    def test_cancel(self):
        options = Arango.QueryOptions(batch_size=5)
        model = Arango.QueryModel.new(self.db, 'FOR n IN %s RETURN n' % self.name,
                                      None, options)
        model.connect('items-changed', lambda m, *change: m.cancel())
        self.assertEqual(self.load(model), [(0, 0, 5)])
        self.assertTrue(model.props.error.matches(Gio.io_error_quark(),
                                                  Gio.IOErrorEnum.CANCELLED))
        self.assertEqual(len(model), 5)


if __name__ == '__main__':
    unittest.main()
