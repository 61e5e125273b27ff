// users.js: users, permissions and access tokens with arango-glib in GJS
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Usage: gjs -m users.js [HOSTS ROOT_PASSWORD]
//
// As root: creates a user, gives it read access to _system, lets it log in
// and list the collections, takes the access away again (the user is then
// refused), makes an access token for it, and deletes the user. HOSTS is
// one URL or a comma-separated list. Without it, the demo starts the
// ArangoDB emulator ($ARANGO_EMULATOR, or arango-emulator on PATH) with
// authentication on.
//
// Gio._promisify turns each _async/_finish pair into a Promise. GJS 1.74
// picks the Promise form by counting the arguments, so always pass the
// cancellable (null) and leave out only the callback.

import Arango from 'gi://Arango?version=1.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Json from 'gi://Json?version=1.0';
import System from 'system';

function promisify(klass, names) {
    for (const name of names)
        Gio._promisify(klass.prototype, `${name}_async`, `${name}_finish`);
}

promisify(Arango.Client, ['db']);
promisify(Arango.Database, ['users', 'has_user', 'create_user', 'delete_user',
    'permission', 'permissions', 'update_permission', 'reset_permission',
    'create_access_token', 'list_access_tokens', 'delete_access_token',
    'list_collections']);
Gio._promisify(Gio.DataInputStream.prototype,
    'read_line_async', 'read_line_finish_utf8');
Gio._promisify(Gio.Subprocess.prototype, 'wait_async', 'wait_finish');

const USER = 'demo_reader';
const USER_PASSWORD = 'reader-secret';
const EMULATOR_ROOT_PASSWORD = 'demo-root-pw';

// A call worked, but did not give what it should have.
class Unexpected extends Error {}

function expect(condition, what) {
    if (!condition)
        throw new Unexpected(what);
}

// A Json.Object or Json.Array as compact JSON text
function text(value) {
    const node = value instanceof Json.Object
        ? Json.Node.alloc().init_object(value)
        : Json.Node.alloc().init_array(value);
    return Json.to_string(node, false);
}

function show(label, value = '') {
    print(`${label.padEnd(24)} ${value}`);
}

async function startEmulator() {
    const path = GLib.getenv('ARANGO_EMULATOR') ??
        GLib.find_program_in_path('arango-emulator');
    if (!path)
        throw new Error('arango-emulator not found: set ARANGO_EMULATOR or give HOSTS');
    print(`Starting ${path} with authentication`);
    // --exit-on-eof: it also goes away when gjs dies.
    const process = Gio.Subprocess.new(
        [path, '--coordinators', '2', '--user', 'root',
            '--password', EMULATOR_ROOT_PASSWORD, '--exit-on-eof'],
        Gio.SubprocessFlags.STDIN_PIPE | Gio.SubprocessFlags.STDOUT_PIPE);
    const output = new Gio.DataInputStream({
        base_stream: process.get_stdout_pipe(),
    });
    const [hosts] = await output.read_line_async(GLib.PRIORITY_DEFAULT, null);
    if (!hosts)
        throw new Error('the emulator did not start');
    return [process, hosts];
}

async function stopEmulator(process) {
    process.get_stdin_pipe().close(null);
    process.send_signal(15 /* SIGTERM */);
    await process.wait_async(null);
    print('Stopped the emulator');
}

async function createUser(root) {
    // Left over from an earlier run against a real server?
    if (await root.has_user_async(USER, null)) {
        await root.delete_user_async(USER, false, null);
        show('delete leftover', USER);
    }
    const extra = Json.from_string('{"purpose": "reports"}').get_object();
    show('create_user', text(await root.create_user_async(USER, USER_PASSWORD,
        true, extra, null)));
    const users = await root.users_async(null);
    const names = users.get_elements().map(u => u.get_object().get_string_member('user'));
    show('users', names.sort().join(', '));
    expect(names.includes(USER), 'the new user is listed');
}

async function tryAsUser(client, label, allowed) {
    const reader = await client.db_async('_system', USER, USER_PASSWORD, null);
    try {
        const collections = await reader.list_collections_async(null);
        show(label, `${collections.get_length()} collections`);
        expect(allowed, `${label}: should have been refused`);
    } catch (e) {
        if (!(e instanceof GLib.Error))
            throw e;
        show(label, `refused: ${e.message}`);
        expect(!allowed, `${label}: should have been allowed`);
    }
}

async function grantAndRevoke(root, client) {
    await tryAsUser(client, 'as the user', false);

    await root.update_permission_async(USER, Arango.Permission.READ_ONLY,
        '_system', null, null);
    const level = await root.permission_async(USER, '_system', null, null);
    show('permission on _system', level === Arango.Permission.READ_ONLY ? 'read-only' : `${level}`);
    expect(level === Arango.Permission.READ_ONLY, 'read-only');
    show('permissions', text(await root.permissions_async(USER, null)));
    await tryAsUser(client, 'as the user', true);

    await root.reset_permission_async(USER, '_system', null, null);
    show('reset_permission', '_system');
    await tryAsUser(client, 'as the user', false);
}

async function accessTokens(root) {
    const validUntil = Math.floor(Date.now() / 1000) + 24 * 3600;
    const token = await root.create_access_token_async(USER, 'nightly report',
        validUntil, null);
    const id = token.get_int_member('id');
    show('create_access_token', `${token.get_string_member('name')} (id ${id}, ` +
        `fingerprint ${token.get_string_member('fingerprint')})`);
    show('list_access_tokens', text(await root.list_access_tokens_async(USER, null)));
    await root.delete_access_token_async(USER, id, null);
    const left = (await root.list_access_tokens_async(USER, null)).get_length();
    show('delete_access_token', `${left} left`);
    expect(left === 0, 'the token is gone');
}

async function run(hosts, rootPassword) {
    const client = Arango.Client.new(hosts);
    print(`Client for ${client.get_hosts().join(', ')}`);
    const root = await client.db_async('_system', 'root', rootPassword, null);
    print(`Database ${root.name} as root\n`);

    await createUser(root);
    try {
        await grantAndRevoke(root, client);
        await accessTokens(root);
    } finally {
        await root.delete_user_async(USER, true, null);
    }
    show('delete_user', USER);
    expect(!await root.has_user_async(USER, null), 'the user is gone');
}

async function main(args) {
    let emulator = null;
    let [hosts, rootPassword] = args;
    if (!hosts || rootPassword === undefined) {
        [emulator, hosts] = await startEmulator();
        rootPassword = EMULATOR_ROOT_PASSWORD;
    }

    let failed = false;
    try {
        await run(hosts, rootPassword);
    } catch (e) {
        if (e instanceof GLib.Error) {
            print(`FAILED: ${e.message} (${GLib.quark_to_string(e.domain)}, code ${
                e.code})`);
        } else if (e instanceof Unexpected) {
            print(`UNEXPECTED: ${e.message}`);
        } else {
            throw e;
        }
        failed = true;
    } finally {
        if (emulator)
            await stopEmulator(emulator);
    }
    print(failed ? '\nSomething failed' : '\nEverything worked');
    return failed ? 1 : 0;
}

const loop = new GLib.MainLoop(null, false);
let exitStatus = 1;
main(System.programArgs).then(status => {
    exitStatus = status;
}).catch(e => {
    logError(e);
}).finally(() => loop.quit());
loop.run();
System.exit(exitStatus);
