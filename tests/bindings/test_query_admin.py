#!/usr/bin/python3
# test_query_admin.py: managing AQL queries and the databases a user may
# use, through PyGObject, against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of the query management calls: an administrator
finds a long query among the running ones and kills it, reads and
changes the query tracking properties and the query results cache, and
lists the databases a user may use.

The emulator runs with authentication on (root / ROOT_PASSWORD) and two
coordinators, so that a kill may go to the coordinator not running the
query.
"""

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
from test_data import CALL_TIMEOUT, json_object, run_async, to_python  # noqa: E402

ROOT_PASSWORD = 'root-pw'
SERVER_ERROR = 'arango-server-error-quark'
CLIENT_ERROR = 'arango-error-quark'
SLEEPER = 'RETURN SLEEP(30)'


class QueryAdminTests(unittest.TestCase):

    def setUp(self):
        # A fresh emulator per test: the tracking and cache properties
        # are the server's.
        self.emulator = Emulator(coordinators=2, user='root',
                                 password=ROOT_PASSWORD)
        self.emulator.start()
        self.addCleanup(self.emulator.stop)
        self.client = Arango.Client.new(self.emulator.hosts)
        self.root = run_async(self.client, 'db', '_system', 'root',
                              ROOT_PASSWORD)

    def assertError(self, caught, domain, code):
        error = caught.exception
        self.assertEqual((error.domain, error.code), (domain, int(code)),
                         error.message)

    def test_kill_a_running_query(self):
        outcome = {}

        def on_query(db, result, user_data):
            try:
                outcome['cursor'] = db.query_finish(result)
            except GLib.GError as error:
                outcome['error'] = error

        self.root.query_async(SLEEPER, None, None, None, on_query, None)
        running = []
        for _ in range(500):
            running = to_python(run_async(self.root, 'running_queries', False))
            if running:
                break
        self.assertEqual([(q['query'], q['state'], q['user']) for q in running],
                         [(SLEEPER, 'executing', 'root')])

        self.assertTrue(run_async(self.root, 'kill_query', running[0]['id'],
                                  False, False))
        context = GLib.MainContext.default()
        deadline = GLib.get_monotonic_time() + CALL_TIMEOUT * 1000000
        while not outcome and GLib.get_monotonic_time() < deadline:
            context.iteration(True)
        self.assertNotIn('cursor', outcome)
        self.assertEqual((outcome['error'].domain, outcome['error'].code),
                         (SERVER_ERROR, int(Arango.ServerError.QUERY_KILLED)))
        self.assertEqual(to_python(run_async(self.root, 'running_queries', False)), [])

        with self.assertRaises(GLib.GError) as caught:
            run_async(self.root, 'kill_query', running[0]['id'], False, False)
        self.assertError(caught, SERVER_ERROR, Arango.ServerError.QUERY_NOT_FOUND)
        self.assertFalse(run_async(self.root, 'kill_query', running[0]['id'],
                                   False, True))

    def test_slow_queries_and_tracking(self):
        tracking = to_python(run_async(self.root, 'query_tracking'))
        self.assertEqual((tracking['enabled'], tracking['slowQueryThreshold']),
                         (True, 10))
        self.assertNotIn('code', tracking)
        changed = to_python(run_async(self.root, 'set_query_tracking',
                                      json_object('{"slowQueryThreshold": 0}')))
        self.assertEqual(changed['slowQueryThreshold'], 0)

        self.root.query_sync('RETURN 7', None, None, None)
        slow = to_python(run_async(self.root, 'slow_queries', False))
        self.assertEqual([(q['query'], q['state']) for q in slow],
                         [('RETURN 7', 'finished')])
        self.assertTrue(run_async(self.root, 'clear_slow_queries', False))
        self.assertEqual(to_python(self.root.slow_queries_sync(False, None)), [])

        # root with a password is no superuser: not every database's
        with self.assertRaises(GLib.GError) as caught:
            run_async(self.root, 'running_queries', True)
        self.assertError(caught, SERVER_ERROR, Arango.ServerError.FORBIDDEN)

    def test_results_cache(self):
        self.assertEqual(to_python(run_async(self.root, 'query_cache_properties'))['mode'],
                         'off')
        configured = to_python(run_async(
            self.root, 'configure_query_cache',
            json_object('{"mode": "on", "maxResults": 32}')))
        self.assertEqual((configured['mode'], configured['maxResults']), ('on', 32))

        self.root.query_sync('RETURN 42', None, None, None)
        entries = to_python(run_async(self.root, 'query_cache_entries'))
        self.assertEqual([e['query'] for e in entries], ['RETURN 42'])
        self.assertTrue(run_async(self.root, 'clear_query_cache'))
        self.assertEqual(to_python(self.root.query_cache_entries_sync(None)), [])

        with self.assertRaises(GLib.GError) as caught:
            run_async(self.root, 'configure_query_cache',
                      json_object('{"maxEntrySize": 0}'))
        self.assertError(caught, SERVER_ERROR, Arango.ServerError.BAD_PARAMETER)

    def test_bad_arguments_are_refused_before_sending(self):
        for query_id in ('', 'slow', '12a'):
            with self.subTest(query_id=query_id):
                with self.assertRaises(GLib.GError) as caught:
                    run_async(self.root, 'kill_query', query_id, False, True)
                self.assertError(caught, CLIENT_ERROR, Arango.Error.INVALID_ARGUMENT)
        with self.assertRaises(GLib.GError) as caught:
            self.root.configure_query_cache_sync(
                json_object('{"mode": "sometimes"}'), None)
        self.assertError(caught, CLIENT_ERROR, Arango.Error.INVALID_ARGUMENT)

    def test_accessible_databases(self):
        self.assertTrue(run_async(self.root, 'create_database', 'shop', None))
        run_async(self.root, 'create_user', 'ivy', 'ivy-pw', True, None)
        run_async(self.root, 'update_permission', 'ivy',
                  Arango.Permission.READ_ONLY, 'shop', None)

        self.assertEqual(run_async(self.root, 'list_accessible_databases'),
                         ['_system', 'shop'])
        ivy = run_async(self.client, 'db', 'shop', 'ivy', 'ivy-pw')
        self.assertEqual(run_async(ivy, 'list_accessible_databases'), ['shop'])
        self.assertEqual(ivy.list_accessible_databases_sync(None), ['shop'])


if __name__ == '__main__':
    unittest.main()
