// test-request.js: the generic request of arango-glib through GJS,
// against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-request.js`; prints TAP. Database.request_async()
// as a GJS program calls it: query parameters and headers as plain
// objects (GJS turns them into the GHashTable the call takes), the body
// as a Json.Node, the reply as an Arango.HttpResponse; error replies as
// rejected promises or, with RETURN_ERRORS, as responses. Every call
// passes its cancellable (null) so that GJS 1.74 picks the Promise form.

import Arango from 'gi://Arango?version=1.0';

import {fromJs, loggedRequests, openDatabase, toJs, totalRequests}
    from './fixtures.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assert, assertEqual, assertError,
    assertRejects, assertThrows, promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Database, ['request']);

const {NONE, RETURN_ERRORS} = Arango.RequestFlags;

function bodyText(response) {
    return new TextDecoder().decode(response.get_bytes().toArray());
}

test('a JSON reply, with query parameters from an object', async emulator => {
    const db = await openDatabase(emulator);
    const response = await db.request_async('GET', '/_api/version',
        {details: 'true'}, null, null, NONE, null);
    assert(response instanceof Arango.HttpResponse, 'an Arango.HttpResponse');
    assertEqual(response.get_status(), 200, 'get_status()');
    assertEqual(response.status, 200, 'status property');

    const body = toJs(response.get_body());
    assertEqual(body.server, 'arango', 'server');
    assertEqual(body.details.role, 'COORDINATOR', 'details asked for');
    assertEqual(JSON.parse(bodyText(response)), body, 'bytes as JSON');
    assertEqual(toJs(response.body), body, 'body property');

    assert(response.get_header('Content-Type').startsWith('application/json'),
        'content type');
    assertEqual(response.get_header('x-no-such-header'), null, 'no header');
    const names = response.get_header_names().map(n => n.toLowerCase());
    assert(names.includes('content-type'), `header names ${names}`);
    assert(emulator.urls.includes(response.get_host()),
        `host ${response.get_host()}`);
});

test('query parameters are escaped, and sent in name order', async emulator => {
    const db = await openDatabase(emulator);
    const response = await db.request_async('GET', '/_api/collection?x=1',
        {excludeSystem: 'true', note: 'a b&c=d/é'}, null, null, NONE, null);
    assertEqual(response.get_status(), 200, 'status');
    const names = toJs(response.get_body()).result.map(c => c.name);
    assertEqual(names.filter(n => n.startsWith('_')), [],
        'excludeSystem taken');

    const [sent] = await loggedRequests(emulator, 'GET', '/_api/collection');
    assertEqual(sent.query, 'x=1&excludeSystem=true&note=a%20b%26c%3Dd%2F%C3%A9',
        'query string');
});

test('a JSON body and request headers', async emulator => {
    const db = await openDatabase(emulator);
    const created = await db.request_async('POST', '/_api/cursor', null, null,
        fromJs({query: 'RETURN @a * 2', bindVars: {a: 21}}), NONE, null);
    assertEqual(created.get_status(), 201, 'status');
    assertEqual(toJs(created.get_body()).result, [42], 'result');

    const stored = await db.request_async('get', '/_api/version', null,
        {'x-arango-async': 'store', 'X-Gjs-Test': 'yes'}, null, NONE, null);
    assertEqual(stored.get_status(), 202, 'stored as a job');
    assert(/^[0-9]+$/.test(stored.get_header('x-arango-async-id')),
        'job id header');
    assertEqual(stored.get_body(), null, 'no body');
    assertEqual(stored.get_bytes().get_size(), 0, 'no bytes');

    const [sent] = await loggedRequests(emulator, 'GET', '/_api/version');
    assertEqual(sent.headers['x-gjs-test'], 'yes', 'own header sent');
});

test('an error reply rejects, unless RETURN_ERRORS', async emulator => {
    const db = await openDatabase(emulator);
    const error = await assertRejects(db.request_async('GET',
        '/_api/collection/gjs_missing', null, null, null, NONE, null));
    assertError(error, ARANGO_SERVER_ERROR,
        Arango.ServerError.DATA_SOURCE_NOT_FOUND);
    assert(error.message.startsWith('[HTTP 404][ERR 1203]'), error.message);

    const response = await db.request_async('GET',
        '/_api/collection/gjs_missing', null, null, null, RETURN_ERRORS,
        null);
    assertEqual(response.get_status(), 404, 'status');
    const body = toJs(response.get_body());
    assertEqual([body.error, body.code, body.errorNum], [true, 404, Arango.ServerError.DATA_SOURCE_NOT_FOUND],
        'error body');
    const checked = assertThrows(() => response.check_status());
    assertError(checked, ARANGO_SERVER_ERROR,
        Arango.ServerError.DATA_SOURCE_NOT_FOUND);
    assertEqual(checked.message, error.message, 'the same error');

    const fine = await db.request_async('GET', '/_api/version', null, null,
        null, RETURN_ERRORS, null);
    assertEqual(fine.check_status(), true, 'check_status() of a 200');
});

test('a reply that is not JSON', async emulator => {
    const db = await openDatabase(emulator);
    const response = await db.request_async('GET', '/_admin/metrics/v2',
        null, null, null, NONE, null);
    assertEqual(response.get_status(), 200, 'status');
    assertEqual(response.get_body(), null, 'no JSON body');
    assert(bodyText(response).includes('# TYPE arangodb_'), 'Prometheus text');
});

test('a bad method or path is refused before sending', async emulator => {
    const db = await openDatabase(emulator);
    const before = await totalRequests(emulator);
    for (const [method, path] of [['FETCH', '/_api/version'],
        ['GET', '_api/version'], ['GET', '/two words'], ['GET', '']]) {
        const error = await assertRejects(db.request_async(method, path, null,
            null, null, NONE, null));
        assertError(error, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
    }
    assertEqual(await totalRequests(emulator), before, 'nothing sent');
});

test('request_sync', async emulator => {
    const db = await openDatabase(emulator);
    const response = db.request_sync('GET', '/_api/version',
        {details: 'false'}, null, null, NONE, null);
    assertEqual(response.get_status(), 200, 'status');
    assertEqual(toJs(response.get_body()).details, undefined, 'no details');

    const error = assertThrows(() => db.request_sync('DELETE',
        '/_api/collection/gjs_missing', null, null, null, NONE, null));
    assertError(error, ARANGO_SERVER_ERROR,
        Arango.ServerError.DATA_SOURCE_NOT_FOUND);
});

runAndExit();
