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
authentication on.
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
    Unexpected, call, expect, show, start_emulator, stop_emulator, text)

USER = 'demo_reader'
USER_PASSWORD = 'reader-secret'
EMULATOR_ROOT_PASSWORD = 'demo-root-pw'


def create_user(root):
    # Left over from an earlier run against a real server?
    if call(root, 'has_user', USER):
        call(root, 'delete_user', USER, False)
        show('delete leftover', USER)
    extra = Json.from_string('{"purpose": "reports"}').get_object()
    user = call(root, 'create_user', USER, USER_PASSWORD, True, extra)
    show('create_user', text(user))
    users = call(root, 'users')
    names = [users.get_object_element(i).get_string_member('user')
             for i in range(users.get_length())]
    show('users', ', '.join(sorted(names)))
    expect(USER in names, 'the new user is listed')


def try_as_user(client, label, allowed):
    reader = call(client, 'db', '_system', USER, USER_PASSWORD)
    try:
        collections = call(reader, 'list_collections')
        show(label, '%d collections' % collections.get_length())
        expect(allowed, '%s: should have been refused' % label)
    except GLib.GError as error:
        show(label, 'refused: %s' % error.message)
        expect(not allowed, '%s: should have been allowed' % label)


def grant_and_revoke(root, client):
    try_as_user(client, 'as the user', False)

    call(root, 'update_permission', USER, Arango.Permission.READ_ONLY,
         '_system', None)
    level = call(root, 'permission', USER, '_system', None)
    show('permission on _system', level.value_nick)
    expect(level == Arango.Permission.READ_ONLY, 'read-only')
    show('permissions', text(call(root, 'permissions', USER)))
    try_as_user(client, 'as the user', True)

    call(root, 'reset_permission', USER, '_system', None)
    show('reset_permission', '_system')
    try_as_user(client, 'as the user', False)


def access_tokens(root):
    valid_until = int(time.time()) + 24 * 3600
    token = call(root, 'create_access_token', USER, 'nightly report',
                 valid_until)
    show('create_access_token', '%s (id %d, fingerprint %s)'
         % (token.get_string_member('name'), token.get_int_member('id'),
            token.get_string_member('fingerprint')))
    show('list_access_tokens', text(call(root, 'list_access_tokens', USER)))
    call(root, 'delete_access_token', USER, token.get_int_member('id'))
    left = call(root, 'list_access_tokens', USER).get_length()
    show('delete_access_token', '%d left' % left)
    expect(left == 0, 'the token is gone')


def run(hosts, root_password):
    client = Arango.Client.new(hosts)
    print('Client for %s' % ', '.join(client.get_hosts()))
    root = call(client, 'db', '_system', 'root', root_password)
    print('Database %s as root\n' % root.get_name())

    create_user(root)
    try:
        grant_and_revoke(root, client)
        access_tokens(root)
    finally:
        call(root, 'delete_user', USER, True)
    show('delete_user', USER)
    expect(not call(root, 'has_user', USER), 'the user is gone')


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
