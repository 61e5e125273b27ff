// test-graphs.js: named graphs through GJS, against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-graphs.js`; prints TAP. A graph is made, filled
// with vertices and edges, changed and dropped over real HTTP. Every call
// passes its cancellable (null) so that GJS 1.74 picks the Promise form.

import Arango from 'gi://Arango?version=1.0';
import Gio from 'gi://Gio';
import Json from 'gi://Json?version=1.0';

import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assert, assertEqual, assertError,
    assertRejects, runAndExit, test,
} from './tap.js';

Gio._promisify(Arango.Client.prototype, 'db_async', 'db_finish');
for (const name of ['create_graph', 'delete_graph', 'has_graph', 'list_graphs', 'has_collection'])
    Gio._promisify(Arango.Database.prototype, `${name}_async`, `${name}_finish`);
for (const name of ['properties', 'vertex_collections', 'create_vertex_collection',
    'edge_definitions', 'create_edge_definition', 'replace_edge_definition',
    'delete_edge_definition', 'insert_vertex', 'vertex', 'update_vertex', 'delete_vertex',
    'link', 'edge', 'has_edge', 'edges'])
    Gio._promisify(Arango.Graph.prototype, `${name}_async`, `${name}_finish`);

const {NONE, RETURN_NEW, CHECK_REV} = Arango.DocumentFlags;
const {ANY, OUT, IN} = Arango.EdgeDirection;

const parse = text => Json.from_string(text);

// A Json.Object or Json.Array as a JavaScript value.
function js(value) {
    const node = value instanceof Json.Array
        ? Json.Node.alloc().init_array(value)
        : Json.Node.alloc().init_object(value);
    return JSON.parse(Json.to_string(node, false));
}

// Each test has its own graph, as a reset of the emulator keeps the data.
let serial = 0;

async function withGraph(emulator, func) {
    const client = Arango.Client.new(emulator.hosts);
    const db = await client.db_async('_system', 'root', '', null);
    const name = `gjs_graph_${++serial}`;
    const definitions = parse(JSON.stringify([
        {collection: `${name}_knows`, from: [`${name}_people`], to: [`${name}_people`]},
    ]));
    const graph = await db.create_graph_async(name, definitions.get_array(), null, null, null);
    await func({db, graph, name, people: `${name}_people`, knows: `${name}_knows`});
}

test('a graph: create, list, fill, link, walk, drop', emulator =>
    withGraph(emulator, async ({db, graph, name, people, knows}) => {
        assertEqual(graph.name, name, 'graph name');
        assertEqual(await db.has_graph_async(name, null), true, 'has_graph');
        const listed = js(await db.list_graphs_async(null)).map(g => g.name);
        assert(listed.includes(name), `${name} listed in ${listed}`);

        const ada = js(await graph.insert_vertex_async(people, parse('{"_key": "ada"}'), NONE, null));
        assertEqual(ada._id, `${people}/ada`, 'vertex id');
        await graph.insert_vertex_async(people, parse('{"_key": "bob"}'), NONE, null);

        const edge = js(await graph.link_async(knows, `${people}/ada`, `${people}/bob`,
            parse('{"since": 1843}').get_object(), RETURN_NEW, null));
        assertEqual(edge.new.since, 1843, 'edge data');
        assertEqual(js(await graph.edge_async(knows, edge._key, null, null))._from,
            `${people}/ada`, 'edge read back');

        assertEqual(js(await graph.edges_async(knows, `${people}/ada`, OUT, null)).length, 1, 'out');
        assertEqual(js(await graph.edges_async(knows, `${people}/ada`, IN, null)).length, 0, 'in');
        assertEqual(js(await graph.edges_async(knows, `${people}/bob`, ANY, null)).length, 1, 'any');

        const stale = parse('{"_key": "ada", "_rev": "_stale___", "born": 1815}');
        assertError(await assertRejects(graph.update_vertex_async(people, stale, CHECK_REV, null)),
            ARANGO_SERVER_ERROR, Arango.ServerError.CONFLICT);
        const fresh = parse(JSON.stringify({_key: 'ada', _rev: ada._rev, born: 1815}));
        const updated = js(await graph.update_vertex_async(people, fresh, CHECK_REV, null));
        assertEqual(updated._oldRev, ada._rev, '_oldRev');
        assertEqual(js(await graph.vertex_async(people, 'ada', null, null)).born, 1815, 'updated');

        const removed = js(await graph.delete_vertex_async(people, 'bob', null, NONE, null));
        assertEqual(removed.removed, true, 'removed');
        assertEqual(await graph.has_edge_async(knows, edge._key, null), false, 'edge removed with bob');

        assertEqual(await db.delete_graph_async(name, true, false, null), true, 'delete_graph');
        assertEqual(await db.has_graph_async(name, null), false, 'gone');
        assertEqual(await db.has_collection_async(people, null), false, 'collections dropped');
    }));

test('edge definitions and vertex collections', emulator =>
    withGraph(emulator, async ({graph, name, people, knows}) => {
        const livesIn = await graph.create_edge_definition_async(`${name}_lives_in`, [people],
            [`${name}_cities`], null);
        assertEqual(livesIn.get_name(), `${name}_lives_in`, 'edge collection');
        assertEqual(js(await graph.edge_definitions_async(null)).map(d => d.collection),
            [knows, `${name}_lives_in`], 'edge definitions');

        await graph.replace_edge_definition_async(knows, [people], [people, `${name}_pets`], null);
        const definition = js(await graph.properties_async(null)).edgeDefinitions[0];
        assertEqual(definition.to, [people, `${name}_pets`], 'replaced definition');

        await graph.delete_edge_definition_async(`${name}_lives_in`, false, null);
        const vertices = await graph.vertex_collections_async(null);
        assert(vertices.includes(`${name}_cities`), `cities kept as an orphan: ${vertices}`);

        assertError(await assertRejects(graph.create_vertex_collection_async(people, null)),
            ARANGO_SERVER_ERROR, Arango.ServerError.GRAPH_COLLECTION_USED_IN_EDGE_DEFINITION);
    }));

test('errors: missing graph, missing vertex, bad arguments', emulator =>
    withGraph(emulator, async ({db, graph, people, knows}) => {
        const ghost = db.get_graph('gjs_ghost');
        assertError(await assertRejects(ghost.properties_async(null)),
            ARANGO_SERVER_ERROR, Arango.ServerError.GRAPH_NOT_FOUND);
        assertEqual(await db.delete_graph_async('gjs_ghost', false, true, null), false,
            'ignore_missing');

        assertError(await assertRejects(graph.link_async(knows, `${people}/ada`,
            `${people}/nobody`, null, NONE, null)),
        ARANGO_SERVER_ERROR, Arango.ServerError.DOCUMENT_NOT_FOUND);
        assertError(await assertRejects(graph.edges_async(knows, 'ada', ANY, null)),
            ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
    }));

runAndExit();
