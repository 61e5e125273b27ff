// test-data.js: the data API of arango-glib through GJS, against the
// emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-data.js`; prints TAP. Collections, documents, AQL
// cursors and stream transactions over real HTTP. Each async/finish pair is
// turned into a Promise with Gio._promisify; GJS 1.74 picks the Promise form
// by counting arguments, so every call passes its cancellable (null).

import Arango from 'gi://Arango?version=1.0';
import Json from 'gi://Json?version=1.0';

import {openDatabase, toJs, totalRequests, withCollection} from './fixtures.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assert, assertEqual, assertError,
    assertRejects, promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Client, ['db']);
promisify(Arango.Database, ['create_collection', 'delete_collection',
    'has_collection', 'list_collections', 'query', 'begin_transaction']);
promisify(Arango.Collection, ['insert', 'insert_many', 'get', 'has',
    'update', 'replace', 'delete', 'count', 'truncate']);
promisify(Arango.Cursor, ['next_batch', 'close']);
promisify(Arango.Transaction, ['commit', 'abort', 'status', 'query']);

const {RETURN_NEW, RETURN_OLD, CHECK_REV, NONE} = Arango.DocumentFlags;

// Documents are built from JSON text with Json.from_string(), and read
// back with toJs().

function fromJson(text) {
    return Json.from_string(text);
}

function withoutSystem(document) {
    return Object.fromEntries(Object.entries(document)
        .filter(([key]) => !key.startsWith('_')));
}

// Helpers

async function logged(emulator, index, method, pathPart) {
    return (await emulator.requests(index))
        .filter(r => r.method === method && r.path.includes(pathPart));
}

// The tests

test('create_collection, duplicates, has and delete', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        assert(coll instanceof Arango.Collection, 'an Arango.Collection');
        assertEqual(coll.get_name(), name, 'get_name()');
        assertEqual(coll.name, name, 'name property');
        assertEqual(coll.get_transaction_id(), null, 'no transaction');
        assertEqual(await db.has_collection_async(name, null), true,
            'has_collection');

        const error = await assertRejects(
            db.create_collection_async(name, null, null));
        assertError(error, ARANGO_SERVER_ERROR, Arango.ServerError.DUPLICATE_NAME);
        assertEqual(error.code, Arango.ServerError.DUPLICATE_NAME,
            'DUPLICATE_NAME');
        assert(error.matches(Arango.server_error_quark(),
            Arango.ServerError.DUPLICATE_NAME), 'matches()');

        const listed = toJs(await db.list_collections_async(null));
        assertEqual(listed.filter(c => c.name === name).length, 1,
            'listed once');

        const before = await totalRequests(emulator);
        const ghost = db.get_collection('gjs_ghost');
        assertEqual(ghost.get_name(), 'gjs_ghost', 'get_collection');
        assertEqual(await totalRequests(emulator), before,
            'get_collection sends nothing');
        assertError(await assertRejects(ghost.count_async(null)),
            ARANGO_SERVER_ERROR, Arango.ServerError.DATA_SOURCE_NOT_FOUND);

        assertEqual(await db.delete_collection_async(name, null), true,
            'delete_collection');
        assertEqual(await db.has_collection_async(name, null), false,
            'gone');
    }));

