// fixtures.js: what the GJS binding tests share about arango-glib: JSON
// in and out, a database handle, a scratch collection, the requests the
// coordinators logged
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import Arango from 'gi://Arango?version=1.0';
import Gio from 'gi://Gio';
import Json from 'gi://Json?version=1.0';

Gio._promisify(Arango.Client.prototype, 'db_async', 'db_finish');
Gio._promisify(Arango.Database.prototype,
    'create_collection_async', 'create_collection_finish');
Gio._promisify(Arango.Database.prototype,
    'delete_collection_async', 'delete_collection_finish');

// JSON: what the library takes is built from JavaScript values through
// JSON text, and what it gives back is read the same way.

/**
 * @param {*} value a Json.Node, Json.Object, Json.Array or null
 * @returns {*} the same as a JavaScript value
 */
export function toJs(value) {
    if (value === null)
        return null;
    let node = value;
    if (value instanceof Json.Object)
        node = Json.Node.alloc().init_object(value);
    else if (value instanceof Json.Array)
        node = Json.Node.alloc().init_array(value);
    return JSON.parse(Json.to_string(node, false));
}

export function fromJs(value) {
    return Json.from_string(JSON.stringify(value));
}

export function jsonObject(value) {
    return fromJs(value).get_object();
}

export function jsonArray(value) {
    return fromJs(value).get_array();
}

// The emulator's root has the password the emulator was started with.
export function openDatabase(emulator, name = '_system') {
    const client = Arango.Client.new(emulator.hosts);
    return client.db_async(name, 'root', emulator.password ?? '', null);
}

// Runs func(db, coll, name) with a new collection, deleted afterwards
// unless the test deleted it itself.
let collectionSerial = 0;

export async function withCollection(emulator, func) {
    const db = await openDatabase(emulator);
    const name = `gjs_scratch_${++collectionSerial}`;
    const coll = await db.create_collection_async(name, null, null);
    try {
        await func(db, coll, name);
    } finally {
        try {
            await db.delete_collection_async(name, null);
        } catch (e) {
            // Deleted by the test
        }
    }
}

// The request log of every coordinator, one list.

export async function totalRequests(emulator) {
    return (await emulator.requestCounts()).reduce((a, b) => a + b, 0);
}

export async function loggedRequests(emulator, method, path) {
    const logged = [];
    for (let index = 0; index < emulator.nCoordinators; index++) {
        logged.push(...(await emulator.requests(index))
            .filter(r => r.method === method && r.path.endsWith(path)));
    }
    return logged;
}
