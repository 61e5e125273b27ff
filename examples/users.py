#!/usr/bin/python3
# users.py: users, permissions and access tokens with arango-glib in Python
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""As root: create a user, give it read access to _system, let it log in
and list the collections, take the access away again (the user is then
refused), make an access token for it, and delete the user.

Usage: users.py [HOSTS ROOT_PASSWORD]

HOSTS is one URL or a comma-separated list.  Without it, the demo starts the
ArangoDB emulator ($ARANGO_EMULATOR, or arango-emulator on PATH) with
authentication on, as data.py does, whose helpers it shares. Like a script
would, it uses the blocking (_sync) calls.
"""

import os
import sys
import time

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib, Json  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from data import (  # noqa: E402
    Unexpected, expect, show, start_emulator, stop_emulator, text)

USER = 'demo_reader'
USER_PASSWORD = 'reader-secret'
EMULATOR_ROOT_PASSWORD = 'demo-root-pw'


def create_user(root):
    # Left over from an earlier run against a real server?
    if root.has_user_sync(USER, None):
        root.delete_user_sync(USER, False, None)
        show('delete leftover', USER)
    extra = Json.from_string('{"purpose": "reports"}').get_object()
    user = root.create_user_sync(USER, USER_PASSWORD, True, extra, None)
    show('create_user', text(user))
    users = root.users_sync(None)
    names = [users.get_object_element(i).get_string_member('user')
             for i in range(users.get_length())]
    show('users', ', '.join(sorted(names)))
    expect(USER in names, 'the new user is listed')


def try_as_user(client, label, allowed):
    reader = client.db_sync('_system', USER, USER_PASSWORD, None)
    try:
        collections = reader.list_collections_sync(None)
        show(label, '%d collections' % collections.get_length())
        expect(allowed, '%s: should have been refused' % label)
    except GLib.GError as error:
        show(label, 'refused: %s' % error.message)
        expect(not allowed, '%s: should have been allowed' % label)


def grant_and_revoke(root, client):
    try_as_user(client, 'as the user', False)

    root.update_permission_sync(USER, Arango.Permission.READ_ONLY,
                                '_system', None, None)
    level = root.permission_sync(USER, '_system', None, None)
    show('permission on _system', level.value_nick)
    expect(level == Arango.Permission.READ_ONLY, 'read-only')
    show('permissions', text(root.permissions_sync(USER, None)))
    try_as_user(client, 'as the user', True)

    root.reset_permission_sync(USER, '_system', None, None)
    show('reset_permission', '_system')
    try_as_user(client, 'as the user', False)


def access_tokens(root):
    valid_until = int(time.time()) + 24 * 3600
    token = root.create_access_token_sync(USER, 'nightly report',
                                          valid_until, None)
    show('create_access_token', '%s (id %d, fingerprint %s)'
         % (token.get_string_member('name'), token.get_int_member('id'),
            token.get_string_member('fingerprint')))
    show('list_access_tokens', text(root.list_access_tokens_sync(USER, None)))
    root.delete_access_token_sync(USER, token.get_int_member('id'), None)
    left = root.list_access_tokens_sync(USER, None).get_length()
    show('delete_access_token', '%d left' % left)
    expect(left == 0, 'the token is gone')


def run(hosts, root_password):
    client = Arango.Client.new(hosts)
    print('Client for %s' % ', '.join(client.get_hosts()))
    root = client.db_sync('_system', 'root', root_password, None)
    print('Database %s as root\n' % root.get_name())

    create_user(root)
    try:
        grant_and_revoke(root, client)
        access_tokens(root)
    finally:
        root.delete_user_sync(USER, True, None)
    show('delete_user', USER)
    expect(not root.has_user_sync(USER, None), 'the user is gone')


def main(argv):
    emulator = None
    if len(argv) > 2:
        hosts, root_password = argv[1], argv[2]
    else:
        emulator, hosts = start_emulator('--user', 'root', '--password',
                                         EMULATOR_ROOT_PASSWORD)
        root_password = EMULATOR_ROOT_PASSWORD
    failed = False
    try:
        run(hosts, root_password)
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
