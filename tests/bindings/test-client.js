// test-client.js: the arango-glib API through GJS, against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-client.js`; prints TAP. Each async/finish pair is
// turned into a Promise with Gio._promisify; GJS 1.74 picks the Promise form
// by counting arguments, so every call passes its cancellable (null).

import Arango from 'gi://Arango?version=1.0';
import Gio from 'gi://Gio';
import GObject from 'gi://GObject';
import Json from 'gi://Json?version=1.0';

import {Emulator} from './emulator.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assert, assertEqual, assertError,
    assertRejects, assertThrows, runAndExit, test,
} from './tap.js';

Gio._promisify(Arango.Client.prototype, 'db_async', 'db_finish');
Gio._promisify(Arango.Client.prototype, 'db_full_async', 'db_full_finish');
for (const name of ['server_id', 'server_role', 'health', 'statistics',
    'server_statistics', 'toggle_maintenance_mode'])
    Gio._promisify(Arango.Cluster.prototype, `${name}_async`, `${name}_finish`);

// A resolver written in JavaScript: always the preferred host unless it
// failed for this request, then the next one that did not.
const PickingResolver = GObject.registerClass({
    GTypeName: 'TestGjsPickingResolver',
}, class PickingResolver extends Arango.HostResolver {
    _init(preferred) {
        super._init();
        this.preferred = preferred;
        this.calls = [];
    }

    vfunc_pick_host(nHosts, failedHosts) {
        const failed = Array.from(failedHosts ?? []);
        this.calls.push([nHosts, failed]);
        let index = this.preferred % nHosts;
        for (let i = 0; i < nHosts; i++) {
            if (!failed.includes(index))
                return index;
            index = (index + 1) % nHosts;
        }
        return this.preferred % nHosts;
    }
});

// Helpers

async function openCluster(emulator, resolver = null) {
    const client = resolver
        ? Arango.Client.new_for_hosts(emulator.urls, resolver)
        : Arango.Client.new(emulator.hosts);
    const db = await client.db_async('_system', 'root', '', null);
    return db.get_cluster();
}

async function countsSince(emulator, before) {
    const after = await emulator.requestCounts();
    return after.map((count, i) => count - before[i]);
}

// The tests

test('client from a comma-separated host string', async emulator => {
    const client = Arango.Client.new(emulator.hosts);
    assertEqual(client.get_hosts(), emulator.urls, 'get_hosts()');
    assertEqual(client.hosts, emulator.urls, 'hosts property');

    const messy = emulator.urls
        .map(url => `${url.replace('http://', 'tcp://')}/`).join(' , ');
    assertEqual(Arango.Client.new(messy).get_hosts(), emulator.urls,
        'normalized hosts');
    assertEqual(Arango.Client.new('http://LocalHost').hosts,
        ['http://localhost:80'], 'lower case, explicit port');
});

test('malformed host strings throw arango-error-quark', () => {
    for (const hosts of ['ftp://127.0.0.1:8529', 'http://', 'no url',
        'http://a:1,,http://b:2', '']) {
        const error = assertThrows(() => Arango.Client.new(hosts));
        assertError(error, ARANGO_ERROR, Arango.Error.INVALID_HOST);
        assert(error.matches(Arango.error_quark(), Arango.Error.INVALID_HOST),
            'matches()');
    }
});

test('db_async and the seed cluster calls', async emulator => {
    const client = Arango.Client.new(emulator.hosts);
    const db = await client.db_async('_system', 'root', '', null);
    assertEqual(db.name, '_system', 'database name');
    assert(db.client === client, 'database client');
    const cluster = db.cluster;
    assert(cluster instanceof Arango.Cluster, 'cluster property');

    const ids = await emulator.serverIds();
    const serverId = await cluster.server_id_async(null);
    assert(ids.includes(serverId), `${serverId} is not one of ${ids}`);

    assertEqual(await cluster.server_role_async(null), 'COORDINATOR',
        'server role');

    const health = await cluster.health_async(null);
    assert(health instanceof Json.Object, 'health is a Json.Object');
    assert(!health.has_member('error') && !health.has_member('code'),
        'health without error/code');
    const servers = health.get_member('Health').get_object();
    for (const id of ids) {
        assert(servers.has_member(id), `health lists ${id}`);
        assertEqual(servers.get_object_member(id).get_string_member('Role'),
            'Coordinator', `role of ${id}`);
    }
    const dbservers = servers.get_members().filter(id =>
        servers.get_object_member(id).get_string_member('Role') ===
            'DBServer');
    assert(dbservers.length > 0, 'health lists DB-Servers');

    const statistics = await cluster.statistics_async(dbservers[0], null);
    assert(statistics.get_size() > 0 && !statistics.has_member('error'),
        'statistics');
    const serverStatistics = await cluster.server_statistics_async(
        dbservers[0], null);
    assert(serverStatistics.get_size() > 0 &&
        !serverStatistics.has_member('error'), 'server statistics');

    assertEqual(await cluster.toggle_maintenance_mode_async('on', null), true,
        'maintenance on');
    assertEqual(await emulator.inMaintenance(), true, 'emulator maintenance');
    assertEqual(await cluster.toggle_maintenance_mode_async('off', null),
        true, 'maintenance off');
    assertEqual(await emulator.inMaintenance(), false, 'emulator normal');

    const before = await emulator.requestCounts();
    const error = await assertRejects(
        cluster.toggle_maintenance_mode_async('bogus', null));
    assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
    assertEqual(await countsSince(emulator, before), [0, 0, 0],
        'nothing sent for a bad mode');
});

