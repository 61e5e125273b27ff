// test-sync.js: the blocking _sync calls and Arango.QueryModel through GJS,
// against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-sync.js`; prints TAP. The _sync calls return their
// value (or throw) without a main loop; the model fills itself while the
// runner's main loop turns.

import Arango from 'gi://Arango?version=1.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import {fromJs, toJs} from './fixtures.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assert, assertEqual, assertError,
    assertThrows, runAndExit, test,
} from './tap.js';

const N_NUMBERS = 25;
const {NONE} = Arango.DocumentFlags;

// Every test gets _system, opened with a _sync call, and a fresh
// collection of N_NUMBERS documents, deleted again afterwards.
let collectionSerial = 0;

async function withNumbers(emulator, func) {
    const client = Arango.Client.new(emulator.hosts);
    const db = client.db_sync('_system', 'root', '', null);
    const name = `gjs_sync_${++collectionSerial}`;
    const coll = db.create_collection_sync(name, null, null);
    try {
        const numbers = [...Array(N_NUMBERS).keys()]
            .map(i => ({_key: `n${String(i).padStart(2, '0')}`, value: i}));
        const results = coll.insert_many_sync(fromJs(numbers).get_array(),
            NONE, null);
        assertEqual(results.get_length(), N_NUMBERS, 'inserted');
        await func(db, coll, name);
    } finally {
        db.delete_collection_sync(name, null);
    }
}

// Resolves with the items-changed triples once the model stopped loading.
function load(model) {
    return new Promise(resolve => {
        const changes = [];
        const changedId = model.connect('items-changed',
            (m, position, removed, added) => changes.push([position, removed, added]));
        const loadingId = model.connect('notify::loading', m => {
            if (m.loading)
                return;
            model.disconnect(changedId);
            model.disconnect(loadingId);
            resolve(changes);
        });
        model.load();
        assertEqual(model.loading, true, 'loading after load()');
    });
}

function items(model) {
    const result = [];
    for (let i = 0; i < model.get_n_items(); i++)
        result.push(model.get_item(i));
    return result;
}

test('documents with _sync calls', emulator =>
    withNumbers(emulator, (db, coll) => {
        assertEqual(coll.count_sync(null), N_NUMBERS, 'count');
        const meta = coll.insert_sync(fromJs({_key: 'ada', age: 36}), NONE,
            null);
        assertEqual(meta.get_string_member('_key'), 'ada', 'inserted key');
        assertEqual(toJs(coll.get_sync('ada', null, null)).age, 36, 'age');
        assertEqual(coll.has_sync('ada', null), true, 'has ada');
        assertEqual(coll.has_sync('nobody', null), false, 'has nobody');

        const missing = assertThrows(() => coll.get_sync('nobody', null, null));
        assertError(missing, ARANGO_SERVER_ERROR,
            Arango.ServerError.DOCUMENT_NOT_FOUND);
        const invalid = assertThrows(() => coll.get_sync('', null, null));
        assertError(invalid, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
    }));

test('a query read with _sync calls, batch by batch', emulator =>
    withNumbers(emulator, (db, coll, name) => {
        const options = new Arango.QueryOptions({batch_size: 10});
        const cursor = db.query_sync(`FOR n IN ${name} SORT n.value RETURN n.value`,
            null, options, null);
        const batches = [];
        for (let batch; (batch = cursor.next_batch_sync(null)) !== null;)
            batches.push(toJs(batch));
        assertEqual(batches.map(b => b.length), [10, 10, 5], 'batch sizes');
        assertEqual(batches.flat(), [...Array(N_NUMBERS).keys()], 'values');
        assertEqual(db.get_cluster().server_role_sync(null), 'COORDINATOR',
            'role');
    }));

test('a cancelled _sync call throws', emulator =>
    withNumbers(emulator, (db, coll) => {
        const cancellable = new Gio.Cancellable();
        cancellable.cancel();
        const error = assertThrows(() => coll.count_sync(cancellable));
        assert(error.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED),
            `cancelled, got ${error}`);
    }));

test('a query model fills itself batch by batch', emulator =>
    withNumbers(emulator, async (db, coll, name) => {
        const options = new Arango.QueryOptions({batch_size: 10});
        const model = Arango.QueryModel.new(db,
            `FOR n IN ${name} SORT n.value RETURN n`, null, options);
        assert(model instanceof Gio.ListModel, 'a Gio.ListModel');
        assertEqual(model.get_item_type(), Arango.Document.$gtype, 'item type');

        assertEqual(await load(model), [[0, 0, 10], [10, 0, 10], [20, 0, 5]],
            'items-changed');
        assertEqual(model.error, null, 'error');
        assertEqual(model.n_items, N_NUMBERS, 'n-items');
        const first = model.get_item(0);
        assert(first instanceof Arango.Document, 'an Arango.Document');
        assertEqual(first.key, 'n00', 'key');
        assertEqual(first.id, `${name}/n00`, 'id');
        assert(first.rev, 'a revision');
        assertEqual(items(model).map(d => d.get_member('value').get_int()),
            [...Array(N_NUMBERS).keys()], 'values');
    }));

test('a query model keeps the error that stopped it', emulator =>
    withNumbers(emulator, async db => {
        const model = new Arango.QueryModel({database: db,
            query: 'FOR n IN nowhere RETURN n'});
        assertEqual(await load(model), [], 'items-changed');
        assertError(model.error, ARANGO_SERVER_ERROR,
            Arango.ServerError.DATA_SOURCE_NOT_FOUND);
        assertEqual(model.get_n_items(), 0, 'n-items');
    }));

test('a cancelled query model keeps what it loaded', emulator =>
    withNumbers(emulator, async (db, coll, name) => {
        const options = new Arango.QueryOptions({batch_size: 5});
        const model = Arango.QueryModel.new(db, `FOR n IN ${name} RETURN n`,
            null, options);
        // After load()'s own handler, so that it sees the batch
        const cancelId = model.connect_after('items-changed', m => m.cancel());
        assertEqual(await load(model), [[0, 0, 5]], 'items-changed');
        assert(model.error.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED),
            `cancelled, got ${model.error}`);
        assertEqual(model.get_n_items(), 5, 'n-items');
        // Loading again starts over and goes to the end
        model.disconnect(cancelId);
        await load(model);
        assertEqual(model.error, null, 'error after reloading');
        assertEqual(model.get_n_items(), N_NUMBERS, 'n-items after reloading');
    }));

// The runner's main loop must keep turning while a _sync call blocks in
// another thread; GJS has no threads, so this only checks that a _sync call
// does not dispatch the sources of the default main context.
test('a _sync call leaves the main context alone', emulator =>
    withNumbers(emulator, (db, coll) => {
        let ran = false;
        const id = GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
            ran = true;
            return GLib.SOURCE_REMOVE;
        });
        coll.count_sync(null);
        assertEqual(ran, false, 'idle source ran during the _sync call');
        GLib.source_remove(id);
    }));

runAndExit();
