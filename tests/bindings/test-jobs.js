// test-jobs.js: async jobs and hot backups through GJS, against the
// emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-jobs.js`; prints TAP. A call through an async
// handle gives its job in a callback (a promise would only see the
// "submitted as a job" error); the job's result is finished in a callback
// by the original call's own _finish.

import Arango from 'gi://Arango?version=1.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Json from 'gi://Json?version=1.0';

import {openDatabase, toJs} from './fixtures.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assert, assertEqual, assertError,
    assertRejects, assertThrows, runAndExit, test,
} from './tap.js';

function promisify(klass, names) {
    for (const name of names)
        Gio._promisify(klass.prototype, `${name}_async`, `${name}_finish`);
}

promisify(Arango.Client, ['db']);
promisify(Arango.Database, ['create_collection', 'async_jobs',
    'clear_async_jobs', 'create_backup', 'delete_backup', 'list_backups',
    'upload_backup', 'download_backup']);
promisify(Arango.Job, ['status', 'cancel', 'clear']);

// The (source, result) an async call's callback gets.
function callback(start) {
    return new Promise(resolve => start((source, result) => resolve([source, result])));
}

function sleep(ms) {
    return new Promise(resolve => GLib.timeout_add(GLib.PRIORITY_DEFAULT, ms, () => {
        resolve();
        return GLib.SOURCE_REMOVE;
    }));
}

async function waitUntilDone(job) {
    for (;;) {
        const [status] = await job.status_async(null);
        if (status === Arango.JobStatus.DONE)
            return;
        await sleep(20);
    }
}

test('an insert run as a job, its result read by insert_finish', async emulator => {
    const db = await openDatabase(emulator);
    await db.create_collection_async('gjs_jobs', null, null);
    const asyncDb = db.begin_async_execution(true);
    assert(asyncDb.is_async(), 'is_async');
    const coll = asyncDb.get_collection('gjs_jobs');

    const [source, submitted] = await callback(cb => coll.insert_async(
        Json.from_string('{"_key": "neal"}'), Arango.DocumentFlags.NONE, null, cb));
    assertEqual(source, coll, 'the callback source');
    assertError(assertThrows(() => coll.insert_finish(submitted)),
        ARANGO_ERROR, Arango.Error.ASYNC_JOB);
    const job = Arango.Job.new_from_result(submitted);
    assert(job.id !== null, 'a job id');

    await waitUntilDone(job);
    const [owner, result] = await callback(cb => job.result_async(null, cb));
    assertEqual(owner, coll, 'the result belongs to the collection');
    assertEqual(toJs(owner.insert_finish(result))._id, 'gjs_jobs/neal', '_id');

    assertError(await assertRejects(job.status_async(null)),
        ARANGO_SERVER_ERROR, Arango.ServerError.HTTP_NOT_FOUND);
});

test('pending jobs, cancel, lists and clearing', async emulator => {
    const client = Arango.Client.new(emulator.hosts.split(',')[0]);
    const db = await client.db_async('_system', 'root', '', null);
    const asyncDb = db.begin_async_execution(true);

    const [, submitted] = await callback(cb => asyncDb.query_async(
        'RETURN SLEEP(60)', null, null, null, cb));
    const job = Arango.Job.new_from_result(submitted);
    const [status] = await job.status_async(null);
    assertEqual(status, Arango.JobStatus.PENDING, 'pending');
    assertEqual((await db.async_jobs_async(Arango.JobStatus.PENDING, 0, null))
        .join(), job.get_id(), 'listed as pending');

    assertEqual(await job.cancel_async(null), true, 'cancel');
    await waitUntilDone(job);
    const [owner, result] = await callback(cb => job.result_async(null, cb));
    assertError(assertThrows(() => owner.query_finish(result)),
        ARANGO_SERVER_ERROR, Arango.ServerError.QUERY_KILLED);

    assertEqual(await db.clear_async_jobs_async(0, null), true, 'clear all');
    assertEqual((await db.async_jobs_async(Arango.JobStatus.DONE, 0, null)).length,
        0, 'no jobs left');
});

test('backup upload and download report progress', async emulator => {
    const db = await openDatabase(emulator);
    const backup = toJs(await db.create_backup_async('gjs', null, null));
    const seen = [];
    const onProgress = (done, total) => seen.push([done, total]);

    assertEqual(await db.upload_backup_async(backup.id, 'local://gjs', null,
        onProgress, null), true, 'uploaded');
    assert(seen.length >= 2, `progress reported ${seen.length} times`);
    const [lastDone, lastTotal] = seen[seen.length - 1];
    assertEqual(lastDone, lastTotal, 'done at the end');

    assertEqual(await db.delete_backup_async(backup.id, null), true, 'deleted');
    assertEqual(await db.download_backup_async(backup.id, 'local://gjs', null,
        onProgress, null), true, 'downloaded');
    const list = toJs(await db.list_backups_async(null, null));
    assert(backup.id in list, 'listed again');
});

runAndExit();
