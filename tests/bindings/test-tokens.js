// test-tokens.js: the token of a database handle through GJS, against the
// emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-tokens.js`; prints TAP. How a GNOME application
// keeps a token between sessions: it opens the database with the token it
// saved, learns when it expires from the token-expiry property (a
// GLib.DateTime), renews it in time, and saves the new one when
// notify::token says so. The emulator checks passwords, so that tokens
// are what lets a handle in.

import Arango from 'gi://Arango?version=1.0';
import GLib from 'gi://GLib';

import {openDatabase} from './fixtures.js';
import {
    ARANGO_ERROR, assert, assertEqual, assertError, assertRejects,
    assertThrows, promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Client, ['db_with_token']);
promisify(Arango.Database, ['renew_token']);
promisify(Arango.Cluster, ['server_role']);

const PASSWORD = 'secret';

function openWithToken(emulator, token, verify = true) {
    return Arango.Client.new(emulator.hosts)
        .db_with_token_async('_system', token, verify, null);
}

// What an application would write to its keyring, and when.
function watchTokens(db) {
    const saved = {tokens: [], expiries: []};
    db.connect('notify::token', () => saved.tokens.push(db.token));
    db.connect('notify::token-expiry',
        () => saved.expiries.push(db.token_expiry.to_unix()));
    return saved;
}

function secondsFromNow(dateTime) {
    return dateTime.to_unix() - Math.round(Date.now() / 1000);
}

function assertAbout(actual, expected, what) {
    assert(Math.abs(actual - expected) <= 10,
        `${what}: expected about ${expected}, got ${actual}`);
}

test('the expiry, and saving a renewed token', async emulator => {
    const token = await emulator.userToken('root', 100);
    const db = await openWithToken(emulator, token);
    assertEqual(db.token, token, 'token property');
    assertEqual(db.dup_token(), token, 'dup_token()');
    const expiry = db.token_expiry;
    assert(expiry instanceof GLib.DateTime, `a GLib.DateTime: ${expiry}`);
    assertAbout(secondsFromNow(expiry), 100, 'seconds left');
    assertEqual(db.dup_token_expiry().to_unix(), expiry.to_unix(),
        'dup_token_expiry()');

    const saved = watchTokens(db);
    const renewed = await db.renew_token_async(null);
    assert(typeof renewed === 'string' && renewed !== token, 'a new token');
    assertEqual(saved.tokens, [renewed], 'notify::token once');
    assertEqual(saved.expiries.length, 1, 'notify::token-expiry once');
    assertEqual(db.token, renewed, 'the handle uses it');
    assertAbout(secondsFromNow(db.token_expiry), 3600, 'renewed for an hour');
    assertEqual(await db.get_cluster().server_role_async(null), 'COORDINATOR',
        'a call with the renewed token');

    // Far from its expiry the server keeps the token: null, no error.
    assertEqual(await db.renew_token_async(null), null, 'kept');
    assertEqual(db.renew_token_sync(null), null, 'kept (sync)');
    assertEqual(saved.tokens, [renewed], 'nothing new to save');
});

test('set_token', async emulator => {
    const db = await openWithToken(emulator,
        await emulator.userToken('root', 3600));
    const saved = watchTokens(db);
    const other = await emulator.userToken('root', 7200);
    assertEqual(db.set_token(other), true, 'set_token()');
    assertEqual(saved.tokens, [other], 'notified');
    assertAbout(secondsFromNow(db.token_expiry), 7200, 'the new expiry');

    let error = assertThrows(() => db.set_token('not-a-jwt'));
    assertError(error, ARANGO_ERROR, Arango.Error.AUTHENTICATION_FAILED);
    const expired = await emulator.userToken('root', -60);
    error = assertThrows(() => db.set_token(expired));
    assertError(error, ARANGO_ERROR, Arango.Error.TOKEN_EXPIRED);
    assertEqual(db.token, other, 'refused tokens leave it');
    assertEqual(saved.tokens, [other], 'and notify nothing');

    const basic = await openDatabase(emulator);
    assertEqual(basic.token, null, 'no token with a password');
    assertEqual(basic.token_expiry, null, 'no expiry with a password');
    error = assertThrows(() => basic.set_token(other));
    assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
});

test('expired and malformed tokens', async emulator => {
    const expired = await emulator.userToken('root', -60);
    let error = await assertRejects(openWithToken(emulator, expired));
    assertError(error, ARANGO_ERROR, Arango.Error.TOKEN_EXPIRED);
    assert(!error.message.includes(expired), 'the token is not in the message');

    const db = await openWithToken(emulator, expired, false);
    assert(secondsFromNow(db.token_expiry) < 0, 'expired already');
    error = await assertRejects(db.renew_token_async(null));
    assertError(error, ARANGO_ERROR, Arango.Error.TOKEN_EXPIRED);

    const before = await emulator.requestCounts();
    for (const garbage of ['garbage', 'e30.e30', 'a.b.c']) {
        error = await assertRejects(openWithToken(emulator, garbage, false));
        assertError(error, ARANGO_ERROR, Arango.Error.AUTHENTICATION_FAILED);
    }
    assertEqual(await emulator.requestCounts(), before, 'nothing sent');
});

runAndExit({coordinators: 1, user: 'root', password: PASSWORD});
