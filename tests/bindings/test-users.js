// test-users.js: users, permissions and access tokens of arango-glib
// through GJS, against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-users.js`; prints TAP. The main flow of user
// management over real HTTP; the login test starts its own emulator with
// authentication on. Every call passes its cancellable (null) so that
// GJS 1.74 picks the Promise form of the promisified pairs.

import Arango from 'gi://Arango?version=1.0';
import Gio from 'gi://Gio';

import {Emulator} from './emulator.js';
import {jsonObject, toJs} from './fixtures.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assert, assertEqual, assertError,
    assertRejects, runAndExit, test,
} from './tap.js';

for (const name of ['db'])
    Gio._promisify(Arango.Client.prototype, `${name}_async`, `${name}_finish`);
for (const name of ['users', 'user', 'has_user', 'create_user', 'update_user',
    'replace_user', 'delete_user', 'permissions', 'permission',
    'update_permission', 'reset_permission', 'create_access_token',
    'list_access_tokens', 'delete_access_token', 'list_collections'])
    Gio._promisify(Arango.Database.prototype, `${name}_async`, `${name}_finish`);

const ROOT_PASSWORD = 'root-pw';

// Objects with their keys sorted: the library copies reply objects
// without keeping the server's key order.
function canonical(value) {
    if (Array.isArray(value))
        return value.map(canonical);
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value).sort()
            .map(key => [key, canonical(value[key])]));
    }
    return value;
}

function assertSame(actual, expected, what) {
    assertEqual(canonical(actual), canonical(expected), what);
}

async function openDatabase(emulator, user = 'root', password = '') {
    const client = Arango.Client.new(emulator.hosts);
    return client.db_async('_system', user, password, null);
}

test('create, read, list, update, replace and delete a user', async emulator => {
    const db = await openDatabase(emulator);
    const created = toJs(await db.create_user_async('ada', 'secret', true,
        jsonObject({team: 'analytics'}), null));
    assertSame(created, {user: 'ada', active: true, extra: {team: 'analytics'}},
        'created user');

    assertError(await assertRejects(db.create_user_async('ada', 'x', true, null, null)),
        ARANGO_SERVER_ERROR, Arango.ServerError.USER_DUPLICATE);

    const names = toJs(await db.users_async(null)).map(u => u.user).sort();
    assertEqual(names, ['ada', 'root'], 'users');
    assertEqual(await db.has_user_async('ada', null), true, 'has_user');
    assertEqual(toJs(await db.user_async('ada', null)).user, 'ada', 'user');

    const updated = toJs(await db.update_user_async('ada',
        jsonObject({active: false, extra: {level: 2}}), null));
    assertSame(updated, {user: 'ada', active: false,
        extra: {team: 'analytics', level: 2}}, 'updated user');

    const replaced = toJs(await db.replace_user_async('ada', 'new', true, null, null));
    assertSame(replaced, {user: 'ada', active: true, extra: {}}, 'replaced user');

    assertEqual(await db.delete_user_async('ada', false, null), true, 'delete_user');
    assertEqual(await db.delete_user_async('ada', true, null), false,
        'delete_user, ignoring the missing one');
    assertError(await assertRejects(db.user_async('ada', null)),
        ARANGO_SERVER_ERROR, Arango.ServerError.USER_NOT_FOUND);
    assertError(await assertRejects(db.create_user_async('', 'pw', true, null, null)),
        ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
});

test('permissions are granted, inherited and reset', async emulator => {
    const db = await openDatabase(emulator);
    await db.create_user_async('bob', 'pw', true, null, null);

    assertEqual(await db.permission_async('bob', '_system', null, null),
        Arango.Permission.NONE, 'no access at first');
    assertEqual(await db.update_permission_async('bob',
        Arango.Permission.READ_WRITE, '_system', null, null), true, 'grant');
    assertEqual(await db.permission_async('bob', '_system', '_graphs', null),
        Arango.Permission.READ_WRITE, 'a collection inherits the database level');
    assertEqual(toJs(await db.permissions_async('bob', null)), {_system: 'rw'},
        'permissions');
    assertEqual(await db.reset_permission_async('bob', '_system', null, null), true,
        'reset');
    assertEqual(await db.permission_async('bob', '_system', null, null),
        Arango.Permission.NONE, 'no access after the reset');
});

test('access tokens are created, listed and deleted', async emulator => {
    const db = await openDatabase(emulator);
    const validUntil = Math.floor(Date.now() / 1000) + 3600;
    const token = toJs(await db.create_access_token_async('root', 'ci', validUntil, null));
    assertEqual(token.name, 'ci', 'name');
    assert(token.token.startsWith('v1.'), 'the token');

    const listed = toJs(await db.list_access_tokens_async('root', null));
    assertEqual(listed.map(t => t.id), [token.id], 'listed');
    assertEqual('token' in listed[0], false, 'no secret in the list');
    assertEqual(await db.delete_access_token_async('root', token.id, null), true,
        'deleted');
    assertEqual(toJs(await db.list_access_tokens_async('root', null)), [],
        'none left');
});

test('a created user logs in where its permission allows', async () => {
    const emulator = new Emulator({coordinators: 1, user: 'root', password: ROOT_PASSWORD});
    await emulator.start();
    try {
        const root = await openDatabase(emulator, 'root', ROOT_PASSWORD);
        await root.create_user_async('carol', 'carol-pw', true, null, null);
        const carol = await openDatabase(emulator, 'carol', 'carol-pw');

        const refused = await assertRejects(carol.list_collections_async(null));
        assertError(refused, ARANGO_SERVER_ERROR, Arango.ServerError.FORBIDDEN);
        assert(refused.message.startsWith('[HTTP 401]'), refused.message);

        await root.update_permission_async('carol', Arango.Permission.READ_ONLY,
            '_system', null, null);
        assert(Array.isArray(toJs(await carol.list_collections_async(null))),
            'collections listed');
    } finally {
        await emulator.stop();
    }
}, {ownEmulator: true});

runAndExit();
