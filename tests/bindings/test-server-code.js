// test-server-code.js: AQL user functions and server tasks through GJS,
// against the emulator
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-server-code.js`; prints TAP. Both carry JavaScript
// for the server to run. The emulator answers as a server without
// JavaScript: it lists and removes the functions kept in _aqlfunctions
// (stored here through the document API, as the server keeps them),
// refuses to register one with 500/36, and refuses every task call with
// 501/9. GJS keeps the library's GError, so its details are there.

import Arango from 'gi://Arango?version=1.0';

import {fromJs, openDatabase, toJs, totalRequests} from './fixtures.js';
import {
    ARANGO_ERROR, ARANGO_SERVER_ERROR, assertEqual, assertError,
    assertRejects, assertThrows, promisify, runAndExit, test,
} from './tap.js';

promisify(Arango.Database, ['aql_functions', 'create_aql_function',
    'delete_aql_function', 'tasks', 'task', 'create_task', 'delete_task']);
promisify(Arango.Collection, ['insert']);

const CELSIUS = 'function (celsius) { return celsius * 1.8 + 32; }';

async function storeFunction(db, name, code) {
    await db.get_collection('_aqlfunctions').insert_async(
        fromJs({_key: name.toUpperCase(), name, code, isDeterministic: true}),
        Arango.DocumentFlags.NONE, null);
}

function assertDetails(error, status, errorNum) {
    assertEqual(Arango.ServerError.get_http_status(error), status, 'status');
    assertEqual(Arango.ServerError.get_error_number(error), errorNum,
        'error number');
}

test('AQL user functions: list, delete, and create refused', async emulator => {
    const db = await openDatabase(emulator);
    assertEqual(toJs(await db.aql_functions_async(null, null)), [],
        'none at first');

    await storeFunction(db, 'gjs::celsius', CELSIUS);
    await storeFunction(db, 'gjs::kelvin', 'function (c) { return c + 273.15; }');
    const listed = toJs(await db.aql_functions_async('gjs', null));
    assertEqual(listed.map(f => f.name).sort(), ['gjs::celsius', 'gjs::kelvin'],
        'the namespace');
    assertEqual(listed.find(f => f.name === 'gjs::celsius').code, CELSIUS, 'code');

    assertEqual(await db.delete_aql_function_async('gjs::celsius', false, false, null), 1,
        'one deleted');
    assertEqual(db.delete_aql_function_sync('gjs', true, false, null), 1,
        'the rest of the namespace');
    const missing = await assertRejects(
        db.delete_aql_function_async('gjs::celsius', false, false, null));
    assertError(missing, ARANGO_SERVER_ERROR,
        Arango.ServerError.QUERY_FUNCTION_NOT_FOUND);
    assertDetails(missing, 404, Arango.ServerError.QUERY_FUNCTION_NOT_FOUND);
    assertEqual(await db.delete_aql_function_async('gjs::celsius', false, true, null), 0,
        'ignore_missing: none deleted, no error');

    const refused = await assertRejects(
        db.create_aql_function_async('gjs::celsius', CELSIUS, true, null));
    assertError(refused, ARANGO_SERVER_ERROR, Arango.ServerError.DISABLED);
    assertDetails(refused, 500, Arango.ServerError.DISABLED);

    const before = await totalRequests(emulator);
    const empty = assertThrows(() => db.create_aql_function_sync('', CELSIUS, false, null));
    assertError(empty, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
    assertEqual(await totalRequests(emulator), before, 'nothing sent');
});

test('server tasks: refused without JavaScript, arguments checked first', async emulator => {
    const db = await openDatabase(emulator);
    const options = new Arango.TaskOptions({
        id: 'gjs-task', name: 'cleanup', period: 60, offset: 5,
        params: fromJs({keep: 7}),
    });
    // One call at a time: a promise made early would reject before
    // anything awaits it.
    for (const call of [
        () => db.tasks_async(null),
        () => db.task_async('gjs-task', null),
        () => db.create_task_async('console.log(params.keep);', options, null),
        () => db.delete_task_async('gjs-task', true, null),
    ]) {
        const refused = await assertRejects(call());
        assertError(refused, ARANGO_SERVER_ERROR, 9);
        assertDetails(refused, 501, 9);
    }

    const before = await totalRequests(emulator);
    const noCommand = assertThrows(() => db.create_task_sync('', null, null));
    assertError(noCommand, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
    const noId = await assertRejects(db.task_async('', null));
    assertError(noId, ARANGO_ERROR, Arango.Error.INVALID_ARGUMENT);
    assertEqual(await totalRequests(emulator), before, 'nothing sent');
});

runAndExit();