test('insert, get, has, update, replace, delete, count', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        const ada = '{"_key": "ada", "name": "Ada Lovelace", "born": 1815, ' +
            '"tags": ["maths"], "address": {"city": "London"}, ' +
            '"note": "\\u00e4\\u20ac"}';
        const meta = await coll.insert_async(fromJson(ada), RETURN_NEW, null);
        assert(meta instanceof Json.Object, 'insert gives a Json.Object');
        assertEqual(meta.get_string_member('_id'), `${name}/ada`, '_id');
        assertEqual(meta.get_string_member('_key'), 'ada', '_key');
        const rev = meta.get_string_member('_rev');
        assert(rev, '_rev');
        const stored = toJs(meta.get_object_member('new'));
        assertEqual(withoutSystem(stored), withoutSystem(toJs(fromJson(ada))),
            'new');
        assertEqual(stored.note, '\u00e4\u20ac', 'Unicode');
        assertEqual(stored._rev, rev, 'new._rev');

        const byKey = await coll.get_async('ada', null, null);
        const byId = await coll.get_async(`${name}/ada`, null, null);
        assertEqual(toJs(byKey), stored, 'get by key');
        assertEqual(toJs(byId), stored, 'get by id');
        assertEqual(byKey.get_int_member('born'), 1815, 'born');

        assertEqual(await coll.has_async('ada', null), true, 'has ada');
        assertEqual(await coll.has_async('bob', null), false, 'has bob');

        const updated = await coll.update_async(
            fromJson('{"_key": "ada", "field": "maths", ' +
                '"address": {"street": "Square"}}'),
            RETURN_NEW | RETURN_OLD, null);
        assertEqual(updated.get_string_member('_oldRev'), rev, '_oldRev');
        const merged = toJs(updated.get_object_member('new'));
        assertEqual(merged.field, 'maths', 'updated field');
        assertEqual(merged.born, 1815, 'kept field');
        assertEqual(merged.address, {city: 'London', street: 'Square'},
            'merged object');
        assertEqual(toJs(updated.get_object_member('old')).field, undefined,
            'old without the field');

        const replaced = await coll.replace_async(
            fromJson(`{"_id": "${name}/ada", "name": "Ada"}`),
            RETURN_NEW, null);
        assertEqual(replaced.get_string_member('_oldRev'),
            updated.get_string_member('_rev'), 'replace _oldRev');
        assertEqual(withoutSystem(toJs(replaced.get_object_member('new'))),
            {name: 'Ada'}, 'replaced');

        await coll.insert_async(fromJson('{"_key": "bob"}'), NONE, null);
        assertEqual(await coll.count_async(null), 2, 'count');

        const deleted = await coll.delete_async('ada', null, RETURN_OLD,
            null);
        assertEqual(toJs(deleted.get_object_member('old')).name, 'Ada',
            'old');
        assertEqual(await coll.has_async('ada', null), false, 'deleted');
        assertEqual(await coll.count_async(null), 1, 'count after delete');
    }));

test('document errors', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        const first = await coll.insert_async(
            fromJson('{"_key": "k1", "v": 1}'), NONE, null);

        let error = await assertRejects(coll.get_async('nobody', null, null));
        assertError(error, ARANGO_SERVER_ERROR,
            Arango.ServerError.DOCUMENT_NOT_FOUND);
        assertEqual(error.code, Arango.ServerError.DOCUMENT_NOT_FOUND, 'not found');

        error = await assertRejects(
            coll.insert_async(fromJson('{"_key": "k1"}'), NONE, null));
        assertError(error, ARANGO_SERVER_ERROR, Arango.ServerError.UNIQUE_CONSTRAINT_VIOLATED);
        assert(error.message.includes('k1'), `key in "${error.message}"`);

        error = await assertRejects(coll.update_async(
            fromJson('{"_key": "k1", "_rev": "_not-it---", "v": 2}'),
            CHECK_REV, null));
        assertError(error, ARANGO_SERVER_ERROR, Arango.ServerError.CONFLICT);
        assertEqual(error.code, Arango.ServerError.CONFLICT, 'conflict');
        assert(error.message.includes(first.get_string_member('_rev')),
            `stored _rev in "${error.message}"`);
        assertEqual((await coll.get_async('k1', null, null))
            .get_int_member('v'), 1, 'unchanged');

        const before = await emulator.requestCounts();
        for (const key of ['gjs_other/k1', 'a/b/c', '', 'white space']) {
            error = await assertRejects(coll.get_async(key, null, null));
            assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
        }
        error = await assertRejects(
            coll.delete_async('gjs_other/k1', null, NONE, null));
        assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
        error = await assertRejects(
            coll.insert_async(fromJson('[1, 2]'), NONE, null));
        assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
        assertEqual(await emulator.requestCounts(), before,
            'nothing sent for invalid arguments');
    }));

test('insert_many with a duplicate', emulator =>
    withCollection(emulator, async (db, coll) => {
        const documents = fromJson('[{"_key": "a", "n": 1}, ' +
            '{"_key": "b", "n": 2}, {"_key": "a", "n": 3}]').get_array();
        const results = await coll.insert_many_async(documents, NONE, null);
        assert(results instanceof Json.Array, 'a Json.Array');
        const list = toJs(results);
        assertEqual(list.length, 3, 'one result per document');
        assertEqual([list[0]._key, list[1]._key], ['a', 'b'], 'keys');
        assertEqual(list[2].error, true, 'error in the third slot');
        assertEqual(list[2].errorNum, Arango.ServerError.UNIQUE_CONSTRAINT_VIOLATED, 'errorNum');
        assertEqual(await coll.count_async(null), 2, 'count');
    }));

