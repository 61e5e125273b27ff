#!/usr/bin/python3
# test_users.py: users, permissions and access tokens of arango-glib
# through PyGObject, against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Python binding tests of the user API: the main flow of an
administrator creating a user, granting it access, the user logging in,
and the user's removal.

The emulator runs with authentication on (root / ROOT_PASSWORD), so that
the permissions decide what a created user may do.
"""

import os
import sys
import time
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib, Json  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from emulator import Emulator  # noqa: E402
from test_data import json_object, run_async, to_python  # noqa: E402

ROOT_PASSWORD = 'root-pw'
SERVER_ERROR = 'arango-server-error-quark'


class UserTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.emulator = Emulator(coordinators=2, user='root',
                                password=ROOT_PASSWORD)
        cls.emulator.start()
        cls.addClassCleanup(cls.emulator.stop)

    def setUp(self):
        self.client = Arango.Client.new(self.emulator.hosts)
        self.root = run_async(self.client, 'db', '_system', 'root',
                              ROOT_PASSWORD)
        self.name = 'py_' + self._testMethodName.replace('test_', '', 1)
        self.addCleanup(self.delete_user, self.name)

    def delete_user(self, name):
        run_async(self.root, 'delete_user', name, True)

    def assertServerError(self, caught, code):
        error = caught.exception
        self.assertEqual(error.domain, SERVER_ERROR, error.message)
        self.assertEqual(error.code, int(code), error.message)

    def test_main_flow(self):
        extra = json_object('{"team": "analytics"}')
        created = run_async(self.root, 'create_user', self.name, 'secret',
                            True, extra)
        self.assertEqual(to_python(created),
                         {'user': self.name, 'active': True,
                          'extra': {'team': 'analytics'}})

        with self.assertRaises(GLib.GError) as caught:
            run_async(self.root, 'create_user', self.name, 'x', True, None)
        self.assertServerError(caught, Arango.ServerError.USER_DUPLICATE)

        names = [u['user'] for u in to_python(run_async(self.root, 'users'))]
        self.assertIn(self.name, names)
        self.assertIn('root', names)
        self.assertTrue(run_async(self.root, 'has_user', self.name))

        # A new user may log in, but may not use the database yet.
        user_db = run_async(self.client, 'db', '_system', self.name, 'secret')
        with self.assertRaises(GLib.GError) as caught:
            run_async(user_db, 'list_collections')
        self.assertServerError(caught, Arango.ServerError.FORBIDDEN)
        self.assertIn('[HTTP 401]', caught.exception.message)

        run_async(self.root, 'update_permission', self.name,
                  Arango.Permission.READ_ONLY, '_system', None)
        self.assertEqual(run_async(self.root, 'permission', self.name,
                                   '_system', None),
                         Arango.Permission.READ_ONLY)
        self.assertEqual(to_python(run_async(self.root, 'permissions',
                                             self.name)),
                         {'_system': 'ro'})
        self.assertIsInstance(to_python(run_async(user_db,
                                                  'list_collections')), list)

        changed = run_async(self.root, 'update_user', self.name,
                            json_object('{"extra": {"level": 2}}'))
        self.assertEqual(to_python(changed)['extra'],
                         {'team': 'analytics', 'level': 2})

        run_async(self.root, 'reset_permission', self.name, '_system', None)
        self.assertEqual(run_async(self.root, 'permission', self.name,
                                   '_system', None),
                         Arango.Permission.NONE)

        self.assertTrue(run_async(self.root, 'delete_user', self.name, False))
        self.assertFalse(run_async(self.root, 'has_user', self.name))
        self.assertFalse(run_async(self.root, 'delete_user', self.name, True))
        with self.assertRaises(GLib.GError) as caught:
            run_async(self.root, 'user', self.name)
        self.assertServerError(caught, Arango.ServerError.USER_NOT_FOUND)

    def test_access_tokens(self):
        run_async(self.root, 'create_user', self.name, 'pw', True, None)
        valid_until = int(time.time()) + 3600
        token = to_python(run_async(self.root, 'create_access_token',
                                    self.name, 'ci', valid_until))
        self.assertEqual(token['name'], 'ci')
        self.assertEqual(token['valid_until'], valid_until)
        self.assertTrue(token['token'].startswith('v1.'))

        listed = to_python(run_async(self.root, 'list_access_tokens',
                                     self.name))
        self.assertEqual([t['id'] for t in listed], [token['id']])
        self.assertNotIn('token', listed[0])

        self.assertTrue(run_async(self.root, 'delete_access_token',
                                  self.name, token['id']))
        self.assertEqual(to_python(run_async(self.root, 'list_access_tokens',
                                             self.name)), [])

    def test_sync_calls(self):
        created = self.root.create_user_sync(self.name, 'pw', False, None,
                                             None)
        self.assertFalse(created.get_boolean_member('active'))
        self.assertTrue(self.root.update_permission_sync(
            self.name, Arango.Permission.READ_WRITE, '_system', None, None))
        self.assertEqual(self.root.permission_sync(self.name, '_system',
                                                   None, None),
                         Arango.Permission.READ_WRITE)
        self.assertTrue(self.root.delete_user_sync(self.name, False, None))

    def test_bad_arguments(self):
        with self.assertRaises(GLib.GError) as caught:
            run_async(self.root, 'create_user', '', 'pw', True, None)
        self.assertTrue(caught.exception.matches(
            Arango.error_quark(), Arango.Error.INVALID_ARGUMENT))
        with self.assertRaises(GLib.GError) as caught:
            run_async(self.root, 'update_user', 'root', Json.Object.new())
        self.assertTrue(caught.exception.matches(
            Arango.error_quark(), Arango.Error.INVALID_ARGUMENT))


if __name__ == '__main__':
    unittest.main()
