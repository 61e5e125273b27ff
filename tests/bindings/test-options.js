// test-options.js: the options of stream transactions, new databases and
// AQL queries through GJS, against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-options.js`; prints TAP. Arango.TransactionOptions
// (with begin_transaction_with_options and fetch_transaction),
// Arango.DatabaseOptions (with create_database_with_options) and the newer
// Arango.QueryOptions properties, with the profile a cursor keeps. Each
// option object is made as GJS makes GObjects, from an object of
// properties; what the coordinators received is read from their request
// logs.

import Arango from 'gi://Arango?version=1.0';

import {
    fromJs, jsonArray, jsonObject, loggedRequests, openDatabase, toJs,
    totalRequests, withCollection,
} from './fixtures.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assert, assertEqual, assertError,
    assertRejects, promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Client, ['db']);
promisify(Arango.Database, ['begin_transaction_with_options',
    'fetch_transaction', 'create_database_with_options', 'delete_database',
    'properties', 'create_collection', 'query']);
promisify(Arango.Collection, ['insert', 'insert_many', 'get', 'count',
    'properties']);
promisify(Arango.Transaction, ['commit', 'abort', 'status', 'query']);

const {NONE} = Arango.DocumentFlags;

async function lastSent(emulator, method, path, query = null) {
    const sent = (await loggedRequests(emulator, method, path))
        .filter(r => query === null || JSON.parse(r.body).query === query);
    assert(sent.length > 0, `no ${method} ${path} was sent`);
    return sent[sent.length - 1];
}

test('transaction options: defaults and what is sent', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        const defaults = new Arango.TransactionOptions();
        assertEqual([defaults.allow_implicit, defaults.lock_timeout,
            defaults.max_transaction_size, defaults.allow_dirty_read],
        [true, -1, 0, false], 'defaults');
        let transaction = await db.begin_transaction_with_options_async(null,
            [name], null, defaults, null);
        let request = await lastSent(emulator, 'POST', '/_api/transaction/begin');
        assertEqual(Object.keys(JSON.parse(request.body)), ['collections'],
            'nothing but the collections');
        assertEqual(await transaction.abort_async(null), true, 'aborted');

        const options = new Arango.TransactionOptions({
            wait_for_sync: true, allow_implicit: false, lock_timeout: 30,
            max_transaction_size: 4096, skip_fast_lock_round: true,
            allow_dirty_read: true,
        });
        transaction = await db.begin_transaction_with_options_async(null,
            [name], null, options, null);
        request = await lastSent(emulator, 'POST', '/_api/transaction/begin');
        const {collections, ...sent} = JSON.parse(request.body);
        assertEqual(collections, {read: [], write: [name], exclusive: []},
            'collections');
        assertEqual(sent, {waitForSync: true, allowImplicit: false,
            lockTimeout: 30, maxTransactionSize: 4096,
            skipFastLockRound: true}, 'options');
        assertEqual(request.headers['x-arango-allow-dirty-read'], 'true',
            'dirty reads asked for');
        const cursor = await transaction.query_async(
            `FOR d IN ${name} RETURN d`, null, null, null);
        assertEqual(cursor.get_potentially_dirty(), true, 'potentially dirty');
        assertEqual(await transaction.commit_async(null), true, 'committed');
    }));

test('transaction options: allowImplicit', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        const other = await db.create_collection_async(`${name}_other`, null,
            null);
        try {
            await other.insert_async(fromJs({_key: 'seen', v: 1}), NONE, null);
            const strict = await db.begin_transaction_with_options_async(null,
                [name], null,
                new Arango.TransactionOptions({allow_implicit: false}), null);
            const error = await assertRejects(strict
                .get_collection(`${name}_other`).get_async('seen', null, null));
            assertError(error, ARANGO_SERVER_ERROR,
                Arango.ServerError.TRANSACTION_UNREGISTERED_COLLECTION);
            await strict.abort_async(null);

            const lenient = await db.begin_transaction_with_options_async(null,
                [name], null, null, null);
            assertEqual(toJs(await lenient.get_collection(`${name}_other`)
                .get_async('seen', null, null)).v, 1, 'an implicit read');
            await lenient.abort_async(null);
        } finally {
            db.delete_collection_sync(`${name}_other`, null);
        }
    }));

test('transaction options: maxTransactionSize', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        const small = await db.begin_transaction_with_options_async(null,
            [name], null,
            new Arango.TransactionOptions({max_transaction_size: 200}), null);
        const inside = small.get_collection(name);
        await inside.insert_async(fromJs({_key: 'small'}), NONE, null);
        const tooBig = await assertRejects(inside.insert_async(
            fromJs({pad: 'x'.repeat(300)}), NONE, null));
        assertError(tooBig, ARANGO_SERVER_ERROR,
            Arango.ServerError.RESOURCE_LIMIT);
        assert(tooBig.message.includes('limit of 200 bytes'), tooBig.message);
        assertEqual(await small.commit_async(null), true, 'committed');
        assertEqual(await coll.count_async(null), 1, 'the small one only');
    }));

