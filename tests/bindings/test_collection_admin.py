#!/usr/bin/python3
# test_collection_admin.py: a collection's figures, revision, checksum,
# compaction, recount and indexes, and deleting collections with flags,
# through PyGObject, against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of the collection administration calls: the
flags types as Python enums, strings and booleans as results, and
ignore_missing through a flags argument, in the async and blocking
forms."""

import os
import sys
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_data import DataTestCase, doc, json_object, run_async, to_python  # noqa: E402

Checksum = Arango.ChecksumFlags
Delete = Arango.DeleteCollectionFlags


class CollectionAdminTests(DataTestCase):

    def checksum(self, flags):
        value = run_async(self.coll, 'checksum', flags)
        self.assertIsInstance(value, str)
        return value

    def test_statistics(self):
        self.insert('{"_key": "ada"}')
        self.insert('{"_key": "grace"}')
        figures = to_python(run_async(self.coll, 'statistics', False))
        self.assertIn('documentsSize', figures)
        self.assertEqual(figures['indexes']['count'], 1)
        self.assertNotIn('engine', figures)
        detailed = to_python(self.coll.statistics_sync(True, None))
        self.assertEqual(detailed['engine']['documents'], 2)

    def test_revision_and_checksum_follow_the_data(self):
        empty_revision = run_async(self.coll, 'revision')
        self.assertEqual(self.checksum(Checksum.NONE), '0')
        self.insert('{"_key": "ada", "born": 1815}')
        revision = run_async(self.coll, 'revision')
        self.assertNotEqual(revision, empty_revision)
        keys = self.checksum(Checksum.NONE)
        data = self.checksum(Checksum.WITH_DATA)
        both = self.checksum(Checksum.WITH_DATA | Checksum.WITH_REVISIONS)
        self.assertEqual(len({keys, data, both}), 3)

        run_async(self.coll, 'update', doc('{"_key": "ada", "born": 1816}'),
                  Arango.DocumentFlags.NONE)
        self.assertNotEqual(self.coll.revision_sync(None), revision)
        self.assertEqual(self.coll.checksum_sync(Checksum.NONE, None), keys)
        self.assertNotEqual(self.checksum(Checksum.WITH_DATA), data)
        self.assertNotEqual(self.checksum(Checksum.WITH_DATA | Checksum.WITH_REVISIONS), both)

        sent = self.total_requests()
        error = self.raises(self.coll, 'checksum', Checksum(1 << 4))
        self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.total_requests(), sent)

    def test_compact_recount_load(self):
        compacted = to_python(run_async(self.coll, 'compact'))
        self.assertEqual(compacted['name'], self.name)
        self.assertNotIn('error', compacted)
        self.assertIs(run_async(self.coll, 'recalculate_count'), True)
        self.assertIs(self.coll.load_indexes_sync(None), True)
        self.assertIs(run_async(self.coll, 'load_indexes'), True)

    def test_get_index(self):
        created = to_python(run_async(self.coll, 'add_index', json_object(
            '{"type": "persistent", "fields": ["born"], "name": "by_birth"}')))
        number = created['id'].split('/')[1]
        for index_id in (created['id'], number, 'by_birth'):
            index = to_python(run_async(self.coll, 'get_index', index_id))
            self.assertEqual((index['id'], index['name'], index['fields']),
                             (created['id'], 'by_birth', ['born']))
        primary = to_python(self.coll.get_index_sync('0', None))
        self.assertEqual(primary['type'], 'primary')

        error = self.raises(self.coll, 'get_index', '424242')
        self.assertServerError(error, Arango.ServerError.INDEX_NOT_FOUND)
        sent = self.total_requests()
        error = self.raises(self.coll, 'get_index', 'other/' + number)
        self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.total_requests(), sent)

    def test_unknown_collection(self):
        missing = self.db.get_collection('py_nowhere')
        for method, args in [('statistics', (False,)), ('revision', ()),
                             ('checksum', (Checksum.NONE,)), ('compact', ()),
                             ('recalculate_count', ()), ('load_indexes', ()),
                             ('get_index', ('0',))]:
            error = self.raises(missing, method, *args)
            self.assertServerError(error, Arango.ServerError.DATA_SOURCE_NOT_FOUND)

    def test_delete_with_flags(self):
        self.assertIs(run_async(self.db, 'delete_collection_with_flags', self.name,
                                Delete.NONE), True)
        error = self.raises(self.db, 'delete_collection_with_flags', self.name, Delete.NONE)
        self.assertServerError(error, Arango.ServerError.DATA_SOURCE_NOT_FOUND)
        self.assertIs(run_async(self.db, 'delete_collection_with_flags', self.name,
                                Delete.IGNORE_MISSING), False)
        self.assertIs(self.db.delete_collection_with_flags_sync(
            self.name, Delete.IGNORE_MISSING, None), False)

        run_async(self.db, 'create_collection', '_py_probes', json_object('{"isSystem": true}'))
        self.addCleanup(self.db.delete_collection_with_flags_sync, '_py_probes',
                        Delete.SYSTEM | Delete.IGNORE_MISSING, None)
        with self.assertRaises(GLib.GError) as caught:
            self.db.delete_collection_with_flags_sync('_py_probes', Delete.NONE, None)
        self.assertServerError(caught.exception, Arango.ServerError.FORBIDDEN)
        self.assertIs(self.db.delete_collection_with_flags_sync(
            '_py_probes', Delete.SYSTEM, None), True)

        error = self.raises(self.db, 'delete_collection_with_flags', 'a/b', Delete.NONE)
        self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)


if __name__ == '__main__':
    unittest.main()
