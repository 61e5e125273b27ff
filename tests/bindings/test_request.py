#!/usr/bin/python3
# test_request.py: the generic request through PyGObject, against the
# emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Database.request_async() as a Python program calls it: query parameters
and headers as dicts, the body as a Json.Node, the reply as an
Arango.HttpResponse; error replies as GLib.GError or, on request, as
responses."""

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_data import (  # noqa: E402
    ARANGO_ERROR_DOMAIN, ARANGO_SERVER_ERROR_DOMAIN, run_async, to_python)

from emulator import Emulator  # noqa: E402

from gi.repository import Arango, GLib, Json  # noqa: E402

NONE = Arango.RequestFlags.NONE
RETURN_ERRORS = Arango.RequestFlags.RETURN_ERRORS


class RequestTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.emulator = Emulator(coordinators=2)
        cls.emulator.start()
        cls.addClassCleanup(cls.emulator.stop)

    def setUp(self):
        self.emulator.reset()
        self.client = Arango.Client.new(self.emulator.hosts)
        self.db = run_async(self.client, 'db', '_system', 'root', '')

    def request(self, method, path, query=None, headers=None, body=None,
                flags=NONE):
        node = Json.from_string(json.dumps(body)) if body is not None \
            else None
        return run_async(self.db, 'request', method, path, query, headers,
                         node, flags)

    def test_json_reply_with_query(self):
        response = self.request('GET', '/_api/version', {'details': 'true'})
        self.assertIsInstance(response, Arango.HttpResponse)
        self.assertEqual(response.get_status(), 200)
        self.assertEqual(response.props.status, 200)
        body = to_python(response.get_body())
        self.assertEqual(body['server'], 'arango')
        self.assertIn('details', body)
        self.assertEqual(json.loads(bytes(response.get_bytes().get_data())),
                         body)
        self.assertTrue(response.get_header('content-type')
                        .startswith('application/json'))
        names = [name.lower() for name in response.get_header_names()]
        self.assertIn('content-type', names)
        self.assertIn(response.get_host(), self.emulator.hosts.split(','))

    def test_json_body(self):
        response = self.request('POST', '/_api/cursor',
                                body={'query': 'RETURN @a * 2',
                                      'bindVars': {'a': 21}})
        self.assertEqual(response.get_status(), 201)
        self.assertEqual(to_python(response.get_body())['result'], [42])

    def test_headers(self):
        response = self.request('GET', '/_api/version',
                                headers={'x-arango-async': 'store'})
        self.assertEqual(response.get_status(), 202)
        self.assertIsNotNone(response.get_header('x-arango-async-id'))
        self.assertIsNone(response.get_body())

    def test_error_reply_is_an_error(self):
        with self.assertRaises(GLib.GError) as caught:
            self.request('GET', '/_api/collection/missing')
        self.assertEqual(caught.exception.domain, ARANGO_SERVER_ERROR_DOMAIN)
        self.assertEqual(caught.exception.code, Arango.ServerError.DATA_SOURCE_NOT_FOUND)

    def test_error_reply_as_response(self):
        response = self.request('GET', '/_api/collection/missing',
                                flags=RETURN_ERRORS)
        self.assertEqual(response.get_status(), 404)
        self.assertEqual(to_python(response.get_body())['errorNum'],
                         Arango.ServerError.DATA_SOURCE_NOT_FOUND)
        with self.assertRaises(GLib.GError) as caught:
            response.check_status()
        self.assertEqual(caught.exception.domain, ARANGO_SERVER_ERROR_DOMAIN)
        self.assertEqual(caught.exception.code, Arango.ServerError.DATA_SOURCE_NOT_FOUND)

    def test_reply_not_json(self):
        response = self.request('GET', '/_admin/metrics/v2')
        self.assertEqual(response.get_status(), 200)
        self.assertIsNone(response.get_body())
        self.assertIn(b'# TYPE ', bytes(response.get_bytes().get_data()))

    def test_bad_method_and_path(self):
        for method, path in [('FETCH', '/_api/version'),
                             ('GET', '_api/version'),
                             ('GET', '/two words')]:
            with self.assertRaises(GLib.GError) as caught:
                self.request(method, path)
            self.assertEqual(caught.exception.domain, ARANGO_ERROR_DOMAIN)
            self.assertEqual(caught.exception.code,
                             Arango.Error.INVALID_ARGUMENT)

    def test_sync(self):
        response = self.db.request_sync('GET', '/_api/version', None, None,
                                        None, NONE, None)
        self.assertEqual(response.get_status(), 200)


if __name__ == '__main__':
    unittest.main()
