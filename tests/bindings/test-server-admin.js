// test-server-admin.js: what a server tells of itself (echo, its log, the
// API calls it served) through GJS, against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-server-admin.js`; prints TAP. One coordinator
// with authentication on, so that the server knows who asked.

import Arango from 'gi://Arango?version=1.0';

import {fromJs, openDatabase, toJs, totalRequests} from './fixtures.js';
import {
    ARANGO_ERROR, assert, assertEqual, assertError, assertRejects,
    promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Database, ['echo', 'read_log', 'api_calls', 'version']);

// read_log_async (upto, level, start, size, offset, search, sort,
// server_id, cancellable): what a test leaves out is unset.
function readLog(db, {upto = null, level = null, start = -1, size = -1,
    offset = -1, search = null, sort = null} = {}) {
    return db.read_log_async(upto, level, start, size, offset, search, sort,
        null, null);
}

test('echo describes the request it got', async emulator => {
    const db = await openDatabase(emulator);
    const got = toJs(await db.echo_async(null, null));
    assertEqual([got.requestType, got.user, got.database],
        ['GET', 'root', '_system'], 'a GET from root');
    assertEqual(got.url, '/_db/_system/_admin/echo', 'url');
    assertEqual(got.requestBody, undefined, 'no body');

    const posted = toJs(db.echo_sync(fromJs({name: 'Vesta', moons: []}),
        null));
    assertEqual(posted.requestType, 'POST', 'a POST with a body');
    assertEqual(posted.headers['content-type'], 'application/json',
        'content type');
    assertEqual(posted.requestBody, '{"name":"Vesta","moons":[]}', 'body');
    assertEqual(String.fromCharCode(...posted.rawRequestBody.data),
        posted.requestBody, 'raw body');
});

test('read_log and its filters', async emulator => {
    const db = await openDatabase(emulator);
    const log = toJs(await readLog(db));
    assert(log.totalAmount > 0, 'entries');
    assertEqual(log.lid.length, log.totalAmount, 'one id per entry');
    assertEqual(log.text.length, log.totalAmount, 'one text per entry');

    const warnings = toJs(await readLog(db, {level: 'warning'}));
    assert(warnings.text.length > 0, 'some warnings');
    assertEqual(warnings.level, warnings.text.map(() => 2), 'warnings only');

    const newest = toJs(await readLog(db, {size: 2, sort: 'desc'}));
    const ids = [...log.lid].sort((a, b) => b - a).slice(0, 2);
    assertEqual(newest.lid, ids, 'the two newest');

    const found = toJs(db.read_log_sync(null, null, -1, -1, -1, 'rocksdb',
        null, null, null));
    assert(found.text.length > 0, 'search found something');
    assert(found.text.every(text => text.includes('rocksdb')),
        `search: ${found.text}`);

    const before = await totalRequests(emulator);
    const error = await assertRejects(readLog(db, {sort: 'up'}));
    assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
    assertEqual(await totalRequests(emulator), before, 'nothing sent');
});

test('api_calls lists the calls served, newest first', async emulator => {
    const db = await openDatabase(emulator);
    await db.version_async(false, null);
    const calls = toJs(await db.api_calls_async(null));
    assertEqual([calls[0].requestType, calls[0].path, calls[0].database],
        ['GET', '/_admin/server/api-calls', '_system'], 'newest');
    assertEqual([calls[1].requestType, calls[1].path], ['GET', '/_api/version'],
        'the version before it');
    assertEqual(toJs(db.api_calls_sync(null))[1].path,
        '/_admin/server/api-calls', 'the last listing listed');
});

runAndExit({coordinators: 1, user: 'root', password: 'pw'});
