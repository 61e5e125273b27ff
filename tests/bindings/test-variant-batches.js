// test-variant-batches.js: a cursor's batches and documents as GVariants
// through GJS, against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-variant-batches.js`; prints TAP. A batch from
// Cursor.next_batch_variant_async() is one GLib.Variant of type `av`:
// recursiveUnpack() makes plain JavaScript values of it, deepUnpack() an
// array of the documents as GLib.Variant, read with lookup_value().
// Collection.get_variant_async() gives one document as an `a{sv}`.

import Arango from 'gi://Arango?version=1.0';
import GLib from 'gi://GLib';

import {fromJs, toJs, totalRequests, withCollection} from './fixtures.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assert, assertEqual, assertError,
    assertRejects, assertThrows, promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Database, ['query', 'request']);
promisify(Arango.Collection, ['insert', 'insert_many', 'get', 'get_variant']);
promisify(Arango.Cursor, ['next_batch', 'next_batch_variant']);

const N_NUMBERS = 25;
const {NONE} = Arango.DocumentFlags;

// One result of every JSON kind, nested, and the same as JavaScript
// values
const MIXED_AQL = 'RETURN {s: "ä€\\n\\"q", i: 42, neg: -7, f: 1.5, ' +
    't: true, no: false, n: null, arr: [1, "x", [], {}], ' +
    'obj: {nested: {deep: [null, -0.25]}}}';
const MIXED = {
    s: 'ä€\n"q', i: 42, neg: -7, f: 1.5, t: true, no: false, n: null,
    arr: [1, 'x', [], {}], obj: {nested: {deep: [null, -0.25]}},
};

// Runs func(db, name) with a collection of N_NUMBERS documents.
function withNumbers(emulator, func) {
    return withCollection(emulator, async (db, coll, name) => {
        const numbers = [...Array(N_NUMBERS).keys()].map(i => ({
            _key: `n${String(i).padStart(2, '0')}`, value: i, half: i + 0.5,
            even: i % 2 === 0, none: null,
        }));
        const results = await coll.insert_many_async(
            fromJs(numbers).get_array(), NONE, null);
        assertEqual(results.get_length(), N_NUMBERS, 'inserted');
        await func(db, name);
    });
}

function query(db, aql, batchSize = 0) {
    return db.query_async(aql,
        null, new Arango.QueryOptions({batch_size: batchSize}), null);
}

function checkBatch(batch) {
    assert(batch instanceof GLib.Variant, `a GLib.Variant, got ${batch}`);
    assertEqual(batch.get_type_string(), 'av', 'type of the batch');
    return batch;
}

test('recursiveUnpack() gives what the JSON form gives', emulator =>
    withNumbers(emulator, async (db, name) => {
        for (const aql of [MIXED_AQL, `FOR n IN ${name} SORT n.value RETURN n`,
            'FOR i IN 1..4 RETURN i * 2', 'RETURN [[], {}, null, ""]']) {
            // eslint-disable-next-line no-await-in-loop
            const variant = checkBatch(await (await query(db, aql))
                .next_batch_variant_async(null)).recursiveUnpack();
            // eslint-disable-next-line no-await-in-loop
            const json = toJs(await (await query(db, aql))
                .next_batch_async(null));
            assertEqual(variant, json, aql);
        }
        const [mixed] = checkBatch(await (await query(db, MIXED_AQL))
            .next_batch_variant_async(null)).recursiveUnpack();
        assertEqual(mixed, MIXED, 'the values of every kind');
        assertEqual(Object.keys(mixed), Object.keys(MIXED),
            'the server\'s order of the members');
    }));

