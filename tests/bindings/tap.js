// tap.js: assertions and a TAP runner shared by the GJS test programs.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import System from 'system';

import {Emulator} from './emulator.js';

export const ARANGO_ERROR = 'arango-error-quark';
export const ARANGO_SERVER_ERROR = 'arango-server-error-quark';
const TEST_TIMEOUT_SECONDS = 120;

// Turns each NAME_async/NAME_finish pair of @klass into a Promise.
export function promisify(klass, names) {
    for (const name of names)
        Gio._promisify(klass.prototype, `${name}_async`, `${name}_finish`);
}

// Assertions

class AssertionError extends Error {}

export function assert(condition, message = 'assertion failed') {
    if (!condition)
        throw new AssertionError(message);
}

export function assertEqual(actual, expected, what = 'value') {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a !== e)
        throw new AssertionError(`${what}: expected ${e}, got ${a}`);
}

export function assertError(error, domain, code) {
    assert(error instanceof GLib.Error, `expected a GLib.Error, got ${error}`);
    assertEqual(GLib.quark_to_string(error.domain), domain,
        `error domain (${error.message})`);
    assertEqual(error.code, code, `error code (${error.message})`);
}

export async function assertRejects(promise) {
    let value;
    try {
        value = await promise;
    } catch (e) {
        return e;
    }
    throw new AssertionError(
        `the call succeeded with ${value}, expected an error`);
}

export function assertThrows(func) {
    try {
        func();
    } catch (e) {
        return e;
    }
    throw new AssertionError('the call succeeded, expected an error');
}

// The runner: one emulator for all tests, reset between them, unless a
// test asks for its own. The emulator takes the options of the Emulator
// constructor given to runAndExit().

const tests = [];

export function test(name, func, options = {}) {
    tests.push({name, func, options});
}

async function runTests(emulatorOptions) {
    const emulator = new Emulator(emulatorOptions);
    await emulator.start();
    let failures = 0;

    print(`1..${tests.length}`);
    try {
        for (const [i, {name, func, options}] of tests.entries()) {
            try {
                if (!options.ownEmulator)
                    await emulator.reset();
                await func(emulator);
                print(`ok ${i + 1} - ${name}`);
            } catch (e) {
                failures++;
                print(`not ok ${i + 1} - ${name}`);
                for (const line of `${e}\n${e.stack ?? ''}`.split('\n'))
                    print(`# ${line}`);
            }
        }
    } finally {
        await emulator.stop();
    }
    return failures;
}

// Runs the registered tests in a main loop and exits with their status.
export function runAndExit(emulatorOptions = {}) {
    const loop = new GLib.MainLoop(null, false);
    let exitStatus = 1;

    GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, TEST_TIMEOUT_SECONDS, () => {
        print(`Bail out! the tests did not finish in ${TEST_TIMEOUT_SECONDS} s`);
        loop.quit();
        return GLib.SOURCE_REMOVE;
    });

    runTests(emulatorOptions).then(failures => {
        exitStatus = failures > 0 ? 1 : 0;
    }).catch(e => {
        print(`Bail out! ${e}`);
        logError(e);
    }).finally(() => loop.quit());

    loop.run();
    System.exit(exitStatus);
}