test('fetch_transaction takes up a transaction begun elsewhere', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        const transaction = await db.begin_transaction_with_options_async(null,
            [name], null, null, null);
        const otherDb = await Arango.Client.new(emulator.urls[2])
            .db_async('_system', 'root', '', null);
        const fetched = await otherDb.fetch_transaction_async(
            transaction.get_id(), null);
        assert(fetched instanceof Arango.Transaction, 'an Arango.Transaction');
        assertEqual(fetched.id, transaction.id, 'the same id');

        await fetched.get_collection(name).insert_async(fromJs({_key: 'via'}),
            NONE, null);
        assertEqual(await coll.count_async(null), 0, 'not committed yet');
        assertEqual(await fetched.commit_async(null), true, 'committed');
        assertEqual(await coll.count_async(null), 1, 'committed through it');
        assertEqual(await transaction.status_async(null), 'committed',
            'the first handle sees it');

        let error = await assertRejects(otherDb.fetch_transaction_async(
            transaction.get_id(), null));
        assertError(error, ARANGO_ERROR, Arango.Error.TRANSACTION_NOT_RUNNING);
        error = await assertRejects(otherDb.fetch_transaction_async(
            '123456789', null));
        assertError(error, ARANGO_SERVER_ERROR,
            Arango.ServerError.TRANSACTION_NOT_FOUND);

        const before = await totalRequests(emulator);
        for (const bad of ['', 'abc', '12/34']) {
            error = await assertRejects(otherDb.fetch_transaction_async(bad,
                null));
            assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
        }
        assertEqual(await totalRequests(emulator), before, 'nothing sent');
    }));

test('database options', async emulator => {
    const db = await openDatabase(emulator);
    const defaults = new Arango.DatabaseOptions();
    assertEqual([defaults.replication_factor, defaults.write_concern,
        defaults.sharding], [0, 0, null], 'defaults');

    const options = new Arango.DatabaseOptions({replication_factor: 2,
        write_concern: 2, sharding: 'single'});
    assertEqual(await db.create_database_with_options_async('gjs_options',
        null, options, null), true, 'created');
    try {
        const sent = JSON.parse((await lastSent(emulator, 'POST',
            '/_api/database')).body);
        assertEqual(sent.options, {replicationFactor: 2, writeConcern: 2,
            sharding: 'single'}, 'options sent');

        const created = await openDatabase(emulator, 'gjs_options');
        const properties = toJs(await created.properties_async(null));
        assertEqual([properties.sharding, properties.replicationFactor,
            properties.writeConcern], ['single', 2, 2], 'properties');
        const things = await created.create_collection_async('things',
            jsonObject({numberOfShards: 3}), null);
        const thingProperties = toJs(await things.properties_async(null));
        assertEqual([thingProperties.numberOfShards,
            thingProperties.distributeShardsLike, thingProperties.writeConcern],
        [1, '_graphs', 2], 'a collection takes them');
    } finally {
        await db.delete_database_async('gjs_options', null);
    }

    const before = await totalRequests(emulator);
    let error = await assertRejects(db.create_database_with_options_async(
        'gjs_bad', null, new Arango.DatabaseOptions({sharding: 'wide'}), null));
    assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
    assertEqual(await totalRequests(emulator), before, 'nothing sent');
    error = await assertRejects(db.create_database_with_options_async(
        'gjs_big', null, new Arango.DatabaseOptions({replication_factor: 4}),
        null));
    assertError(error, ARANGO_SERVER_ERROR,
        Arango.ServerError.CLUSTER_INSUFFICIENT_DBSERVERS);
});

test('the newer query options are sent', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        await coll.insert_many_async(jsonArray([...Array(10).keys()]
            .map(value => ({value}))), NONE, null);
        const options = new Arango.QueryOptions({use_plan_cache: true,
            fill_block_cache: false, satellite_sync_wait: 5,
            force_one_shard_attribute_value: 'k1'});
        const aql = `FOR d IN ${name} FILTER d.value < @v RETURN d.value`;
        const first = await db.query_async(aql, jsonObject({v: 3}), options,
            null);
        const sent = JSON.parse((await lastSent(emulator, 'POST',
            '/_api/cursor', aql)).body);
        assertEqual(sent.options, {usePlanCache: true, fillBlockCache: false,
            satelliteSyncWait: 5, forceOneShardAttributeValue: 'k1'},
        'options sent');
        assertEqual(first.get_plan_cache_key(), null, 'not from the plan cache');
        const second = await db.query_async(aql, jsonObject({v: 5}), options,
            null);
        assert(second.get_plan_cache_key(), 'a plan cache key');
        assertEqual(second.plan_cache_key, second.get_plan_cache_key(),
            'plan-cache-key property');

        const defaults = new Arango.QueryOptions();
        assertEqual([defaults.fill_block_cache, defaults.satellite_sync_wait,
            defaults.use_plan_cache], [true, 60, false], 'defaults');
        await db.query_async('RETURN 1', null, defaults, null);
        assertEqual(JSON.parse((await lastSent(emulator, 'POST', '/_api/cursor',
            'RETURN 1')).body).options, undefined, 'no options sent');
    }));

test('a profiled query keeps its profile, plan and node statistics', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        await coll.insert_many_async(jsonArray([...Array(10).keys()]
            .map(value => ({value}))), NONE, null);
        const aql = `FOR d IN ${name} SORT d.value RETURN d.value`;
        const plain = await db.query_async(aql, null, null, null);
        assertEqual([plain.get_profile(), plain.get_plan(),
            plain.get_node_statistics()], [null, null, null], 'no profile');

        const cursor = await db.query_async(aql, null,
            new Arango.QueryOptions({profile: 2}), null);
        const profile = toJs(cursor.get_profile());
        assertEqual(typeof profile.executing, 'number', 'profile.executing');
        assertEqual(toJs(cursor.profile), profile, 'profile property');
        const plan = toJs(cursor.get_plan());
        const nodes = toJs(cursor.get_node_statistics());
        assertEqual(nodes.map(n => n.id).sort(), plan.nodes.map(n => n.id).sort(),
            'statistics for every node of the plan');
        assertEqual(nodes[nodes.length - 1].items, 10, 'ten items returned');
        assertEqual(toJs(cursor.node_statistics), nodes,
            'node-statistics property');
    }));

runAndExit();
