// graphs.js: named graphs with arango-glib in GJS
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Usage: gjs -m graphs.js [HOSTS]
//
// Creates a graph of people who know each other, adds vertices and
// edges, walks the edges of one person, changes a vertex with a revision
// check, removes a vertex (and with it its edges), and drops the graph
// with its collections. Without HOSTS it starts the ArangoDB emulator
// ($ARANGO_EMULATOR, or arango-emulator on PATH).
//
// Gio._promisify turns each _async/_finish pair into a Promise; always
// pass the cancellable (null) so that GJS 1.74 picks the Promise form.

import Arango from 'gi://Arango?version=1.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Json from 'gi://Json?version=1.0';
import System from 'system';

Gio._promisify(Arango.Client.prototype, 'db_async', 'db_finish');
for (const name of ['has_graph', 'create_graph', 'delete_graph'])
    Gio._promisify(Arango.Database.prototype, `${name}_async`, `${name}_finish`);
for (const name of ['insert_vertex', 'vertex', 'update_vertex', 'delete_vertex', 'link',
    'edges', 'vertex_collections'])
    Gio._promisify(Arango.Graph.prototype, `${name}_async`, `${name}_finish`);
Gio._promisify(Gio.DataInputStream.prototype, 'read_line_async', 'read_line_finish_utf8');
Gio._promisify(Gio.Subprocess.prototype, 'wait_async', 'wait_finish');

const GRAPH = 'demo_social';
const PEOPLE = 'demo_people';
const KNOWS = 'demo_knows';
const {NONE, CHECK_REV, RETURN_NEW} = Arango.DocumentFlags;

function show(label, value = '') {
    print(`${label.padEnd(24)} ${value}`);
}

function check(condition, what) {
    if (!condition)
        throw new Error(`unexpected: ${what}`);
}

const json = value => Json.from_string(JSON.stringify(value));

async function run(hosts) {
    const client = Arango.Client.new(hosts);
    const db = await client.db_async('_system', 'root', '', null);
    if (await db.has_graph_async(GRAPH, null))
        await db.delete_graph_async(GRAPH, true, false, null);

    const definitions = json([{collection: KNOWS, from: [PEOPLE], to: [PEOPLE]}]);
    const graph = await db.create_graph_async(GRAPH, definitions.get_array(), null, null, null);
    show('create_graph', graph.name);
    show('vertex collections', (await graph.vertex_collections_async(null)).join(', '));

    try {
        for (const key of ['ada', 'charles', 'mary']) {
            const meta = await graph.insert_vertex_async(PEOPLE, json({_key: key}), NONE, null);
            show('insert_vertex', meta.get_string_member('_id'));
        }
        for (const [from, to] of [['ada', 'charles'], ['ada', 'mary'], ['charles', 'ada']]) {
            const meta = await graph.link_async(KNOWS, `${PEOPLE}/${from}`, `${PEOPLE}/${to}`,
                null, NONE, null);
            show('link', `${from} → ${to} (${meta.get_string_member('_id')})`);
        }

        for (const [name, direction] of Object.entries(Arango.EdgeDirection)) {
            const edges = await graph.edges_async(KNOWS, `${PEOPLE}/ada`, direction, null);
            show(`edges of ada (${name.toLowerCase()})`, edges.get_length());
        }

        const ada = await graph.vertex_async(PEOPLE, 'ada', null, null);
        try {
            await graph.update_vertex_async(PEOPLE, json({_key: 'ada', _rev: '_stale___'}),
                CHECK_REV, null);
            check(false, 'a stale revision was accepted');
        } catch (e) {
            check(e instanceof GLib.Error && e.code === Arango.ServerError.CONFLICT, `${e}`);
            show('stale revision', e.message);
        }
        const change = json({_key: 'ada', _rev: ada.get_string_member('_rev'), born: 1815});
        const meta = await graph.update_vertex_async(PEOPLE, change, CHECK_REV | RETURN_NEW, null);
        show('update_vertex', meta.get_object_member('new').get_int_member('born'));

        await graph.delete_vertex_async(PEOPLE, 'charles', null, NONE, null);
        const left = await graph.edges_async(KNOWS, `${PEOPLE}/ada`, Arango.EdgeDirection.ANY, null);
        show('after removing charles', `${left.get_length()} edge of ada left`);
        check(left.get_length() === 1, 'his edges went with him');
    } finally {
        await db.delete_graph_async(GRAPH, true, false, null);
        show('delete_graph', `${GRAPH} and its collections`);
    }
}

async function main(args) {
    let process = null;
    let hosts = args[0];
    if (!hosts) {
        const path = GLib.getenv('ARANGO_EMULATOR') ?? GLib.find_program_in_path('arango-emulator');
        if (!path)
            throw new Error('arango-emulator not found: set ARANGO_EMULATOR or give HOSTS');
        // --exit-on-eof: it also goes away when gjs dies.
        process = Gio.Subprocess.new([path, '--coordinators', '1', '--exit-on-eof'],
            Gio.SubprocessFlags.STDIN_PIPE | Gio.SubprocessFlags.STDOUT_PIPE);
        const output = new Gio.DataInputStream({base_stream: process.get_stdout_pipe()});
        [hosts] = await output.read_line_async(GLib.PRIORITY_DEFAULT, null);
    }
    try {
        await run(hosts);
        print('\nEverything worked');
        return 0;
    } catch (e) {
        print(`FAILED: ${e.message}`);
        return 1;
    } finally {
        if (process) {
            process.get_stdin_pipe().close(null);
            process.send_signal(15 /* SIGTERM */);
            await process.wait_async(null);
        }
    }
}

const loop = new GLib.MainLoop(null, false);
let exitStatus = 1;
main(System.programArgs).then(status => {
    exitStatus = status;
}).catch(e => logError(e)).finally(() => loop.quit());
loop.run();
System.exit(exitStatus);
