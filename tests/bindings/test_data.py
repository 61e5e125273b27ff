#!/usr/bin/python3
# test_data.py: the data API of arango-glib through PyGObject, against the
# emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of the data API: collections, documents, AQL
cursors and stream transactions.

Every test talks over real HTTP to an ``arango-emulator`` subprocess and
checks what the library hands back, and where it matters what the
coordinators received (the emulator's request log).  PyGObject 3.42 has
no awaitable async calls, so each call goes through a callback that
finishes it and quits a GLib.MainLoop.

Documents go in as ``Json.Node`` built with ``Json.from_string()`` and
come back as ``Json.Object``/``Json.Array``; to compare them they are
turned into Python values through ``Json.to_string()``.
"""

import json
import os
import sys
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Gio', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib, Json  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from emulator import Emulator  # noqa: E402

# Far longer than any call needs; only there so that a hang fails the test
# instead of the whole suite.
CALL_TIMEOUT = 60

ARANGO_ERROR_DOMAIN = 'arango-error-quark'
ARANGO_SERVER_ERROR_DOMAIN = 'arango-server-error-quark'

RETURN_NEW = Arango.DocumentFlags.RETURN_NEW
RETURN_OLD = Arango.DocumentFlags.RETURN_OLD
NO_FLAGS = Arango.DocumentFlags.NONE


class CallTimeout(AssertionError):
    pass


def run_async(obj, method, *args):
    """Run obj.<method>_async(*args, None, callback, None) to the end.

    Returns what obj.<method>_finish() returns, or raises its GLib.GError.
    """
    loop = GLib.MainLoop()
    outcome = {}

    def on_done(source, result, user_data):
        outcome['source'] = source
        try:
            outcome['value'] = getattr(source, method + '_finish')(result)
        except GLib.GError as error:
            outcome['error'] = error
        loop.quit()

    def on_timeout():
        outcome['timeout'] = True
        loop.quit()
        return GLib.SOURCE_REMOVE

    getattr(obj, method + '_async')(*args, None, on_done, None)
    timeout_id = GLib.timeout_add_seconds(CALL_TIMEOUT, on_timeout)
    loop.run()

    if outcome.get('timeout'):
        raise CallTimeout('%s_async did not finish within %d s'
                          % (method, CALL_TIMEOUT))
    GLib.source_remove(timeout_id)
    assert outcome['source'] == obj, outcome['source']
    if 'error' in outcome:
        raise outcome['error']
    return outcome['value']


def doc(text):
    """A Json.Node from JSON text, as an application builds documents."""
    return Json.from_string(text)


def json_object(text):
    node = Json.from_string(text)
    assert node.get_node_type() == Json.NodeType.OBJECT, text
    return node.get_object()


def json_array(text):
    node = Json.from_string(text)
    assert node.get_node_type() == Json.NodeType.ARRAY, text
    return node.get_array()


def to_python(value):
    """A Json.Object, Json.Array or Json.Node as Python values, through
    Json.to_string()."""
    if isinstance(value, Json.Object):
        node = Json.Node.alloc().init_object(value)
    elif isinstance(value, Json.Array):
        node = Json.Node.alloc().init_array(value)
    else:
        node = value
    return json.loads(Json.to_string(node, False))


def without_system(document):
    return {k: v for k, v in document.items() if not k.startswith('_')}


class DataTestCase(unittest.TestCase):
    """Starts one emulator per class. Before every test: resets it, opens
    _system and creates a collection named after the test, deleted again
    afterwards."""

    @classmethod
    def setUpClass(cls):
        cls.emulator = Emulator(coordinators=3)
        cls.emulator.start()
        cls.addClassCleanup(cls.emulator.stop)

    def setUp(self):
        self.emulator.reset()
        self.client = Arango.Client.new(self.emulator.hosts)
        self.db = run_async(self.client, 'db', '_system', 'root', '')
        # Collections outlive the reset of the emulator's counters: one
        # per test, so that tests cannot see each other's documents.
        self.name = 'py_' + self._testMethodName.replace('test_', '', 1)
        self.coll = run_async(self.db, 'create_collection', self.name, None)
        self.addCleanup(self.drop_collection, self.name)

    def drop_collection(self, name):
        try:
            run_async(self.db, 'delete_collection', name)
        except GLib.GError:
            pass

    # Helpers

    def assertArangoError(self, error, code):
        self.assertIsInstance(error, GLib.GError)
        self.assertEqual(error.domain, ARANGO_ERROR_DOMAIN, error.message)
        self.assertTrue(error.matches(Arango.error_quark(), code),
                        '%s: code %d, expected %s'
                        % (error.message, error.code, code))

    def assertServerError(self, error, code):
        self.assertIsInstance(error, GLib.GError)
        self.assertEqual(error.domain, ARANGO_SERVER_ERROR_DOMAIN,
                         error.message)
        self.assertEqual(error.code, int(code), error.message)
        self.assertTrue(error.matches(Arango.server_error_quark(), code))

    def raises(self, obj, method, *args):
        with self.assertRaises(GLib.GError) as caught:
            value = run_async(obj, method, *args)
            self.fail('%s succeeded: %r' % (method, value))
        return caught.exception

    def total_requests(self):
        return sum(self.emulator.request_counts())

    def logged(self, index, method, path_part):
        return [r for r in self.emulator.requests(index)
                if r['method'] == method and path_part in r['path']]

    def insert(self, text, flags=NO_FLAGS, coll=None):
        return run_async(coll or self.coll, 'insert', doc(text), flags)

    def count(self, coll=None):
        return run_async(coll or self.coll, 'count')


class CollectionTests(DataTestCase):

    def test_create_collection(self):
        self.assertIsInstance(self.coll, Arango.Collection)
        self.assertEqual(self.coll.get_name(), self.name)
        self.assertEqual(self.coll.props.name, self.name)
        self.assertIsNone(self.coll.get_transaction_id())
        self.assertIs(run_async(self.db, 'has_collection', self.name), True)
        self.assertEqual(self.count(), 0)

        listed = to_python(run_async(self.db, 'list_collections'))
        entries = [c for c in listed if c['name'] == self.name]
        self.assertEqual(len(entries), 1, listed)
        self.assertEqual(entries[0]['type'],
                         int(Arango.CollectionType.DOCUMENT))

    def test_create_edge_collection(self):
        name = self.name + '_edges'
        self.addCleanup(self.drop_collection, name)
        options = json_object('{"type": %d}' % Arango.CollectionType.EDGE)
        edges = run_async(self.db, 'create_collection', name, options)
        self.assertEqual(edges.get_name(), name)
        properties = to_python(run_async(edges, 'properties'))
        self.assertEqual(properties['type'], int(Arango.CollectionType.EDGE))
        self.assertEqual(properties['name'], name)

    def test_duplicate_name(self):
        error = self.raises(self.db, 'create_collection', self.name, None)
        self.assertServerError(error, Arango.ServerError.DUPLICATE_NAME)
        self.assertEqual(error.code, Arango.ServerError.DUPLICATE_NAME)
        self.assertTrue(error.message.startswith('[HTTP 409][ERR 1207]'),
                        error.message)

    def test_get_collection_sends_nothing(self):
        before = self.total_requests()
        ghost = self.db.get_collection('py_ghost')
        self.assertIsInstance(ghost, Arango.Collection)
        self.assertEqual(ghost.get_name(), 'py_ghost')
        self.assertEqual(self.total_requests(), before)

        # The first call shows that it does not exist.
        error = self.raises(ghost, 'count')
        self.assertServerError(error,
                               Arango.ServerError.DATA_SOURCE_NOT_FOUND)
        self.assertIs(run_async(self.db, 'has_collection', 'py_ghost'),
                      False)

    def test_delete_collection(self):
        self.insert('{"_key": "x"}')
        self.assertIs(run_async(self.db, 'delete_collection', self.name),
                      True)
        self.assertIs(run_async(self.db, 'has_collection', self.name), False)
        error = self.raises(self.db, 'delete_collection', self.name)
        self.assertServerError(error,
                               Arango.ServerError.DATA_SOURCE_NOT_FOUND)
        error = self.raises(self.coll, 'get', 'x', None)
        self.assertServerError(error,
                               Arango.ServerError.DATA_SOURCE_NOT_FOUND)

    def test_rename_notifies(self):
        self.insert('{"_key": "kept"}')
        new_name = self.name + '_renamed'
        self.addCleanup(self.drop_collection, new_name)
        notified = []
        self.coll.connect('notify::name',
                          lambda obj, pspec: notified.append(obj.props.name))
        self.assertIs(run_async(self.coll, 'rename', new_name), True)
        self.assertEqual(notified, [new_name])
        self.assertEqual(self.coll.get_name(), new_name)
        # The handle follows the collection to its new name.
        self.assertIs(run_async(self.coll, 'has', 'kept'), True)
        self.assertIs(run_async(self.db, 'has_collection', self.name), False)
        self.assertIs(run_async(self.db, 'has_collection', new_name), True)

    def test_invalid_collection_name(self):
        before = self.total_requests()
        for name in ['', 'a/b']:
            with self.subTest(name=name):
                error = self.raises(self.db, 'create_collection', name, None)
                self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.total_requests(), before)


class DocumentTests(DataTestCase):

    ADA = ('{"_key": "ada", "name": "Ada Lovelace", "born": 1815, '
           '"tags": ["maths", "poetry"], "address": {"city": "London"}, '
           '"note": "\\u00e4\\u20ac\\ud834\\udd1e", "ratio": 0.5, '
           '"alive": false, "nothing": null}')

    def test_insert_return_new(self):
        meta = self.insert(self.ADA, RETURN_NEW)
        self.assertIsInstance(meta, Json.Object)
        self.assertEqual(meta.get_string_member('_id'), self.name + '/ada')
        self.assertEqual(meta.get_string_member('_key'), 'ada')
        rev = meta.get_string_member('_rev')
        self.assertTrue(rev)
        self.assertTrue(meta.has_member('new'))

        new = to_python(meta.get_object_member('new'))
        self.assertEqual(new['_key'], 'ada')
        self.assertEqual(new['_id'], self.name + '/ada')
        self.assertEqual(new['_rev'], rev)
        # Everything survived the way there and back, Unicode included.
        self.assertEqual(without_system(new),
                         without_system(to_python(doc(self.ADA))))
        self.assertEqual(new['note'], '\u00e4\u20ac\U0001d11e')
        self.assertEqual(self.count(), 1)

    def test_insert_without_flags(self):
        meta = to_python(self.insert('{"_key": "bob", "n": 1}'))
        self.assertEqual(sorted(meta), ['_id', '_key', '_rev'])
        self.assertEqual(meta['_id'], self.name + '/bob')

    def test_silent(self):
        meta = self.insert('{"_key": "quiet"}', Arango.DocumentFlags.SILENT)
        self.assertIsInstance(meta, Json.Object)
        self.assertEqual(to_python(meta), {})
        self.assertIs(run_async(self.coll, 'has', 'quiet'), True)
        logged = [r for i in range(3)
                  for r in self.logged(i, 'POST', '/_api/document/')]
        self.assertEqual(len(logged), 1)
        self.assertIn('silent=true', logged[0]['query'])

    def test_insert_generates_key(self):
        meta = to_python(self.insert('{"name": "no key"}'))
        self.assertTrue(meta['_key'])
        self.assertEqual(meta['_id'], '%s/%s' % (self.name, meta['_key']))
        stored = to_python(run_async(self.coll, 'get', meta['_key'], None))
        self.assertEqual(stored['name'], 'no key')

    def test_get_by_key_and_by_id(self):
        rev = self.insert(self.ADA).get_string_member('_rev')
        by_key = run_async(self.coll, 'get', 'ada', None)
        by_id = run_async(self.coll, 'get', self.name + '/ada', None)
        self.assertIsInstance(by_key, Json.Object)
        self.assertEqual(to_python(by_key), to_python(by_id))
        self.assertEqual(by_key.get_string_member('_rev'), rev)
        self.assertEqual(by_key.get_int_member('born'), 1815)
        self.assertEqual(
            by_key.get_object_member('address').get_string_member('city'),
            'London')
        self.assertEqual(
            [n.get_string() for n in
             by_key.get_array_member('tags').get_elements()],
            ['maths', 'poetry'])

        # The matching revision
        same = run_async(self.coll, 'get', 'ada', rev)
        self.assertEqual(same.get_string_member('_rev'), rev)

    def test_has(self):
        self.insert('{"_key": "here"}')
        self.assertIs(run_async(self.coll, 'has', 'here'), True)
        self.assertIs(run_async(self.coll, 'has', self.name + '/here'), True)
        self.assertIs(run_async(self.coll, 'has', 'not-here'), False)
        logged = [r for i in range(3) for r in self.emulator.requests(i)
                  if r['method'] == 'HEAD']
        self.assertEqual(len(logged), 3)

    def test_update_merges(self):
        rev = self.insert(self.ADA).get_string_member('_rev')
        change = doc('{"_key": "ada", "field": "maths", '
                     '"address": {"street": "St James\'s Square"}}')
        meta = run_async(self.coll, 'update', change, RETURN_NEW | RETURN_OLD)
        self.assertEqual(meta.get_string_member('_oldRev'), rev)
        self.assertEqual(meta.get_string_member('_key'), 'ada')
        new_rev = meta.get_string_member('_rev')
        self.assertNotEqual(new_rev, rev)

        new = to_python(meta.get_object_member('new'))
        old = to_python(meta.get_object_member('old'))
        self.assertEqual(new['field'], 'maths')
        self.assertEqual(new['born'], 1815)
        # Objects are merged by default.
        self.assertEqual(new['address'],
                         {'city': 'London', 'street': "St James's Square"})
        self.assertNotIn('field', old)
        self.assertEqual(old['_rev'], rev)

        stored = to_python(run_async(self.coll, 'get', 'ada', None))
        self.assertEqual(stored, new)
        self.assertEqual(self.count(), 1)

    def test_update_by_id(self):
        self.insert(self.ADA)
        meta = run_async(self.coll, 'update',
                         doc('{"_id": "%s/ada", "born": 1816}' % self.name),
                         NO_FLAGS)
        self.assertEqual(meta.get_string_member('_key'), 'ada')
        stored = run_async(self.coll, 'get', 'ada', None)
        self.assertEqual(stored.get_int_member('born'), 1816)
        self.assertEqual(stored.get_string_member('name'), 'Ada Lovelace')

    def test_replace(self):
        rev = self.insert(self.ADA).get_string_member('_rev')
        replacement = doc('{"_id": "%s/ada", "name": "Ada"}' % self.name)
        meta = run_async(self.coll, 'replace', replacement, RETURN_NEW)
        self.assertEqual(meta.get_string_member('_oldRev'), rev)
        self.assertFalse(meta.has_member('old'))
        new = to_python(meta.get_object_member('new'))
        self.assertEqual(without_system(new), {'name': 'Ada'})
        self.assertEqual(new['_rev'], meta.get_string_member('_rev'))

        stored = to_python(run_async(self.coll, 'get', 'ada', None))
        self.assertNotIn('born', stored)
        self.assertEqual(stored['name'], 'Ada')

    def test_delete_return_old(self):
        self.insert(self.ADA)
        self.insert('{"_key": "bob"}')
        self.assertEqual(self.count(), 2)

        meta = run_async(self.coll, 'delete', 'ada', None, RETURN_OLD)
        self.assertEqual(meta.get_string_member('_key'), 'ada')
        self.assertEqual(meta.get_string_member('_id'), self.name + '/ada')
        old = to_python(meta.get_object_member('old'))
        self.assertEqual(old['name'], 'Ada Lovelace')
        self.assertEqual(old['born'], 1815)

        self.assertIs(run_async(self.coll, 'has', 'ada'), False)
        self.assertEqual(self.count(), 1)

        # By id, without flags: no `old`.
        meta = run_async(self.coll, 'delete', self.name + '/bob', None,
                         NO_FLAGS)
        self.assertFalse(meta.has_member('old'))
        self.assertEqual(self.count(), 0)

    def test_keys_with_special_characters(self):
        # Characters ArangoDB allows in keys, through the URL paths of get,
        # has, update and delete (the library percent-encodes them).
        keys = ['50%off', 'a+b', "o'k", '(x)', 'a:b@c', 'x=1;y=2', '$!*~',
                'a,b.c-d_e']
        for key in keys:
            with self.subTest(key=key):
                self.insert(json.dumps({'_key': key, 'k': key}))
                stored = run_async(self.coll, 'get', key, None)
                self.assertEqual(stored.get_string_member('_key'), key)
                self.assertEqual(stored.get_string_member('k'), key)
                by_id = run_async(self.coll, 'get', self.name + '/' + key,
                                  None)
                self.assertEqual(by_id.get_string_member('k'), key)
                self.assertIs(run_async(self.coll, 'has', key), True)
                run_async(self.coll, 'update',
                          doc(json.dumps({'_key': key, 'u': 1})), NO_FLAGS)
                meta = run_async(self.coll, 'delete', key, None, RETURN_OLD)
                self.assertEqual(to_python(meta.get_object_member('old')),
                                 dict(to_python(stored), u=1,
                                      _rev=meta.get_string_member('_rev')))
        self.assertEqual(self.count(), 0)

    def test_key_with_percent_escape(self):
        self.insert('{"_key": "xAy", "which": "xAy"}')
        self.insert('{"_key": "x%41y", "which": "x%41y"}')
        stored = run_async(self.coll, 'get', 'x%41y', None)
        self.assertEqual(stored.get_string_member('which'), 'x%41y')

    def test_count_and_truncate(self):
        for i in range(5):
            self.insert('{"_key": "k%d", "i": %d}' % (i, i))
        self.assertEqual(self.count(), 5)
        self.assertIs(run_async(self.coll, 'truncate'), True)
        self.assertEqual(self.count(), 0)

    def test_overwrite_modes(self):
        self.insert('{"_key": "o", "a": 1, "b": 1}')
        self.insert('{"_key": "o", "a": 2}',
                    Arango.DocumentFlags.OVERWRITE_UPDATE)
        stored = to_python(run_async(self.coll, 'get', 'o', None))
        self.assertEqual((stored['a'], stored['b']), (2, 1))

        self.insert('{"_key": "o", "a": 3}',
                    Arango.DocumentFlags.OVERWRITE_REPLACE)
        stored = to_python(run_async(self.coll, 'get', 'o', None))
        self.assertEqual(without_system(stored), {'a': 3})

        self.insert('{"_key": "o", "a": 4}',
                    Arango.DocumentFlags.OVERWRITE_IGNORE)
        stored = to_python(run_async(self.coll, 'get', 'o', None))
        self.assertEqual(without_system(stored), {'a': 3})
        self.assertEqual(self.count(), 1)


class DocumentErrorTests(DataTestCase):

    def test_not_found(self):
        error = self.raises(self.coll, 'get', 'nobody', None)
        self.assertServerError(error, Arango.ServerError.DOCUMENT_NOT_FOUND)
        self.assertEqual(error.code, Arango.ServerError.DOCUMENT_NOT_FOUND)
        self.assertEqual(error.message,
                         '[HTTP 404][ERR 1202] document not found')

        for method, args in [
                ('update', (doc('{"_key": "nobody", "x": 1}'), NO_FLAGS)),
                ('replace', (doc('{"_key": "nobody", "x": 1}'), NO_FLAGS)),
                ('delete', ('nobody', None, NO_FLAGS))]:
            with self.subTest(method=method):
                error = self.raises(self.coll, method, *args)
                self.assertServerError(
                    error, Arango.ServerError.DOCUMENT_NOT_FOUND)

    def test_unique_constraint(self):
        self.insert('{"_key": "k1", "v": 1}')
        error = self.raises(self.coll, 'insert', doc('{"_key": "k1"}'),
                            NO_FLAGS)
        self.assertServerError(
            error, Arango.ServerError.UNIQUE_CONSTRAINT_VIOLATED)
        self.assertEqual(error.code, Arango.ServerError.UNIQUE_CONSTRAINT_VIOLATED)
        self.assertIn('k1', error.message)
        self.assertTrue(error.message.startswith('[HTTP 409][ERR 1210]'),
                        error.message)
        # The stored document is untouched.
        stored = run_async(self.coll, 'get', 'k1', None)
        self.assertEqual(stored.get_int_member('v'), 1)

        # OVERWRITE_CONFLICT states the default explicitly.
        error = self.raises(self.coll, 'insert', doc('{"_key": "k1"}'),
                            Arango.DocumentFlags.OVERWRITE_CONFLICT)
        self.assertServerError(
            error, Arango.ServerError.UNIQUE_CONSTRAINT_VIOLATED)

    def test_revision_conflict(self):
        rev = self.insert('{"_key": "k1", "v": 1}').get_string_member('_rev')
        stale = '_not-it---'

        # CHECK_REV with a stale _rev in the document: refused, and the
        # message names the stored revision.
        for method in ['update', 'replace']:
            with self.subTest(method=method):
                change = doc('{"_key": "k1", "_rev": "%s", "v": 2}' % stale)
                error = self.raises(self.coll, method, change,
                                    Arango.DocumentFlags.CHECK_REV)
                self.assertServerError(error, Arango.ServerError.CONFLICT)
                self.assertEqual(error.code, Arango.ServerError.CONFLICT)
                self.assertIn(rev, error.message)

        # A stale revision for get and delete
        error = self.raises(self.coll, 'get', 'k1', stale)
        self.assertServerError(error, Arango.ServerError.CONFLICT)
        error = self.raises(self.coll, 'delete', 'k1', stale, NO_FLAGS)
        self.assertServerError(error, Arango.ServerError.CONFLICT)

        stored = run_async(self.coll, 'get', 'k1', None)
        self.assertEqual(stored.get_int_member('v'), 1)
        self.assertEqual(stored.get_string_member('_rev'), rev)

        # Without CHECK_REV the _rev in the document does not matter.
        change = doc('{"_key": "k1", "_rev": "%s", "v": 3}' % stale)
        run_async(self.coll, 'update', change, NO_FLAGS)
        # With the right one, CHECK_REV lets it through.
        current = run_async(self.coll, 'get', 'k1', None)
        change = doc('{"_key": "k1", "_rev": "%s", "v": 4}'
                     % current.get_string_member('_rev'))
        meta = run_async(self.coll, 'update', change,
                         Arango.DocumentFlags.CHECK_REV)
        self.assertEqual(meta.get_string_member('_oldRev'),
                         current.get_string_member('_rev'))
        self.assertEqual(
            run_async(self.coll, 'get', 'k1', None).get_int_member('v'), 4)

    def test_invalid_arguments_send_nothing(self):
        self.insert('{"_key": "k1"}')
        other = 'py_other/k1'
        before = self.emulator.request_counts()

        calls = [
            ('get', (other, None)),
            ('get', ('a/b/c', None)),
            ('get', ('', None)),
            ('get', ('white space', None)),
            ('has', (other,)),
            ('delete', (other, None, NO_FLAGS)),
            ('update', (doc('{"_id": "%s", "x": 1}' % other), NO_FLAGS)),
            ('replace', (doc('{"_id": "%s", "x": 1}' % other), NO_FLAGS)),
            ('update', (doc('{"x": 1}'), NO_FLAGS)),
            ('insert', (doc('[1, 2]'), NO_FLAGS)),
            ('insert', (doc('"text"'), NO_FLAGS)),
            ('insert', (doc('{}'), Arango.DocumentFlags.OVERWRITE_IGNORE |
                        Arango.DocumentFlags.OVERWRITE_REPLACE)),
            ('update', (doc('{"_key": "k1"}'),
                        Arango.DocumentFlags.OVERWRITE_UPDATE)),
        ]
        for method, args in calls:
            with self.subTest(method=method, args=args):
                error = self.raises(self.coll, method, *args)
                self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)

        after = self.emulator.request_counts()
        self.assertEqual(after, before)
        # The document named with the other collection's id is unharmed.
        self.assertIs(run_async(self.coll, 'has', 'k1'), True)

    def test_other_collection_id_names_both(self):
        error = self.raises(self.coll, 'get', 'py_other/k1', None)
        self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertIn('py_other/k1', error.message)
        self.assertIn(self.name, error.message)

    def test_missing_collection(self):
        ghost = self.db.get_collection('py_missing')
        for method, args in [('count', ()),
                             ('get', ('k', None)),
                             ('insert', (doc('{"a": 1}'), NO_FLAGS))]:
            with self.subTest(method=method):
                error = self.raises(ghost, method, *args)
                self.assertServerError(
                    error, Arango.ServerError.DATA_SOURCE_NOT_FOUND)


class ManyTests(DataTestCase):

    def test_insert_many_with_duplicate(self):
        documents = json_array('[{"_key": "a", "n": 1}, {"_key": "b", "n": 2},'
                               ' {"_key": "a", "n": 3}, {"_key": "c", "n": 4}]')
        results = run_async(self.coll, 'insert_many', documents, NO_FLAGS)
        self.assertIsInstance(results, Json.Array)
        results = to_python(results)
        self.assertEqual(len(results), 4)

        for index, key in [(0, 'a'), (1, 'b'), (3, 'c')]:
            self.assertEqual(results[index]['_key'], key)
            self.assertEqual(results[index]['_id'], '%s/%s' % (self.name, key))
            self.assertTrue(results[index]['_rev'])
            self.assertNotIn('error', results[index])

        # The duplicate fails alone, in its place.
        failed = results[2]
        self.assertIs(failed['error'], True)
        self.assertEqual(failed['errorNum'], Arango.ServerError.UNIQUE_CONSTRAINT_VIOLATED)
        self.assertIn('a', failed['errorMessage'])
        self.assertNotIn('_key', failed)

        self.assertEqual(self.count(), 3)
        self.assertEqual(
            run_async(self.coll, 'get', 'a', None).get_int_member('n'), 1)

    def test_insert_many_return_new(self):
        documents = json_array('[{"_key": "x", "v": "one"}, {"v": "two"}]')
        results = to_python(run_async(self.coll, 'insert_many', documents,
                                      RETURN_NEW))
        self.assertEqual([r['new']['v'] for r in results], ['one', 'two'])
        self.assertEqual(results[0]['new']['_key'], 'x')
        self.assertEqual(results[1]['new']['_key'], results[1]['_key'])

    def test_many_calls(self):
        run_async(self.coll, 'insert_many',
                  json_array('[{"_key": "a", "n": 1}, {"_key": "b", "n": 2}, '
                             '{"_key": "c", "n": 3}]'), NO_FLAGS)

        read = to_python(run_async(self.coll, 'get_many',
                                   json_array('["a", "zzz", {"_key": "c"}]')))
        self.assertEqual(read[0]['n'], 1)
        self.assertEqual(read[1]['errorNum'], Arango.ServerError.DOCUMENT_NOT_FOUND)
        self.assertEqual(read[2]['n'], 3)

        updated = to_python(run_async(
            self.coll, 'update_many',
            json_array('[{"_key": "a", "n": 10}, {"_key": "nope", "n": 0}]'),
            NO_FLAGS))
        self.assertEqual(updated[0]['_key'], 'a')
        self.assertEqual(updated[1]['errorNum'], Arango.ServerError.DOCUMENT_NOT_FOUND)

        deleted = to_python(run_async(
            self.coll, 'delete_many',
            json_array('["a", {"_key": "b"}, "nope"]'), NO_FLAGS))
        self.assertEqual([d.get('_key') for d in deleted[:2]], ['a', 'b'])
        self.assertEqual(deleted[2]['errorNum'], Arango.ServerError.DOCUMENT_NOT_FOUND)
        self.assertEqual(self.count(), 1)

    def test_insert_many_refuses_non_objects(self):
        before = self.emulator.request_counts()
        error = self.raises(self.coll, 'insert_many',
                            json_array('[{"a": 1}, 2]'), NO_FLAGS)
        self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.emulator.request_counts(), before)
        self.assertEqual(self.count(), 0)


class QueryTests(DataTestCase):

    N = 25

    def setUp(self):
        super().setUp()
        documents = ','.join('{"_key": "n%02d", "value": %d, "even": %s}'
                             % (i, i, 'true' if i % 2 == 0 else 'false')
                             for i in range(self.N))
        results = run_async(self.coll, 'insert_many',
                            json_array('[%s]' % documents), NO_FLAGS)
        self.assertEqual(results.get_length(), self.N)

    def query(self, aql, bind_vars=None, options=None):
        if isinstance(bind_vars, str):
            bind_vars = json_object(bind_vars)
        return run_async(self.db, 'query', aql, bind_vars, options)

    def all_batches(self, cursor):
        batches = []
        while True:
            batch = run_async(cursor, 'next_batch')
            if batch is None:
                return batches
            self.assertIsInstance(batch, Json.Array)
            batches.append(to_python(batch))

    def test_query_options(self):
        options = Arango.QueryOptions(batch_size=4, count=True)
        self.assertEqual(options.get_batch_size(), 4)
        self.assertIs(options.get_count(), True)
        self.assertEqual(options.props.batch_size, 4)
        options.set_batch_size(7)
        self.assertEqual(options.props.batch_size, 7)
        defaults = Arango.QueryOptions.new()
        self.assertEqual(defaults.get_batch_size(), 0)
        self.assertIs(defaults.get_count(), False)

    def test_batches_with_bind_vars(self):
        options = Arango.QueryOptions(batch_size=4, count=True)
        cursor = self.query(
            'FOR n IN @@coll FILTER n.value >= @min SORT n.value '
            'RETURN {k: n._key, v: n.value}',
            '{"@coll": "%s", "min": 7}' % self.name, options)
        self.assertIsInstance(cursor, Arango.Cursor)
        expected = [{'k': 'n%02d' % i, 'v': i} for i in range(7, self.N)]
        self.assertEqual(cursor.get_count(), len(expected))
        self.assertEqual(cursor.props.count, len(expected))
        self.assertIs(cursor.get_has_more(), True)
        self.assertTrue(cursor.get_id())

        # The coordinator that made the cursor
        creators = [i for i in range(3)
                    if any(r['path'].endswith('/_api/cursor')
                           for r in self.logged(i, 'POST', '/_api/cursor'))]
        self.assertEqual(len(creators), 1)
        creator = creators[0]

        batches = self.all_batches(cursor)
        # 18 results in batches of 4: 4 4 4 4 2
        self.assertEqual([len(b) for b in batches], [4, 4, 4, 4, 2])
        self.assertEqual([r for b in batches for r in b], expected)
        self.assertIs(cursor.get_has_more(), False)
        self.assertEqual(cursor.get_count(), len(expected))

        # The end stays the end, without a request.
        before = self.total_requests()
        self.assertIsNone(run_async(cursor, 'next_batch'))
        self.assertEqual(self.total_requests(), before)

        # Every follow-up went to the creator, and to no other.
        follow_ups = [len(self.logged(i, 'POST', '/_api/cursor/'))
                      for i in range(3)]
        expected_follow_ups = [0, 0, 0]
        expected_follow_ups[creator] = len(batches) - 1
        self.assertEqual(follow_ups, expected_follow_ups)
        cursor_id = cursor.get_id()
        for request in self.logged(creator, 'POST', '/_api/cursor/'):
            self.assertTrue(request['path'].endswith('/_api/cursor/'
                                                     + cursor_id),
                            request['path'])

    def test_request_body(self):
        options = Arango.QueryOptions(batch_size=4, count=True)
        aql = 'FOR n IN @@coll RETURN n.value'
        cursor = self.query(aql, '{"@coll": "%s"}' % self.name, options)
        self.assertEqual(len(self.all_batches(cursor)), 7)
        posted = [r for i in range(3)
                  for r in self.logged(i, 'POST', '/_api/cursor')
                  if r['path'].endswith('/_api/cursor')]
        self.assertEqual(len(posted), 1)
        body = json.loads(posted[0]['body'])
        self.assertEqual(body['query'], aql)
        self.assertEqual(body['bindVars'], {'@coll': self.name})
        self.assertEqual(body['batchSize'], 4)
        self.assertIs(body['count'], True)

    def test_one_batch_at_a_time(self):
        options = Arango.QueryOptions(batch_size=5)
        cursor = self.query('FOR n IN %s RETURN n' % self.name, None,
                            options)
        run_async(cursor, 'next_batch')  # the first batch, held locally

        # A second call while the first is under way is refused.
        loop = GLib.MainLoop()
        outcomes = []

        def on_done(source, result, user_data):
            try:
                outcomes.append((user_data,
                                 source.next_batch_finish(result)))
            except GLib.GError as error:
                outcomes.append((user_data, error))
            if len(outcomes) == 2:
                loop.quit()

        cursor.next_batch_async(None, on_done, 'first')
        cursor.next_batch_async(None, on_done, 'second')
        GLib.timeout_add_seconds(CALL_TIMEOUT, loop.quit)
        loop.run()
        results = dict(outcomes)
        self.assertEqual(results['first'].get_length(), 5)
        self.assertArangoError(results['second'],
                               Arango.Error.INVALID_ARGUMENT)
        # The cursor still works afterwards.
        self.assertEqual(run_async(cursor, 'next_batch').get_length(), 5)

    def test_full_count(self):
        options = Arango.QueryOptions(full_count=True)
        cursor = self.query('FOR n IN %s SORT n.value LIMIT 2 RETURN n.value'
                            % self.name, None, options)
        self.assertEqual(to_python(run_async(cursor, 'next_batch')), [0, 1])
        self.assertEqual(
            cursor.get_statistics().get_int_member('fullCount'), self.N)

    def test_bind_vars_are_sent(self):
        cursor = self.query(
            'FOR n IN %s FILTER n.even == @even AND n.value < @below '
            'SORT n.value DESC RETURN n.value' % self.name,
            '{"even": true, "below": 9}')
        self.assertEqual(self.all_batches(cursor), [[8, 6, 4, 2, 0]])
        posted = [r for i in range(3)
                  for r in self.logged(i, 'POST', '/_api/cursor')]
        self.assertEqual(len(posted), 1)
        body = json.loads(posted[0]['body'])
        self.assertEqual(body['bindVars'], {'even': True, 'below': 9})

    def test_single_batch(self):
        cursor = self.query('FOR n IN %s FILTER n.value < 3 SORT n.value '
                            'RETURN n._key' % self.name)
        self.assertIsNone(cursor.get_id())
        self.assertIs(cursor.get_has_more(), False)
        self.assertEqual(cursor.get_count(), -1)
        self.assertEqual(run_async(cursor, 'next_batch').get_length(), 3)
        self.assertIsNone(run_async(cursor, 'next_batch'))

    def test_write_query_statistics(self):
        cursor = self.query('FOR n IN %s FILTER n.value < 5 '
                            'REMOVE n IN %s' % (self.name, self.name))
        statistics = cursor.get_statistics()
        self.assertIsInstance(statistics, Json.Object)
        self.assertEqual(statistics.get_int_member('writesExecuted'), 5)
        self.assertEqual(self.count(), self.N - 5)

    def test_close(self):
        options = Arango.QueryOptions(batch_size=5)
        cursor = self.query('FOR n IN %s RETURN n' % self.name, None, options)
        self.assertEqual(len(run_async(cursor, 'next_batch').get_elements()),
                         5)
        self.assertIs(run_async(cursor, 'close'), True)
        self.assertIsNone(run_async(cursor, 'next_batch'))
        deletes = [len(self.logged(i, 'DELETE', '/_api/cursor/'))
                   for i in range(3)]
        self.assertEqual(sum(deletes), 1)

    def test_parse_error(self):
        error = self.raises(self.db, 'query',
                            'FOR n IN %s FILTER n.value = 1 RETURN n'
                            % self.name, None, None)
        self.assertServerError(error, Arango.ServerError.QUERY_PARSE)
        self.assertEqual(error.code, Arango.ServerError.QUERY_PARSE)
        self.assertIn('position', error.message)

    def test_query_errors(self):
        error = self.raises(self.db, 'query', 'FOR n IN py_nowhere RETURN n',
                            None, None)
        self.assertServerError(error,
                               Arango.ServerError.DATA_SOURCE_NOT_FOUND)

        error = self.raises(self.db, 'query',
                            'FOR n IN %s FILTER n.value == @missing RETURN n'
                            % self.name, None, None)
        self.assertServerError(
            error, Arango.ServerError.QUERY_BIND_PARAMETER_MISSING)
        self.assertIn('missing', error.message)

        before = self.total_requests()
        error = self.raises(self.db, 'query', '', None, None)
        self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.total_requests(), before)


class TransactionTests(DataTestCase):

    def begin(self, write, read=None):
        return run_async(self.db, 'begin_transaction', read, write, None)

    def holder_of(self, transaction):
        holders = [i for i in range(3)
                   if self.logged(i, 'POST', '/_api/transaction/begin')]
        self.assertEqual(len(holders), 1)
        return holders[0]

    def test_commit(self):
        transaction = self.begin([self.name])
        self.assertIsInstance(transaction, Arango.Transaction)
        trx_id = transaction.get_id()
        self.assertTrue(trx_id)
        holder = self.holder_of(transaction)

        inside = transaction.get_collection(self.name)
        self.assertIsInstance(inside, Arango.Collection)
        self.assertEqual(inside.get_name(), self.name)
        self.assertEqual(inside.get_transaction_id(), trx_id)
        self.assertEqual(inside.props.transaction_id, trx_id)
        self.assertIsNone(self.coll.get_transaction_id())

        meta = run_async(inside, 'insert',
                         doc('{"_key": "t1", "value": 1000}'), RETURN_NEW)
        self.assertEqual(meta.get_string_member('_key'), 't1')
        run_async(inside, 'insert', doc('{"_key": "t2", "value": 2000}'),
                  NO_FLAGS)

        # Visible inside, invisible outside, until the commit
        seen = run_async(inside, 'get', 't1', None)
        self.assertEqual(seen.get_int_member('value'), 1000)
        self.assertEqual(self.count(inside), 2)
        error = self.raises(self.coll, 'get', 't1', None)
        self.assertServerError(error, Arango.ServerError.DOCUMENT_NOT_FOUND)
        self.assertIs(run_async(self.coll, 'has', 't2'), False)
        self.assertEqual(self.count(), 0)

        self.assertEqual(run_async(transaction, 'status'), 'running')
        self.assertIs(run_async(transaction, 'commit'), True)

        seen = run_async(self.coll, 'get', 't1', None)
        self.assertEqual(seen.get_int_member('value'), 1000)
        self.assertIs(run_async(self.coll, 'has', 't2'), True)
        self.assertEqual(self.count(), 2)

        # Every request that carried the transaction went to the
        # coordinator that began it.
        for index in range(3):
            carried = [r for r in self.emulator.requests(index)
                       if r['headers'].get('x-arango-trx-id') == trx_id]
            if index == holder:
                # 2 inserts, get, count
                self.assertGreaterEqual(len(carried), 4)
            else:
                self.assertEqual(carried, [])
        self.assertEqual(len(self.logged(holder, 'PUT',
                                         '/_api/transaction/' + trx_id)), 1)

    def test_abort(self):
        self.insert('{"_key": "before"}')
        transaction = self.begin([self.name])
        inside = transaction.get_collection(self.name)
        run_async(inside, 'insert', doc('{"_key": "t3"}'), NO_FLAGS)
        run_async(inside, 'delete', 'before', None, NO_FLAGS)
        self.assertIs(run_async(inside, 'has', 't3'), True)
        self.assertIs(run_async(inside, 'has', 'before'), False)

        self.assertIs(run_async(transaction, 'abort'), True)

        # Nothing of it is left: the insert is gone, the delete undone.
        self.assertIs(run_async(self.coll, 'has', 't3'), False)
        self.assertIs(run_async(self.coll, 'has', 'before'), True)
        self.assertEqual(self.count(), 1)

        # A finished transaction is gone.
        error = self.raises(transaction, 'commit')
        self.assertEqual(error.domain, ARANGO_SERVER_ERROR_DOMAIN)
        error = self.raises(inside, 'insert', doc('{"_key": "late"}'),
                            NO_FLAGS)
        self.assertEqual(error.domain, ARANGO_SERVER_ERROR_DOMAIN)
        self.assertIs(run_async(self.coll, 'has', 'late'), False)

    def test_query_inside(self):
        run_async(self.coll, 'insert_many',
                  json_array('[{"v": 1}, {"v": 2}, {"v": 3}]'), NO_FLAGS)
        transaction = self.begin([self.name])
        cursor = run_async(transaction, 'query',
                           'FOR d IN %s FILTER d.v < @limit REMOVE d IN %s'
                           % (self.name, self.name),
                           json_object('{"limit": 3}'), None)
        self.assertEqual(
            cursor.get_statistics().get_int_member('writesExecuted'), 2)

        inside = run_async(transaction, 'query',
                           'RETURN LENGTH(%s)' % self.name, None, None)
        self.assertEqual(to_python(run_async(inside, 'next_batch')), [1])
        outside = run_async(self.db, 'query',
                            'RETURN LENGTH(%s)' % self.name, None, None)
        self.assertEqual(to_python(run_async(outside, 'next_batch')), [3])

        self.assertIs(run_async(transaction, 'commit'), True)
        self.assertEqual(self.count(), 1)

    def test_status_and_list(self):
        running = self.begin([self.name])
        done = self.begin([self.name])
        self.assertNotEqual(running.get_id(), done.get_id())
        self.assertIs(run_async(done, 'commit'), True)
        self.assertEqual(run_async(running, 'status'), 'running')
        self.assertEqual(run_async(done, 'status'), 'committed')

        listed = to_python(run_async(self.db, 'list_transactions'))
        states = {t['id']: t['state'] for t in listed}
        self.assertEqual(states.get(running.get_id()), 'running', listed)

        self.assertIs(run_async(running, 'abort'), True)
        self.assertEqual(run_async(running, 'status'), 'aborted')

    def test_cursor_inside_stays_with_transaction(self):
        run_async(self.coll, 'insert_many',
                  json_array('[%s]' % ','.join('{"v": %d}' % i
                                               for i in range(10))),
                  NO_FLAGS)
        transaction = self.begin([self.name])
        trx_id = transaction.get_id()
        holder = self.holder_of(transaction)
        inside = transaction.get_collection(self.name)
        run_async(inside, 'insert', doc('{"v": 10}'), NO_FLAGS)

        options = Arango.QueryOptions(batch_size=3, count=True)
        cursor = run_async(transaction, 'query',
                           'FOR d IN %s SORT d.v RETURN d.v' % self.name,
                           None, options)
        self.assertEqual(cursor.get_count(), 11)
        values = []
        while True:
            batch = run_async(cursor, 'next_batch')
            if batch is None:
                break
            values += to_python(batch)
        # The transaction's own insert is in the results.
        self.assertEqual(values, list(range(11)))

        # The query and its follow-ups went to the holder only.
        for index in range(3):
            cursor_requests = self.logged(index, 'POST', '/_api/cursor')
            if index == holder:
                self.assertEqual(len(cursor_requests), 4)
                for request in cursor_requests:
                    self.assertEqual(request['headers'].get('x-arango-trx-id'),
                                     trx_id, request['path'])
            else:
                self.assertEqual(cursor_requests, [])
        self.assertIs(run_async(transaction, 'abort'), True)
        self.assertEqual(self.count(), 10)

    def test_unknown_collection(self):
        error = self.raises(self.db, 'begin_transaction', None,
                            ['py_missing'], None)
        self.assertServerError(error,
                               Arango.ServerError.DATA_SOURCE_NOT_FOUND)


if __name__ == '__main__':
    unittest.main(verbosity=2)
