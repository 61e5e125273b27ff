#!/usr/bin/python3
# test_tasks.py: server tasks through PyGObject, against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""The emulator answers /_api/tasks as a server without JavaScript: every
call is refused with 501 and errorNum 9.  These tests check that refusal
as a Python program sees it, that Arango.TaskOptions (a Json.Node among
its properties) reaches the request, and that bad arguments are refused
before anything is sent."""

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_data import ARANGO_SERVER_ERROR_DOMAIN, run_async  # noqa: E402

from gi.repository import Arango, GLib, Json  # noqa: E402

from emulator import Emulator  # noqa: E402

REFUSAL = '[HTTP 501][ERR 9] JavaScript operations are disabled'


class TaskTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        # One coordinator, so that its request log holds every request.
        cls.emulator = Emulator(coordinators=1)
        cls.emulator.start()
        cls.addClassCleanup(cls.emulator.stop)

    def setUp(self):
        self.client = Arango.Client.new(self.emulator.hosts)
        self.db = self.client.db_sync('_system', 'root', '', None)

    def assertRefused(self, call, *args):
        with self.assertRaises(GLib.GError) as caught:
            call(*args)
        error = caught.exception
        self.assertEqual(error.domain, ARANGO_SERVER_ERROR_DOMAIN)
        self.assertEqual(error.code, Arango.ServerError.NOT_IMPLEMENTED)
        self.assertEqual(error.message, REFUSAL)

    def assertInvalid(self, call, *args):
        with self.assertRaises(GLib.GError) as caught:
            call(*args)
        self.assertTrue(caught.exception.matches(
            Arango.error_quark(), Arango.Error.INVALID_ARGUMENT))

    def last_request(self):
        return self.emulator.requests(0)[-1]

    def test_refused(self):
        self.assertRefused(run_async, self.db, 'tasks')
        self.assertRefused(run_async, self.db, 'task', 'nightly')
        self.assertRefused(run_async, self.db, 'create_task', 'print(1)', None)
        self.assertRefused(run_async, self.db, 'delete_task', 'nightly', False)
        # A refusal is not a missing task: ignore_missing keeps it.
        self.assertRefused(self.db.delete_task_sync, 'nightly', True, None)
        self.assertRefused(self.db.tasks_sync, None)

    def test_options_reach_the_request(self):
        options = Arango.TaskOptions(id='py_cleanup', name='Cleanup',
                                     params=Json.from_string('{"days": 7}'),
                                     period=60, offset=2.5)
        self.assertEqual(options.props.period, 60.0)
        self.assertRefused(self.db.create_task_sync, 'print(params)',
                           options, None)
        request = self.last_request()
        self.assertEqual((request['method'], request['path']),
                         ('PUT', '/_db/_system/_api/tasks/py_cleanup'))
        self.assertEqual(json.loads(request['body']),
                         {'id': 'py_cleanup', 'name': 'Cleanup',
                          'command': 'print(params)', 'params': {'days': 7},
                          'period': 60, 'offset': 2.5})

        self.assertRefused(self.db.create_task_sync, 'print(1)',
                           Arango.TaskOptions.new(), None)
        request = self.last_request()
        self.assertEqual((request['method'], request['path']),
                         ('POST', '/_db/_system/_api/tasks'))
        self.assertEqual(json.loads(request['body']), {'command': 'print(1)'})

    def test_bad_arguments(self):
        before = len(self.emulator.requests(0))
        self.assertInvalid(run_async, self.db, 'task', '')
        self.assertInvalid(run_async, self.db, 'create_task', '', None)
        self.assertInvalid(self.db.create_task_sync, 'print(1)',
                           Arango.TaskOptions(id=''), None)
        self.assertInvalid(self.db.delete_task_sync, '', True, None)
        self.assertEqual(len(self.emulator.requests(0)), before)


if __name__ == '__main__':
    unittest.main()
