# emulator.py: runs the ArangoDB emulator for the Python binding tests
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Start ``arango-emulator`` as a subprocess and drive its control surface.

The emulator prints the coordinator URLs on its first line and the URL of
its control surface on the second one.  It is started with
``--exit-on-eof`` and a piped stdin, so it also goes away when this process
dies without calling :meth:`Emulator.stop`.
"""

import base64
import json
import os
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request

__all__ = ['Emulator', 'EmulatorError', 'find_emulator']

STARTUP_TIMEOUT = 20
CONTROL_TIMEOUT = 10


class EmulatorError(Exception):
    """The emulator could not be started or its control surface failed."""


def find_emulator():
    """Return the path of arango-emulator: $ARANGO_EMULATOR, then PATH."""
    path = os.environ.get('ARANGO_EMULATOR')
    if path:
        return path
    path = shutil.which('arango-emulator')
    if path:
        return path
    raise EmulatorError('arango-emulator not found: set ARANGO_EMULATOR')


class Emulator:
    """One emulator process with its coordinators."""

    def __init__(self, coordinators=3, user=None, password=None):
        self.n_coordinators = coordinators
        self.user = user
        self.password = password
        self.process = None
        self.urls = []
        self.control_url = None

    # Life cycle

    def start(self):
        args = [find_emulator(), '--coordinators', str(self.n_coordinators)]
        if self.user is not None:
            args += ['--user', self.user]
        if self.password is not None:
            args += ['--password', self.password]
        args.append('--exit-on-eof')

        self.process = subprocess.Popen(args,
                                        stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE,
                                        text=True)
        try:
            first = self._read_line()
            second = self._read_line()
        except BaseException:
            self.stop()
            raise

        self.urls = [url.strip() for url in first.split(',') if url.strip()]
        if len(self.urls) != self.n_coordinators:
            self.stop()
            raise EmulatorError('expected %d coordinator URLs, got %r'
                                % (self.n_coordinators, first))
        words = second.split()
        if len(words) != 2 or words[0] != 'control':
            self.stop()
            raise EmulatorError('unexpected second line %r' % second)
        self.control_url = words[1].rstrip('/')
        return self

    def _read_line(self):
        # A blocking readline is fine: the emulator prints both lines as
        # soon as it listens, and dies with an empty stdout otherwise.
        line = self.process.stdout.readline()
        if not line:
            code = self.process.wait(timeout=STARTUP_TIMEOUT)
            raise EmulatorError('the emulator exited with status %s before '
                                'printing its URLs' % code)
        return line.strip()

    def stop(self):
        process, self.process = self.process, None
        if process is None:
            return
        try:
            if process.stdin:
                process.stdin.close()
        except OSError:
            pass
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
        return False

    @property
    def hosts(self):
        """The coordinator URLs as one comma-separated string."""
        return ','.join(self.urls)

    # Control surface

    def control(self, method, path, **query):
        url = self.control_url + path
        if query:
            url += '?' + urllib.parse.urlencode(query)
        request = urllib.request.Request(url, method=method,
                                         data=b'' if method != 'GET' else None)
        try:
            with urllib.request.urlopen(request,
                                        timeout=CONTROL_TIMEOUT) as reply:
                body = reply.read()
        except urllib.error.HTTPError as error:
            raise EmulatorError('%s %s: HTTP %d %s'
                                % (method, path, error.code,
                                   error.read().decode(errors='replace')))
        return json.loads(body) if body else None

    def state(self):
        return self.control('GET', '/_control/state')

    def coordinators(self):
        return self.state()['coordinators']

    def server_ids(self):
        return [c['serverId'] for c in self.coordinators()]

    def request_counts(self):
        return [c['requests'] for c in self.coordinators()]

    def in_maintenance(self):
        return self.state()['maintenance']

    def stop_coordinator(self, index):
        return self.control('POST', '/_control/coordinators/%d/stop' % index)

    def start_coordinator(self, index):
        return self.control('POST', '/_control/coordinators/%d/start' % index)

    def set_fault(self, index, kind, count=None, ms=None):
        query = {'kind': kind}
        if count is not None:
            query['count'] = count
        if ms is not None:
            query['ms'] = ms
        return self.control('POST', '/_control/coordinators/%d/fault' % index,
                            **query)

    def requests(self, index):
        reply = self.control('GET',
                             '/_control/coordinators/%d/requests' % index)
        return reply['requests']

    def reset(self):
        """Restart stopped coordinators, clear faults, counters and logs.

        The reset leaves the cluster's maintenance mode alone, so that is
        turned off through a coordinator first, as a client would.
        """
        self.control('POST', '/_control/reset')
        if self.in_maintenance():
            self._leave_maintenance()
            self.control('POST', '/_control/reset')

    def _leave_maintenance(self):
        request = urllib.request.Request(
            self.urls[0] + '/_admin/cluster/maintenance', method='PUT',
            data=b'"off"', headers={'Content-Type': 'application/json'})
        if self.user is not None:
            credentials = '%s:%s' % (self.user, self.password or '')
            request.add_header('Authorization', 'Basic ' + base64.b64encode(
                credentials.encode()).decode())
        with urllib.request.urlopen(request, timeout=CONTROL_TIMEOUT):
            pass

    def rotate_secret(self):
        return self.control('POST', '/_control/auth/rotate-secret')

    def superuser_token(self):
        return self.control('GET', '/_control/auth/superuser-token')['jwt']

    def user_token(self, user, ttl=None):
        """A token for user, expiring ttl seconds from now (negative:
        already expired; None: the emulator's --jwt-ttl)."""
        query = {'user': user}
        if ttl is not None:
            query['ttl'] = ttl
        return self.control('GET', '/_control/auth/user-token', **query)['jwt']
