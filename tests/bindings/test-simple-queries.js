// test-simple-queries.js: a collection's simple queries and *_match
// changes through GJS, against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-simple-queries.js`; prints TAP. Filters as
// Json.Object, locations as arrays of attribute names, cursors, string
// arrays and null as results, counts as numbers, and the arguments
// refused before anything is sent.

import Arango from 'gi://Arango?version=1.0';

import {
    fromJs, jsonArray, jsonObject, toJs, totalRequests, withCollection,
} from './fixtures.js';
import {
    ARANGO_ERROR, assert, assertEqual, assertError, assertRejects,
    promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Database, ['create_collection', 'delete_collection']);
promisify(Arango.Collection, ['insert_many', 'get', 'count', 'find', 'all',
    'find_in_range', 'keys', 'ids', 'random', 'update_match',
    'replace_match', 'delete_match', 'find_near', 'find_in_radius',
    'find_in_box']);
promisify(Arango.Cursor, ['next_batch']);

const {NO_LIMIT} = Arango;
const {NONE} = Arango.DocumentFlags;

const PEOPLE = [
    {_key: 'ada', born: 1815, team: 'math', address: {city: 'London'}},
    {_key: 'alan', born: 1912, team: 'math', address: {city: 'London'}},
    {_key: 'grace', born: 1906, team: 'navy', address: {city: 'New York'}},
];

const CITIES = {
    berlin: [52.52, 13.405],
    potsdam: [52.3906, 13.0645],
    paris: [48.8566, 2.3522],
};

// Every result of a cursor, batch by batch
async function drain(cursor) {
    const results = [];
    for (;;) {
        const batch = await cursor.next_batch_async(null);
        if (batch === null)
            return results;
        results.push(...toJs(batch));
    }
}

async function keysOf(cursor) {
    return (await drain(cursor)).map(document => document._key);
}

function withDocuments(emulator, documents, func) {
    return withCollection(emulator, async (db, coll, name) => {
        await coll.insert_many_async(jsonArray(documents), NONE, null);
        await func(db, coll, name);
    });
}

function withPeople(emulator, func) {
    return withDocuments(emulator, PEOPLE, func);
}

