#!/usr/bin/python3
# test_options.py: the options of stream transactions, new databases and
# AQL queries, through PyGObject, against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of the option objects: Arango.TransactionOptions
(with begin_transaction_with_options and fetch_transaction),
Arango.DatabaseOptions (with create_database_with_options) and the newer
Arango.QueryOptions properties, with the profile a cursor keeps.

Each option object is made as Python programs make GObjects, with keyword
arguments; what the coordinators received is read from the emulator's
request log.
"""

import json
import os
import sys
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_data import (DataTestCase, doc, json_object, run_async,  # noqa: E402
                       to_python)


class OptionsTestCase(DataTestCase):

    def last_body(self, method, path_suffix, query=None):
        """The last such request a coordinator got (of AQL @query): each
        keeps its own log, so only the order within one is known."""
        requests = [r for index in range(3) for r in self.emulator.requests(index)
                    if r['method'] == method and r['path'].endswith(path_suffix)
                    and (query is None or json.loads(r['body'])['query'] == query)]
        self.assertTrue(requests, path_suffix)
        return requests[-1]

    def raises_error(self, obj, method, *args):
        with self.assertRaises(GLib.GError) as caught:
            run_async(obj, method, *args)
        return caught.exception


class TransactionOptionTests(OptionsTestCase):

    def setUp(self):
        super().setUp()
        self.other = run_async(self.db, 'create_collection', self.name + '_other', None)
        self.addCleanup(self.drop_collection, self.name + '_other')
        self.insert('{"_key": "seen", "v": 1}', coll=self.other)

    def begin(self, options):
        return run_async(self.db, 'begin_transaction_with_options',
                         None, [self.name], None, options)

    def test_defaults(self):
        options = Arango.TransactionOptions()
        self.assertTrue(options.props.allow_implicit)
        self.assertEqual(options.props.lock_timeout, -1)
        self.assertEqual(options.props.max_transaction_size, 0)
        self.assertFalse(options.props.allow_dirty_read)

        transaction = self.begin(options)
        request = self.last_body('POST', '/_api/transaction/begin')
        self.assertEqual(list(json.loads(request['body'])), ['collections'])
        self.assertNotIn('x-arango-allow-dirty-read', request['headers'])
        self.assertTrue(run_async(transaction, 'abort'))

    def test_options_are_sent(self):
        options = Arango.TransactionOptions(wait_for_sync=True, allow_implicit=False,
                                            lock_timeout=30, max_transaction_size=4096,
                                            skip_fast_lock_round=True,
                                            allow_dirty_read=True)
        transaction = self.begin(options)
        request = self.last_body('POST', '/_api/transaction/begin')
        body = json.loads(request['body'])
        self.assertEqual({k: v for k, v in body.items() if k != 'collections'},
                         {'waitForSync': True, 'allowImplicit': False, 'lockTimeout': 30,
                          'maxTransactionSize': 4096, 'skipFastLockRound': True})
        self.assertEqual(request['headers']['x-arango-allow-dirty-read'], 'true')
        self.assertTrue(run_async(transaction, 'commit'))

    def test_allow_implicit_false(self):
        transaction = self.begin(Arango.TransactionOptions(allow_implicit=False))
        undeclared = transaction.get_collection(self.other.get_name())
        error = self.raises_error(undeclared, 'get', 'seen', None)
        self.assertServerError(error, Arango.ServerError.TRANSACTION_UNREGISTERED_COLLECTION)
        self.assertIn('unregistered collection used in transaction: %s [read]'
                      % self.other.get_name(), error.message)
        error = self.raises_error(transaction, 'query',
                                  'FOR d IN %s RETURN d' % self.other.get_name(), None, None)
        self.assertServerError(error, Arango.ServerError.TRANSACTION_UNREGISTERED_COLLECTION)

        # By default the same read goes through.
        lenient = self.begin(None)
        seen = run_async(lenient.get_collection(self.other.get_name()), 'get', 'seen', None)
        self.assertEqual(seen.get_int_member('v'), 1)
        self.assertTrue(run_async(lenient, 'abort'))
        self.assertTrue(run_async(transaction, 'abort'))

    def test_max_transaction_size(self):
        transaction = self.begin(Arango.TransactionOptions(max_transaction_size=200))
        inside = transaction.get_collection(self.name)
        run_async(inside, 'insert', doc('{"_key": "small"}'), Arango.DocumentFlags.NONE)
        error = self.raises_error(inside, 'insert', doc(json.dumps({'pad': 'x' * 300})),
                                  Arango.DocumentFlags.NONE)
        self.assertServerError(error, Arango.ServerError.RESOURCE_LIMIT)
        self.assertIn('Maximal transaction size limit of 200 bytes is reached', error.message)
        self.assertTrue(run_async(transaction, 'commit'))
        self.assertEqual(self.count(), 1)

    def test_dirty_reads(self):
        transaction = self.begin(Arango.TransactionOptions(allow_dirty_read=True))
        cursor = run_async(transaction, 'query', 'FOR d IN %s RETURN d' % self.name, None, None)
        self.assertTrue(cursor.get_potentially_dirty())
        self.assertTrue(run_async(transaction, 'abort'))

    def test_fetch(self):
        transaction = self.begin(None)
        other_client = Arango.Client.new(self.emulator.urls[2])
        other_db = run_async(other_client, 'db', '_system', 'root', '')
        fetched = run_async(other_db, 'fetch_transaction', transaction.get_id())
        self.assertIsInstance(fetched, Arango.Transaction)
        self.assertEqual(fetched.get_id(), transaction.get_id())

        run_async(fetched.get_collection(self.name), 'insert', doc('{"_key": "via"}'),
                  Arango.DocumentFlags.NONE)
        self.assertEqual(self.count(), 0)
        self.assertTrue(run_async(fetched, 'commit'))
        self.assertEqual(self.count(), 1)
        self.assertEqual(run_async(transaction, 'status'), 'committed')

        error = self.raises_error(other_db, 'fetch_transaction', transaction.get_id())
        self.assertArangoError(error, Arango.Error.TRANSACTION_NOT_RUNNING)
        error = self.raises_error(other_db, 'fetch_transaction', '123456789')
        self.assertServerError(error, Arango.ServerError.TRANSACTION_NOT_FOUND)

        before = self.total_requests()
        for bad in ('', 'abc', '12/34'):
            with self.subTest(id=bad):
                error = self.raises_error(other_db, 'fetch_transaction', bad)
                self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.total_requests(), before)


class DatabaseOptionTests(OptionsTestCase):

    def create(self, name, options):
        self.addCleanup(self.drop_database, name)
        return run_async(self.db, 'create_database_with_options', name, None, options)

    def drop_database(self, name):
        try:
            run_async(self.db, 'delete_database', name)
        except GLib.GError:
            pass

    def properties_of(self, name):
        database = run_async(self.client, 'db', name, 'root', '')
        return to_python(run_async(database, 'properties')), database

    def test_options(self):
        options = Arango.DatabaseOptions(replication_factor=2, write_concern=2,
                                         sharding='single')
        self.assertTrue(self.create('py_options', options))
        sent = json.loads(self.last_body('POST', '/_api/database')['body'])
        self.assertEqual(sent['options'], {'replicationFactor': 2, 'writeConcern': 2,
                                           'sharding': 'single'})

        properties, database = self.properties_of('py_options')
        self.assertEqual((properties['sharding'], properties['replicationFactor'],
                          properties['writeConcern']), ('single', 2, 2))
        collection = run_async(database, 'create_collection', 'things',
                               json_object('{"numberOfShards": 3}'))
        collection_properties = to_python(run_async(collection, 'properties'))
        self.assertEqual(collection_properties['numberOfShards'], 1)
        self.assertEqual(collection_properties['distributeShardsLike'], '_graphs')
        self.assertEqual(collection_properties['writeConcern'], 2)

    def test_defaults(self):
        options = Arango.DatabaseOptions()
        self.assertEqual(options.props.replication_factor, 0)
        self.assertIsNone(options.props.sharding)
        self.assertFalse(options.props.satellite)
        self.assertTrue(self.create('py_plain', options))
        self.assertNotIn('options', json.loads(self.last_body('POST', '/_api/database')['body']))
        properties, _ = self.properties_of('py_plain')
        self.assertEqual((properties['sharding'], properties['replicationFactor']), ('', 1))

    def test_satellite(self):
        options = Arango.DatabaseOptions(satellite=True, write_concern=2)
        self.assertTrue(self.create('py_satellite', options))
        sent = json.loads(self.last_body('POST', '/_api/database')['body'])
        self.assertEqual(sent['options'], {'replicationFactor': 'satellite', 'writeConcern': 2})

        properties, database = self.properties_of('py_satellite')
        self.assertEqual((properties['replicationFactor'], properties['writeConcern']),
                         ('satellite', 2))
        collection = run_async(database, 'create_collection', 'ordinary',
                               json_object('{"replicationFactor": 3}'))
        collection_properties = to_python(run_async(collection, 'properties'))
        self.assertEqual((collection_properties['replicationFactor'],
                          collection_properties['writeConcern']), (3, 2))

    def test_satellite_with_replication_factor(self):
        before = self.total_requests()
        error = self.raises_error(self.db, 'create_database_with_options', 'py_both', None,
                                  Arango.DatabaseOptions(satellite=True, replication_factor=2))
        self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertIn('satellite', error.message)
        self.assertEqual(self.total_requests(), before)

    def test_bad_sharding(self):
        before = self.total_requests()
        error = self.raises_error(self.db, 'create_database_with_options', 'py_bad', None,
                                  Arango.DatabaseOptions(sharding='wide'))
        self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.total_requests(), before)

    def test_too_many_copies(self):
        error = self.raises_error(self.db, 'create_database_with_options', 'py_big', None,
                                  Arango.DatabaseOptions(replication_factor=4))
        self.assertServerError(error, Arango.ServerError.CLUSTER_INSUFFICIENT_DBSERVERS)

    def test_delete_with_flags(self):
        Delete = Arango.DeleteDatabaseFlags
        self.assertTrue(self.create('py_gone', Arango.DatabaseOptions()))
        self.assertIs(run_async(self.db, 'delete_database_with_flags', 'py_gone',
                                Delete.NONE), True)
        error = self.raises_error(self.db, 'delete_database_with_flags', 'py_gone', Delete.NONE)
        self.assertServerError(error, Arango.ServerError.DATABASE_NOT_FOUND)
        self.assertIs(run_async(self.db, 'delete_database_with_flags', 'py_gone',
                                Delete.IGNORE_MISSING), False)
        self.assertIs(self.db.delete_database_with_flags_sync(
            'py_gone', Delete.IGNORE_MISSING, None), False)

        before = self.total_requests()
        error = self.raises_error(self.db, 'delete_database_with_flags', 'a/b',
                                  Delete.IGNORE_MISSING)
        self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.total_requests(), before)


class QueryOptionTests(OptionsTestCase):

    def setUp(self):
        super().setUp()
        for value in range(10):
            self.insert(json.dumps({'value': value}))

    def test_new_options_are_sent(self):
        options = Arango.QueryOptions(use_plan_cache=True, fill_block_cache=False,
                                      satellite_sync_wait=5.0,
                                      force_one_shard_attribute_value='k1')
        aql = 'FOR d IN %s FILTER d.value < @v RETURN d.value' % self.name
        first = run_async(self.db, 'query', aql, json_object('{"v": 3}'), options)
        body = json.loads(self.last_body('POST', '/_api/cursor', aql)['body'])
        self.assertEqual(body['options'], {'usePlanCache': True, 'fillBlockCache': False,
                                           'satelliteSyncWait': 5.0,
                                           'forceOneShardAttributeValue': 'k1'})
        self.assertIsNone(first.get_plan_cache_key())
        second = run_async(self.db, 'query', aql, json_object('{"v": 5}'), options)
        self.assertTrue(second.get_plan_cache_key())
        self.assertEqual(second.props.plan_cache_key, second.get_plan_cache_key())

        defaults = Arango.QueryOptions()
        self.assertTrue(defaults.props.fill_block_cache)
        self.assertEqual(defaults.props.satellite_sync_wait, 60.0)
        run_async(self.db, 'query', 'RETURN 1', None, defaults)
        self.assertNotIn('options',
                         json.loads(self.last_body('POST', '/_api/cursor', 'RETURN 1')['body']))

    def test_profile(self):
        aql = 'FOR d IN %s SORT d.value RETURN d.value' % self.name
        plain = run_async(self.db, 'query', aql, None, None)
        self.assertIsNone(plain.get_profile())
        self.assertIsNone(plain.get_plan())
        self.assertIsNone(plain.get_node_statistics())

        cursor = run_async(self.db, 'query', aql, None, Arango.QueryOptions(profile=2))
        profile = to_python(cursor.get_profile())
        self.assertIn('executing', profile)
        plan = to_python(cursor.get_plan())
        nodes = to_python(cursor.get_node_statistics())
        self.assertEqual(sorted(n['id'] for n in nodes),
                         sorted(n['id'] for n in plan['nodes']))
        self.assertEqual(nodes[-1]['items'], 10)
        self.assertEqual(to_python(cursor.props.profile), profile)


if __name__ == '__main__':
    unittest.main()
