// test-errors.js: a server error's HTTP status, error number and server
// message through GJS, against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-errors.js`; prints TAP. GJS hands the library's
// own GError to the catch block and back to the getters, so the details
// are there.

import Arango from 'gi://Arango?version=1.0';
import GLib from 'gi://GLib';

import {openDatabase} from './fixtures.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assertEqual, assertError,
    assertRejects, assertThrows, promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Collection, ['count']);

function details(error) {
    return [
        Arango.server_error_get_http_status(error),
        Arango.ServerError.get_error_number(error),
        Arango.ServerError.get_server_message(error),
    ];
}

async function countMissing(emulator) {
    const db = await openDatabase(emulator);
    return assertRejects(db.get_collection('missing').count_async(null));
}

test('a missing collection: 404, errorNum 1203, the server message', async emulator => {
    const e = await countMissing(emulator);
    assertError(e, ARANGO_SERVER_ERROR, Arango.ServerError.DATA_SOURCE_NOT_FOUND);
    assertEqual(details(e), [404, 1203, 'collection or view not found']);
});

test('a proxy page: the status, no errorNum, no server message', async emulator => {
    await emulator.setFault(0, 'bad-gateway', {count: 1});
    const e = await countMissing(emulator);
    assertError(e, ARANGO_SERVER_ERROR, 502);
    assertEqual(e.message, '[HTTP 502] Bad Gateway');
    assertEqual(details(e), [502, -1, null]);
});

test('a blocking call', async emulator => {
    const db = await openDatabase(emulator);
    const caught = assertThrows(() => db.get_collection('missing').count_sync(null));
    assertError(caught, ARANGO_SERVER_ERROR, 1203);
    assertEqual(details(caught), [404, 1203, 'collection or view not found']);
});

test('errors the library did not make from a reply have none', async () => {
    const byHand = new GLib.Error(Arango.ServerError, 1203, 'made in JS');
    assertEqual(details(byHand), [0, -1, null]);
    const e = assertThrows(() => Arango.Client.new('ftp://nowhere'));
    assertError(e, ARANGO_ERROR, Arango.Error.INVALID_HOST);
    assertEqual(details(e), [0, -1, null]);
});

runAndExit({coordinators: 1});