// Great-circle distance in metres, as GEO_DISTANCE() takes it
function haversine([latitude1, longitude1], [latitude2, longitude2]) {
    const radians = degrees => degrees * Math.PI / 180;
    const dp = radians(latitude2 - latitude1);
    const dl = radians(longitude2 - longitude1);
    const a = Math.sin(dp / 2) ** 2 + Math.cos(radians(latitude1)) *
        Math.cos(radians(latitude2)) * Math.sin(dl / 2) ** 2;
    return 6371000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

test('find with filters, all, find_in_range', emulator =>
    withPeople(emulator, async (db, coll) => {
        let cursor = await coll.find_async(
            jsonObject({'address.city': 'London'}), 0, NO_LIMIT, null, null);
        assert(cursor instanceof Arango.Cursor, 'an Arango.Cursor');
        assertEqual((await keysOf(cursor)).sort(), ['ada', 'alan'],
            'a nested filter');

        cursor = await coll.find_async(jsonObject({team: 'math', born: 1912}),
            0, NO_LIMIT, null, null);
        assertEqual(await keysOf(cursor), ['alan'], 'two filters');
        cursor = await coll.find_async(jsonObject({team: 'none'}), 0,
            NO_LIMIT, null, null);
        assertEqual(await keysOf(cursor), [], 'no match');
        cursor = coll.find_sync(null, 1, 1, null, null);
        assertEqual(await keysOf(cursor), ['alan'], 'skip and limit');

        const options = new Arango.QueryOptions({batch_size: 1, count: true});
        cursor = await coll.all_async(0, NO_LIMIT, options, null);
        assertEqual(cursor.get_count(), 3, 'count');
        assertEqual(await keysOf(cursor), ['ada', 'alan', 'grace'], 'all');

        cursor = await coll.find_in_range_async('born', fromJs(1900),
            fromJs(1912), 0, NO_LIMIT, null, null);
        assertEqual(await keysOf(cursor), ['grace'], 'upper bound excluded');
    }));

test('keys, ids and random', emulator =>
    withPeople(emulator, async (db, coll, name) => {
        const keys = await coll.keys_async(null, null);
        assert(Array.isArray(keys), 'keys are an array');
        assertEqual(keys.sort(), ['ada', 'alan', 'grace'], 'keys');
        const ids = coll.ids_sync(null, null);
        assertEqual(ids.sort(), keys.map(key => `${name}/${key}`), 'ids');

        const document = toJs(await coll.random_async(null, null));
        assert(keys.includes(document._key), `random ${document._key}`);
        assertEqual(document.born, PEOPLE.find(p => p._key === document._key)
            .born, 'the whole document');

        const empty = await db.create_collection_async(`${name}_empty`, null,
            null);
        try {
            assertEqual(await empty.random_async(null, null), null,
                'random of nothing');
            assertEqual(empty.keys_sync(null, null), [], 'no keys');
        } finally {
            await db.delete_collection_async(`${name}_empty`, null);
        }
    }));

test('update_match, replace_match and delete_match count', emulator =>
    withPeople(emulator, async (db, coll) => {
        const mathTeam = jsonObject({team: 'math'});
        assertEqual(await coll.update_match_async(mathTeam,
            jsonObject({retired: true}), NO_LIMIT, NONE, null), 2, 'updated');
        const ada = toJs(await coll.get_async('ada', null, null));
        assertEqual([ada.retired, ada.born], [true, 1815], 'merged');
        const grace = toJs(await coll.get_async('grace', null, null));
        assertEqual(grace.retired, undefined, 'not matched');

        assertEqual(coll.replace_match_sync(jsonObject({_key: 'grace'}),
            jsonObject({x: 1}), NO_LIMIT, NONE, null), 1, 'replaced');
        const replaced = toJs(await coll.get_async('grace', null, null));
        assertEqual([replaced.x, replaced.team], [1, undefined], 'replaced');

        assertEqual(await coll.delete_match_async(mathTeam, 1,
            Arango.DocumentFlags.WAIT_FOR_SYNC, null), 1, 'deleted one');
        assertEqual(await coll.count_async(null), 2, 'two left');
    }));

test('refused before sending', emulator =>
    withPeople(emulator, async (db, coll) => {
        const before = await totalRequests(emulator);
        for (const call of [
            () => coll.find_async(null, -1, NO_LIMIT, null, null),
            () => coll.all_async(0, -5, null, null),
            () => coll.find_async(jsonObject({'a..b': 1}), 0, NO_LIMIT, null,
                null),
            () => coll.delete_match_async(jsonObject({}), NO_LIMIT, NONE,
                null),
            () => coll.update_match_async(jsonObject({team: 'math'}),
                jsonObject({}), NO_LIMIT, Arango.DocumentFlags.RETURN_NEW,
                null),
            () => coll.find_in_radius_async(['lat', 'lng'], false, 91, 0, 10,
                null, null, null),
            () => coll.find_near_async(['a', 'b', 'c'], false, 0, 0, 1, null,
                null, null),
        ]) {
            const error = await assertRejects(call());
            assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
        }
        assertEqual(await totalRequests(emulator), before, 'nothing sent');
    }));

test('find_near, find_in_radius and find_in_box', emulator =>
    withDocuments(emulator, Object.entries(CITIES).map(
        ([key, [lat, lng]]) => ({
            _key: key, lat, lng, geo: {type: 'Point', coordinates: [lng, lat]},
        })), async (db, coll) => {
        const near = await drain(await coll.find_near_async(['lat', 'lng'],
            false, ...CITIES.berlin, 2, 'metres', null, null));
        assertEqual(near.map(d => d._key), ['berlin', 'potsdam'], 'nearest two');
        assertEqual(near[0].metres, 0, 'berlin to itself');
        const expected = haversine(CITIES.berlin, CITIES.potsdam);
        assert(Math.abs(near[1].metres - expected) < 1e-3,
            `potsdam ${near[1].metres} m, expected ${expected} m`);

        const radius = coll.find_in_radius_sync(['geo'], true, 48.86, 2.35,
            1000, null, null, null);
        assertEqual(await keysOf(radius), ['paris'], 'within a kilometre');

        const box = await coll.find_in_box_async(['geo'], true, 52, 13, 53, 14,
            0, NO_LIMIT, null, null);
        assertEqual((await keysOf(box)).sort(), ['berlin', 'potsdam'], 'box');
    }));

runAndExit();
