#!/usr/bin/python3
# graphs.py: named graphs with arango-glib in Python
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Create a graph of people who know each other and the cities they live
in, add vertices and edges, walk the edges of one person, change a vertex
with a revision check, remove a vertex (and with it its edges), and drop
the graph with its collections.

Usage: graphs.py [HOSTS]

Without HOSTS the demo starts the ArangoDB emulator, as data.py does, whose
helpers it shares. Like a script would, it uses the blocking (_sync) calls.
"""

import sys

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib, Json  # noqa: E402

from data import (Unexpected, expect, show, start_emulator,  # noqa: E402
                  stop_emulator, text)

GRAPH = 'demo_social'
PEOPLE = 'demo_people'
KNOWS = 'demo_knows'
CITIES = 'demo_cities'
LIVES_IN = 'demo_lives_in'

NONE = Arango.DocumentFlags.NONE


def create_graph(db):
    # Left over from an earlier run against a real server?
    if db.has_graph_sync(GRAPH, None):
        db.delete_graph_sync(GRAPH, True, False, None)
        show('delete leftover', GRAPH)
    definitions = Json.from_string(
        '[{"collection": "%s", "from": ["%s"], "to": ["%s"]}]'
        % (KNOWS, PEOPLE, PEOPLE)).get_array()
    graph = db.create_graph_sync(GRAPH, definitions, None, None, None)
    show('create_graph', graph.get_name())

    # A second kind of edge, to a new vertex collection
    graph.create_edge_definition_sync(LIVES_IN, [PEOPLE], [CITIES], None)
    show('edge definitions', text(graph.edge_definitions_sync(None)))
    show('vertex collections', ', '.join(graph.vertex_collections_sync(None)))
    return graph


def add_vertices_and_edges(graph):
    for key in ['ada', 'charles', 'mary']:
        meta = graph.insert_vertex_sync(
            PEOPLE, Json.from_string('{"_key": "%s"}' % key), NONE, None)
        show('insert_vertex', meta.get_string_member('_id'))
    graph.insert_vertex_sync(CITIES, Json.from_string('{"_key": "london"}'),
                             NONE, None)

    for source, target in [('ada', 'charles'), ('ada', 'mary'),
                           ('charles', 'ada')]:
        meta = graph.link_sync(KNOWS, '%s/%s' % (PEOPLE, source),
                               '%s/%s' % (PEOPLE, target), None, NONE, None)
        show('link', '%s → %s (%s)' % (source, target,
                                       meta.get_string_member('_id')))
    graph.link_sync(LIVES_IN, PEOPLE + '/ada', CITIES + '/london', None,
                    NONE, None)


def walk(graph):
    for name, direction in [('out', Arango.EdgeDirection.OUT),
                            ('in', Arango.EdgeDirection.IN),
                            ('any', Arango.EdgeDirection.ANY)]:
        edges = graph.edges_sync(KNOWS, PEOPLE + '/ada', direction, None)
        show('edges of ada (%s)' % name, '%d' % edges.get_length())
    out = graph.edges_sync(KNOWS, PEOPLE + '/ada', Arango.EdgeDirection.OUT, None)
    expect(out.get_length() == 2, 'ada knows two people')


def change_with_revision(graph):
    ada = graph.vertex_sync(PEOPLE, 'ada', None, None)
    stale = Json.from_string('{"_key": "ada", "_rev": "_stale___", '
                             '"born": 1815}')
    try:
        graph.update_vertex_sync(PEOPLE, stale,
                                 Arango.DocumentFlags.CHECK_REV, None)
        raise Unexpected('a stale revision was accepted')
    except GLib.GError as error:
        show('stale revision', error.message)
        expect(error.code == Arango.ServerError.CONFLICT, 'a conflict')

    change = Json.from_string('{"_key": "ada", "born": 1815}')
    change.get_object().set_string_member('_rev', ada.get_string_member('_rev'))
    flags = Arango.DocumentFlags.CHECK_REV | Arango.DocumentFlags.RETURN_NEW
    meta = graph.update_vertex_sync(PEOPLE, change, flags, None)
    show('update_vertex', text(meta.get_object_member('new')))


def remove_vertex(graph):
    graph.delete_vertex_sync(PEOPLE, 'charles', None, NONE, None)
    edges = graph.edges_sync(KNOWS, PEOPLE + '/ada', Arango.EdgeDirection.ANY, None)
    show('after removing charles', '%d edge of ada left' % edges.get_length())
    expect(edges.get_length() == 1, 'his edges went with him')


def run(hosts):
    client = Arango.Client.new(hosts)
    db = client.db_sync('_system', 'root', '', None)
    graph = create_graph(db)
    try:
        add_vertices_and_edges(graph)
        walk(graph)
        change_with_revision(graph)
        remove_vertex(graph)
    finally:
        db.delete_graph_sync(GRAPH, True, False, None)
        show('delete_graph', '%s and its collections' % GRAPH)


def main(argv):
    emulator, hosts = (None, argv[1]) if len(argv) > 1 else start_emulator()
    try:
        run(hosts)
        print('\nEverything worked')
        return 0
    except (GLib.GError, Unexpected) as error:
        print('FAILED: %s' % (error.message if isinstance(error, GLib.GError)
                              else error))
        return 1
    finally:
        if emulator:
            stop_emulator(emulator)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
