// demo.js: the seed flow of arango-glib in GJS
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Usage: gjs -m demo.js [HOSTS]
//
// HOSTS is one URL or a comma-separated list. Without it, the demo starts
// the ArangoDB emulator ($ARANGO_EMULATOR, or arango-emulator on PATH) with
// three coordinators.
//
// Gio._promisify turns each _async/_finish pair into a Promise. GJS 1.74
// picks the Promise form by counting the arguments, so always pass the
// cancellable (null) and leave out only the callback.

import Arango from 'gi://Arango?version=1.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import System from 'system';

Gio._promisify(Arango.Client.prototype, 'db_async', 'db_finish');
for (const name of ['server_id', 'server_role', 'server_mode', 'health',
    'statistics', 'server_statistics', 'server_version', 'server_engine',
    'server_count', 'endpoints', 'toggle_maintenance_mode',
    'toggle_server_maintenance_mode', 'calculate_imbalance',
    'calculate_rebalance_plan', 'vpack_sort_migration_status'])
    Gio._promisify(Arango.Cluster.prototype, `${name}_async`, `${name}_finish`);
Gio._promisify(Gio.DataInputStream.prototype,
    'read_line_async', 'read_line_finish_utf8');
Gio._promisify(Gio.Subprocess.prototype, 'wait_async', 'wait_finish');

async function startEmulator() {
    const path = GLib.getenv('ARANGO_EMULATOR') ??
        GLib.find_program_in_path('arango-emulator');
    if (!path)
        throw new Error('arango-emulator not found: set ARANGO_EMULATOR or give HOSTS');
    print(`Starting ${path}`);
    // --exit-on-eof: it also goes away when gjs dies.
    const process = Gio.Subprocess.new(
        [path, '--coordinators', '3', '--exit-on-eof'],
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

function healthLines(health) {
    const servers = health.get_member('Health').get_object();
    const lines = [`${servers.get_size()} servers`];
    for (const id of servers.get_members()) {
        const server = servers.get_object_member(id);
        lines.push(`  ${id.padEnd(44)} ${server.get_string_member('Role')
            .padEnd(12)} ${server.get_string_member('Status')}`);
    }
    return lines.join('\n');
}

async function firstDBServer(cluster) {
    const servers = (await cluster.health_async(null))
        .get_member('Health').get_object();
    const id = servers.get_members().find(member =>
        servers.get_object_member(member).get_string_member('Role') ===
            'DBServer');
    if (!id)
        throw new Error('the health check named no DB-Server');
    return id;
}

async function run(hosts) {
    const client = Arango.Client.new(hosts);
    print(`Client for ${client.get_hosts().join(', ')}`);
    const db = await client.db_async('_system', 'root', '', null);
    const cluster = db.cluster;
    print(`Database ${db.name} as root\n`);

    const dbserver = await firstDBServer(cluster);
    const steps = [
        ['server_id', () => cluster.server_id_async(null)],
        ['server_role', () => cluster.server_role_async(null)],
        ['server_mode', () => cluster.server_mode_async(null)],
        ['health', async () => healthLines(await cluster.health_async(null))],
        ['statistics', async () => `${dbserver}: ${
            (await cluster.statistics_async(dbserver, null)).get_size()
        } members`],
        ['server_statistics', async () => `${dbserver}: ${
            (await cluster.server_statistics_async(dbserver, null)).get_size()
        } members`],
        ['server_version', async () =>
            (await cluster.server_version_async(dbserver, null))
                .get_string_member('version')],
        ['server_engine', async () =>
            (await cluster.server_engine_async(dbserver, null))
                .get_string_member('name')],
        ['server_count', async () => `${
            (await cluster.server_count_async(null))
                .get_int_member('numberOfCoordinators')} coordinators`],
        ['endpoints', async () =>
            (await cluster.endpoints_async(null)).join(', ')],
        ['maintenance on', async () =>
            await cluster.toggle_maintenance_mode_async('on', null) && 'done'],
        ['maintenance off', async () =>
            await cluster.toggle_maintenance_mode_async('off', null) && 'done'],
        ['server maintenance on', async () => {
            await cluster.toggle_server_maintenance_mode_async(dbserver,
                'maintenance', 60, null);
            return dbserver;
        }],
        ['server maintenance off', async () => {
            await cluster.toggle_server_maintenance_mode_async(dbserver,
                'normal', 0, null);
            return dbserver;
        }],
        ['calculate_imbalance', async () => `leader imbalance ${
            (await cluster.calculate_imbalance_async(null))
                .get_object_member('leader').get_double_member('imbalance')}`],
        ['calculate_rebalance_plan', async () => `${
            (await cluster.calculate_rebalance_plan_async(null, null))
                .get_array_member('moves').get_length()} moves`],
        ['vpack_sort_migration', async () => `${
            (await cluster.vpack_sort_migration_status_async(null))
                .get_size()} DB-Servers`],
    ];

    let failed = 0;
    for (const [label, step] of steps) {
        try {
            // One call after the other, as the output is in order.
            print(`${label.padEnd(26)} ${await step()}`);
        } catch (e) {
            if (!(e instanceof GLib.Error))
                throw e;
            failed++;
            print(`${label.padEnd(26)} FAILED: ${e.message} (${
                GLib.quark_to_string(e.domain)}, code ${e.code})`);
        }
    }
    return failed;
}

async function main(args) {
    let emulator = null;
    let hosts = args[0];
    if (!hosts)
        [emulator, hosts] = await startEmulator();

    let failed;
    try {
        failed = await run(hosts);
    } catch (e) {
        print(`FAILED: ${e.message}`);
        failed = 1;
    } finally {
        if (emulator)
            await stopEmulator(emulator);
    }
    print(failed ? `\n${failed} steps failed` : '\nEverything worked');
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
