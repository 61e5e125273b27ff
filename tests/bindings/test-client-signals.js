// test-client-signals.js: Arango.Client::request-started and
// ::request-finished, and Arango.Client:max-connections, through GJS
// against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-client-signals.js`; prints TAP. Two coordinators
// and the fallback resolver: every request goes to coordinator 0 first,
// and to coordinator 1 only when 0 failed.

import Arango from 'gi://Arango?version=1.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import {
    ARANGO_SERVER_ERROR, assert, assertEqual, assertError, assertRejects,
    promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Client, ['db']);
promisify(Arango.Cluster, ['server_id']);
promisify(Arango.Collection, ['get']);

async function openDatabase(emulator) {
    const client = Arango.Client.new_for_hosts(emulator.urls,
        Arango.HostResolver.new_fallback());
    return client.db_async('_system', 'root', '', null);
}

function serverIdUrl(emulator, index) {
    return `${emulator.urls[index]}/_db/_system/_admin/server/id`;
}

// Records every attempt of @client's requests as a line, as a log would,
// and what request-finished got, for the tests to check. The handlers
// only record: what a handler throws GJS logs and drops.
class Recorder {
    constructor(client) {
        this.lines = [];
        this.errors = [];
        this.durations = [];
        client.connect('request-started', (c, method, uri) => {
            this.lines.push(`${method} ${uri}`);
        });
        client.connect('request-finished', (c, method, uri, status, error,
            duration) => {
            this.lines.push(`${method} ${uri} -> ${status}`);
            this.errors.push(error);
            this.durations.push(duration);
        });
    }

    assertAttempts(expected) {
        assertEqual(this.lines, expected.flatMap(([url, status]) =>
            [`GET ${url}`, `GET ${url} -> ${status}`]), 'attempts');
        for (const duration of this.durations)
            assert(duration >= 0, `duration ${duration}`);
    }
}

function timeout(ms) {
    return new Promise(resolve => GLib.timeout_add(GLib.PRIORITY_DEFAULT, ms,
        () => {
            resolve();
            return GLib.SOURCE_REMOVE;
        }));
}

// Request signals

test('a call gives one started/finished pair', async emulator => {
    const db = await openDatabase(emulator);
    const recorder = new Recorder(db.client);
    const ids = await emulator.serverIds();
    assertEqual(await db.cluster.server_id_async(null), ids[0], 'server id');
    recorder.assertAttempts([[serverIdUrl(emulator, 0), 200]]);
    assertEqual(recorder.errors, [null], 'errors');
});

test('a failover after a refused connection: each attempt', async emulator => {
    const db = await openDatabase(emulator);
    const recorder = new Recorder(db.client);
    const ids = await emulator.serverIds();
    await emulator.stopCoordinator(0);
    assertEqual(await db.cluster.server_id_async(null), ids[1], 'server id');
    recorder.assertAttempts([[serverIdUrl(emulator, 0), 0],
        [serverIdUrl(emulator, 1), 200]]);
    const [refused, served] = recorder.errors;
    assertError(refused, 'g-io-error-quark', Gio.IOErrorEnum.CONNECTION_REFUSED);
    assert(refused.matches(Gio.io_error_quark(),
        Gio.IOErrorEnum.CONNECTION_REFUSED), 'matches()');
    assertEqual(served, null, 'error of the served attempt');
});

test('a 404 is a reply: status 404, no error', async emulator => {
    const db = await openDatabase(emulator);
    const recorder = new Recorder(db.client);
    const error = await assertRejects(
        db.get_collection('ghost').get_async('nobody', null, null));
    assertError(error, ARANGO_SERVER_ERROR,
        Arango.ServerError.DATA_SOURCE_NOT_FOUND);
    recorder.assertAttempts([[
        `${emulator.urls[0]}/_db/_system/_api/document/ghost/nobody`, 404]]);
    assertEqual(recorder.errors, [null], 'errors');
});

test('a blocking call emits before it returns', async emulator => {
    const db = await openDatabase(emulator);
    const recorder = new Recorder(db.client);
    const ids = await emulator.serverIds();
    // No main loop turns between the call and the checks.
    assertEqual(db.cluster.server_id_sync(null), ids[0], 'server id');
    recorder.assertAttempts([[serverIdUrl(emulator, 0), 200]]);
    assertEqual(recorder.errors, [null], 'errors');
});

// max-connections

test('max-connections: get, set, notify and clamping', async emulator => {
    const client = Arango.Client.new(emulator.hosts);
    assertEqual(client.max_connections, 8, 'default');
    const notified = [];
    client.connect('notify::max-connections',
        c => notified.push(c.max_connections));

    client.max_connections = 3;
    client.set_max_connections(3);
    assertEqual(client.get_max_connections(), 3, 'getter');
    // The setter takes the nearest value in range.
    client.set_max_connections(0);
    assertEqual(client.max_connections, 1, 'clamped up');
    client.set_max_connections(1000);
    assertEqual(client.max_connections, 32, 'clamped down');
    assertEqual(notified, [3, 1, 32], 'notified values');
});

// Coordinator 0 holds every request it gets until the fault is lifted, so
// the requests it has got are the ones running at once; a connection
// carries one request at a time, so the connections it saw bound how many
// ever ran together.
test('max-connections caps the requests running at once', async emulator => {
    const N_REQUESTS = 10;
    const db = await openDatabase(emulator);
    db.client.max_connections = 3;
    const serverId = (await emulator.serverIds())[0];
    await emulator.reset();
    await emulator.setFault(0, 'hang');

    const calls = [];
    for (let i = 0; i < N_REQUESTS; i++)
        calls.push(db.cluster.server_id_async(null));
    while ((await emulator.requestCounts())[0] < 3)
        await timeout(10);
    await emulator.setFault(0, 'none');

    assertEqual(await Promise.all(calls), Array(N_REQUESTS).fill(serverId),
        'server ids');
    const [coordinator] = await emulator.coordinators();
    assertEqual(coordinator.requests, N_REQUESTS, 'requests');
    assertEqual(coordinator.connections, 3, 'connections');
});

runAndExit({coordinators: 2});
