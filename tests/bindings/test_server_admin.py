#!/usr/bin/python3
# test_server_admin.py: what a server tells of itself and its secrets,
# through PyGObject against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of echo, read_log, options, options_available,
api_calls, jwt_secrets, reload_jwt_secrets and encryption: what Python
gets back (dicts through Json, a list of calls from a Json.Array), what it
may send (a Json.Node or None), and how refusals arrive as GLib.GError.

One coordinator with authentication on: root (basic authentication) is an
admin but no superuser; a superuser token opens a second handle."""

import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from emulator import Emulator  # noqa: E402
from test_data import (ARANGO_ERROR_DOMAIN, ARANGO_SERVER_ERROR_DOMAIN,  # noqa: E402
                       Arango, GLib, doc, run_async, to_python)

PASSWORD = 'pw'


class ServerAdminTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.emulator = Emulator(coordinators=1, user='root', password=PASSWORD)
        cls.emulator.start()
        cls.addClassCleanup(cls.emulator.stop)

    def setUp(self):
        self.client = Arango.Client.new(self.emulator.hosts)
        self.db = run_async(self.client, 'db', '_system', 'root', PASSWORD)

    def superuser(self):
        return self.client.db_with_token_sync(
            '_system', self.emulator.superuser_token(), True, None)

    def refused(self, obj, method, *args):
        with self.assertRaises(GLib.GError) as caught:
            value = run_async(obj, method, *args)
            self.fail('%s succeeded: %r' % (method, value))
        return caught.exception

    def assertServerError(self, error, code, message):
        self.assertEqual(error.domain, ARANGO_SERVER_ERROR_DOMAIN, error.message)
        self.assertEqual(error.code, code, error.message)
        self.assertIn(message, error.message)

    def test_echo(self):
        got = to_python(run_async(self.db, 'echo', None))
        self.assertEqual(got['requestType'], 'GET')
        self.assertEqual(got['user'], 'root')
        self.assertNotIn('requestBody', got)

        posted = to_python(self.db.echo_sync(doc('{"name": "Vesta", "moons": []}'), None))
        self.assertEqual(posted['requestType'], 'POST')
        self.assertEqual(posted['headers']['content-type'], 'application/json')
        self.assertEqual(posted['requestBody'], '{"name":"Vesta","moons":[]}')
        self.assertEqual(bytes(posted['rawRequestBody']['data']),
                         posted['requestBody'].encode())

    def test_read_log(self):
        log = to_python(run_async(self.db, 'read_log', 'warning', None, -1, -1, -1,
                                  None, None, None))
        self.assertEqual(log['totalAmount'], len(log['text']))
        self.assertEqual(log['level'], [2] * len(log['text']))

        before = sum(self.emulator.request_counts())
        error = self.refused(self.db, 'read_log', None, None, -1, -1, -1, None, 'up', None)
        self.assertEqual(error.domain, ARANGO_ERROR_DOMAIN)
        self.assertTrue(error.matches(Arango.error_quark(), Arango.Error.INVALID_ARGUMENT))
        self.assertEqual(sum(self.emulator.request_counts()), before)

    def test_options(self):
        error = self.refused(self.db, 'options')
        self.assertServerError(error, Arango.ServerError.HTTP_FORBIDDEN, 'insufficient permissions')

        superuser = self.superuser()
        options = to_python(run_async(superuser, 'options'))
        self.assertIs(options['server.authentication'], True)
        self.assertFalse([name for name in options if 'secret' in name])
        described = to_python(superuser.options_available_sync(None))
        self.assertTrue(all('description' in option for option in described.values()))
        self.assertEqual(described['server.options-api']['default'], 'jwt')

    def test_api_calls(self):
        self.db.version_sync(False, None)
        calls = run_async(self.db, 'api_calls')
        self.assertGreater(calls.get_length(), 1)
        newest = to_python(calls)[0]
        self.assertEqual((newest['requestType'], newest['path'], newest['database']),
                         ('GET', '/_admin/server/api-calls', '_system'))
        self.assertIn('/_api/version', [call['path'] for call in to_python(calls)])

    def test_jwt_secrets(self):
        secrets = to_python(run_async(self.db, 'jwt_secrets'))
        self.assertRegex(secrets['active']['sha256'], re.compile('^[0-9a-f]{64}$'))
        self.assertEqual(secrets['passive'], [])

        error = self.refused(self.db, 'reload_jwt_secrets')
        self.assertServerError(error, Arango.ServerError.FORBIDDEN, 'forbidden')
        error = self.refused(self.superuser(), 'reload_jwt_secrets')
        self.assertServerError(error, Arango.ServerError.BAD_PARAMETER,
                               'no JWT secret file was specified')

    def test_encryption(self):
        error = self.refused(self.superuser(), 'encryption')
        self.assertServerError(error, Arango.ServerError.FORBIDDEN, '[HTTP 403]')


if __name__ == '__main__':
    unittest.main(verbosity=2)
