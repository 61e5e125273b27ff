#!/usr/bin/python3
# test_admin.py: server and shard administration through PyGObject,
# against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of the administration calls: what Python sees of
results that are not JSON objects (the metrics text, the server time as a
float, job ids as strings) and of refused arguments."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_data import (DataTestCase, GLib, Arango, json_object,  # noqa: E402
                       run_async, to_python)


class AdminTests(DataTestCase):
    def test_version_and_time(self):
        version = to_python(run_async(self.db, 'version', True))
        self.assertEqual(version['version'], '3.12.10')
        self.assertEqual(version['details']['role'], 'COORDINATOR')
        seconds = self.db.time_sync(None)
        self.assertIsInstance(seconds, float)
        self.assertAlmostEqual(seconds, GLib.get_real_time() / 1e6, delta=60)

    def test_metrics_text(self):
        text = run_async(self.db, 'metrics', None)
        self.assertIsInstance(text, str)
        self.assertIn('# TYPE arangodb_client_connection_statistics_client_connections gauge\n',
                      text)

    def test_log_levels(self):
        levels = to_python(self.db.set_log_levels_sync(
            json_object('{"all": "warning"}'), None, False, None))
        self.assertEqual(set(levels.values()), {'WARNING'})
        with self.assertRaises(GLib.GError) as caught:
            self.db.read_log_entries_sync(None, None, -1, -1, -1, None, 'up', None, None)
        self.assertArangoError(caught.exception, Arango.Error.INVALID_ARGUMENT)

    def test_mode_refused(self):
        before = self.total_requests()
        error = self.raises(self.db, 'set_mode', 'read-only')
        self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.total_requests(), before)

    def test_shutdown_remove_from_cluster(self):
        Shutdown = Arango.ShutdownFlags
        gone = self.emulator.server_ids()[0]
        alone = Arango.Client.new(self.emulator.urls[0])
        first = run_async(alone, 'db', '_system', 'root', '')
        self.assertIs(run_async(first, 'shutdown_with_flags', Shutdown.REMOVE_FROM_CLUSTER), True)
        self.assertIn('remove_from_cluster=1',
                      self.logged(0, 'DELETE', '/_admin/shutdown')[-1]['query'])
        for _ in range(500):
            if not self.emulator.coordinators()[0]['running']:
                break
            GLib.usleep(10 * 1000)
        self.assertFalse(self.emulator.coordinators()[0]['running'])

        # The others answer, through failover, without it.
        cluster = self.db.get_cluster()
        health = to_python(run_async(cluster, 'health'))['Health']
        self.assertNotIn(gone, health)
        self.assertIn(self.emulator.server_ids()[1], health)
        endpoints = run_async(cluster, 'endpoints')
        self.assertEqual(len(endpoints), 2, endpoints)
        self.assertNotIn('tcp://' + self.emulator.urls[0].split('://', 1)[1], endpoints)

        before = self.total_requests()
        error = self.raises(self.db, 'shutdown_with_flags', Shutdown(1 << 6))
        self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.total_requests(), before)


class ShardTests(DataTestCase):
    def test_shards_and_moves(self):
        shards = to_python(run_async(self.coll, 'shards', True))['shards']
        shard, servers = next(iter(shards.items()))
        responsible = run_async(self.coll, 'responsible_shard', json_object('{"_key": "a"}'))
        self.assertIn(responsible, shards)

        cluster = self.db.get_cluster()
        health = to_python(run_async(cluster, 'health'))['Health']
        target = next(server for server in health
                      if server.startswith('PRMR-') and server not in servers)
        job = run_async(cluster, 'move_shard', self.name, shard, servers[0], target)
        self.assertTrue(job.isdigit(), job)
        moved = to_python(run_async(self.coll, 'shards', True))['shards']
        self.assertEqual(moved[shard][0], target)

        error = self.raises(cluster, 'remove_server', target)
        self.assertServerError(error, Arango.ServerError.HTTP_PRECONDITION_FAILED)


if __name__ == '__main__':
    unittest.main(verbosity=2)
