// data.js: the data API of arango-glib in GJS
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Usage: gjs -m data.js [HOSTS]
//
// Creates a collection, inserts documents, reads and updates one, runs an
// AQL query batch by batch, runs a stream transaction that commits and one
// that aborts, and deletes the collection again. HOSTS is one URL or a
// comma-separated list. Without it, the demo starts the ArangoDB emulator
// ($ARANGO_EMULATOR, or arango-emulator on PATH) with three coordinators.
//
// Documents are built with Json.from_string() and shown with
// Json.to_string(). Gio._promisify turns each _async/_finish pair into a
// Promise. GJS 1.74 picks the Promise form by counting the arguments, so
// always pass the cancellable (null) and leave out only the callback.

import Arango from 'gi://Arango?version=1.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Json from 'gi://Json?version=1.0';
import System from 'system';

function promisify(klass, names) {
    for (const name of names)
        Gio._promisify(klass.prototype, `${name}_async`, `${name}_finish`);
}

promisify(Arango.Client, ['db']);
promisify(Arango.Database, ['has_collection', 'create_collection',
    'delete_collection', 'query', 'begin_transaction']);
promisify(Arango.Collection, ['insert', 'get', 'has', 'update', 'count']);
promisify(Arango.Cursor, ['next_batch']);
promisify(Arango.Transaction, ['commit', 'abort']);
Gio._promisify(Gio.DataInputStream.prototype,
    'read_line_async', 'read_line_finish_utf8');
Gio._promisify(Gio.Subprocess.prototype, 'wait_async', 'wait_finish');

const COLLECTION = 'demo_people';

const PEOPLE = [
    '{"_key": "ada", "name": "Ada Lovelace", "born": 1815, "field": "mathematics"}',
    '{"_key": "charles", "name": "Charles Babbage", "born": 1791, "field": "engineering"}',
    '{"_key": "grace", "name": "Grace Hopper", "born": 1906, "field": "computing"}',
    '{"_key": "alan", "name": "Alan Turing", "born": 1912, "field": "computing"}',
    '{"_key": "emmy", "name": "Emmy Noether", "born": 1882, "field": "mathematics"}',
    '{"_key": "edsger", "name": "Edsger Dijkstra", "born": 1930, "field": "computing"}',
    '{"_key": "barbara", "name": "Barbara Liskov", "born": 1939, "field": "computing"}',
];

// A call worked, but did not give what it should have.
class Unexpected extends Error {}

function expect(condition, what) {
    if (!condition)
        throw new Unexpected(what);
}

// A Json.Object or Json.Array as compact JSON text
function text(value) {
    const node = value instanceof Json.Object
        ? Json.Node.alloc().init_object(value)
        : Json.Node.alloc().init_array(value);
    return Json.to_string(node, false);
}

function show(label, value = '') {
    print(`${label.padEnd(24)} ${value}`);
}

async function startEmulator() {
    const path = GLib.getenv('ARANGO_EMULATOR') ??
        GLib.find_program_in_path('arango-emulator');
    if (!path)
        throw new Error('arango-emulator not found: set ARANGO_EMULATOR or give HOSTS');
    print(`Starting ${path}`);
    // --exit-on-eof: it also goes away when gjs dies.
    const process = Gio.Subprocess.new(
        [path, '--coordinators', '3', '--exit-on-eof'],
        Gio.SubprocessFlags.STDIN_PIPE | Gio.SubprocessFlags.STDOUT_PIPE);
    const output = new Gio.DataInputStream({
        base_stream: process.get_stdout_pipe(),
    });
    const [hosts] = await output.read_line_async(GLib.PRIORITY_DEFAULT, null);
    if (!hosts)
        throw new Error('the emulator did not start');
    return [process, hosts];
}

async function stopEmulator(process) {
    process.get_stdin_pipe().close(null);
    process.send_signal(15 /* SIGTERM */);
    await process.wait_async(null);
    print('Stopped the emulator');
}

async function createCollection(db) {
    // Left over from an earlier run against a real server?
    if (await db.has_collection_async(COLLECTION, null)) {
        await db.delete_collection_async(COLLECTION, null);
        show('delete leftover', COLLECTION);
    }
    const people = await db.create_collection_async(COLLECTION, null, null);
    show('create_collection', people.get_name());
    return people;
}

async function insertPeople(people) {
    for (const document of PEOPLE) {
        // One after the other, as the output is in order.
        // eslint-disable-next-line no-await-in-loop
        const meta = await people.insert_async(Json.from_string(document),
            Arango.DocumentFlags.RETURN_NEW, null);
        show('insert', text(meta.get_object_member('new')));
    }
    const count = await people.count_async(null);
    show('count', `${count} documents`);
    expect(count === PEOPLE.length, 'count');
}

