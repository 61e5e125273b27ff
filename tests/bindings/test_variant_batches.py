#!/usr/bin/python3
# test_variant_batches.py: a cursor's batches and documents as GVariants
# through PyGObject, against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Cursor.next_batch_variant_async()/_finish()/_sync() as a Python program
uses them: the batch is one GLib.Variant of type ``av`` whose ``unpack()``
gives plain lists, dicts, str, int, float, bool and None, the same values
the JSON form (``next_batch``) gives through ``Json.to_string()``; and
Collection.get_variant_async()/_finish()/_sync(), a document as an
``a{sv}`` whose ``unpack()`` is a dict.
"""

import json
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_data import (  # noqa: E402
    CALL_TIMEOUT, NO_FLAGS, DataTestCase, doc, json_array, run_async,
    to_python)

from gi.repository import Arango, Gio, GLib  # noqa: E402

# One result of every JSON kind, nested; what the server sends for it,
# as Python values.
MIXED_AQL = ('RETURN {s: "ä€\\n\\"q", i: 42, neg: -7, '
             'max: 9223372036854775807, f: 1.5, e: 1e300, t: true, '
             'no: false, n: null, arr: [1, "x", [], {}], '
             'obj: {nested: {deep: [null, -0.25]}}}')
MIXED = {'s': 'ä€\n"q', 'i': 42, 'neg': -7, 'max': 9223372036854775807,
         'f': 1.5, 'e': 1e300, 't': True, 'no': False, 'n': None,
         'arr': [1, 'x', [], {}], 'obj': {'nested': {'deep': [None, -0.25]}}}


def kinds(value):
    """value with every leaf replaced by the name of its Python type, so
    that 1 and 1.0 or 0 and False compare as different."""
    if isinstance(value, dict):
        return {k: kinds(v) for k, v in value.items()}
    if isinstance(value, list):
        return [kinds(v) for v in value]
    return type(value).__name__


class VariantBatchTests(DataTestCase):

    N = 25

    def setUp(self):
        super().setUp()
        documents = ','.join('{"_key": "n%02d", "value": %d, "half": %d.5, '
                             '"even": %s, "tags": ["t%d"], "none": null}'
                             % (i, i, i, 'true' if i % 2 == 0 else 'false', i)
                             for i in range(self.N))
        results = run_async(self.coll, 'insert_many',
                            json_array('[%s]' % documents), NO_FLAGS)
        self.assertEqual(results.get_length(), self.N)

    def query(self, aql, batch_size=0):
        options = Arango.QueryOptions(batch_size=batch_size)
        return run_async(self.db, 'query', aql, None, options)

    def sorted_query(self, batch_size=0):
        return self.query('FOR n IN %s SORT n.value RETURN n' % self.name,
                          batch_size)

    def next_variant(self, cursor):
        batch = run_async(cursor, 'next_batch_variant')
        if batch is not None:
            self.assertIsInstance(batch, GLib.Variant)
            self.assertEqual(batch.get_type_string(), 'av')
        return batch

    def assertSameAsJson(self, aql):
        """Both forms of the first batch of two runs of aql: the same
        values of the same Python types; returns them."""
        variant = self.next_variant(self.query(aql)).unpack()
        array = to_python(run_async(self.query(aql), 'next_batch'))
        self.assertEqual(variant, array)
        self.assertEqual(kinds(variant), kinds(array))
        return variant

    def test_values_as_json_gives_them(self):
        self.assertEqual(self.assertSameAsJson(MIXED_AQL), [MIXED])
        documents = self.assertSameAsJson(
            'FOR n IN %s SORT n.value RETURN n' % self.name)
        self.assertEqual(len(documents), self.N)
        self.assertEqual(documents[3]['_key'], 'n03')
        self.assertEqual(documents[3]['_id'], '%s/n03' % self.name)
        self.assertEqual(documents[3]['half'], 3.5)
        self.assertIs(documents[3]['even'], False)
        self.assertEqual(documents[3]['tags'], ['t3'])
        self.assertIn('none', documents[3])
        self.assertIsNone(documents[3]['none'])
        # Plain values and empty containers, not only objects
        self.assertEqual(self.assertSameAsJson('FOR i IN 1..4 RETURN i * 2'),
                         [2, 4, 6, 8])
        self.assertEqual(self.assertSameAsJson('RETURN [[], {}, null, ""]'),
                         [[[], {}, None, '']])
        # Beyond 64 bits: a double in both forms
        self.assertEqual(
            self.assertSameAsJson('RETURN 18446744073709551616'),
            [18446744073709551616.0])

    def test_member_types(self):
        batch = self.next_variant(self.query(MIXED_AQL))
        self.assertEqual(batch.n_children(), 1)
        document = batch.get_child_value(0).get_variant()
        self.assertEqual(document.get_type_string(), 'a{sv}')
        types = {k: document.lookup_value(k, None).get_type_string()
                 for k in MIXED}
        self.assertEqual(types, {
            's': 's', 'i': 'x', 'neg': 'x', 'max': 'x', 'f': 'd', 'e': 'd',
            't': 'b', 'no': 'b', 'n': 'mv', 'arr': 'av', 'obj': 'a{sv}'})
        self.assertEqual(document.lookup_value('n', None).n_children(), 0)
        # The server's order of the members
        self.assertEqual([document.get_child_value(i).get_child_value(0)
                          .get_string() for i in range(document.n_children())],
                         list(MIXED))

    def test_batches_async(self):
        cursor = self.sorted_query(batch_size=7)
        self.assertIs(cursor.get_has_more(), True)
        batches = []
        while True:
            batch = self.next_variant(cursor)
            if batch is None:
                break
            batches.append(batch.unpack())
        self.assertEqual([len(b) for b in batches], [7, 7, 7, 4])
        self.assertEqual([d['value'] for b in batches for d in b],
                         list(range(self.N)))
        self.assertIs(cursor.get_has_more(), False)

        # The end stays the end, without a request.
        before = self.total_requests()
        self.assertIsNone(self.next_variant(cursor))
        self.assertEqual(self.total_requests(), before)

    def test_batches_sync(self):
        cursor = self.db.query_sync(
            'FOR n IN %s SORT n.value RETURN [n._key, n.half]' % self.name,
            None, Arango.QueryOptions(batch_size=10), None)
        batches = []
        while (batch := cursor.next_batch_variant_sync(None)) is not None:
            self.assertEqual(batch.get_type_string(), 'av')
            batches.append(batch.unpack())
        self.assertEqual([len(b) for b in batches], [10, 10, 5])
        self.assertEqual([r for b in batches for r in b],
                         [['n%02d' % i, i + 0.5] for i in range(self.N)])
        self.assertIsNone(cursor.next_batch_variant_sync(None))

    def test_mixed_forms(self):
        cursor = self.sorted_query(batch_size=6)
        as_json = to_python(run_async(cursor, 'next_batch'))
        as_variant = self.next_variant(cursor).unpack()
        self.assertEqual([d['value'] for d in as_json], list(range(0, 6)))
        self.assertEqual([d['value'] for d in as_variant], list(range(6, 12)))
        as_json = to_python(cursor.next_batch_sync(None))
        as_variant = cursor.next_batch_variant_sync(None).unpack()
        self.assertEqual([d['value'] for d in as_json], list(range(12, 18)))
        self.assertEqual([d['value'] for d in as_variant],
                         list(range(18, 24)))
        self.assertEqual([d['value'] for d in
                          to_python(run_async(cursor, 'next_batch'))], [24])
        # Either form sees the end.
        self.assertIsNone(self.next_variant(cursor))
        self.assertIsNone(run_async(cursor, 'next_batch'))

    def test_one_batch_at_a_time(self):
        cursor = self.sorted_query(batch_size=5)
        self.next_variant(cursor)  # the first batch, held locally

        # A second call of either form while one is under way is refused.
        loop = GLib.MainLoop()
        calls = [('first', 'next_batch_variant'),
                 ('second', 'next_batch_variant'),
                 ('json', 'next_batch')]
        outcomes = {}

        def on_done(source, result, call):
            label, method = call
            try:
                outcomes[label] = getattr(source, method + '_finish')(result)
            except GLib.GError as error:
                outcomes[label] = error
            if len(outcomes) == len(calls):
                loop.quit()

        for call in calls:
            getattr(cursor, call[1] + '_async')(None, on_done, call)
        timeout_id = GLib.timeout_add_seconds(CALL_TIMEOUT, loop.quit)
        loop.run()
        GLib.source_remove(timeout_id)
        self.assertEqual(sorted(outcomes), ['first', 'json', 'second'])
        self.assertEqual([d['value'] for d in outcomes['first'].unpack()],
                         list(range(5, 10)))
        self.assertArangoError(outcomes['second'],
                               Arango.Error.INVALID_ARGUMENT)
        self.assertArangoError(outcomes['json'],
                               Arango.Error.INVALID_ARGUMENT)
        # The cursor still works afterwards, and lost no batch.
        batch = self.next_variant(cursor).unpack()
        self.assertEqual([d['value'] for d in batch], list(range(10, 15)))

    def test_cursor_deleted_on_the_server(self):
        cursor = self.sorted_query(batch_size=10)
        self.assertEqual(len(self.next_variant(cursor).unpack()), 10)
        response = run_async(self.db, 'request', 'DELETE',
                             '/_api/cursor/' + cursor.get_id(), None, None,
                             None, Arango.RequestFlags.NONE)
        self.assertEqual(response.get_status(), 202)

        with self.assertRaises(GLib.GError) as caught:
            self.next_variant(cursor)
        self.assertServerError(caught.exception,
                               Arango.ServerError.CURSOR_NOT_FOUND)
        # There is nothing more to fetch, and nothing is sent for it.
        self.assertIs(cursor.get_has_more(), False)
        before = self.total_requests()
        self.assertIsNone(cursor.next_batch_variant_sync(None))
        self.assertEqual(self.total_requests(), before)

    def test_sync_error(self):
        cursor = self.sorted_query(batch_size=10)
        cursor.next_batch_variant_sync(None)
        cancellable = Gio.Cancellable()
        cancellable.cancel()
        with self.assertRaises(GLib.GError) as caught:
            cursor.next_batch_variant_sync(cancellable)
        self.assertTrue(caught.exception.matches(Gio.io_error_quark(),
                                                 Gio.IOErrorEnum.CANCELLED),
                        caught.exception.message)

    def test_batch_of_a_query_run_as_a_job(self):
        # The reply of a job comes decoded, not as the text the variant
        # is otherwise read from.
        async_db = self.db.begin_async_execution(True)
        loop = GLib.MainLoop()
        outcome = {}

        def on_submitted(source, result, user_data):
            outcome['job'] = Arango.Job.new_from_result(result)
            loop.quit()

        async_db.query_async(MIXED_AQL, None, None, None, on_submitted, None)
        loop.run()
        job = outcome['job']
        while run_async(job, 'status')[1] != Arango.JobStatus.DONE:
            time.sleep(0.02)

        def on_result(source, result, user_data):
            outcome['cursor'] = source.query_finish(result)
            loop.quit()

        job.result_async(None, on_result, None)
        loop.run()
        batch = self.next_variant(outcome['cursor'])
        self.assertEqual(batch.unpack(), [MIXED])
        self.assertEqual(kinds(batch.unpack()), kinds([MIXED]))


class VariantDocumentTests(DataTestCase):

    def setUp(self):
        super().setUp()
        document = dict(MIXED, _key='mixed')
        del document['max']  # json-glib's parser takes it for a double
        self.expected = document
        run_async(self.coll, 'insert', doc(json.dumps(document)), NO_FLAGS)

    def test_document_is_a_dict(self):
        variant = run_async(self.coll, 'get_variant', 'mixed', None)
        self.assertIsInstance(variant, GLib.Variant)
        self.assertEqual(variant.get_type_string(), 'a{sv}')
        document = variant.unpack()
        for system in ('_key', '_id', '_rev'):
            self.assertIn(system, document)
        self.assertEqual(list(document)[:3], ['_key', '_id', '_rev'])
        self.assertEqual({k: v for k, v in document.items() if k not in ('_id', '_rev')},
                         self.expected)
        as_json = to_python(run_async(self.coll, 'get', 'mixed', None))
        self.assertEqual(document, as_json)
        self.assertEqual(kinds(document), kinds(as_json))

    def test_sync_and_revision(self):
        rev = self.coll.get_variant_sync('mixed', None, None).unpack()['_rev']
        by_id = self.coll.get_variant_sync(self.name + '/mixed', rev, None)
        self.assertEqual(by_id.unpack()['s'], MIXED['s'])
        with self.assertRaises(GLib.GError) as caught:
            self.coll.get_variant_sync('mixed', '_stale---', None)
        self.assertServerError(caught.exception, Arango.ServerError.CONFLICT)
        self.assertIn('[HTTP 412]', caught.exception.message)

    def test_missing_document(self):
        error = self.raises(self.coll, 'get_variant', 'nobody', None)
        self.assertServerError(error, Arango.ServerError.DOCUMENT_NOT_FOUND)


if __name__ == '__main__':
    unittest.main(verbosity=2)
