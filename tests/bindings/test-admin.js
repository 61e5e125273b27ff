// test-admin.js: server and shard administration through GJS, against the
// emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-admin.js`; prints TAP. Each async/finish pair is a
// Promise through Gio._promisify; every call passes its cancellable (null)
// so that GJS 1.74 picks the Promise form.

import Arango from 'gi://Arango?version=1.0';

import {jsonObject, openDatabase, toJs} from './fixtures.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assert, assertEqual, assertError,
    assertRejects, promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Client, ['db']);
promisify(Arango.Database, ['version', 'time', 'metrics', 'log_levels',
    'set_log_levels', 'set_mode', 'create_collection']);
promisify(Arango.Collection, ['shards', 'responsible_shard']);
promisify(Arango.Cluster, ['move_shard', 'health']);

test('version, time and metrics', async emulator => {
    const db = await openDatabase(emulator);
    const version = toJs(await db.version_async(true, null));
    assertEqual(version.version, '3.12.10', 'version');
    assertEqual(version.details.role, 'COORDINATOR', 'details.role');

    const seconds = await db.time_async(null);
    assertEqual(typeof seconds, 'number', 'time is a number');
    assert(Math.abs(seconds - Date.now() / 1000) < 60, 'time is now');

    const metrics = await db.metrics_async(null, null);
    assertEqual(typeof metrics, 'string', 'metrics are text');
    assert(metrics.includes('# TYPE arangodb_'), 'Prometheus text');
});

test('log levels and modes', async emulator => {
    const db = await openDatabase(emulator);
    const change = jsonObject({general: 'debug'});
    const changed = toJs(await db.set_log_levels_async(change, null, false, null));
    assertEqual(changed.general, 'DEBUG', 'general');

    const error = await assertRejects(db.set_mode_async('off', null));
    assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
});

test('shards and a shard move', async emulator => {
    const db = await openDatabase(emulator);
    const options = jsonObject({numberOfShards: 2});
    const coll = await db.create_collection_async('gjs_planets', options, null);
    const shards = toJs(await coll.shards_async(true, null)).shards;
    assertEqual(Object.keys(shards).length, 2, 'two shards');

    const key = jsonObject({_key: 'mars'});
    const responsible = await coll.responsible_shard_async(key, null);
    assert(responsible in shards, 'a shard of the collection');

    const cluster = db.get_cluster();
    const [shard, servers] = Object.entries(shards)[0];
    const health = toJs(await cluster.health_async(null)).Health;
    const target = Object.keys(health).find(id =>
        id.startsWith('PRMR-') && !servers.includes(id));
    const job = await cluster.move_shard_async('gjs_planets', shard, servers[0],
        target, null);
    assert(/^[0-9]+$/.test(job), 'a job id');

    const refused = await assertRejects(cluster.move_shard_async('gjs_planets',
        's1', servers[0], target, null));
    assertError(refused, ARANGO_SERVER_ERROR, Arango.ServerError.HTTP_NOT_FOUND);
});

runAndExit();