async function getAndUpdate(people) {
    const ada = await people.get_async('ada', null, null);
    show('get ada', text(ada));

    // Merges the new attribute into the stored document
    const change = Json.from_string(
        '{"_key": "ada", "known for": "the first program"}');
    const meta = await people.update_async(change,
        Arango.DocumentFlags.RETURN_NEW, null);
    show('update ada', `_rev ${meta.get_string_member('_oldRev')} → ${
        meta.get_string_member('_rev')}`);
    show('', text(meta.get_object_member('new')));
    expect(meta.get_string_member('_oldRev') === ada.get_string_member('_rev'),
        '_oldRev');

    // By id this time
    show(`get ${COLLECTION}/ada`,
        text(await people.get_async(`${COLLECTION}/ada`, null, null)));
}

async function runQuery(db) {
    const aql = 'FOR p IN @@people FILTER p.born >= @after SORT p.born ' +
        'RETURN {name: p.name, born: p.born}';
    const bindVars = Json.from_string(
        `{"@people": "${COLLECTION}", "after": 1850}`).get_object();
    const options = new Arango.QueryOptions({batch_size: 2, count: true});

    show('query', aql);
    show('  bind variables', text(bindVars));
    show('  options', `batch size ${options.get_batch_size()}, count`);
    const cursor = await db.query_async(aql, bindVars, options, null);
    show('  count', `${cursor.get_count()} results`);

    // One batch after the other, until there are no more
    let seen = 0;
    for (let number = 1; ; number++) {
        // eslint-disable-next-line no-await-in-loop
        const batch = await cursor.next_batch_async(null);
        if (batch === null)
            break;
        seen += batch.get_length();
        show(`  batch ${number}`, text(batch));
    }
    show('  end', `${seen} results, has more: ${
        cursor.get_has_more() ? 'yes' : 'no'}`);
    expect(seen === cursor.get_count(), 'the batches add up to the count');
}

async function shows(collection, key, label, expected) {
    const found = await collection.has_async(key, null);
    show(label, found ? 'yes' : 'no');
    expect(found === expected, label);
}

async function runTransaction(db, people, document, key, commit) {
    const title = commit ? 'transaction (commits)' : 'transaction (aborts)';
    const transaction = await db.begin_transaction_async(null, [COLLECTION],
        null, null);
    show(title, `id ${transaction.get_id()}`);

    // A collection handle whose calls run inside the transaction
    const inside = transaction.get_collection(COLLECTION);
    const meta = await inside.insert_async(Json.from_string(document),
        Arango.DocumentFlags.NONE, null);
    show('  insert', meta.get_string_member('_id'));
    await shows(inside, key, `  inside sees ${key}`, true);
    await shows(people, key, `  outside sees ${key}`, false);

    if (commit) {
        await transaction.commit_async(null);
        show('  commit', 'done');
    } else {
        await transaction.abort_async(null);
        show('  abort', 'done');
    }
    await shows(people, key, `  outside sees ${key}`, commit);
}

async function run(hosts) {
    const client = Arango.Client.new(hosts);
    print(`Client for ${client.get_hosts().join(', ')}`);
    const db = await client.db_async('_system', 'root', '', null);
    print(`Database ${db.name} as root\n`);

    const people = await createCollection(db);
    try {
        await insertPeople(people);
        await getAndUpdate(people);
        print('');
        await runQuery(db);
        print('');
        await runTransaction(db, people, '{"_key": "linus", "name": ' +
            '"Linus Torvalds", "born": 1969}', 'linus', true);
        await runTransaction(db, people, '{"_key": "nobody", "name": ' +
            '"Never Stored", "born": 2000}', 'nobody', false);
        const count = await people.count_async(null);
        show('count', `${count} documents`);
        expect(count === PEOPLE.length + 1, 'count after the transactions');
        print('');
    } catch (e) {
        // Clean up after a failed step, then report it
        try {
            await db.delete_collection_async(COLLECTION, null);
        } catch (ignored) {
        }
        throw e;
    }
    await db.delete_collection_async(COLLECTION, null);
    show('delete_collection', COLLECTION);
}

async function main(args) {
    let emulator = null;
    let hosts = args[0];
    if (!hosts)
        [emulator, hosts] = await startEmulator();

    let failed = false;
    try {
        await run(hosts);
    } catch (e) {
        if (e instanceof GLib.Error) {
            print(`FAILED: ${e.message} (${GLib.quark_to_string(e.domain)}, code ${
                e.code})`);
        } else if (e instanceof Unexpected) {
            print(`UNEXPECTED: ${e.message}`);
        } else {
            throw e;
        }
        failed = true;
    } finally {
        if (emulator)
            await stopEmulator(emulator);
    }
    print(failed ? '\nSomething failed' : '\nEverything worked');
    return failed ? 1 : 0;
}

const loop = new GLib.MainLoop(null, false);
let exitStatus = 1;
main(System.programArgs).then(status => {
    exitStatus = status;
}).catch(e => {
    logError(e);
}).finally(() => loop.quit());
loop.run();
System.exit(exitStatus);