test('server errors carry errorNum and the HTTP status', async emulator => {
    const cluster = await openCluster(emulator);
    const error = await assertRejects(
        cluster.server_statistics_async('PRMR-does-not-exist', null));
    assertError(error, ARANGO_SERVER_ERROR, Arango.ServerError.HTTP_BAD_PARAMETER);
    assert(error.message.startsWith('[HTTP 400][ERR 400]'), error.message);
});

test('round robin spreads the requests', async emulator => {
    const cluster = await openCluster(emulator);
    const ids = await emulator.serverIds();
    const before = await emulator.requestCounts();
    const seen = [];
    for (let i = 0; i < 9; i++)
        seen.push(await cluster.server_id_async(null));
    assertEqual(await countsSince(emulator, before), [3, 3, 3],
        'requests per coordinator');
    for (const id of ids)
        assertEqual(seen.filter(s => s === id).length, 3, `answers by ${id}`);
});

test('a resolver written in JavaScript', async emulator => {
    const ids = await emulator.serverIds();
    const resolver = new PickingResolver(2);
    const cluster = await openCluster(emulator, resolver);

    let before = await emulator.requestCounts();
    for (let i = 0; i < 4; i++)
        assertEqual(await cluster.server_id_async(null), ids[2], 'picked');
    assertEqual(await countsSince(emulator, before), [0, 0, 4],
        'requests per coordinator');
    assertEqual(resolver.calls, [[3, []], [3, []], [3, []], [3, []]],
        'resolver calls');

    await emulator.stopCoordinator(2);
    resolver.calls = [];
    before = await emulator.requestCounts();
    assertEqual(await cluster.server_id_async(null), ids[0],
        'after the stop');
    assertEqual(resolver.calls, [[3, []], [3, [2]]], 'failed hosts');
    assertEqual(await countsSince(emulator, before), [1, 0, 0],
        'requests after the stop');
});

test('the resolver property', async emulator => {
    const ids = await emulator.serverIds();
    const client = Arango.Client.new(emulator.hosts);
    const resolver = new PickingResolver(1);
    client.resolver = resolver;
    assert(client.get_resolver() === resolver, 'get_resolver()');
    const db = await client.db_async('_system', 'root', '', null);
    for (let i = 0; i < 3; i++)
        assertEqual(await db.cluster.server_id_async(null), ids[1], 'picked');
});

test('failover', async emulator => {
    const ids = await emulator.serverIds();

    // A stopped coordinator is skipped.
    let cluster = await openCluster(emulator);
    await emulator.stopCoordinator(0);
    for (let i = 0; i < 4; i++) {
        const id = await cluster.server_id_async(null);
        assert(id !== ids[0], 'a stopped coordinator answered');
    }
    await emulator.startCoordinator(0);

    // A 503 goes to another coordinator.
    cluster = await openCluster(emulator,
        Arango.HostResolver.new_for_name('fallback'));
    await emulator.setFault(0, 'unavailable', {count: 1});
    const before = await emulator.requestCounts();
    assertEqual(await cluster.server_id_async(null), ids[1], 'retried on 1');
    assertEqual(await countsSince(emulator, before), [1, 1, 0],
        'requests per coordinator');

    // Nobody left.
    for (let i = 0; i < 3; i++)
        await emulator.stopCoordinator(i);
    const error = await assertRejects(cluster.server_id_async(null));
    assertError(error, ARANGO_ERROR, Arango.Error.HOSTS_UNAVAILABLE);
});

test('JWT authentication', async () => {
    const emulator = new Emulator({user: 'root', password: 'secret'});
    await emulator.start();
    try {
        let client = Arango.Client.new(emulator.hosts);
        const db = await client.db_full_async('_system', 'root', 'secret',
            Arango.AuthMethod.JWT, true, null);
        assertEqual(await db.cluster.server_role_async(null), 'COORDINATOR',
            'role with a JWT');

        client = Arango.Client.new(emulator.hosts);
        const error = await assertRejects(client.db_full_async('_system',
            'root', 'wr0ng-pa55', Arango.AuthMethod.JWT, true, null));
        assertError(error, ARANGO_ERROR, Arango.Error.AUTHENTICATION_FAILED);
        assert(!error.message.includes('wr0ng-pa55'), 'password in message');
    } finally {
        await emulator.stop();
    }
}, {ownEmulator: true});

runAndExit();
