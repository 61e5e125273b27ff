#!/usr/bin/python3
# data.py: the data API of arango-glib in Python
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Create a collection, insert documents, read and update one, run an AQL
query batch by batch and again as a list model, run a stream transaction
that commits and one that aborts, and delete the collection again.

Usage: data.py [HOSTS]

HOSTS is one URL or a comma-separated list.  Without it, the demo starts the
ArangoDB emulator ($ARANGO_EMULATOR, or arango-emulator on PATH) with three
coordinators.

Documents are built with Json.from_string() and shown with Json.to_string().
A script like this one uses the blocking *_sync calls: they need no main
loop (a GUI would use the _async ones).
"""

import os
import shutil
import subprocess
import sys

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib, Json  # noqa: E402

COLLECTION = 'demo_people'

PEOPLE = [
    '{"_key": "ada", "name": "Ada Lovelace", "born": 1815, '
    '"field": "mathematics"}',
    '{"_key": "charles", "name": "Charles Babbage", "born": 1791, '
    '"field": "engineering"}',
    '{"_key": "grace", "name": "Grace Hopper", "born": 1906, '
    '"field": "computing"}',
    '{"_key": "alan", "name": "Alan Turing", "born": 1912, '
    '"field": "computing"}',
    '{"_key": "emmy", "name": "Emmy Noether", "born": 1882, '
    '"field": "mathematics"}',
    '{"_key": "edsger", "name": "Edsger Dijkstra", "born": 1930, '
    '"field": "computing"}',
    '{"_key": "barbara", "name": "Barbara Liskov", "born": 1939, '
    '"field": "computing"}',
]


class Unexpected(Exception):
    """A call worked, but did not give what it should have."""


def text(value):
    """A Json.Object or Json.Array as compact JSON text."""
    if isinstance(value, Json.Object):
        node = Json.Node.alloc().init_object(value)
    else:
        node = Json.Node.alloc().init_array(value)
    return Json.to_string(node, False)


def show(label, value=''):
    print('%-24s %s' % (label, value))


def expect(condition, what):
    if not condition:
        raise Unexpected(what)


def start_emulator():
    path = os.environ.get('ARANGO_EMULATOR') or shutil.which('arango-emulator')
    if not path:
        sys.exit('arango-emulator not found: '
                 'set ARANGO_EMULATOR or give HOSTS')
    print('Starting', path)
    # --exit-on-eof: it also goes away when this process dies.
    process = subprocess.Popen([path, '--coordinators', '3', '--exit-on-eof'],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True)
    hosts = process.stdout.readline().strip()
    process.stdout.readline()  # the control URL
    if not hosts:
        sys.exit('the emulator did not start')
    return process, hosts


def stop_emulator(process):
    process.stdin.close()
    process.terminate()
    process.wait()
    process.stdout.close()
    print('Stopped the emulator')


def create_collection(db):
    # Left over from an earlier run against a real server?
    if db.has_collection_sync(COLLECTION, None):
        db.delete_collection_sync(COLLECTION, None)
        show('delete leftover', COLLECTION)
    people = db.create_collection_sync(COLLECTION, None, None)
    show('create_collection', people.get_name())
    return people


def insert_people(people):
    for document in PEOPLE:
        meta = people.insert_sync(Json.from_string(document),
                                  Arango.DocumentFlags.RETURN_NEW, None)
        show('insert', text(meta.get_object_member('new')))
    count = people.count_sync(None)
    show('count', '%d documents' % count)
    expect(count == len(PEOPLE), 'count')


def get_and_update(people):
    ada = people.get_sync('ada', None, None)
    show('get ada', text(ada))

    # Merges the new attribute into the stored document
    change = Json.from_string('{"_key": "ada", '
                              '"known for": "the first program"}')
    meta = people.update_sync(change, Arango.DocumentFlags.RETURN_NEW, None)
    show('update ada', '_rev %s → %s' % (meta.get_string_member('_oldRev'),
                                          meta.get_string_member('_rev')))
    show('', text(meta.get_object_member('new')))
    expect(meta.get_string_member('_oldRev') ==
           ada.get_string_member('_rev'), '_oldRev')

    # By id this time
    show('get %s/ada' % COLLECTION,
         text(people.get_sync(COLLECTION + '/ada', None, None)))


def run_query(db):
    aql = ('FOR p IN @@people FILTER p.born >= @after SORT p.born '
           'RETURN {name: p.name, born: p.born}')
    bind_vars = Json.from_string('{"@people": "%s", "after": 1850}'
                                 % COLLECTION).get_object()
    options = Arango.QueryOptions(batch_size=2, count=True)

    show('query', aql)
    show('  bind variables', text(bind_vars))
    show('  options', 'batch size %d, count' % options.get_batch_size())
    cursor = db.query_sync(aql, bind_vars, options, None)
    show('  count', '%d results' % cursor.get_count())

    # One batch after the other, until there are no more
    seen = 0
    number = 1
    while True:
        batch = cursor.next_batch_sync(None)
        if batch is None:
            break
        seen += batch.get_length()
        show('  batch %d' % number, text(batch))
        number += 1
    show('  end', '%d results, has more: %s'
         % (seen, 'yes' if cursor.get_has_more() else 'no'))
    expect(seen == cursor.get_count(), 'the batches add up to the count')



def run_query_model(db):
    """The same kind of query as a Gio.ListModel, as a GTK list view would
    show it: it fills itself batch by batch while a main loop runs."""
    options = Arango.QueryOptions(batch_size=3)
    model = Arango.QueryModel.new(
        db, 'FOR p IN %s SORT p.name RETURN p' % COLLECTION, None, options)
    loop = GLib.MainLoop()

    def on_items_changed(model, position, removed, added):
        names = [model.get_item(i).get_member('name').get_string()
                 for i in range(position, position + added)]
        show('  items %d-%d' % (position, position + added - 1),
             ', '.join(names))

    def on_loading(model, pspec):
        if not model.props.loading:
            loop.quit()

    model.connect('items-changed', on_items_changed)
    model.connect('notify::loading', on_loading)
    show('query model', model.get_query())
    model.load()
    loop.run()
    if model.props.error:
        raise model.props.error
    show('  loaded', '%d documents' % model.get_n_items())
    expect(model.get_n_items() == len(PEOPLE), 'the model holds every person')

def shows(collection, key, label, expected):
    found = collection.has_sync(key, None)
    show(label, 'yes' if found else 'no')
    expect(found == expected, label)


def run_transaction(db, people, document, key, commit):
    title = 'transaction (commits)' if commit else 'transaction (aborts)'
    transaction = db.begin_transaction_sync(None, [COLLECTION], None, None)
    show(title, 'id %s' % transaction.get_id())

    # A collection handle whose calls run inside the transaction
    inside = transaction.get_collection(COLLECTION)
    meta = inside.insert_sync(Json.from_string(document),
                              Arango.DocumentFlags.NONE, None)
    show('  insert', meta.get_string_member('_id'))
    shows(inside, key, '  inside sees %s' % key, True)
    shows(people, key, '  outside sees %s' % key, False)

    if commit:
        transaction.commit_sync(None)
        show('  commit', 'done')
    else:
        transaction.abort_sync(None)
        show('  abort', 'done')
    shows(people, key, '  outside sees %s' % key, commit)


def run(hosts):
    client = Arango.Client.new(hosts)
    print('Client for %s' % ', '.join(client.get_hosts()))
    db = client.db_sync('_system', 'root', '', None)
    print('Database %s as root\n' % db.get_name())

    people = create_collection(db)
    try:
        insert_people(people)
        get_and_update(people)
        print()
        run_query(db)
        print()
        run_query_model(db)
        print()
        run_transaction(db, people, '{"_key": "linus", "name": '
                        '"Linus Torvalds", "born": 1969}', 'linus', True)
        run_transaction(db, people, '{"_key": "nobody", "name": '
                        '"Never Stored", "born": 2000}', 'nobody', False)
        count = people.count_sync(None)
        show('count', '%d documents' % count)
        expect(count == len(PEOPLE) + 1, 'count after the transactions')
        print()
    except (GLib.GError, Unexpected):
        # Clean up after a failed step, then report it
        try:
            db.delete_collection_sync(COLLECTION, None)
        except GLib.GError:
            pass
        raise
    db.delete_collection_sync(COLLECTION, None)
    show('delete_collection', COLLECTION)


def main(argv):
    emulator = None
    if len(argv) > 1:
        hosts = argv[1]
    else:
        emulator, hosts = start_emulator()
    failed = False
    try:
        run(hosts)
    except GLib.GError as error:
        print('FAILED: %s (%s, code %d)'
              % (error.message, error.domain, error.code))
        failed = True
    except Unexpected as error:
        print('UNEXPECTED: %s' % error)
        failed = True
    finally:
        if emulator:
            stop_emulator(emulator)
    print('\n%s' % ('Something failed' if failed else 'Everything worked'))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
