#!/usr/bin/python3
# test_collection_find.py: a collection's simple queries and *_match
# changes through PyGObject, against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of the simple queries: filters as Json.Object,
locations as lists of attribute names, cursors, string lists and None
as results, counts as integers, and the arguments refused before anything
is sent, in the async and blocking forms."""

import math
import os
import sys
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_data import (DataTestCase, NO_FLAGS, doc, json_object,  # noqa: E402
                       run_async, to_python)

NO_LIMIT = Arango.NO_LIMIT

PEOPLE = [
    '{"_key": "ada", "born": 1815, "team": "math", "address": {"city": "London"}}',
    '{"_key": "alan", "born": 1912, "team": "math", "address": {"city": "London"}}',
    '{"_key": "grace", "born": 1906, "team": "navy", "address": {"city": "New York"}}',
]

CITIES = {
    'berlin': (52.52, 13.405),
    'potsdam': (52.3906, 13.0645),
    'paris': (48.8566, 2.3522),
}


def drain(cursor):
    """Every result of the cursor as Python values."""
    results = []
    while True:
        batch = cursor.next_batch_sync(None)
        if batch is None:
            return results
        results += to_python(batch)


def keys(cursor):
    return [document['_key'] for document in drain(cursor)]


def haversine(latitude1, longitude1, latitude2, longitude2):
    p1, p2 = math.radians(latitude1), math.radians(latitude2)
    dp, dl = p2 - p1, math.radians(longitude2 - longitude1)
    a = (math.sin(dp / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2)
    return 6371000.0 * 2 * math.atan2(math.sqrt(a), math.sqrt(1 - a))


class FindTests(DataTestCase):

    def setUp(self):
        super().setUp()
        for text in PEOPLE:
            self.insert(text)

    def test_find_and_all(self):
        cursor = run_async(self.coll, 'find',
                           json_object('{"address.city": "London"}'), 0,
                           NO_LIMIT, None)
        self.assertIsInstance(cursor, Arango.Cursor)
        self.assertEqual(sorted(keys(cursor)), ['ada', 'alan'])
        cursor = self.coll.find_sync(None, 1, 1, None, None)
        self.assertEqual(keys(cursor), ['alan'])
        options = Arango.QueryOptions(batch_size=1, count=True)
        cursor = run_async(self.coll, 'all', 0, NO_LIMIT, options)
        self.assertEqual(cursor.get_count(), 3)
        self.assertEqual(keys(cursor), ['ada', 'alan', 'grace'])

    def test_find_in_range(self):
        cursor = run_async(self.coll, 'find_in_range', 'born', doc('1900'),
                           doc('1912'), 0, NO_LIMIT, None)
        self.assertEqual(keys(cursor), ['grace'])

    def test_keys_ids_random(self):
        self.assertEqual(sorted(run_async(self.coll, 'keys', None)),
                         ['ada', 'alan', 'grace'])
        ids = self.coll.ids_sync(None, None)
        self.assertIsInstance(ids, list)
        self.assertIn(self.name + '/grace', ids)
        document = to_python(run_async(self.coll, 'random', None))
        self.assertIn(document['_key'], ['ada', 'alan', 'grace'])

        empty = run_async(self.db, 'create_collection', self.name + '_empty',
                          None)
        self.addCleanup(self.drop_collection, self.name + '_empty')
        self.assertIsNone(run_async(empty, 'random', None))
        self.assertEqual(empty.keys_sync(None, None), [])

    def test_match_calls_count(self):
        math_team = json_object('{"team": "math"}')
        self.assertEqual(
            run_async(self.coll, 'update_match', math_team,
                      json_object('{"retired": true}'), NO_LIMIT,
                      NO_FLAGS), 2)
        ada = to_python(run_async(self.coll, 'get', 'ada', None))
        self.assertIs(ada['retired'], True)
        self.assertEqual(ada['born'], 1815)
        self.assertEqual(
            self.coll.replace_match_sync(json_object('{"_key": "grace"}'),
                                         json_object('{"x": 1}'), NO_LIMIT,
                                         NO_FLAGS, None), 1)
        grace = to_python(run_async(self.coll, 'get', 'grace', None))
        self.assertEqual({k: v for k, v in grace.items()
                          if not k.startswith('_')}, {'x': 1})
        self.assertEqual(
            run_async(self.coll, 'delete_match', math_team, 1,
                      Arango.DocumentFlags.WAIT_FOR_SYNC), 1)
        self.assertEqual(self.count(), 2)

    def test_refused_before_sending(self):
        sent = self.total_requests()
        for method, args in [
                ('find', (None, -1, NO_LIMIT, None)),
                ('all', (0, -5, None)),
                ('find', (json_object('{"a..b": 1}'), 0, NO_LIMIT, None)),
                ('delete_match', (json_object('{}'), NO_LIMIT, NO_FLAGS)),
                ('update_match', (json_object('{"team": "math"}'),
                                  json_object('{}'), NO_LIMIT,
                                  Arango.DocumentFlags.RETURN_NEW)),
                ('find_in_radius', (['lat', 'lng'], False, 91.0, 0.0, 10.0,
                                    None, None)),
                ('find_in_box', (['geo'], True, 10.0, -100.0, 20.0, 100.0, 0,
                                 NO_LIMIT, None)),
                ('find_near', (['a', 'b', 'c'], False, 0.0, 0.0, 1, None,
                               None)),
                ('find_by_text', ('bio', '', 'by-text', 'text_en', NO_LIMIT,
                                  None)),
        ]:
            error = self.raises(self.coll, method, *args)
            self.assertArangoError(error, Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.total_requests(), sent)

    def test_find_by_text_refused_by_the_emulator(self):
        error = self.raises(self.coll, 'find_by_text', 'bio', 'logic',
                            'by-text', 'text_en', 10, None)
        self.assertServerError(error, Arango.ServerError.NOT_IMPLEMENTED)
        self.assertIn('FOR … SEARCH / OPTIONS', error.message)


class GeoTests(DataTestCase):

    def setUp(self):
        super().setUp()
        for key, (latitude, longitude) in CITIES.items():
            self.insert('{"_key": "%s", "lat": %r, "lng": %r, '
                        '"geo": {"type": "Point", "coordinates": [%r, %r]}}'
                        % (key, latitude, longitude, longitude, latitude))

    def test_near_radius_box(self):
        cursor = run_async(self.coll, 'find_near', ['lat', 'lng'], False,
                           52.52, 13.405, 2, 'metres', None)
        found = drain(cursor)
        self.assertEqual([d['_key'] for d in found], ['berlin', 'potsdam'])
        self.assertAlmostEqual(found[1]['metres'],
                               haversine(52.52, 13.405, *CITIES['potsdam']),
                               places=3)

        cursor = self.coll.find_in_radius_sync(['geo'], True, 48.86, 2.35,
                                               1000.0, None, None, None)
        self.assertEqual(keys(cursor), ['paris'])

        cursor = run_async(self.coll, 'find_in_box', ['geo'], True, 52.0,
                           13.0, 53.0, 14.0, 0, NO_LIMIT, None)
        self.assertEqual(sorted(keys(cursor)), ['berlin', 'potsdam'])


if __name__ == '__main__':
    unittest.main()
