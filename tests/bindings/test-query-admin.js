// test-query-admin.js: managing AQL queries through GJS, against the
// emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-query-admin.js`; prints TAP. An administrator
// finds a long query among the running ones and kills it, reads and
// changes query tracking, and configures the query results cache. Two
// coordinators, so that a kill may reach the one not running the query;
// authentication on, so that root is an administrator but no superuser.
// The tracking and cache settings are the server's: each test puts back
// what it changed.

import Arango from 'gi://Arango?version=1.0';
import GLib from 'gi://GLib';

import {jsonObject, openDatabase, toJs, totalRequests} from './fixtures.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assertEqual, assertError,
    assertRejects, assertThrows, promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Database, ['query', 'running_queries', 'kill_query',
    'slow_queries', 'clear_slow_queries', 'query_tracking',
    'set_query_tracking', 'query_cache_properties', 'configure_query_cache',
    'query_cache_entries', 'clear_query_cache']);

const SLEEPER = 'RETURN SLEEP(30)';
const POLL_MS = 20;
const POLL_TRIES = 250;

function sleep(ms) {
    return new Promise(resolve =>
        GLib.timeout_add(GLib.PRIORITY_DEFAULT, ms, () => {
            resolve();
            return GLib.SOURCE_REMOVE;
        }));
}

// The queries running now, once there are any.
async function awaitRunning(db) {
    for (let i = 0; i < POLL_TRIES; i++) {
        const running = toJs(await db.running_queries_async(false, null));
        if (running.length > 0)
            return running;
        await sleep(POLL_MS);
    }
    throw new Error('the query never showed as running');
}

test('a running SLEEP() query is seen and killed', async emulator => {
    const db = await openDatabase(emulator);
    const outcome = db.query_async(SLEEPER, null, null, null)
        .then(cursor => ({cursor}), error => ({error}));

    const running = await awaitRunning(db);
    assertEqual(running.map(q => [q.query, q.state, q.user]),
        [[SLEEPER, 'executing', 'root']], 'running queries');
    assertEqual(await db.kill_query_async(running[0].id, false, false, null),
        true, 'kill_query');

    const {cursor, error} = await outcome;
    assertEqual(cursor, undefined, 'no cursor for a killed query');
    assertError(error, ARANGO_SERVER_ERROR, Arango.ServerError.QUERY_KILLED);
    assertEqual(toJs(await db.running_queries_async(false, null)), [],
        'none running');

    const again = await assertRejects(
        db.kill_query_async(running[0].id, false, false, null));
    assertError(again, ARANGO_SERVER_ERROR, Arango.ServerError.QUERY_NOT_FOUND);
    assertEqual(await db.kill_query_async(running[0].id, false, true, null),
        false, 'ignore_missing: false, no error');
    assertEqual(db.kill_query_sync(running[0].id, false, true, null), false,
        'kill_query_sync');

    const forbidden = await assertRejects(db.running_queries_async(true, null));
    assertError(forbidden, ARANGO_SERVER_ERROR, Arango.ServerError.FORBIDDEN);
});

test('slow queries and query tracking', async emulator => {
    const db = await openDatabase(emulator);
    const tracking = toJs(await db.query_tracking_async(null));
    assertEqual([tracking.enabled, tracking.slowQueryThreshold], [true, 10],
        'defaults');
    assertEqual(tracking.code, undefined, 'no code member');

    const changed = toJs(await db.set_query_tracking_async(
        jsonObject({slowQueryThreshold: 0}), null));
    try {
        assertEqual(changed.slowQueryThreshold, 0, 'threshold changed');
        assertEqual(await db.clear_slow_queries_async(false, null), true,
            'cleared');
        db.query_sync('RETURN 7', null, null, null);
        const slow = toJs(await db.slow_queries_async(false, null));
        assertEqual(slow.map(q => [q.query, q.state]),
            [['RETURN 7', 'finished']], 'slow queries');
        assertEqual(await db.clear_slow_queries_async(false, null), true,
            'cleared again');
        assertEqual(toJs(db.slow_queries_sync(false, null)), [], 'none left');
    } finally {
        db.set_query_tracking_sync(jsonObject({slowQueryThreshold: 10}), null);
    }
});

test('the query results cache', async emulator => {
    const db = await openDatabase(emulator);
    assertEqual(toJs(await db.query_cache_properties_async(null)).mode, 'off',
        'off by default');
    const configured = toJs(await db.configure_query_cache_async(
        jsonObject({mode: 'on', maxResults: 32}), null));
    try {
        assertEqual([configured.mode, configured.maxResults], ['on', 32],
            'configured');
        assertEqual(toJs(db.query_cache_properties_sync(null)).maxResults, 32,
            'read back');

        db.query_sync('RETURN 42', null, null, null);
        const entries = toJs(await db.query_cache_entries_async(null));
        assertEqual(entries.map(e => e.query), ['RETURN 42'], 'cached');
        const cached = db.query_sync('RETURN 42', null, null, null);
        assertEqual(cached.get_cached(), true, 'answered from the cache');

        assertEqual(await db.clear_query_cache_async(null), true, 'cleared');
        assertEqual(toJs(db.query_cache_entries_sync(null)), [], 'empty');

        const refused = await assertRejects(db.configure_query_cache_async(
            jsonObject({maxEntrySize: 0}), null));
        assertError(refused, ARANGO_SERVER_ERROR,
            Arango.ServerError.BAD_PARAMETER);
    } finally {
        db.configure_query_cache_sync(jsonObject({mode: 'off'}), null);
    }
});

test('bad arguments are refused before sending', async emulator => {
    const db = await openDatabase(emulator);
    const before = await totalRequests(emulator);
    for (const id of ['', 'slow', '12a']) {
        const error = await assertRejects(db.kill_query_async(id, false, true,
            null));
        assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
    }
    const error = assertThrows(() => db.configure_query_cache_sync(
        jsonObject({mode: 'sometimes'}), null));
    assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
    assertEqual(await totalRequests(emulator), before, 'nothing sent');
});

runAndExit({coordinators: 2, user: 'root', password: 'root-pw'});
