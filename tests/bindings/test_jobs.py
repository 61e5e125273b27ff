#!/usr/bin/python3
# test_jobs.py: async jobs and hot backups through PyGObject, against the
# emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Calls run as async jobs, and hot backup transfers with progress, as a
Python program writes them: the job's result is finished by the original
call's own _finish, on the object the call was made on."""

import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from test_data import (  # noqa: E402
    ARANGO_ERROR_DOMAIN, CALL_TIMEOUT, CallTimeout, DataTestCase, doc,
    run_async, to_python)

from gi.repository import Arango, GLib  # noqa: E402


def run_callback(start):
    """start(callback) begins an async call; returns (source, result) as
    the callback got them."""
    loop = GLib.MainLoop()
    outcome = {}

    def on_done(source, result, user_data):
        outcome['source'] = source
        outcome['result'] = result
        loop.quit()

    def on_timeout():
        outcome['timeout'] = True
        loop.quit()
        return GLib.SOURCE_REMOVE

    start(on_done)
    timeout_id = GLib.timeout_add_seconds(CALL_TIMEOUT, on_timeout)
    loop.run()
    if outcome.get('timeout'):
        raise CallTimeout('no callback within %d s' % CALL_TIMEOUT)
    GLib.source_remove(timeout_id)
    return outcome['source'], outcome['result']


class JobTests(DataTestCase):

    def setUp(self):
        super().setUp()
        self.async_db = self.db.begin_async_execution(True)
        self.async_collection = self.async_db.get_collection(self.name)

    def submit_insert(self, text):
        source, result = run_callback(
            lambda cb: self.async_collection.insert_async(
                doc(text), 0, None, cb, None))
        self.assertEqual(source, self.async_collection)
        return result

    def wait_until_done(self, job):
        while True:
            done, status = run_async(job, 'status')
            self.assertTrue(done)
            if status == Arango.JobStatus.DONE:
                return
            time.sleep(0.02)

    def test_insert_result_through_its_own_finish(self):
        job = Arango.Job.new_from_result(self.submit_insert('{"_key": "neal"}'))
        self.assertIsNotNone(job.get_id())
        self.assertEqual(job.props.id, job.get_id())
        self.wait_until_done(job)

        source, result = run_callback(
            lambda cb: job.result_async(None, cb, None))
        self.assertEqual(source, self.async_collection)
        meta = to_python(source.insert_finish(result))
        self.assertEqual(meta['_id'], '%s/neal' % self.name)

    def test_ordinary_finish_names_the_job(self):
        result = self.submit_insert('{"_key": "lily"}')
        with self.assertRaises(GLib.GError) as raised:
            self.async_collection.insert_finish(result)
        self.assertEqual(raised.exception.domain, ARANGO_ERROR_DOMAIN)
        self.assertEqual(raised.exception.code, Arango.Error.ASYNC_JOB)
        job = Arango.Job.new_from_result(result)
        self.assertIn(job.get_id(), raised.exception.message)

    def test_list_and_clear(self):
        client = Arango.Client.new(self.emulator.hosts.split(',')[0])
        db = run_async(client, 'db', '_system', 'root', '')
        async_db = db.begin_async_execution(True)
        _, result = run_callback(
            lambda cb: async_db.query_async('RETURN SLEEP(60)', None, None,
                                            None, cb, None))
        job = Arango.Job.new_from_result(result)
        pending = run_async(db, 'async_jobs', Arango.JobStatus.PENDING, 0)
        self.assertEqual(pending, [job.get_id()])
        self.assertTrue(run_async(db, 'clear_async_jobs', 0))
        self.assertEqual(run_async(db, 'async_jobs',
                                   Arango.JobStatus.PENDING, 0), [])


class BackupTests(DataTestCase):

    def test_upload_download_with_progress(self):
        backup = to_python(run_async(self.db, 'create_backup', 'py', None))
        seen = []

        # PyGObject 3.42 takes the data of a callback that is not the
        # last one as the tuple of arguments to add (doc/backups.md).
        def on_progress(done, total):
            seen.append((done, total))

        self.assertTrue(run_async(self.db, 'upload_backup', backup['id'],
                                  'local://py', None, on_progress, ()))
        self.assertGreaterEqual(len(seen), 2)
        self.assertEqual(seen[-1][0], seen[-1][1])
        self.assertEqual(sorted(seen), seen)

        self.assertTrue(run_async(self.db, 'delete_backup', backup['id']))
        del seen[:]
        self.assertTrue(run_async(self.db, 'download_backup', backup['id'],
                                  'local://py', None, on_progress, ()))
        self.assertEqual(seen[-1][0], seen[-1][1])
        backups = to_python(run_async(self.db, 'list_backups', None))
        self.assertIn(backup['id'], backups)


if __name__ == '__main__':
    unittest.main()
