#!/usr/bin/python3
# test_tokens.py: the token of a database handle through PyGObject,
# against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""How a GNOME application keeps a token between sessions: it opens the
database with the token it saved, learns when it expires from the
token-expiry property, renews it in time, and saves the new one when
notify::token says so."""

import os
import sys
import time
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_client import EmulatorTestCase, run_async  # noqa: E402


class TokenTests(EmulatorTestCase):

    emulator_options = {'user': 'root', 'password': 'secret'}

    def open_with_token(self, token, verify=True):
        return run_async(Arango.Client.new(self.emulator.hosts),
                         'db_with_token', '_system', token, verify)

    def saved_tokens(self, db):
        """What an application would write to its keyring."""
        saved = []
        db.connect('notify::token', lambda db, pspec: saved.append(db.props.token))
        return saved

    def assertArangoError(self, raised, code):
        super().assertArangoError(raised.exception, code)

    def test_expiry_and_saving_a_renewed_token(self):
        token = self.emulator.user_token('root', ttl=100)
        db = self.open_with_token(token)
        self.assertEqual(db.props.token, token)
        expiry = db.props.token_expiry
        self.assertIsInstance(expiry, GLib.DateTime)
        self.assertAlmostEqual(expiry.to_unix(), time.time() + 100, delta=10)

        saved = self.saved_tokens(db)
        renewed = run_async(db, 'renew_token')
        self.assertNotEqual(renewed, token)
        self.assertEqual(saved, [renewed])
        self.assertEqual(db.dup_token(), renewed)
        self.assertAlmostEqual(db.dup_token_expiry().to_unix(),
                               time.time() + 3600, delta=10)
        self.assertEqual(run_async(db.get_cluster(), 'server_role'), 'COORDINATOR')

        # Far from its expiry the server keeps the token: None, no error.
        self.assertIsNone(run_async(db, 'renew_token'))
        self.assertIsNone(db.renew_token_sync(None))
        self.assertEqual(saved, [renewed])

    def test_set_token(self):
        db = self.open_with_token(self.emulator.user_token('root', ttl=3600))
        saved = self.saved_tokens(db)
        other = self.emulator.user_token('root', ttl=7200)
        self.assertTrue(db.set_token(other))
        self.assertEqual(saved, [other])
        self.assertAlmostEqual(db.props.token_expiry.to_unix(),
                               time.time() + 7200, delta=10)

        with self.assertRaises(GLib.GError) as raised:
            db.set_token('not-a-jwt')
        self.assertArangoError(raised, Arango.Error.AUTHENTICATION_FAILED)
        with self.assertRaises(GLib.GError) as raised:
            db.set_token(self.emulator.user_token('root', ttl=-60))
        self.assertArangoError(raised, Arango.Error.TOKEN_EXPIRED)
        self.assertEqual(db.props.token, other)
        self.assertEqual(saved, [other])

        basic = self.open_db(self.new_client(), 'root', 'secret')
        self.assertIsNone(basic.props.token)
        self.assertIsNone(basic.props.token_expiry)
        with self.assertRaises(GLib.GError) as raised:
            basic.set_token(other)
        self.assertArangoError(raised, Arango.Error.INVALID_ARGUMENT)

    def test_expired_and_garbage_tokens(self):
        expired = self.emulator.user_token('root', ttl=-60)
        with self.assertRaises(GLib.GError) as raised:
            self.open_with_token(expired)
        self.assertArangoError(raised, Arango.Error.TOKEN_EXPIRED)
        self.assertNotIn(expired, raised.exception.message)

        db = self.open_with_token(expired, verify=False)
        self.assertLess(db.props.token_expiry.to_unix(), time.time())
        with self.assertRaises(GLib.GError) as raised:
            run_async(db, 'renew_token')
        self.assertArangoError(raised, Arango.Error.TOKEN_EXPIRED)

        for garbage in ['garbage', 'e30.e30', 'a.b.c']:
            with self.assertRaises(GLib.GError) as raised:
                self.open_with_token(garbage, verify=False)
            self.assertArangoError(raised, Arango.Error.AUTHENTICATION_FAILED)
        self.assertEqual(self.emulator.request_counts()[0], 1)


if __name__ == '__main__':
    unittest.main(verbosity=2)
