// test-import.js: importing a file of JSON lines with progress through
// GJS, against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-import.js`; prints TAP. GJS hides the progress
// callback's data and destroy arguments: the call takes the file, the
// chunk size, the options, the progress function and the cancellable.

import Arango from 'gi://Arango?version=1.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Json from 'gi://Json?version=1.0';

import {toJs} from './fixtures.js';
import {assert, assertEqual, assertRejects, runAndExit, test} from './tap.js';

Gio._promisify(Arango.Client.prototype, 'db_async', 'db_finish');
for (const name of ['create_collection', 'delete_collection'])
    Gio._promisify(Arango.Database.prototype, `${name}_async`, `${name}_finish`);
for (const name of ['count', 'import_bulk_from_file'])
    Gio._promisify(Arango.Collection.prototype, `${name}_async`, `${name}_finish`);

const N_LINES = 3000;

// A JSON-lines file in a fresh directory; every brokenEvery-th line is
// not JSON. Returns the file, its size and the number of broken lines.
function writeLines(brokenEvery = 0) {
    const directory = GLib.dir_make_tmp('arango-import-XXXXXX');
    const file = Gio.File.new_for_path(GLib.build_filenamev([directory, 'rows.jsonl']));
    const lines = [];
    let broken = 0;
    for (let i = 0; i < N_LINES; i++) {
        if (brokenEvery && i % brokenEvery === 1) {
            lines.push('{"_key": "broken');
            broken++;
        } else {
            lines.push(JSON.stringify({_key: `r${i}`, n: i, padding: 'y'.repeat(100)}));
        }
    }
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
    file.replace_contents(bytes, null, false, Gio.FileCreateFlags.NONE, null);
    return {file, directory, size: bytes.length, broken};
}

function removeLines({file, directory}) {
    file.delete(null);
    Gio.File.new_for_path(directory).delete(null);
}

async function withCollection(emulator, name, func) {
    const client = Arango.Client.new(emulator.hosts);
    const db = await client.db_async('_system', 'root', '', null);
    const coll = await db.create_collection_async(name, null, null);
    try {
        await func(coll);
    } finally {
        await db.delete_collection_async(name, null);
    }
}

test('import_bulk_from_file reports progress up to the size', emulator =>
    withCollection(emulator, 'gjs_import', async coll => {
        const lines = writeLines();
        const reports = [];
        try {
            const summary = toJs(await coll.import_bulk_from_file_async(
                lines.file, 16 * 1024, null,
                (done, total) => reports.push([done, total]), null));
            assertEqual(summary.created, N_LINES, 'created');
            assertEqual(summary.errors, 0, 'errors');
            assertEqual(await coll.count_async(null), N_LINES, 'count');
        } finally {
            removeLines(lines);
        }
        assert(reports.length >= Math.floor(lines.size / (16 * 1024)),
            `one report per chunk, got ${reports.length}`);
        for (let i = 1; i < reports.length; i++)
            assert(reports[i][0] > reports[i - 1][0], 'progress goes forward');
        assertEqual(reports[reports.length - 1], [lines.size, lines.size],
            'last report');
    }));

test('import_bulk_from_file counts broken lines as errors', emulator =>
    withCollection(emulator, 'gjs_import_broken', async coll => {
        const lines = writeLines(40);
        const options = new Json.Object();
        options.set_boolean_member('details', true);
        try {
            const summary = toJs(await coll.import_bulk_from_file_async(
                lines.file, 0, options, null, null));
            assert(lines.broken > 0, 'the file has broken lines');
            assertEqual(summary.errors, lines.broken, 'errors');
            assertEqual(summary.created, N_LINES - lines.broken, 'created');
            assertEqual(summary.details.length, lines.broken, 'details');
        } finally {
            removeLines(lines);
        }
    }));

test('import_bulk_from_file of a missing file', emulator =>
    withCollection(emulator, 'gjs_import_missing', async coll => {
        const file = Gio.File.new_for_path('/nonexistent/arango-import.jsonl');
        const error = await assertRejects(
            coll.import_bulk_from_file_async(file, 0, null, null, null));
        assert(error.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.NOT_FOUND),
            `NOT_FOUND, got ${error.message}`);
    }));

runAndExit();
