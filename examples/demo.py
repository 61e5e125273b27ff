#!/usr/bin/python3
# demo.py: the seed flow of arango-glib in Python
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Run the cluster calls of arango-glib against a list of coordinators.

Usage: demo.py [HOSTS]

HOSTS is one URL or a comma-separated list.  Without it, the demo starts the
ArangoDB emulator ($ARANGO_EMULATOR, or arango-emulator on PATH) with three
coordinators.

A script like this one uses the blocking *_sync calls: they need no main
loop (a GUI would use the _async ones).
"""

import os
import shutil
import subprocess
import sys

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib  # noqa: E402


def start_emulator():
    path = os.environ.get('ARANGO_EMULATOR') or shutil.which('arango-emulator')
    if not path:
        sys.exit('arango-emulator not found: '
                 'set ARANGO_EMULATOR or give HOSTS')
    print('Starting', path)
    # --exit-on-eof: it also goes away when this process dies.
    process = subprocess.Popen([path, '--coordinators', '3', '--exit-on-eof'],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True)
    hosts = process.stdout.readline().strip()
    process.stdout.readline()  # the control URL
    if not hosts:
        sys.exit('the emulator did not start')
    return process, hosts


def stop_emulator(process):
    process.stdin.close()
    process.terminate()
    process.wait()
    process.stdout.close()
    print('Stopped the emulator')


def health_lines(health):
    servers = health.get_member('Health').get_object()
    lines = ['%d servers' % servers.get_size()]
    for server_id in servers.get_members():
        server = servers.get_object_member(server_id)
        lines.append('  %-44s %-12s %s'
                     % (server_id, server.get_string_member('Role'),
                        server.get_string_member('Status')))
    return '\n'.join(lines)


def first_dbserver(cluster):
    servers = cluster.health_sync(None).get_member('Health').get_object()
    for server_id in servers.get_members():
        if servers.get_object_member(server_id) \
                .get_string_member('Role') == 'DBServer':
            return server_id
    raise LookupError('the health check named no DB-Server')


def run(hosts):
    client = Arango.Client.new(hosts)
    print('Client for %s' % ', '.join(client.get_hosts()))
    db = client.db_sync('_system', 'root', '', None)
    cluster = db.get_cluster()
    print('Database %s as root\n' % db.get_name())

    dbserver = first_dbserver(cluster)
    steps = [
        ('server_id', lambda: cluster.server_id_sync(None)),
        ('server_role', lambda: cluster.server_role_sync(None)),
        ('server_mode', lambda: cluster.server_mode_sync(None)),
        ('health', lambda: health_lines(cluster.health_sync(None))),
        ('statistics', lambda: '%s: %d members' % (
            dbserver, cluster.statistics_sync(dbserver, None).get_size())),
        ('server_statistics', lambda: '%s: %d members' % (
            dbserver,
            cluster.server_statistics_sync(dbserver, None).get_size())),
        ('server_version', lambda: cluster.server_version_sync(dbserver, None)
            .get_string_member('version')),
        ('server_engine', lambda: cluster.server_engine_sync(dbserver, None)
            .get_string_member('name')),
        ('server_count', lambda: '%d coordinators' % cluster.server_count_sync(
            None).get_int_member('numberOfCoordinators')),
        ('endpoints', lambda: ', '.join(cluster.endpoints_sync(None))),
        ('maintenance on', lambda: cluster.toggle_maintenance_mode_sync(
            'on', None) and 'done'),
        ('maintenance off', lambda: cluster.toggle_maintenance_mode_sync(
            'off', None) and 'done'),
        ('server maintenance on',
         lambda: cluster.toggle_server_maintenance_mode_sync(
             dbserver, 'maintenance', 60, None) and dbserver),
        ('server maintenance off',
         lambda: cluster.toggle_server_maintenance_mode_sync(
             dbserver, 'normal', 0, None) and dbserver),
        ('calculate_imbalance', lambda: 'leader imbalance %g' % cluster
            .calculate_imbalance_sync(None).get_object_member('leader')
            .get_double_member('imbalance')),
        ('calculate_rebalance_plan', lambda: '%d moves' % len(
            cluster.calculate_rebalance_plan_sync(None, None)
            .get_array_member('moves').get_elements() or [])),
        ('vpack_sort_migration', lambda: '%d DB-Servers' % cluster
            .vpack_sort_migration_status_sync(None).get_size()),
    ]

    failed = 0
    for label, step in steps:
        try:
            print('%-26s %s' % (label, step()))
        except GLib.GError as error:
            failed += 1
            print('%-26s FAILED: %s (%s, code %d)'
                  % (label, error.message, error.domain, error.code))
    return failed


def main(argv):
    emulator = None
    if len(argv) > 1:
        hosts = argv[1]
    else:
        emulator, hosts = start_emulator()
    try:
        failed = run(hosts)
    except (GLib.GError, LookupError) as error:
        print('FAILED: %s' % error)
        failed = 1
    finally:
        if emulator:
            stop_emulator(emulator)
    print('\n%s' % ('%d steps failed' % failed if failed
                    else 'Everything worked'))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