test('deepUnpack() and lookup_value() over several batches', emulator =>
    withNumbers(emulator, async (db, name) => {
        const cursor = await query(db,
            `FOR n IN ${name} SORT n.value RETURN n`, 10);
        const sizes = [];
        const seen = [];
        for (;;) {
            // eslint-disable-next-line no-await-in-loop
            const batch = await cursor.next_batch_variant_async(null);
            if (batch === null)
                break;
            const documents = checkBatch(batch).deepUnpack();
            sizes.push(documents.length);
            for (const document of documents) {
                assert(document instanceof GLib.Variant, 'a document variant');
                assertEqual(document.get_type_string(), 'a{sv}',
                    'type of a document');
                const value = document.lookup_value('value', null);
                assertEqual(value.get_type_string(), 'x', 'type of value');
                const members = document.deepUnpack();
                assertEqual(members.half.get_type_string(), 'd',
                    'type of half');
                assertEqual(members.even.get_boolean(),
                    value.get_int64() % 2 === 0, 'even');
                assertEqual(members.none.get_type_string(), 'mv',
                    'type of none');
                assertEqual(members.none.n_children(), 0, 'none is nothing');
                assertEqual(members._key.unpack(),
                    `n${String(value.get_int64()).padStart(2, '0')}`, '_key');
                seen.push(members.half.get_double());
            }
        }
        assertEqual(sizes, [10, 10, 5], 'batch sizes');
        assertEqual(seen, [...Array(N_NUMBERS).keys()].map(i => i + 0.5),
            'values in order');
        assertEqual(cursor.get_has_more(), false, 'has_more at the end');

        const before = await totalRequests(emulator);
        assertEqual(await cursor.next_batch_variant_async(null), null,
            'the end stays the end');
        assertEqual(await totalRequests(emulator), before,
            'nothing sent at the end');
    }));

test('the sync form, mixed with the JSON form', emulator =>
    withNumbers(emulator, (db, name) => {
        const cursor = db.query_sync(
            `FOR n IN ${name} SORT n.value RETURN n.value`, null,
            new Arango.QueryOptions({batch_size: 7}), null);
        const batches = [];
        for (let i = 0; ; i++) {
            const batch = i % 2 === 0 ? cursor.next_batch_variant_sync(null)
                : cursor.next_batch_sync(null);
            if (batch === null)
                break;
            batches.push(i % 2 === 0 ? checkBatch(batch).recursiveUnpack()
                : toJs(batch));
        }
        assertEqual(batches.map(b => b.length), [7, 7, 7, 4], 'batch sizes');
        assertEqual(batches.flat(), [...Array(N_NUMBERS).keys()], 'values');
        assertEqual(cursor.next_batch_variant_sync(null), null, 'the end');
    }));

test('errors: a second call while one runs, a deleted cursor', emulator =>
    withNumbers(emulator, async (db, name) => {
        const cursor = await query(db, `FOR n IN ${name} RETURN n`, 5);
        checkBatch(await cursor.next_batch_variant_async(null));

        const first = cursor.next_batch_variant_async(null);
        const busy = await assertRejects(
            cursor.next_batch_variant_async(null));
        assertError(busy, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
        assertEqual(checkBatch(await first).n_children(), 5,
            'the first call still gets its batch');

        const response = await db.request_async('DELETE',
            `/_api/cursor/${cursor.get_id()}`, null, null, null,
            Arango.RequestFlags.NONE, null);
        assertEqual(response.get_status(), 202, 'deleted');
        const gone = assertThrows(() => cursor.next_batch_variant_sync(null));
        assertError(gone, ARANGO_SERVER_ERROR,
            Arango.ServerError.CURSOR_NOT_FOUND);
        assertEqual(cursor.get_has_more(), false, 'has_more after the error');
        assertEqual(await cursor.next_batch_variant_async(null), null,
            'then the end');
    }));

test('a document: recursiveUnpack() gives what the JSON form gives', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        await coll.insert_async(fromJs({_key: 'mixed', ...MIXED}), NONE, null);
        const variant = await coll.get_variant_async('mixed', null, null);
        assert(variant instanceof GLib.Variant, `a GLib.Variant, got ${variant}`);
        assertEqual(variant.get_type_string(), 'a{sv}', 'type of a document');
        const document = variant.recursiveUnpack();
        assertEqual(Object.keys(document).slice(0, 3), ['_key', '_id', '_rev'],
            'the system attributes first');
        assertEqual(document, toJs(await coll.get_async('mixed', null, null)),
            'the JSON form');
        assertEqual(variant.lookup_value('s', null).unpack(), MIXED.s, 'lookup_value()');

        const byId = coll.get_variant_sync(`${name}/mixed`, document._rev, null);
        assertEqual(byId.recursiveUnpack().obj, MIXED.obj, 'by id and revision');
        const stale = await assertRejects(
            coll.get_variant_async('mixed', '_stale---', null));
        assertError(stale, ARANGO_SERVER_ERROR, Arango.ServerError.CONFLICT);
        assertEqual(Arango.ServerError.get_http_status(stale), 412, 'the status');
        const missing = assertThrows(() => coll.get_variant_sync('nobody', null, null));
        assertError(missing, ARANGO_SERVER_ERROR,
            Arango.ServerError.DOCUMENT_NOT_FOUND);
    }));

runAndExit();
