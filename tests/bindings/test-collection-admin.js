// test-collection-admin.js: a collection's figures, revision, checksum,
// indexes and deleting collections with flags, through GJS, against the
// emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-collection-admin.js`; prints TAP. The flags types
// as GJS flags, strings and booleans as results, in the Promise and the
// blocking forms.

import Arango from 'gi://Arango?version=1.0';

import {
    fromJs, jsonObject, toJs, withCollection,
} from './fixtures.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assert, assertEqual, assertError,
    assertRejects, assertThrows, promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Database, ['create_collection', 'delete_collection_with_flags',
    'has_collection']);
promisify(Arango.Collection, ['insert', 'update', 'revision', 'checksum',
    'statistics', 'add_index', 'get_index']);

const Checksum = Arango.ChecksumFlags;
const Delete = Arango.DeleteCollectionFlags;
const {NONE} = Arango.DocumentFlags;

test('revision and checksum change with the data', emulator =>
    withCollection(emulator, async (db, coll) => {
        const emptyRevision = await coll.revision_async(null);
        assertEqual(typeof emptyRevision, 'string', 'a string');
        assertEqual(await coll.checksum_async(Checksum.NONE, null), '0',
            'checksum of nothing');

        await coll.insert_async(fromJs({_key: 'ada', born: 1815}), NONE, null);
        const revision = await coll.revision_async(null);
        assert(revision !== emptyRevision, 'the insert changed the revision');
        const keys = await coll.checksum_async(Checksum.NONE, null);
        const data = await coll.checksum_async(Checksum.WITH_DATA, null);
        const both = await coll.checksum_async(
            Checksum.WITH_DATA | Checksum.WITH_REVISIONS, null);
        assert(keys !== '0', 'the insert changed the checksum');
        assertEqual(new Set([keys, data, both]).size, 3, 'three checksums');

        await coll.update_async(fromJs({_key: 'ada', born: 1816}), NONE,
            null);
        assert(coll.revision_sync(null) !== revision, 'revision after update');
        assertEqual(coll.checksum_sync(Checksum.NONE, null), keys,
            'same keys, same checksum');
        assert(coll.checksum_sync(Checksum.WITH_DATA, null) !== data,
            'other data, other checksum');

        const figures = toJs(await coll.statistics_async(true, null));
        assertEqual(figures.engine.documents, 1, 'one document');
    }));

test('get_index by id, number and name', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        const created = toJs(await coll.add_index_async(jsonObject({
            type: 'persistent', fields: ['born'], name: 'by_birth',
        }), null));
        const number = created.id.split('/')[1];
        for (const id of [created.id, number, 'by_birth']) {
            const index = toJs(await coll.get_index_async(id, null));
            assertEqual([index.id, index.name, index.fields],
                [created.id, 'by_birth', ['born']], `index ${id}`);
        }
        assertEqual(toJs(coll.get_index_sync('0', null)).type, 'primary',
            'primary index');

        const missing = await assertRejects(coll.get_index_async('424242',
            null));
        assertError(missing, ARANGO_SERVER_ERROR,
            Arango.ServerError.INDEX_NOT_FOUND);
        const other = await assertRejects(coll.get_index_async(
            `${name}_other/${number}`, null));
        assertError(other, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
    }));

test('delete_collection_with_flags', emulator =>
    withCollection(emulator, async (db, coll, name) => {
        assertEqual(await db.delete_collection_with_flags_async(name,
            Delete.NONE, null), true, 'deleted');
        assertEqual(await db.has_collection_async(name, null), false, 'gone');

        const error = await assertRejects(db.delete_collection_with_flags_async(
            name, Delete.NONE, null));
        assertError(error, ARANGO_SERVER_ERROR,
            Arango.ServerError.DATA_SOURCE_NOT_FOUND);
        assertEqual(await db.delete_collection_with_flags_async(name,
            Delete.IGNORE_MISSING, null), false, 'IGNORE_MISSING');
        assertEqual(db.delete_collection_with_flags_sync(name,
            Delete.IGNORE_MISSING, null), false, 'IGNORE_MISSING (sync)');

        const system = `_${name}`;
        await db.create_collection_async(system, jsonObject({isSystem: true}),
            null);
        try {
            const refused = assertThrows(() =>
                db.delete_collection_with_flags_sync(system, Delete.NONE, null));
            assertError(refused, ARANGO_SERVER_ERROR,
                Arango.ServerError.FORBIDDEN);
            assertEqual(db.delete_collection_with_flags_sync(system,
                Delete.SYSTEM, null), true, 'SYSTEM');
        } finally {
            db.delete_collection_with_flags_sync(system,
                Delete.SYSTEM | Delete.IGNORE_MISSING, null);
        }
    }));

runAndExit();
