#!/usr/bin/python3
# test_client.py: the arango-glib API through PyGObject, against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests.

Every test talks over real HTTP to an ``arango-emulator`` subprocess and
checks the answers against the emulator's control surface.  PyGObject 3.42
has no awaitable async calls, so each call goes through a callback that
finishes it and quits a GLib.MainLoop.
"""

import logging
import os
import sys
import time
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Gio', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, Gio, GLib, Json  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from emulator import Emulator  # noqa: E402

# Far longer than any call needs; only there so that a hang fails the test
# instead of the whole suite.
CALL_TIMEOUT = 60

ARANGO_ERROR_DOMAIN = 'arango-error-quark'
ARANGO_SERVER_ERROR_DOMAIN = 'arango-server-error-quark'


class CallTimeout(AssertionError):
    pass


def run_async(obj, method, *args, cancellable=None):
    """Run obj.<method>_async(*args, cancellable, callback, None) to the end.

    Returns what obj.<method>_finish() returns, or raises its GLib.GError.
    """
    loop = GLib.MainLoop()
    outcome = {}

    def on_done(source, result, user_data):
        outcome['source'] = source
        outcome['user_data'] = user_data
        try:
            outcome['value'] = getattr(source, method + '_finish')(result)
        except GLib.GError as error:
            outcome['error'] = error
        loop.quit()

    def on_timeout():
        outcome['timeout'] = True
        loop.quit()
        return GLib.SOURCE_REMOVE

    getattr(obj, method + '_async')(*args, cancellable, on_done, None)
    timeout_id = GLib.timeout_add_seconds(CALL_TIMEOUT, on_timeout)
    loop.run()

    if outcome.get('timeout'):
        raise CallTimeout('%s_async did not finish within %d s'
                          % (method, CALL_TIMEOUT))
    GLib.source_remove(timeout_id)

    # The callback gets the object the call was made on, and the user data
    # given to it.
    assert outcome['source'] == obj, outcome['source']
    assert outcome['user_data'] is None
    if 'error' in outcome:
        raise outcome['error']
    return outcome['value']


def json_members(obj):
    return sorted(obj.get_members() or [])


class PickingResolver(Arango.HostResolver):
    """A resolver written in Python: always the preferred host, unless it
    failed for this request; then the next one that did not."""

    __gtype_name__ = 'TestPythonPickingResolver'

    def __init__(self, preferred):
        super().__init__()
        self.preferred = preferred
        self.calls = []

    # PyGObject 3.42 also passes the array length (n_failed_hosts) to
    # Python vfuncs; newer versions may not, hence the default.
    def do_pick_host(self, n_hosts, failed_hosts, n_failed_hosts=None):
        failed = list(failed_hosts or [])
        self.calls.append((n_hosts, failed))
        index = self.preferred % n_hosts
        for _ in range(n_hosts):
            if index not in failed:
                return index
            index = (index + 1) % n_hosts
        return self.preferred % n_hosts


class EmulatorTestCase(unittest.TestCase):
    """Starts one emulator per class; resets it before every test."""

    emulator_options = {}

    @classmethod
    def setUpClass(cls):
        cls.emulator = Emulator(**cls.emulator_options)
        cls.emulator.start()
        cls.addClassCleanup(cls.emulator.stop)

    def setUp(self):
        self.emulator.reset()
        state = self.emulator.state()
        for coordinator in state['coordinators']:
            self.assertEqual(coordinator['fault'], 'none')
            self.assertTrue(coordinator.get('running', True))
            self.assertEqual(coordinator['requests'], 0)
        self.assertFalse(state['maintenance'])

    # Helpers

    def assertArangoError(self, error, code):
        self.assertIsInstance(error, GLib.GError)
        self.assertEqual(error.domain, ARANGO_ERROR_DOMAIN, error.message)
        self.assertTrue(error.matches(Arango.error_quark(), code),
                        '%s: code %d, expected %s'
                        % (error.message, error.code, code))

    def new_client(self, resolver=None):
        if resolver is None:
            return Arango.Client.new(self.emulator.hosts)
        return Arango.Client.new_for_hosts(self.emulator.urls, resolver)

    def open_db(self, client, username='root', password=''):
        return run_async(client, 'db', '_system', username, password)

    def new_cluster(self, resolver=None):
        client = self.new_client(resolver)
        return self.open_db(client).get_cluster()

    def dbserver_ids(self, cluster):
        health = run_async(cluster, 'health').get_member('Health').get_object()
        return sorted(server_id for server_id in health.get_members()
                      if health.get_object_member(server_id)
                      .get_string_member('Role') == 'DBServer')

    def counts_since(self, before):
        return [after - earlier for after, earlier
                in zip(self.emulator.request_counts(), before)]


class HostsTests(EmulatorTestCase):

    def test_comma_separated_hosts(self):
        client = Arango.Client.new(self.emulator.hosts)
        self.assertEqual(client.get_hosts(), self.emulator.urls)
        self.assertEqual(client.props.hosts, self.emulator.urls)
        self.assertEqual(len(client.get_hosts()), 3)

    def test_hosts_are_normalized(self):
        # Spaces around the items and trailing slashes go away; ArangoDB's
        # tcp:// means http://; scheme and host are put in lower case and
        # the port is made explicit.
        messy = ' , '.join(url.replace('http://', 'tcp://') + '/'
                           for url in self.emulator.urls)
        client = Arango.Client.new(messy)
        self.assertEqual(client.get_hosts(), self.emulator.urls)

        client = Arango.Client.new('HTTP://LocalHost, https://Example.COM/')
        self.assertEqual(client.props.hosts,
                         ['http://localhost:80', 'https://example.com:443'])

    def test_default_host(self):
        client = Arango.Client.new(None)
        self.assertEqual(client.get_hosts(), ['http://127.0.0.1:8529'])

    def test_new_for_hosts(self):
        resolver = Arango.HostResolver.new_random()
        client = Arango.Client.new_for_hosts(self.emulator.urls, resolver)
        self.assertEqual(client.get_hosts(), self.emulator.urls)
        self.assertIs(client.props.resolver, resolver)
        self.assertIs(client.get_resolver(), resolver)

    def test_malformed_hosts(self):
        secret = 'pa55w0rd-in-url'
        for hosts in ['ftp://127.0.0.1:8529',
                      'http://',
                      'not a url at all',
                      self.emulator.urls[0] + ',,' + self.emulator.urls[1],
                      'http://127.0.0.1:8529?x=1',
                      'http://root:%s@127.0.0.1:8529' % secret,
                      '']:
            with self.subTest(hosts=hosts):
                with self.assertRaises(GLib.GError) as caught:
                    Arango.Client.new(hosts)
                self.assertArangoError(caught.exception,
                                       Arango.Error.INVALID_HOST)
                self.assertNotIn(secret, caught.exception.message)

        with self.assertRaises(GLib.GError) as caught:
            Arango.Client.new_for_hosts([], None)
        self.assertArangoError(caught.exception, Arango.Error.INVALID_HOST)

    def test_resolver_for_name(self):
        for name in ['roundrobin', 'random', 'fallback', 'periodic']:
            with self.subTest(name=name):
                resolver = Arango.HostResolver.new_for_name(name)
                self.assertIsInstance(resolver, Arango.HostResolver)
                picked = resolver.pick_host(3, [])
                self.assertIn(picked, range(3))
        with self.assertRaises(GLib.GError) as caught:
            Arango.HostResolver.new_for_name('bogus')
        self.assertArangoError(caught.exception,
                               Arango.Error.INVALID_ARGUMENT)

    def test_client_sends_nothing_until_asked(self):
        before = self.emulator.request_counts()
        client = self.new_client()
        db = self.open_db(client)
        self.assertEqual(db.get_name(), '_system')
        self.assertEqual(db.props.name, '_system')
        self.assertEqual(db.get_username(), 'root')
        self.assertIs(db.get_client(), client)
        self.assertIsInstance(db.get_cluster(), Arango.Cluster)
        self.assertIs(db.props.cluster, db.get_cluster())
        self.assertEqual(self.counts_since(before), [0, 0, 0])


class ClusterTests(EmulatorTestCase):

    def setUp(self):
        super().setUp()
        self.client = self.new_client()
        self.cluster = self.open_db(self.client).get_cluster()

    def test_server_id(self):
        server_id = run_async(self.cluster, 'server_id')
        self.assertIn(server_id, self.emulator.server_ids())
        self.assertTrue(server_id.startswith('CRDN-'))

    def test_server_role(self):
        self.assertEqual(run_async(self.cluster, 'server_role'),
                         'COORDINATOR')

    def test_health(self):
        health = run_async(self.cluster, 'health')
        self.assertIsInstance(health, Json.Object)
        self.assertFalse(health.has_member('error'))
        self.assertFalse(health.has_member('code'))
        servers = health.get_member('Health').get_object()
        ids = servers.get_members()
        for coordinator_id in self.emulator.server_ids():
            self.assertIn(coordinator_id, ids)
            entry = servers.get_object_member(coordinator_id)
            self.assertEqual(entry.get_string_member('Role'), 'Coordinator')
            self.assertEqual(entry.get_string_member('Status'), 'GOOD')
        self.assertTrue(self.dbserver_ids(self.cluster))

    def test_statistics(self):
        dbserver = self.dbserver_ids(self.cluster)[0]
        statistics = run_async(self.cluster, 'statistics', dbserver)
        self.assertIsInstance(statistics, Json.Object)
        self.assertGreater(statistics.get_size(), 0)
        self.assertFalse(statistics.has_member('error'))

        path = '/_admin/cluster/statistics'
        logged = [r for i in range(3) for r in self.emulator.requests(i)
                  if r['path'].endswith(path)]
        self.assertEqual(len(logged), 1)
        self.assertIn('DBserver=' + dbserver, logged[0]['query'])

    def test_server_statistics(self):
        dbserver = self.dbserver_ids(self.cluster)[0]
        statistics = run_async(self.cluster, 'server_statistics', dbserver)
        self.assertIsInstance(statistics, Json.Object)
        self.assertGreater(statistics.get_size(), 0)
        self.assertFalse(statistics.has_member('error'))

    def test_toggle_maintenance_mode(self):
        self.assertIs(run_async(self.cluster, 'toggle_maintenance_mode',
                                'on'), True)
        self.assertTrue(self.emulator.in_maintenance())
        # The body is the JSON string, not an object.
        logged = [r for i in range(3) for r in self.emulator.requests(i)
                  if r['path'].endswith('/_admin/cluster/maintenance')]
        self.assertEqual([(r['method'], r['body']) for r in logged],
                         [('PUT', '"on"')])
        self.assertIs(run_async(self.cluster, 'toggle_maintenance_mode',
                                'off'), True)
        self.assertFalse(self.emulator.in_maintenance())

    def test_toggle_maintenance_mode_invalid(self):
        before = self.emulator.request_counts()
        with self.assertRaises(GLib.GError) as caught:
            run_async(self.cluster, 'toggle_maintenance_mode', 'bogus')
        self.assertArangoError(caught.exception,
                               Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.counts_since(before), [0, 0, 0])
        self.assertFalse(self.emulator.in_maintenance())

    def test_round_robin(self):
        ids = self.emulator.server_ids()
        rounds = 4
        before = self.emulator.request_counts()
        seen = [run_async(self.cluster, 'server_id')
                for _ in range(3 * rounds)]
        self.assertEqual(self.counts_since(before), [rounds] * 3)
        for server_id in ids:
            self.assertEqual(seen.count(server_id), rounds)
        # Strictly in turn: every window of three saw all coordinators.
        for start in range(len(seen) - 2):
            self.assertEqual(sorted(seen[start:start + 3]), sorted(ids))

    def test_server_error(self):
        with self.assertRaises(GLib.GError) as caught:
            run_async(self.cluster, 'server_statistics',
                      'PRMR-does-not-exist')
        error = caught.exception
        self.assertEqual(error.domain, ARANGO_SERVER_ERROR_DOMAIN)
        self.assertEqual(error.code, Arango.ServerError.HTTP_BAD_PARAMETER)
        self.assertTrue(error.matches(Arango.server_error_quark(),
                                      Arango.ServerError.HTTP_BAD_PARAMETER))
        self.assertTrue(error.message.startswith('[HTTP 400][ERR 400]'),
                        error.message)

    def test_empty_server_id(self):
        before = self.emulator.request_counts()
        with self.assertRaises(GLib.GError) as caught:
            run_async(self.cluster, 'server_statistics', '')
        self.assertArangoError(caught.exception,
                               Arango.Error.INVALID_ARGUMENT)
        self.assertEqual(self.counts_since(before), [0, 0, 0])

    def test_garbage_reply(self):
        resolver = Arango.HostResolver.new_fallback()
        cluster = self.new_cluster(resolver)
        self.emulator.set_fault(0, 'garbage', count=1)
        with self.assertRaises(GLib.GError) as caught:
            run_async(cluster, 'server_id')
        self.assertArangoError(caught.exception, Arango.Error.INVALID_REPLY)
        # The fault was used up: the next request works again.
        self.assertEqual(run_async(cluster, 'server_id'),
                         self.emulator.server_ids()[0])


class ResolverTests(EmulatorTestCase):

    def test_python_resolver_picks_host(self):
        ids = self.emulator.server_ids()
        resolver = PickingResolver(2)
        cluster = self.new_cluster(resolver)

        before = self.emulator.request_counts()
        for _ in range(5):
            self.assertEqual(run_async(cluster, 'server_id'), ids[2])
        self.assertEqual(self.counts_since(before), [0, 0, 5])
        self.assertEqual(resolver.calls, [(3, [])] * 5)

    def test_python_resolver_as_property(self):
        ids = self.emulator.server_ids()
        client = self.new_client()
        resolver = PickingResolver(1)
        notified = []
        client.connect('notify::resolver',
                       lambda obj, pspec: notified.append(pspec.name))
        client.props.resolver = resolver
        self.assertEqual(notified, ['resolver'])
        self.assertIs(client.get_resolver(), resolver)

        cluster = self.open_db(client).get_cluster()
        before = self.emulator.request_counts()
        for _ in range(3):
            self.assertEqual(run_async(cluster, 'server_id'), ids[1])
        self.assertEqual(self.counts_since(before), [0, 3, 0])

        client.set_resolver(PickingResolver(0))
        self.assertEqual(run_async(cluster, 'server_id'), ids[0])

    def test_python_resolver_told_about_failed_host(self):
        ids = self.emulator.server_ids()
        resolver = PickingResolver(1)
        cluster = self.new_cluster(resolver)
        self.assertEqual(run_async(cluster, 'server_id'), ids[1])

        self.emulator.stop_coordinator(1)
        del resolver.calls[:]
        before = self.emulator.request_counts()
        self.assertEqual(run_async(cluster, 'server_id'), ids[2])
        self.assertEqual(resolver.calls, [(3, []), (3, [1])])
        self.assertEqual(self.counts_since(before), [0, 0, 1])


class FailoverTests(EmulatorTestCase):

    def test_stopped_coordinator(self):
        ids = self.emulator.server_ids()
        cluster = self.new_cluster()
        self.emulator.stop_coordinator(0)
        before = self.emulator.request_counts()
        seen = [run_async(cluster, 'server_id') for _ in range(6)]
        self.assertNotIn(ids[0], seen)
        self.assertEqual(set(seen), set(ids[1:]))
        counts = self.counts_since(before)
        self.assertEqual(counts[0], 0)
        self.assertEqual(sum(counts), 6)

        # Back again: it gets its turn again.
        self.emulator.start_coordinator(0)
        seen = [run_async(cluster, 'server_id') for _ in range(3)]
        self.assertEqual(sorted(seen), sorted(ids))

    def test_unavailable_is_retried(self):
        ids = self.emulator.server_ids()
        cluster = self.new_cluster(Arango.HostResolver.new_fallback())
        self.emulator.set_fault(0, 'unavailable', count=1)
        before = self.emulator.request_counts()
        self.assertEqual(run_async(cluster, 'server_id'), ids[1])
        self.assertEqual(self.counts_since(before), [1, 1, 0])
        self.assertEqual(self.emulator.coordinators()[0]['fault'], 'none')

    def test_unavailable_post_is_retried(self):
        # A 503 means the coordinator did not run the request, so even a
        # write may go to another one.
        cluster = self.new_cluster(Arango.HostResolver.new_fallback())
        self.emulator.set_fault(0, 'unavailable', count=1)
        before = self.emulator.request_counts()
        self.assertIs(run_async(cluster, 'toggle_maintenance_mode', 'on'),
                      True)
        self.assertEqual(self.counts_since(before), [1, 1, 0])
        self.assertTrue(self.emulator.in_maintenance())

    def test_all_coordinators_stopped(self):
        cluster = self.new_cluster()
        for index in range(3):
            self.emulator.stop_coordinator(index)
        with self.assertRaises(GLib.GError) as caught:
            run_async(cluster, 'server_id')
        self.assertArangoError(caught.exception,
                               Arango.Error.HOSTS_UNAVAILABLE)

        for index in range(3):
            self.emulator.start_coordinator(index)
        self.assertIn(run_async(cluster, 'server_id'),
                      self.emulator.server_ids())

    def test_all_unavailable(self):
        client = self.new_client()
        client.set_max_tries(3)
        self.assertEqual(client.get_max_tries(), 3)
        cluster = self.open_db(client).get_cluster()
        for index in range(3):
            self.emulator.set_fault(index, 'unavailable')
        before = self.emulator.request_counts()
        with self.assertRaises(GLib.GError) as caught:
            run_async(cluster, 'server_role')
        self.assertArangoError(caught.exception,
                               Arango.Error.HOSTS_UNAVAILABLE)
        self.assertEqual(self.counts_since(before), [1, 1, 1])

    def test_max_tries_one_turns_failover_off(self):
        # The fallback resolver always picks the first host that has not
        # failed for this request: with it down, one try is one failure.
        client = self.new_client(Arango.HostResolver.new_fallback())
        self.assertIs(client.set_max_tries(1), True)
        self.assertEqual(client.props.max_tries, 1)
        cluster = self.open_db(client).get_cluster()
        self.emulator.stop_coordinator(0)
        before = self.emulator.request_counts()
        with self.assertRaises(GLib.GError) as caught:
            run_async(cluster, 'server_id')
        self.assertArangoError(caught.exception,
                               Arango.Error.HOSTS_UNAVAILABLE)
        self.assertIn('after 1 try on 3 hosts', caught.exception.message)
        self.assertEqual(self.counts_since(before), [0, 0, 0])

        # The default moves the same request on to the next coordinator.
        client.set_max_tries(0)
        self.assertEqual(client.get_max_tries(), 9)
        self.assertEqual(run_async(cluster, 'server_id'),
                         self.emulator.server_ids()[1])
        self.assertEqual(self.counts_since(before), [0, 1, 0])

    def test_hanging_read_moves_on_after_timeout(self):
        ids = self.emulator.server_ids()
        client = Arango.Client.new_for_hosts(
            self.emulator.urls, Arango.HostResolver.new_fallback())
        client.set_request_timeout(1)
        self.assertEqual(client.props.request_timeout, 1)
        cluster = self.open_db(client).get_cluster()
        self.emulator.set_fault(0, 'hang')
        self.assertEqual(run_async(cluster, 'server_id'), ids[1])

    def test_cancel(self):
        cluster = self.new_cluster()
        for index in range(3):
            self.emulator.set_fault(index, 'hang')
        cancellable = Gio.Cancellable()
        GLib.timeout_add(200, lambda: cancellable.cancel() or False)
        with self.assertRaises(GLib.GError) as caught:
            run_async(cluster, 'server_id', cancellable=cancellable)
        self.assertTrue(caught.exception.matches(Gio.io_error_quark(),
                                                 Gio.IOErrorEnum.CANCELLED),
                        caught.exception.message)


class RequestSignalTests(EmulatorTestCase):
    """request-started and request-finished, with a handler that logs
    every attempt through the logging module."""

    def setUp(self):
        super().setUp()
        self.urls = self.emulator.urls
        self.client = Arango.Client.new_for_hosts(
            self.urls, Arango.HostResolver.new_fallback())
        self.cluster = self.open_db(self.client).get_cluster()
        self.log = logging.getLogger('arango.requests')
        self.errors = []
        self.durations = []
        self.client.connect('request-started', self.on_started)
        self.client.connect('request-finished', self.on_finished)

    # PyGObject prints and drops what a signal handler raises: the
    # handlers only record, the tests assert.
    def on_started(self, client, method, uri):
        self.log.info('%s %s', method, uri)

    def on_finished(self, client, method, uri, status, error, duration):
        self.errors.append(error)
        self.durations.append(duration)
        self.log.info('%s %s -> %d%s', method, uri, status,
                      ' (%s)' % error.message if error else '')

    def server_id_url(self, index):
        return self.urls[index] + '/_db/_system/_admin/server/id'

    def test_logs_a_call(self):
        with self.assertLogs('arango.requests') as logged:
            run_async(self.cluster, 'server_id')
        url = self.server_id_url(0)
        self.assertEqual(logged.output,
                         ['INFO:arango.requests:GET ' + url,
                          'INFO:arango.requests:GET %s -> 200' % url])
        self.assertEqual(self.errors, [None])
        self.assertEqual(len(self.durations), 1)
        self.assertGreaterEqual(self.durations[0], 0)

    def test_logs_each_attempt_of_a_failover(self):
        self.emulator.set_fault(0, 'unavailable', count=1)
        with self.assertLogs('arango.requests') as logged:
            run_async(self.cluster, 'server_id')
        first, second = self.server_id_url(0), self.server_id_url(1)
        self.assertEqual(logged.output,
                         ['INFO:arango.requests:GET ' + first,
                          'INFO:arango.requests:GET %s -> 503' % first,
                          'INFO:arango.requests:GET ' + second,
                          'INFO:arango.requests:GET %s -> 200' % second])

    def test_error_reaches_the_handler(self):
        self.emulator.stop_coordinator(0)
        with self.assertLogs('arango.requests') as logged:
            run_async(self.cluster, 'server_id')
        self.assertEqual(len(logged.output), 4)
        refused, served = self.errors
        self.assertIsInstance(refused, GLib.GError)
        self.assertTrue(refused.matches(Gio.io_error_quark(),
                                        Gio.IOErrorEnum.CONNECTION_REFUSED),
                        refused.message)
        self.assertIsNone(served)
        self.assertTrue(logged.output[1].startswith(
            'INFO:arango.requests:GET %s -> 0 (' % self.server_id_url(0)),
            logged.output[1])

    def test_server_refusal_is_a_reply(self):
        with self.assertRaises(GLib.GError):
            run_async(self.cluster, 'server_statistics', 'PRMR-does-not-exist')
        self.assertEqual(self.errors, [None])


class AuthTests(EmulatorTestCase):

    emulator_options = {'user': 'root', 'password': 'secret'}

    def open_full(self, client, password, method, verify=True):
        return run_async(client, 'db_full', '_system', 'root', password,
                         method, verify)

    def authorization_headers(self, index):
        values = []
        for request in self.emulator.requests(index):
            for name, value in request['headers'].items():
                if name.lower() == 'authorization':
                    values.append((request['path'], value))
        return values

    def test_jwt(self):
        client = Arango.Client.new_for_hosts(
            self.emulator.urls, Arango.HostResolver.new_fallback())
        db = self.open_full(client, 'secret', Arango.AuthMethod.JWT)
        cluster = db.get_cluster()
        self.assertEqual(run_async(cluster, 'server_id'),
                         self.emulator.server_ids()[0])

        headers = self.authorization_headers(0)
        paths = [path for path, _ in headers]
        self.assertTrue(any(path.endswith('/_admin/server/id')
                            for path in paths), paths)
        for path, value in headers:
            if path.endswith('/_admin/server/id'):
                self.assertTrue(value.lower().startswith('bearer '), value)
                self.assertNotIn('secret', value)

    def test_basic(self):
        client = self.new_client()
        cluster = self.open_full(client, 'secret',
                                 Arango.AuthMethod.BASIC).get_cluster()
        self.assertEqual(run_async(cluster, 'server_role'), 'COORDINATOR')

    def test_wrong_password(self):
        wrong = 'n0t-the-Passw0rd'
        for method in [Arango.AuthMethod.JWT, Arango.AuthMethod.BASIC]:
            with self.subTest(method=method):
                client = self.new_client()
                with self.assertRaises(GLib.GError) as caught:
                    self.open_full(client, wrong, method)
                self.assertArangoError(caught.exception,
                                       Arango.Error.AUTHENTICATION_FAILED)
                self.assertNotIn(wrong, caught.exception.message)

    def test_wrong_password_unverified(self):
        # Without verification the database opens; its first call fails.
        wrong = 'n0t-the-Passw0rd'
        client = self.new_client()
        cluster = self.open_db(client, 'root', wrong).get_cluster()
        with self.assertRaises(GLib.GError) as caught:
            run_async(cluster, 'server_id')
        error = caught.exception
        self.assertEqual(error.domain, ARANGO_SERVER_ERROR_DOMAIN)
        # ArangoDB answers 401 with errorNum 11 (forbidden).
        self.assertEqual(error.code, Arango.ServerError.FORBIDDEN)
        self.assertTrue(error.message.startswith('[HTTP 401][ERR 11]'),
                        error.message)
        self.assertNotIn(wrong, error.message)

    def test_superuser_token(self):
        token = self.emulator.superuser_token()
        client = self.new_client()
        db = run_async(client, 'db_with_token', '_system', token, True)
        self.assertEqual(run_async(db.get_cluster(), 'server_role'),
                         'COORDINATOR')

    def test_bad_token(self):
        client = self.new_client()
        with self.assertRaises(GLib.GError) as caught:
            run_async(client, 'db_with_token', '_system', 'not.a.jwt', True)
        self.assertArangoError(caught.exception,
                               Arango.Error.AUTHENTICATION_FAILED)
        self.assertNotIn('not.a.jwt', caught.exception.message)

    def test_empty_token(self):
        client = self.new_client()
        with self.assertRaises(GLib.GError) as caught:
            run_async(client, 'db_with_token', '_system', '', True)
        self.assertArangoError(caught.exception,
                               Arango.Error.INVALID_ARGUMENT)


class TokenRenewalTests(EmulatorTestCase):
    """A JWT the server no longer accepts is renewed once, transparently."""

    emulator_options = AuthTests.emulator_options

    def test_jwt_renewed_after_secret_rotation(self):
        client = Arango.Client.new_for_hosts(
            self.emulator.urls, Arango.HostResolver.new_fallback())
        db = run_async(client, 'db_full', '_system', 'root', 'secret',
                       Arango.AuthMethod.JWT, True)
        cluster = db.get_cluster()
        self.assertEqual(run_async(cluster, 'server_role'), 'COORDINATOR')

        self.emulator.rotate_secret()
        before = len([r for r in self.emulator.requests(0)
                      if r['path'].endswith('/_open/auth')])
        self.assertEqual(run_async(cluster, 'server_role'), 'COORDINATOR')
        logins = len([r for r in self.emulator.requests(0)
                      if r['path'].endswith('/_open/auth')])
        self.assertEqual(logins - before, 1)


class PoolSizeTests(EmulatorTestCase):
    """max-connections caps the requests running on a coordinator at once.

    The coordinator holds every request it gets until the fault is lifted,
    so the requests it has got are the ones running at once; a connection
    carries one request at a time, so the connections it saw bound how
    many ever ran together.
    """

    emulator_options = {'coordinators': 1}

    def wait_for_requests(self, count):
        deadline = time.monotonic() + 5
        context = GLib.MainContext.default()
        while self.emulator.request_counts()[0] < count:
            self.assertLess(time.monotonic(), deadline)
            context.iteration(False)
            time.sleep(0.01)

    def test_property(self):
        client = self.new_client()
        self.assertEqual(client.props.max_connections, 8)
        notified = []
        client.connect('notify::max-connections',
                       lambda obj, pspec: notified.append(
                           obj.props.max_connections))
        client.props.max_connections = 3
        client.set_max_connections(3)
        self.assertEqual(client.get_max_connections(), 3)
        # The setter takes the nearest value in range.
        client.set_max_connections(0)
        self.assertEqual(client.props.max_connections, 1)
        client.set_max_connections(1000)
        self.assertEqual(client.props.max_connections, 32)
        self.assertEqual(notified, [3, 1, 32])

    def test_requests_at_once(self):
        client = self.new_client()
        client.props.max_connections = 3
        cluster = self.open_db(client).get_cluster()
        server_id = self.emulator.server_ids()[0]
        self.emulator.reset()
        self.emulator.set_fault(0, 'hang')

        loop = GLib.MainLoop()
        ids = []

        def on_done(source, result, user_data):
            ids.append(source.server_id_finish(result))
            if len(ids) == 10:
                loop.quit()

        for _ in range(10):
            cluster.server_id_async(None, on_done, None)
        self.wait_for_requests(3)
        self.emulator.set_fault(0, 'none')
        if len(ids) < 10:
            loop.run()

        self.assertEqual(ids, [server_id] * 10)
        coordinator = self.emulator.coordinators()[0]
        self.assertEqual(coordinator['requests'], 10)
        self.assertEqual(coordinator['connections'], 3)


if __name__ == '__main__':
    unittest.main(verbosity=2)