test('a query over several batches with bind variables', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        const documents = Array.from({length: 20},
            (_, i) => `{"_key": "n${String(i).padStart(2, '0')}", ` +
                `"value": ${i}}`).join(',');
        await coll.insert_many_async(fromJson(`[${documents}]`).get_array(),
            NONE, null);

        const options = new Arango.QueryOptions({batch_size: 3, count: true});
        assertEqual(options.get_batch_size(), 3, 'batch_size');
        const bindVars = fromJson(`{"@coll": "${name}", "min": 9}`)
            .get_object();
        const cursor = await db.query_async(
            'FOR n IN @@coll FILTER n.value >= @min SORT n.value ' +
            'RETURN n.value', bindVars, options, null);
        assert(cursor instanceof Arango.Cursor, 'an Arango.Cursor');
        assertEqual(cursor.get_count(), 11, 'get_count()');
        assertEqual(cursor.get_has_more(), true, 'has_more at first');
        assert(cursor.get_id(), 'a cursor id');

        let creator = -1;
        for (let i = 0; i < 3; i++) {
            if ((await logged(emulator, i, 'POST', '/_api/cursor')).length)
                creator = i;
        }
        assert(creator >= 0, 'a coordinator made the cursor');

        const batches = [];
        for (;;) {
            // eslint-disable-next-line no-await-in-loop
            const batch = await cursor.next_batch_async(null);
            if (batch === null)
                break;
            batches.push(toJs(batch));
        }
        assertEqual(batches, [[9, 10, 11], [12, 13, 14], [15, 16, 17],
            [18, 19]], 'batches');
        assertEqual(cursor.get_has_more(), false, 'has_more at the end');
        assertEqual(await cursor.next_batch_async(null), null, 'the end');

        for (let i = 0; i < 3; i++) {
            assertEqual(
                (await logged(emulator, i, 'POST', '/_api/cursor/')).length,
                i === creator ? 3 : 0, `follow-ups to coordinator ${i}`);
        }
    }));

test('an AQL parse error', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        const error = await assertRejects(db.query_async(
            `FOR n IN ${name} FILTER n.value = 1 RETURN n`, null, null,
            null));
        assertError(error, ARANGO_SERVER_ERROR,
            Arango.ServerError.QUERY_PARSE);
        assertEqual(error.code, Arango.ServerError.QUERY_PARSE, 'code');
        assert(error.message.includes('position'),
            `position in "${error.message}"`);
    }));

test('a stream transaction that commits and one that aborts', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        const transaction = await db.begin_transaction_async(null, [name],
            null, null);
        assert(transaction instanceof Arango.Transaction,
            'an Arango.Transaction');
        const inside = transaction.get_collection(name);
        assertEqual(inside.get_transaction_id(), transaction.get_id(),
            'transaction id of the collection');
        await inside.insert_async(fromJson('{"_key": "t1", "v": 1}'), NONE,
            null);

        assertEqual(await inside.has_async('t1', null), true,
            'visible inside');
        assertEqual(await coll.has_async('t1', null), false,
            'invisible outside');
        assertEqual(await transaction.status_async(null), 'running',
            'status');
        assertEqual(await transaction.commit_async(null), true, 'commit');
        assertEqual((await coll.get_async('t1', null, null))
            .get_int_member('v'), 1, 'visible after the commit');

        const doomed = await db.begin_transaction_async(null, [name], null,
            null);
        assert(doomed.get_id() !== transaction.get_id(), 'a new id');
        const doomedInside = doomed.get_collection(name);
        await doomedInside.insert_async(fromJson('{"_key": "t2"}'), NONE,
            null);
        assertEqual(await doomedInside.has_async('t2', null), true,
            'visible inside the doomed one');
        assertEqual(await doomed.abort_async(null), true, 'abort');
        assertEqual(await coll.has_async('t2', null), false,
            'nothing left after the abort');
        assertEqual(await coll.count_async(null), 1, 'count');
    }));

runAndExit();
