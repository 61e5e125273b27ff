#!/usr/bin/python3
# test_emulator_behaviour.py: what the emulator does beyond the recordings
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Behaviour of arango-emulator that no recorded exchange shows whole: the
query results cache and its invalidation, the write-ahead log of a single
server, primary index statistics, multi-document status codes, VelocyPack
parse messages, the refusals of a server without JavaScript, the
evaluation license of releases before 3.12, the shard placement of system
collections and the shard counts of support info, the build each release
describes, 3.11's Pregel history collection, the number of DB-Servers and
the replication settings of a new database, the echo of a request, the
JWT secrets of a secret folder, the optimizer rules of each
release and the plans they make, which collections parsing and explaining
a query check, how a collection's revision and checksum follow its data,
who may recount it, query tracking and the kill of a query on another
Coordinator, the databases a user may use, token renewal.  Each test
starts its own emulator and talks HTTP to it."""

import base64
import hashlib
import hmac
import http.client
import json
import os
import subprocess
import tempfile
import threading
import unittest
import urllib.parse
import urllib.request

EMULATOR = os.environ.get('ARANGO_EMULATOR', os.path.join(
    os.path.dirname(os.path.abspath(__file__)), '..', '..', '_build', 'tests',
    'emulator', 'arango-emulator'))


class Emulator:
    # Anonymous until log_in(); a connection made without __init__ too.
    headers = {}

    def __init__(self, *args):
        self.process = subprocess.Popen(
            [EMULATOR, '--coordinators', '1', '--exit-on-eof'] + list(args),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.urls = [urllib.parse.urlsplit(u)
                     for u in self.process.stdout.readline().strip().split(',')]
        self.control_url = self.process.stdout.readline().split()[1]
        self.conn = self.connect(0)

    def connect(self, coordinator):
        url = self.urls[coordinator]
        return http.client.HTTPConnection(url.hostname, url.port, timeout=60)

    def log_in(self, user, password):
        token = base64.b64encode(f'{user}:{password}'.encode()).decode()
        self.headers = {'Authorization': f'Basic {token}'}

    def request(self, method, path, body=None, raw=None):
        data = raw if raw is not None else (
            None if body is None else json.dumps(body))
        try:
            self.conn.request(method, path, body=data, headers=self.headers)
            resp = self.conn.getresponse()
        except (http.client.HTTPException, ConnectionError):
            # libsoup 3.2 closes the connection after a 204: connect again.
            self.conn.close()
            self.conn.request(method, path, body=data, headers=self.headers)
            resp = self.conn.getresponse()
        text = resp.read().decode('utf-8')
        headers = {k.lower(): v for k, v in resp.getheaders()}
        try:
            parsed = json.loads(text) if text else None
        except ValueError:
            parsed = text
        return resp.status, headers, parsed

    def control(self, path):
        with urllib.request.urlopen(self.control_url + path, timeout=30) as reply:
            return json.load(reply)

    def close(self):
        self.conn.close()
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self.process.stdout.close()


class EmulatorTestCase(unittest.TestCase):
    args = ()

    def setUp(self):
        self.emu = Emulator(*self.args)
        self.addCleanup(self.emu.close)

    def ok(self, method, path, body=None, status=None):
        got, _, reply = self.emu.request(method, path, body)
        if status is not None:
            self.assertEqual(got, status, reply)
        else:
            self.assertLess(got, 300, reply)
        return reply

    def query(self, text, **extra):
        return self.ok('POST', '/_api/cursor', dict(query=text, **extra), 201)


class QueryCacheTests(EmulatorTestCase):
    def test_demand_mode_caches_and_writes_invalidate(self):
        self.ok('POST', '/_api/collection', {'name': 'coll'})
        self.ok('PUT', '/_api/query-cache/properties', {'mode': 'demand'})
        q = 'FOR d IN coll RETURN d.x'
        self.assertFalse(self.query(q, cache=True)['cached'])
        self.assertFalse(self.query(q)['cached'], 'demand: only on request')
        again = self.query(q, cache=True)
        self.assertTrue(again['cached'])
        self.assertEqual(again['result'], [])

        self.ok('POST', '/_api/document/coll', {'x': 1})
        fresh = self.query(q, cache=True)
        self.assertFalse(fresh['cached'], 'the insert dropped the entry')
        self.assertEqual(fresh['result'], [1])

        entries = self.ok('GET', '/_api/query-cache/entries')
        self.assertEqual([(e['query'], e['hits'], e['dataSources'])
                          for e in entries], [(q, 0, ['coll'])])
        self.ok('DELETE', '/_api/query-cache')
        self.assertEqual(self.ok('GET', '/_api/query-cache/entries'), [])

    def test_renaming_drops_entries(self):
        self.ok('POST', '/_api/collection', {'name': 'old'})
        self.ok('PUT', '/_api/query-cache/properties', {'mode': 'on'})
        self.query('FOR d IN old RETURN d')
        self.ok('PUT', '/_api/collection/old/rename', {'name': 'new'})
        status, _, reply = self.emu.request('POST', '/_api/cursor',
                                            {'query': 'FOR d IN old RETURN d'})
        self.assertEqual((status, reply['errorNum']), (404, 1203))

    def test_modifications_are_never_cached(self):
        self.ok('POST', '/_api/collection', {'name': 'coll'})
        self.ok('PUT', '/_api/query-cache/properties', {'mode': 'on'})
        for _ in range(2):
            reply = self.query('INSERT {} INTO coll')
            self.assertFalse(reply['cached'])
        self.assertEqual(self.ok('GET', '/_api/collection/coll/count')['count'], 2)

    def test_properties_as_the_server_reads_them(self):
        self.ok('PUT', '/_api/query-cache/properties', {'mode': 'on'})
        props = self.ok('PUT', '/_api/query-cache/properties',
                        {'mode': 'sometimes', 'maxResults': 2.7,
                         'maxEntrySize': 'big', 'includeSystem': 1})
        self.assertEqual((props['mode'], props['maxResults'],
                          props['maxEntrySize'], props['includeSystem']),
                         ('off', 2, 16777216, False),
                         'an unknown mode is off, wrong types are ignored')
        for name in ('maxResults', 'maxResultsSize', 'maxEntrySize'):
            with self.subTest(name=name):
                status, _, reply = self.emu.request(
                    'PUT', '/_api/query-cache/properties', {name: 0})
                self.assertEqual((status, reply['errorNum'], reply['errorMessage']),
                                 (400, 10, 'invalid value for ' + name))
        status, _, reply = self.emu.request(
            'PUT', '/_api/query-cache/properties', [])
        self.assertEqual((status, reply['errorNum'], reply['errorMessage']),
                         (400, 400, 'expecting a JSON-Object body'))

    def test_limits_apply_per_database_and_a_new_mode_empties_it(self):
        self.ok('POST', '/_api/database', {'name': 'other'})
        self.ok('PUT', '/_api/query-cache/properties', {'mode': 'on'})
        for n in range(3):
            self.query('RETURN %d' % n)
            self.ok('POST', '/_db/other/_api/cursor', {'query': 'RETURN %d' % n}, 201)
        self.ok('PUT', '/_api/query-cache/properties', {'maxResults': 2})
        for db in ('_system', 'other'):
            with self.subTest(db=db):
                entries = self.ok('GET', '/_db/%s/_api/query-cache/entries' % db)
                self.assertEqual([e['query'] for e in entries],
                                 ['RETURN 1', 'RETURN 2'])
        self.query('FOR u IN _users RETURN 1')
        self.assertNotIn('FOR u IN _users RETURN 1',
                         [e['query'] for e in self.ok('GET', '/_api/query-cache/entries')],
                         'includeSystem is off')
        self.ok('PUT', '/_api/query-cache/properties', {'mode': 'demand'})
        self.assertEqual(self.ok('GET', '/_db/other/_api/query-cache/entries'), [])

    def test_other_paths(self):
        status, _, reply = self.emu.request('GET', '/_api/query-cache/plans')
        self.assertEqual((status, reply['errorNum'], reply['errorMessage']),
                         (400, 400, 'expecting GET /_api/query-cache/properties'
                          ' or /_api/query-cache/entries'))
        status, _, reply = self.emu.request('PUT', '/_api/query-cache/entries', {})
        self.assertEqual((status, reply['errorMessage']),
                         (400, 'expecting PUT /_api/query-cache/properties'))
        self.ok('DELETE', '/_api/query-cache/anything', status=200)


class StatisticsTests(EmulatorTestCase):
    def test_key_lookup_reads_the_primary_index(self):
        self.ok('POST', '/_api/collection', {'name': 'c'})
        self.ok('POST', '/_api/document/c', [{'_key': k} for k in 'abc'])
        reply = self.query('FOR d IN c FILTER d._key == @k RETURN d._key',
                           bindVars={'k': 'b'})
        self.assertEqual(reply['result'], ['b'])
        stats = reply['extra']['stats']
        self.assertEqual((stats['scannedFull'], stats['scannedIndex'],
                          stats['documentLookups'], stats['cursorsCreated'],
                          stats['filtered']), (0, 1, 1, 1, 0))

    def test_other_loops_scan_the_collection(self):
        self.ok('POST', '/_api/collection', {'name': 'c'})
        self.ok('POST', '/_api/document/c', [{'n': i} for i in range(3)])
        stats = self.query('FOR d IN c FILTER d.n > 0 RETURN d')['extra']['stats']
        self.assertEqual((stats['scannedFull'], stats['scannedIndex'],
                          stats['filtered']), (3, 0, 1))

    def test_push_and_sleep(self):
        reply = self.query('LET s = SLEEP(0.01) RETURN [s, PUSH([1], 2), PUSH(null, 3)]')
        self.assertEqual(reply['result'], [[None, [1, 2], [3]]])
        reply = self.query('RETURN PUSH("x", 1)')
        self.assertEqual(reply['result'], [None])
        self.assertEqual(reply['extra']['warnings'][0]['code'], 1542)
        status, _, err = self.emu.request('POST', '/_api/cursor',
                                          {'query': 'RETURN SLEEP()'})
        self.assertEqual((status, err['errorNum']), (400, 1541))
        self.ok('POST', '/_api/collection', {'name': 'c'})
        status, _, err = self.emu.request(
            'POST', '/_api/cursor', {'query': 'LET s = SLEEP(1) INSERT {} INTO c'})
        self.assertEqual((status, err['errorNum']), (501, 9))
        self.assertEqual(self.ok('GET', '/_api/collection/c/count')['count'], 0)


class QueryTrackingTests(EmulatorTestCase):
    def test_slow_queries_and_properties(self):
        props = self.ok('GET', '/_api/query/properties')
        self.assertEqual((props['enabled'], props['slowQueryThreshold'],
                          props['maxSlowQueries']), (True, 10, 64))
        self.ok('PUT', '/_api/query/properties', {'slowQueryThreshold': 0})
        self.query('RETURN @x', bindVars={'x': 1})
        slow = self.ok('GET', '/_api/query/slow')
        self.assertEqual([(q['query'], q['bindVars'], q['state']) for q in slow],
                         [('RETURN @x', {'x': 1}, 'finished')])
        self.ok('DELETE', '/_api/query/slow')
        self.assertEqual(self.ok('GET', '/_api/query/slow'), [])

    def test_properties_as_the_server_reads_them(self):
        props = self.ok('PUT', '/_api/query/properties',
                        {'maxSlowQueries': 'many', 'enabled': 0,
                         'maxQueryStringLength': 3, 'slowQueryThreshold': -1,
                         'slowStreamingQueryThreshold': 2.5})
        self.assertEqual((props['maxSlowQueries'], props['enabled'],
                          props['maxQueryStringLength'], props['slowQueryThreshold'],
                          props['slowStreamingQueryThreshold']),
                         (64, True, 64, 0, 2.5))
        props = self.ok('PUT', '/_api/query/properties',
                        {'maxSlowQueries': 100000, 'maxQueryStringLength': 1 << 30,
                         'trackBindVars': False})
        self.assertEqual((props['maxSlowQueries'], props['maxQueryStringLength'],
                          props['trackBindVars']), (16384, 32 << 20, False))
        status, _, reply = self.emu.request('PUT', '/_api/query/properties',
                                            {'maxSlowQueries': -1})
        self.assertEqual((status, reply['errorNum'], reply['errorMessage']),
                         (500, 4, 'caught velocypack error in RestQueryHandler: '
                          'Number out of range'))
        status, _, reply = self.emu.request('PUT', '/_api/query/properties', [])
        self.assertEqual((status, reply['errorNum'], reply['errorMessage']),
                         (400, 400, 'expecting a JSON object as body'))

    def test_thresholds_are_written_as_the_server_writes_doubles(self):
        self.emu.conn.request('GET', '/_api/query/properties')
        text = self.emu.conn.getresponse().read().decode()
        self.assertIn('"slowQueryThreshold":10,', text)

    def test_other_paths(self):
        cases = [
            ('GET', '/_api/query/running', 404, 404,
             "unknown type 'running', expecting 'slow', 'current', or 'properties'"),
            ('GET', '/_api/query', 400, 400, 'expecting GET /_api/query/<type>'),
            ('DELETE', '/_api/query', 400, 400,
             'expecting DELETE /_api/query/<id> or /_api/query/slow'),
            ('PUT', '/_api/query/slow', 400, 400, 'expecting PUT /_api/query/properties'),
        ]
        for method, path, status, num, message in cases:
            with self.subTest(method=method, path=path):
                got, _, reply = self.emu.request(method, path, {} if method == 'PUT' else None)
                self.assertEqual((got, reply['errorNum'], reply['errorMessage']),
                                 (status, num, message))

    def test_all_databases_needs_system(self):
        self.ok('POST', '/_api/database', {'name': 'other'})
        for method, path in (('GET', 'current'), ('GET', 'slow'),
                             ('DELETE', 'slow'), ('DELETE', '1099511627776')):
            with self.subTest(method=method, path=path):
                status, _, reply = self.emu.request(
                    method, '/_db/other/_api/query/%s?all=true' % path)
                self.assertEqual((status, reply['errorNum']), (403, 1230))
        self.assertEqual(self.ok('GET', '/_api/query/current?all=true'), [])

    def test_a_sleeping_query_runs_until_killed(self):
        sleeper = Emulator.__new__(Emulator)
        sleeper.conn = http.client.HTTPConnection(self.emu.conn.host,
                                                  self.emu.conn.port, timeout=60)
        self.addCleanup(sleeper.conn.close)
        answer = {}
        thread = threading.Thread(target=lambda: answer.update(
            zip(('status', 'headers', 'body'),
                sleeper.request('POST', '/_api/cursor',
                                {'query': 'RETURN SLEEP(30)'}))))
        thread.start()
        running = []
        for _ in range(500):
            running = self.ok('GET', '/_api/query/current')
            if running:
                break
        self.assertEqual([(q['query'], q['state']) for q in running],
                         [('RETURN SLEEP(30)', 'executing')])
        self.ok('DELETE', '/_api/query/' + running[0]['id'])
        thread.join()
        self.assertEqual(answer["status"], 410, answer)
        self.assertEqual(answer["body"]["errorNum"], 1500, answer)
        self.assertEqual(self.ok('GET', '/_api/query/current'), [])
        status, _, reply = self.emu.request('DELETE', '/_api/query/' + running[0]['id'])
        self.assertEqual((status, reply['errorNum']), (404, 1591))


class QueryKillTests(EmulatorTestCase):
    """A query id carries the short id of the Coordinator running the query
    (bit 40 up); another Coordinator forwards a kill to it, and refuses an
    id that names no Coordinator (RestQueryHandler::forwardingTarget)."""
    args = ('--coordinators', '2', '--user', 'root', '--password', 'pw')

    def setUp(self):
        super().setUp()
        self.emu.log_in('root', 'pw')

    def on(self, coordinator):
        other = Emulator.__new__(Emulator)
        other.conn = self.emu.connect(coordinator)
        other.headers = self.emu.headers
        self.addCleanup(other.conn.close)
        return other

    def test_a_kill_is_forwarded_to_the_coordinator_running_the_query(self):
        first, second = self.on(0), self.on(1)
        first_id = first.request('GET', '/_admin/server/id')[2]['id']
        answer = {}
        thread = threading.Thread(target=lambda: answer.update(
            status=first.request('POST', '/_api/cursor',
                                 {'query': 'RETURN SLEEP(30)'})[0]))
        thread.start()
        running = []
        for _ in range(500):
            running = second.request('GET', '/_api/query/current')[2]
            if running:
                break
        self.assertEqual(len(running), 1)
        self.assertEqual(int(running[0]['id']) >> 40, 1, 'Coordinator0001 runs it')
        status, headers, reply = second.request('DELETE', '/_api/query/' + running[0]['id'])
        thread.join()
        self.assertEqual((status, reply, answer['status']),
                         (200, {'error': False, 'code': 200}, 410))
        self.assertEqual(headers['x-arango-request-forwarded-to'], first_id)

        status, headers, reply = second.request('DELETE', '/_api/query/' + running[0]['id'])
        self.assertEqual((status, reply['errorNum'], reply['errorMessage']),
                         (404, 1591, 'query ID not found in query list'))
        self.assertEqual(headers['x-arango-request-forwarded-to'], first_id)

        for query_id in ('12345', str(5 << 40), 'abc'):
            with self.subTest(query_id=query_id):
                status, headers, reply = first.request('DELETE', '/_api/query/' + query_id)
                self.assertEqual((status, reply['errorNum'], reply['errorMessage']),
                                 (404, 1591, 'cannot find target server for query id'))
                self.assertNotIn('x-arango-request-forwarded-to', headers)

    def test_all_databases_needs_a_superuser(self):
        for method, path in (('GET', 'current'), ('GET', 'slow'),
                             ('DELETE', str(1 << 40))):
            with self.subTest(method=method, path=path):
                status, _, reply = self.emu.request(
                    method, '/_api/query/%s?all=true' % path)
                self.assertEqual((status, reply['errorNum'], reply['errorMessage']),
                                 (403, 11, 'only superusers are allowed to perform '
                                  'actions on all queries'))
        status, _, reply = self.emu.request('DELETE', '/_api/query/slow?all=true')
        self.assertEqual(reply['errorMessage'], 'only superusers may retrieve the '
                         'list of queries for all databases')


class AccessibleDatabaseTests(EmulatorTestCase):
    """GET /_api/database/user lists the databases where the user has a
    level other than none (DatabaseFeature::getDatabaseNamesForUser)."""
    args = ('--user', 'root', '--password', 'pw')

    def test_only_the_databases_with_access(self):
        self.emu.log_in('root', 'pw')
        for name in ('alpha', 'beta'):
            self.ok('POST', '/_api/database', {'name': name})
        self.ok('POST', '/_api/user', {'user': 'ivy', 'passwd': 'ivy-pw'})
        self.ok('PUT', '/_api/user/ivy/database/beta', {'grant': 'ro'})
        self.assertEqual(self.ok('GET', '/_api/database/user')['result'],
                         ['_system', 'alpha', 'beta'])
        self.emu.log_in('ivy', 'ivy-pw')
        self.assertEqual(self.ok('GET', '/_db/beta/_api/database/user')['result'],
                         ['beta'])


class DocumentTests(EmulatorTestCase):
    def test_all_failed_array_is_not_synced(self):
        self.ok('POST', '/_api/collection', {'name': 'p', 'waitForSync': True})
        self.ok('POST', '/_api/document/p', {'_key': 'a'})
        status, headers, _ = self.emu.request('DELETE', '/_api/document/p', ['x', 'y'])
        self.assertEqual(status, 202)
        self.assertEqual(headers['x-arango-error-codes'], '{"1202":2}')
        status, _, _ = self.emu.request('DELETE', '/_api/document/p', ['a', 'y'])
        self.assertEqual(status, 200)

    def test_parse_errors_in_velocypack_words(self):
        cases = {
            '{ 1: "x" }': 'Expecting \'"\' or \'}\'',
            '{"a" 1}': "Expecting ':'",
            '[1, 2': "Expecting ',' or ']'",
            '{"a": "b': 'Unfinished string',
            '{"a": tru}': "Expecting 'true'",
            '{} x': 'Expecting EOF',
            '{"a": -}': 'Expecting digit',
        }
        for body, message in cases.items():
            with self.subTest(body=body):
                status, _, reply = self.emu.request(
                    'POST', '/_api/collection', raw=body)
                self.assertEqual((status, reply['errorNum']), (400, 600))
                self.assertEqual(reply['errorMessage'], 'VPackError error: ' + message)


class WithoutJavaScriptTests(EmulatorTestCase):
    def test_tasks_and_transactions_are_refused(self):
        for method, path in (('GET', '/_api/tasks'), ('PUT', '/_api/tasks/t'),
                             ('POST', '/_api/transaction')):
            with self.subTest(path=path):
                status, _, reply = self.emu.request(method, path, {})
                self.assertEqual((status, reply['errorNum'], reply['errorMessage']),
                                 (501, 9, 'JavaScript operations are disabled'))

    def test_stored_functions_are_listed_and_removed(self):
        self.ok('POST', '/_api/document/_aqlfunctions',
                {'_key': 'MY::F', 'name': 'my::f', 'code': 'function () {}',
                 'isDeterministic': True})
        listed = self.ok('GET', '/_api/aqlfunction?namespace=my')['result']
        self.assertEqual(listed, [{'name': 'my::f', 'code': 'function () {}',
                                   'isDeterministic': True}])
        self.assertEqual(self.ok('GET', '/_api/aqlfunction/other')['result'], [])
        self.assertEqual(self.ok('DELETE', '/_api/aqlfunction/my::f')['deletedCount'], 1)
        status, _, reply = self.emu.request('DELETE', '/_api/aqlfunction/my::f')
        self.assertEqual((status, reply['errorNum']), (404, 1582))
        status, _, reply = self.emu.request('POST', '/_api/aqlfunction',
                                            {'name': 'my::g', 'code': 'function () {}'})
        self.assertEqual((status, reply['errorNum']), (500, 36))


class CoordinatorTests(EmulatorTestCase):
    def test_wal_and_replication_are_refused(self):
        for path in ('/_api/wal/lastTick', '/_api/replication/logger-state'):
            with self.subTest(path=path):
                status, _, reply = self.emu.request('GET', path)
                self.assertEqual((status, reply['errorNum']), (501, 1470))

    def test_properties_have_sharding_fields(self):
        props = self.ok('POST', '/_api/collection', {'name': 'c'})
        self.assertIn('numberOfShards', props)
        self.assertNotIn('objectId', props)

    def test_system_collections_follow_their_prototype(self):
        users = self.ok('GET', '/_api/collection/_users/properties')
        graphs = self.ok('GET', '/_api/collection/_graphs/properties')
        self.assertEqual(users['replicationFactor'], 2)
        self.assertNotIn('distributeShardsLike', users)
        self.assertEqual(graphs['replicationFactor'], 2)
        self.assertEqual(graphs['distributeShardsLike'], '_users')
        self.ok('POST', '/_api/database', {'name': 'other'})
        other = self.ok('GET', '/_db/other/_api/collection/_apps/properties')
        self.assertEqual(other['distributeShardsLike'], '_graphs')
        user = self.ok('POST', '/_api/collection', {'name': 'c'})
        self.assertNotIn('distributeShardsLike', user)

    def servers_of(self, collection):
        shards = self.ok('GET', '/_api/collection/%s/shards?details=true' % collection)['shards']
        return list(shards.items())[0]

    def test_followers_move_with_their_prototype(self):
        _, before = self.servers_of('_graphs')
        shard, servers = self.servers_of('_users')
        self.assertEqual(servers, before)
        leaving = servers[0]
        health = self.ok('GET', '/_admin/cluster/health')['Health']
        free = [s for s in health if s.startswith('PRMR-') and s not in servers][0]
        move = {'collection': '_users', 'shard': shard, 'fromServer': leaving, 'toServer': free}
        self.ok('POST', '/_admin/cluster/moveShard', move, 202)
        self.assertEqual(self.servers_of('_graphs')[1], [free, servers[1]])
        self.assertEqual(self.servers_of('_users')[1], [free, servers[1]])
        graphs_shard = self.servers_of('_graphs')[0]
        move = dict(move, collection='_graphs', shard=graphs_shard, fromServer=free,
                    toServer=leaving)
        # Accepted, but the agency's job fails: a follower does not move alone.
        self.ok('POST', '/_admin/cluster/moveShard', move, 202)
        self.assertEqual(self.servers_of('_graphs')[1], [free, servers[1]])

    def test_support_info_counts_copies_and_real_leaders(self):
        fresh = self.ok('GET', '/_admin/support-info')['deployment']['shards']
        self.assertEqual(fresh, {'databases': 1, 'collections': 12, 'shards': 24,
                                 'leaders': 12, 'realLeaders': 1, 'followers': 12,
                                 'servers': 2})
        self.ok('POST', '/_api/collection', {'name': 'c', 'numberOfShards': 3})
        counts = self.ok('GET', '/_admin/support-info')['deployment']['shards']
        self.assertEqual((counts['collections'], counts['shards'], counts['leaders'],
                          counts['realLeaders'], counts['followers'], counts['servers']),
                         (13, 27, 15, 4, 12, 3))


class OptimizerTests(EmulatorTestCase):
    """The optimizer rules and the plans they make."""
    args = ('--single',)

    def explain(self, text, **options):
        reply = self.ok('POST', '/_api/explain', {'query': text, 'options': options}, 200)
        return reply['plan'], reply['stats']

    def test_rules_list_the_single_server_rules(self):
        rules = self.ok('GET', '/_api/query/rules', status=200)
        names = [rule['name'] for rule in rules]
        self.assertLess(names.index('use-indexes'), names.index('use-index-for-sort'))
        self.assertEqual(names[-1], 'splice-subqueries')
        self.assertNotIn('scatter-in-cluster', names)
        for rule in rules:
            self.assertEqual(set(rule['flags']), {
                'hidden', 'clusterOnly', 'canBeDisabled', 'canCreateAdditionalPlans',
                'disabledByDefault', 'enterpriseOnly'})
            self.assertFalse(rule['flags']['clusterOnly'])

    def test_equality_on_an_indexed_attribute_reads_the_index(self):
        self.ok('POST', '/_api/collection', {'name': 'c'})
        self.ok('POST', '/_api/index?collection=c', {'type': 'persistent', 'fields': ['a']})
        plan, stats = self.explain('FOR d IN c FILTER d.a == 1 SORT d.a RETURN d.b')
        types = [node['type'] for node in plan['nodes']]
        self.assertEqual(types, ['SingletonNode', 'IndexNode', 'ReturnNode'])
        self.assertIn('use-indexes', plan['rules'])
        self.assertIn('use-index-for-sort', plan['rules'])
        projections = plan['nodes'][1]['projections']
        self.assertEqual([p['path'] for p in projections], [['b']])
        self.assertEqual(plan['nodes'][2]['inVariable'], projections[0]['variable'])
        self.assertGreater(stats['rulesExecuted'], 0)

    def test_switched_off_rules_leave_the_plan_alone(self):
        plan, stats = self.explain('FOR i IN 1..10 LET x = 1 + 1 RETURN x',
                                   optimizer={'rules': ['-all']})
        self.assertEqual(plan['rules'], [])
        self.assertEqual([node['type'] for node in plan['nodes']],
                         ['SingletonNode', 'CalculationNode', 'EnumerateListNode',
                          'CalculationNode', 'ReturnNode'])
        self.assertGreater(stats['rulesSkipped'], 0)

    def test_loop_invariant_calculations_move_out_of_the_loop(self):
        plan, _ = self.explain('FOR i IN 1..10 LET x = 1 + 1 RETURN x')
        types = [node['type'] for node in plan['nodes']]
        self.assertLess(types.index('CalculationNode', 2), types.index('EnumerateListNode'))
        self.assertIn('move-calculations-up', plan['rules'])


class ProfileTests(EmulatorTestCase):
    """options.profile: phase timings, the plan, per-node statistics."""
    args = ('--single',)

    PHASES = ['initializing', 'parsing', 'optimizing ast', 'loading collections',
              'instantiating plan', 'optimizing plan', 'instantiating executors',
              'executing', 'finalizing']

    def test_level_one_adds_the_phases_only(self):
        extra = self.query('RETURN 1', options={'profile': True})['extra']
        self.assertEqual(list(extra['profile']), self.PHASES)
        self.assertNotIn('plan', extra)
        self.assertNotIn('nodes', extra['stats'])
        self.assertNotIn('profile', self.query('RETURN 1')['extra'])

    def test_level_two_counts_rows_and_batches_per_node(self):
        self.ok('POST', '/_api/collection', {'name': 'c'})
        self.ok('POST', '/_api/document/c', [{'n': n} for n in range(2500)])
        reply = self.query('FOR d IN c FILTER d.n % 2 == 0 RETURN d.n',
                           options={'profile': 2}, batchSize=5000)
        extra = reply['extra']
        plan_ids = sorted(node['id'] for node in extra['plan']['nodes'])
        nodes = {node['id']: node for node in extra['stats']['nodes']}
        self.assertEqual(sorted(nodes), plan_ids)
        types = {node['id']: node['type'] for node in extra['plan']['nodes']}
        by_type = {types[i]: nodes[i] for i in nodes}
        self.assertEqual(by_type['EnumerateCollectionNode']['items'], 2500)
        self.assertEqual(by_type['EnumerateCollectionNode']['calls'], 3)
        self.assertEqual(by_type['FilterNode']['items'], 1250)
        self.assertEqual(by_type['FilterNode']['filtered'], 1250)
        self.assertEqual(by_type['ReturnNode']['items'], len(reply['result']))
        self.assertEqual(by_type['ReturnNode']['calls'], 2)
        self.assertEqual(by_type['SingletonNode']['calls'], 1)


class MemoryLimitTests(EmulatorTestCase):
    """memoryLimit: what the rows of a query hold, refused past the limit."""
    args = ('--single',)

    def test_a_sort_over_the_limit_fails_at_the_node_that_made_its_rows(self):
        status, _, reply = self.emu.request('POST', '/_api/cursor', {
            'query': 'FOR i IN 1..20000 SORT i RETURN i', 'memoryLimit': 100000})
        self.assertEqual(status, 500, reply)
        self.assertEqual(reply['errorNum'], 32)
        self.assertIn('query would use more memory than allowed [node #3: EnumerateListNode]',
                      reply['errorMessage'])

    def test_a_large_value_fails_its_calculation(self):
        status, _, reply = self.emu.request('POST', '/_api/cursor', {
            'query': 'FOR i IN 1..10 LET s = PUSH(@strings, i) RETURN s',
            'bindVars': {'strings': ['x' * 100] * 2000}, 'memoryLimit': 100000})
        self.assertEqual(status, 500, reply)
        self.assertEqual(reply['errorNum'], 32)
        self.assertIn('CalculationNode', reply['errorMessage'])

    def test_a_query_under_the_limit_runs(self):
        reply = self.query('FOR i IN 1..100 SORT i DESC RETURN i', memoryLimit=100000)
        self.assertEqual(reply['result'], list(range(100, 0, -1)))

    def test_no_limit_and_a_limit_of_zero_are_none(self):
        for extra in ({}, {'memoryLimit': 0}):
            reply = self.query('FOR i IN 1..20000 SORT i RETURN i', batchSize=100000, **extra)
            self.assertEqual(len(reply['result']), 20000)


class QueryPermissionTests(EmulatorTestCase):
    """Parsing a query starts no transaction, so it checks no collection;
    explaining one starts it, and refuses as a cursor does."""
    args = ('--user', 'admin', '--password', 'admin-pw')

    def setUp(self):
        super().setUp()
        self.emu.log_in('admin', 'admin-pw')
        self.ok('POST', '/_api/collection', {'name': 'secrets'})
        self.ok('POST', '/_api/user', {'user': 'ivy', 'passwd': 'ivy-pw'})
        self.ok('PUT', '/_api/user/ivy/database/_system', {'grant': 'rw'})
        self.ok('PUT', '/_api/user/ivy/database/_system/secrets',
                {'grant': 'none'})
        self.emu.log_in('ivy', 'ivy-pw')

    def test_parse_does_not_check_collections(self):
        parsed = self.ok('POST', '/_api/query',
                         {'query': 'FOR s IN secrets RETURN s'}, 200)
        self.assertEqual(parsed['collections'], ['secrets'])

    def test_explain_checks_them_while_optimizing_the_ast(self):
        status, _, reply = self.emu.request(
            'POST', '/_api/explain', {'query': 'FOR s IN secrets RETURN s'})
        self.assertEqual(status, 403, reply)
        self.assertEqual(reply['errorNum'], 11)
        self.assertEqual(reply['errorMessage'],
                         'forbidden: secrets [read] (while optimizing ast)')


class TokenRenewalTests(EmulatorTestCase):
    """POST /_open/auth/renew as RestAuthHandler answers it: a new token
    for a valid user token within 150 s of its expiry, {} before that, 404
    "user not found" for any other credentials; the old token stays
    valid."""
    args = ('--user', 'root', '--password', 'pw')

    def user_token(self, ttl):
        return self.emu.control(
            '/_control/auth/user-token?user=root&ttl=%d' % ttl)['jwt']

    def renew(self, authorization=None):
        self.emu.headers = {'Authorization': authorization} if authorization else {}
        return self.emu.request('POST', '/_open/auth/renew')

    def payload(self, token):
        part = token.split('.')[1]
        return json.loads(base64.urlsafe_b64decode(part + '=' * (-len(part) % 4)))

    def test_a_token_far_from_its_expiry_is_kept(self):
        status, _, reply = self.renew('bearer ' + self.user_token(3600))
        self.assertEqual((status, reply), (200, {}))

    def test_a_token_near_its_expiry_is_renewed(self):
        old = self.user_token(100)
        status, headers, reply = self.renew('bearer ' + old)
        self.assertEqual(status, 200, reply)
        self.assertEqual(headers['content-type'], 'application/json')
        self.assertEqual(list(reply), ['jwt'])
        new = reply['jwt']
        self.assertEqual(self.payload(new)['preferred_username'], 'root')
        self.assertGreater(self.payload(new)['exp'], self.payload(old)['exp'] + 3000)
        for token in (old, new):
            self.emu.headers = {'Authorization': 'bearer ' + token}
            self.assertEqual(self.emu.request('GET', '/_api/version')[0], 200)

    def test_other_credentials_are_refused(self):
        basic = base64.b64encode(b'root:pw').decode()
        superuser = self.emu.control('/_control/auth/superuser-token')['jwt']
        forged = self.user_token(100)[:-4] + 'AAAA'
        for authorization in (None, 'basic ' + basic, 'bearer ' + superuser,
                              'bearer ' + self.user_token(-10), 'bearer ' + forged):
            status, _, reply = self.renew(authorization)
            self.assertEqual(status, 404, authorization)
            self.assertEqual(reply, {'code': 404, 'error': True,
                                     'errorMessage': 'user not found',
                                     'errorNum': 1703})

    def test_without_authentication_before_3_12_6_nothing_serves_it(self):
        emu = Emulator('--server-version', '3.12.5')
        self.addCleanup(emu.close)
        status, _, reply = emu.request('POST', '/_open/auth/renew')
        self.assertEqual(status, 404)
        self.assertEqual(reply['errorMessage'], "unknown path '/_open/auth/renew'")


class SingleServerTests(EmulatorTestCase):
    args = ('--single',)

    def test_properties_have_the_storage_id(self):
        props = self.ok('POST', '/_api/collection', {'name': 'c'})
        self.assertIn('objectId', props)
        self.assertIn('lastValue', props['keyOptions'])
        self.assertNotIn('numberOfShards', props)

    def test_wal_tail_shows_the_changes_after_a_tick(self):
        self.ok('POST', '/_api/collection', {'name': 'c'})
        tick = self.ok('GET', '/_api/wal/lastTick')['tick']
        self.ok('POST', '/_api/document/c', {'_key': 'k', 'v': 1})
        self.ok('DELETE', '/_api/document/c/k')
        status, headers, body = self.emu.request('GET', '/_api/wal/tail?from=' + tick)
        self.assertEqual(status, 200)
        self.assertEqual(headers['content-type'], 'application/x-arango-dump')
        markers = [json.loads(line) for line in body.splitlines()] \
            if isinstance(body, str) else [body]
        self.assertEqual([(m['type'], m['data']['_key']) for m in markers],
                         [(2300, 'k'), (2302, 'k')])
        self.assertEqual(headers['x-arango-replication-lastincluded'], markers[-1]['tick'])

        last = self.ok('GET', '/_api/wal/lastTick')['tick']
        status, headers, _ = self.emu.request('GET', '/_api/wal/tail?from=' + last)
        self.assertEqual((status, headers['x-arango-replication-checkmore']), (204, 'false'))
        state = self.ok('GET', '/_api/replication/logger-state')['state']
        self.assertEqual(state['lastLogTick'], last)

    def test_checksum_follows_the_data(self):
        self.ok('POST', '/_api/collection', {'name': 'c'})
        empty = self.ok('GET', '/_api/collection/c/checksum')['checksum']
        self.ok('POST', '/_api/document/c', {'_key': 'a', 'v': 1})
        keys = self.ok('GET', '/_api/collection/c/checksum')['checksum']
        data = self.ok('GET', '/_api/collection/c/checksum?withData=true')['checksum']
        self.assertEqual(empty, '0')
        self.assertNotEqual(keys, empty)
        self.assertNotEqual(data, keys)
        self.ok('PATCH', '/_api/document/c/a', {'v': 2})
        self.assertEqual(self.ok('GET', '/_api/collection/c/checksum')['checksum'], keys)
        self.assertNotEqual(
            self.ok('GET', '/_api/collection/c/checksum?withData=true')['checksum'], data)


class CollectionStateTests(EmulatorTestCase):
    """A collection's revision changes with every write, removals
    included; its checksum with data hashes values, not their spelling."""

    def checksum(self, query=''):
        return self.ok('GET', '/_api/collection/c/checksum' + query)['checksum']

    def revision(self):
        return self.ok('GET', '/_api/collection/c/revision')['revision']

    def test_revision_changes_with_every_write(self):
        self.ok('POST', '/_api/collection', {'name': 'c'})
        seen = [self.revision()]
        self.assertEqual(seen[0], '0')
        for method, path, body in [
                ('POST', '/_api/document/c', {'_key': 'a'}),
                ('POST', '/_api/document/c', {'_key': 'b'}),
                ('PATCH', '/_api/document/c/b', {'v': 1}),
                # Not the newest document: its removal still shows.
                ('DELETE', '/_api/document/c/a', None),
                ('PUT', '/_api/collection/c/truncate', None)]:
            self.ok(method, path, body)
            revision = self.revision()
            self.assertNotIn(revision, seen, (method, path))
            self.assertEqual(
                self.ok('GET', '/_api/collection/c/checksum')['revision'], revision)
            seen.append(revision)

    def test_checksum_with_data_ignores_order_and_number_spelling(self):
        self.ok('POST', '/_api/collection', {'name': 'c'})
        self.ok('POST', '/_api/document/c',
                {'_key': 'a', 'x': 1, 'y': {'p': [1, 'two'], 'q': None}})
        data = self.checksum('?withData=true')
        revisions = self.checksum('?withRevisions=true')
        self.ok('PUT', '/_api/document/c/a', {'y': {'q': None, 'p': [1, 'two']}, 'x': 1.0})
        self.assertEqual(self.checksum('?withData=true'), data)
        self.assertNotEqual(self.checksum('?withRevisions=true'), revisions)
        self.ok('PUT', '/_api/document/c/a', {'y': {'q': None, 'p': ['two', 1]}, 'x': 1})
        self.assertNotEqual(self.checksum('?withData=true'), data)


class RecalculateCountPermissionTests(EmulatorTestCase):
    """A single server recounts for those who may write the collection."""
    args = ('--single', '--user', 'admin', '--password', 'admin-pw')

    def test_read_only_access_is_refused(self):
        self.emu.log_in('admin', 'admin-pw')
        self.ok('POST', '/_api/collection', {'name': 'c'})
        self.ok('POST', '/_api/user', {'user': 'ivy', 'passwd': 'ivy-pw'})
        self.ok('PUT', '/_api/user/ivy/database/_system', {'grant': 'rw'})
        self.ok('PUT', '/_api/user/ivy/database/_system/c', {'grant': 'ro'})
        self.emu.log_in('ivy', 'ivy-pw')
        status, _, reply = self.emu.request('PUT', '/_api/collection/c/recalculateCount')
        self.assertEqual((status, reply['errorNum'], reply['errorMessage']),
                         (403, 11, 'forbidden'))
        self.emu.log_in('admin', 'admin-pw')
        self.ok('PUT', '/_api/user/ivy/database/_system/c', {'grant': 'rw'})
        self.emu.log_in('ivy', 'ivy-pw')
        self.assertEqual(self.ok('PUT', '/_api/collection/c/recalculateCount'),
                         {'error': False, 'code': 200, 'result': True, 'count': 0})


class Release311Tests(EmulatorTestCase):
    args = ('--server-version', '3.11.14')

    def test_license_is_an_evaluation_key_before_3_12(self):
        first = self.ok('GET', '/_admin/license', status=200)
        again = self.ok('GET', '/_admin/license', status=200)
        started = self.ok('GET', '/_admin/time')['time']
        self.assertEqual((first['status'], first['version'], first['upgrading']),
                         ('expiring', 1, False))
        self.assertNotIn('diskUsage', first)
        self.assertEqual(first['license'], again['license'])
        self.assertGreater(first['features']['expires'], started)
        self.assertLessEqual(first['features']['expires'], started + 3 * 3600)


class PregelHistoryTests(EmulatorTestCase):
    args = ('--server-version', '3.11.14')

    def test_3_11_keeps_pregel_history_in_every_database(self):
        props = self.ok('GET', '/_api/collection/_pregel_queries/properties')
        self.assertEqual((props['isSystem'], props['replicationFactor'],
                          props['distributeShardsLike']), (True, 2, '_users'))
        self.ok('POST', '/_api/database', {'name': 'other'})
        other = self.ok('GET', '/_db/other/_api/collection/_pregel_queries/properties')
        self.assertEqual(other['distributeShardsLike'], '_graphs')
        counts = self.ok('GET', '/_admin/support-info')['deployment']['shards']
        self.assertEqual((counts['databases'], counts['collections'], counts['realLeaders']),
                         (2, 22, 2))

    def test_other_releases_have_none(self):
        for version in ('3.10.14', '3.12.10'):
            emu = Emulator('--server-version', version)
            self.addCleanup(emu.close)
            _, _, listing = emu.request('GET', '/_api/collection')
            names = {c['name'] for c in listing['result']}
            self.assertIn('_users', names)
            self.assertNotIn('_pregel_queries', names, version)


class DBServerCountTests(unittest.TestCase):
    def test_health_and_placement_follow_the_dbserver_count(self):
        emu = Emulator('--dbservers', '2')
        self.addCleanup(emu.close)
        _, _, health = emu.request('GET', '/_admin/cluster/health')
        dbservers = {s for s in health['Health'] if s.startswith('PRMR-')}
        self.assertEqual(len(dbservers), 2)
        status, _, _ = emu.request('POST', '/_api/collection',
                                   {'name': 'c', 'numberOfShards': 4, 'replicationFactor': 2})
        self.assertEqual(status, 200)
        _, _, shards = emu.request('GET', '/_api/collection/c/shards?details=true')
        self.assertEqual({tuple(sorted(s)) for s in shards['shards'].values()},
                         {tuple(sorted(dbservers))})

    def test_only_the_leading_agent_says_so_before_3_7(self):
        for version, followers in (('3.6.0', set()), ('3.12.10', {False})):
            emu = Emulator('--server-version', version)
            self.addCleanup(emu.close)
            _, _, health = emu.request('GET', '/_admin/cluster/health')
            agents = [s for s in health['Health'].values() if s['Role'] == 'Agent']
            self.assertEqual(sum(a.get('Leading') is True for a in agents), 1)
            self.assertEqual({a['Leading'] for a in agents if 'Leading' in a} - {True},
                             followers, version)

    def test_fewer_than_the_system_replication_factor_is_refused(self):
        run = subprocess.run([EMULATOR, '--dbservers', '1'], capture_output=True,
                             text=True, timeout=30)
        self.assertEqual(run.returncode, 2)
        self.assertIn('--dbservers', run.stderr)


class DatabaseOptionTests(EmulatorTestCase):
    """A new database's options (the library has no call that sends
    them): Databases::create refuses all but a duplicate name with 400 and
    the error's number; a Coordinator checks the replication settings
    against its DB-Servers before it looks at the name."""
    INSUFFICIENT = (400, 1487, 'the number of current DB-Servers is lower '
                    'than the requested replicationFactor/writeConcern')

    def refusal(self, body):
        status, _, reply = self.emu.request('POST', '/_api/database', body)
        return status, reply['errorNum'], reply['errorMessage']

    def test_more_copies_than_dbservers_are_refused(self):
        for options in ({'replicationFactor': 4}, {'writeConcern': 4},
                        {'replicationFactor': 4, 'writeConcern': 1}):
            with self.subTest(options=options):
                self.assertEqual(self.refusal({'name': 'big', 'options': options}),
                                 self.INSUFFICIENT)
        self.ok('POST', '/_api/database', {'name': 'fits',
                                           'options': {'replicationFactor': 3,
                                                       'writeConcern': 3}}, 201)
        self.assertEqual(self.refusal({'name': 'fits',
                                       'options': {'replicationFactor': 4}}),
                         self.INSUFFICIENT, 'checked before the name')
        self.ok('POST', '/_api/database', {'name': 'satellites',
                                           'options': {'replicationFactor': 'satellite'}}, 201)
        self.ok('POST', '/_api/database', {'name': 'unchecked',
                                           'options': {'replicationFactor': 4,
                                                       'enforceReplicationFactor': False}}, 201)

    def test_no_satellite_collections_in_a_satellite_database(self):
        """The emulator keeps no SatelliteCollections: a collection that
        would take the database's "satellite" is refused as one asked for
        by name is; one naming its replicationFactor is ordinary."""
        self.ok('POST', '/_api/database', {'name': 'orbit',
                                           'options': {'replicationFactor': 'satellite',
                                                       'writeConcern': 2}}, 201)
        current = self.ok('GET', '/_db/orbit/_api/database/current')['result']
        self.assertEqual((current['replicationFactor'], current['writeConcern']),
                         ('satellite', 2))
        refused = (400, 10, 'bad parameter')
        for body in ({'name': 'moon'}, {'name': 'moon', 'replicationFactor': 'satellite'}):
            with self.subTest(body=body):
                status, _, reply = self.emu.request('POST', '/_db/orbit/_api/collection', body)
                self.assertEqual((status, reply['errorNum'], reply['errorMessage']), refused)
        ordinary = self.ok('POST', '/_db/orbit/_api/collection',
                           {'name': 'moon', 'replicationFactor': 2}, 200)
        self.assertEqual((ordinary['replicationFactor'], ordinary['writeConcern']), (2, 2))
        graphs = self.ok('GET', '/_db/orbit/_api/collection/_graphs/properties')
        self.assertEqual(graphs['replicationFactor'], 2)

    def test_malformed_options_are_refused(self):
        cases = (
            ({'name': 'd', 'options': 5}, (400, 400, 'invalid options slice')),
            ({'name': 'd', 'options': {'replicationFactor': 11}},
             (400, 10, 'replicationFactor must not be higher than maximum allowed '
                       'replicationFactor (10)')),
            ({'name': '_bad', 'options': {'replicationFactor': 11}},
             (400, 10, 'replicationFactor must not be higher than maximum allowed '
                       'replicationFactor (10)')),
            ({'name': '_bad', 'options': {'replicationFactor': 4}},
             (400, 1229, 'database name invalid')),
            ({'name': 'd', 'options': {'replicationFactor': 2, 'writeConcern': 3}},
             (400, 10, 'replicationFactor cannot be smaller than writeConcern (2 < 3)')),
            ({'name': 'd', 'options': {'writeConcern': 2, 'minReplicationFactor': 1}},
             (400, 10, 'got ambiguous values for writeConcern and minReplicationFactor')),
        )
        for body, refusal in cases:
            with self.subTest(body=body):
                self.assertEqual(self.refusal(body), refusal)

    def test_a_single_server_does_not_count(self):
        emu = Emulator('--single')
        self.addCleanup(emu.close)
        status, _, reply = emu.request('POST', '/_api/database',
                                       {'name': 'd', 'options': {'replicationFactor': 4}})
        self.assertEqual(status, 201, reply)


class BuildDetailsTests(unittest.TestCase):
    def details(self, version):
        emu = Emulator('--single', '--server-version', version)
        self.addCleanup(emu.close)
        status, _, reply = emu.request('GET', '/_api/version?details=true')
        self.assertEqual(status, 200, reply)
        return reply['details']

    def test_each_release_describes_its_own_build(self):
        builds = {v: self.details(v) for v in
                  ('3.10.14', '3.11.14', '3.12.0-nightly.20240305', '3.12.10')}
        self.assertEqual({v: sorted({'asm-crc32', 'build-id', 'faiss'} & set(d))
                          for v, d in builds.items()},
                         {'3.10.14': ['asm-crc32'], '3.11.14': [],
                          '3.12.0-nightly.20240305': ['build-id'],
                          '3.12.10': ['build-id', 'faiss']})
        self.assertEqual([d['rocksdb-version'] for d in builds.values()],
                         ['7.2.0', '7.2.0', '7.2.0', '9.6.0'])
        for version, details in builds.items():
            self.assertEqual(details['server-version'], version)
            self.assertIn('ArangoDB %s ' % version, details['full-version-string'])
            self.assertIn(details['build-repository'], details['full-version-string'])
        self.assertEqual(builds['3.12.0-nightly.20240305']['build-repository'],
                         'refs/head/3.12 9b0f5c5d58c')
        self.assertEqual(builds['3.11.14']['build-repository'],
                         'refs/3.11.14 46e2b3087')

    def test_support_info_names_the_same_build(self):
        emu = Emulator('--single', '--server-version', '3.10.14')
        self.addCleanup(emu.close)
        _, _, info = emu.request('GET', '/_admin/support-info')
        self.assertEqual(info['host']['build'], 'refs/3.10.14 31b0e460c')


RELEASES = ('3.10.14', '3.11.14', '3.12.0-nightly.20240305', '3.12.10')


class OptimizerRulesTests(unittest.TestCase):
    def emulator(self, version, *args):
        emu = Emulator('--server-version', version, *args)
        self.addCleanup(emu.close)
        return emu

    def explain(self, emu, query, **options):
        status, _, reply = emu.request('POST', '/_api/explain',
                                       {'query': query, 'options': options})
        self.assertEqual(status, 200, reply)
        return reply

    def rules(self, emu):
        status, _, reply = emu.request('GET', '/_api/query/rules')
        self.assertEqual(status, 200, reply)
        return {r['name']: r['flags'] for r in reply}, len(reply)

    def test_each_release_lists_its_own_rules(self):
        single = {v: self.rules(self.emulator(v, '--single')) for v in RELEASES}
        self.assertEqual({v: n for v, (_, n) in single.items()},
                         {'3.10.14': 46, '3.11.14': 46,
                          '3.12.0-nightly.20240305': 55, '3.12.10': 64})
        for version, (rules, count) in single.items():
            self.assertEqual(len(rules), count, 'a rule listed twice in %s' % version)
            self.assertFalse(any(f['clusterOnly'] for f in rules.values()), version)
        self.assertEqual(single['3.10.14'][0]['async-prefetch'],
                         dict(single['3.12.10'][0]['async-prefetch'],
                              hidden=True, disabledByDefault=True))
        self.assertNotIn('async-prefetch', single['3.11.14'][0])
        self.assertIn('optimize-traversal-last-element-access', single['3.11.14'][0])
        self.assertNotIn('optimize-traversal-last-element-access', single['3.10.14'][0])
        between, _ = self.rules(self.emulator('3.12.3', '--single'))
        self.assertIn('push-limit-into-index', between)
        self.assertIn('replace-entries-with-object-iteration', between)
        self.assertNotIn('use-index-for-collect', between)

        coordinator, count = self.rules(self.emulator('3.11.14'))
        self.assertGreater(count, 46)
        self.assertTrue(coordinator['distribute-in-cluster']['clusterOnly'])
        self.assertNotIn('async-prefetch', coordinator)

    def test_explain_counts_the_rules_of_the_release(self):
        query = 'FOR i IN [1, 2, 3] RETURN i'
        counts = {}
        for version in RELEASES:
            emu = self.emulator(version, '--single')
            stats = self.explain(emu, query)['stats']
            off = self.explain(emu, query, optimizer={'rules': ['-all']})['stats']
            counts[version] = (stats['rulesExecuted'], stats['rulesSkipped'],
                               off['rulesExecuted'], off['rulesSkipped'])
        # Hidden rules and those off by default are not counted; "-all"
        # skips all but the rules that cannot be switched off.
        self.assertEqual(counts, {'3.10.14': (43, 0, 3, 40),
                                  '3.11.14': (44, 0, 3, 41),
                                  '3.12.0-nightly.20240305': (52, 0, 4, 48),
                                  '3.12.10': (59, 0, 5, 54)})

    def test_async_prefetch_since_3_12(self):
        applied = {}
        for version in RELEASES:
            emu = self.emulator(version, '--single')
            applied[version] = self.explain(emu, 'FOR i IN 1..3 RETURN i')['plan']['rules']
        self.assertEqual(applied, {'3.10.14': [], '3.11.14': [],
                                   '3.12.0-nightly.20240305': ['async-prefetch'],
                                   '3.12.10': ['async-prefetch']})

    def test_projections_replace_the_calculation_since_3_12(self):
        query = 'FOR d IN c FILTER d.k == 4 LET v = d.v RETURN v'
        plans = {}
        for version in ('3.11.14', '3.12.10'):
            emu = self.emulator(version, '--single')
            for method, path, body in (
                    ('POST', '/_api/collection', {'name': 'c'}),
                    ('POST', '/_api/index?collection=c', {'type': 'persistent', 'fields': ['k']})):
                status, _, reply = emu.request(method, path, body)
                self.assertLess(status, 300, reply)
            plans[version] = self.explain(emu, query)['plan']
        types = {v: [n['type'] for n in p['nodes']] for v, p in plans.items()}
        self.assertIn('CalculationNode', types['3.11.14'])
        self.assertNotIn('CalculationNode', types['3.12.10'])
        self.assertNotIn('optimize-projections', plans['3.11.14']['rules'])
        self.assertIn('optimize-projections', plans['3.12.10']['rules'])

    def test_temporary_variables_took_two_ids_before_3_12(self):
        query = 'FOR i IN 1..10 RETURN i * 2'
        for version, ids in (('3.11.14', {'1': 2, '3': 4}), ('3.12.10', {'1': 1, '2': 2})):
            plan = self.explain(self.emulator(version, '--single'), query)['plan']
            self.assertEqual({v['name']: v['id'] for v in plan['variables'] if v['name'] != 'i'},
                             ids, version)

    def test_3_10_writes_constant_arrays_as_elements(self):
        expressions = {}
        for version in ('3.10.14', '3.11.14'):
            plan = self.explain(self.emulator(version, '--single'),
                                'FOR i IN [1, 2] RETURN i')['plan']
            expressions[version] = next(n['expression'] for n in plan['nodes']
                                        if n['type'] == 'CalculationNode')
        self.assertEqual([e['value'] for e in expressions['3.10.14']['subNodes']], [1, 2])
        self.assertNotIn('raw', expressions['3.10.14'])
        self.assertEqual(expressions['3.11.14']['raw'], [1, 2])
        self.assertNotIn('subNodes', expressions['3.11.14'])


class EchoTests(EmulatorTestCase):
    def test_a_body_without_content_type_comes_as_bytes_first(self):
        self.emu.headers = {'Cookie': 'moon=Io; planet=Jupiter'}
        status, _, reply = self.emu.request('POST', '/_admin/echo/some%20thing/c?x=1&x=2&l[]=a&l[]=b',
                                            raw='{"k":1}')
        self.assertEqual(status, 200, reply)
        keys = list(reply)
        self.assertLess(keys.index('rawRequestBody'), keys.index('requestBody'))
        self.assertEqual(bytes(reply['rawRequestBody']['data']), b'{"k":1}')
        self.assertEqual(reply['requestBody'], '{"k":1}')
        self.assertEqual(reply['headers']['content-length'], '7')
        self.assertEqual(reply['parameters'], {'x': '2', 'l': ['a', 'b']})
        self.assertEqual(reply['cookies'], {'moon': 'Io', 'planet': 'Jupiter'})
        self.assertEqual(reply['suffix'], ['some thing', 'c'])
        self.assertEqual(reply['rawSuffix'], ['some%20thing', 'c'])
        self.assertEqual((reply['prefix'], reply['path']), ('/', '/some thing/c'))

    def test_a_get_has_no_body_but_its_empty_bytes_last(self):
        reply = self.ok('GET', '/_admin/echo')
        self.assertNotIn('requestBody', reply)
        self.assertEqual(list(reply)[-1], 'rawRequestBody')
        self.assertEqual(reply['rawRequestBody'], {'type': 'Buffer', 'data': []})
        self.assertEqual((reply['authorized'], reply['user'], reply['isAdminUser']),
                         (False, None, True))


def hs256_token(secret, payload):
    def part(data):
        text = json.dumps(data, separators=(',', ':')).encode()
        return base64.urlsafe_b64encode(text).rstrip(b'=').decode()
    signing_input = part({'alg': 'HS256', 'typ': 'JWT'}) + '.' + part(payload)
    digest = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + '.' + base64.urlsafe_b64encode(digest).rstrip(b'=').decode()


class JwtSecretFolderTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)

    def write(self, name, secret):
        with open(os.path.join(self.folder.name, name), 'w') as f:
            f.write(secret)

    def test_passive_secrets_still_verify_tokens(self):
        self.write('1-active', 'sun\n')
        self.write('2-passive', 'moon')
        self.write('.hidden', 'not-a-secret')
        emu = Emulator('--user', 'root', '--jwt-secret-folder', self.folder.name)
        self.addCleanup(emu.close)
        payload = {'iss': 'arangodb', 'server_id': 'tool'}
        for secret, status in (('sun', 200), ('moon', 200), ('not-a-secret', 401)):
            emu.headers = {'Authorization': 'bearer ' + hs256_token(secret, payload)}
            got, _, reply = emu.request('GET', '/_api/version')
            self.assertEqual(got, status, (secret, reply))

    def test_an_empty_folder_ends_the_start(self):
        process = subprocess.run([EMULATOR, '--jwt-secret-folder', self.folder.name],
                                 stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                 timeout=60)
        self.assertEqual(process.returncode, 1)
        self.assertIn('empty JWT secrets directory', process.stderr)


if __name__ == '__main__':
    unittest.main()
