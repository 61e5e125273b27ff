#!/usr/bin/python3
# fidelity.py: replay the recorded ArangoDB exchanges against the emulator
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Fidelity of arango-emulator to real ArangoDB servers.

For every transcript in ``../shared/arango-api/transcripts/<version>/``
(real request/response pairs recorded while the ArangoDB documentation
examples ran), this starts one emulator, runs the fixture steps of the
example (``fixtures/*.json``: the collections, documents, indexes, ... the
example had created before its requests), replays the recorded requests in
order and compares every reply with the recorded one:

* the status code;
* the content type (media type, parameters ignored);
* the presence of the headers that matter (``etag``, ``location``,
  ``x-arango-*``), both ways; the value of ``x-arango-error-codes``;
* the JSON body: key sets and value types recursively, and the values
  that are not volatile (see VOLATILE_KEYS below); empty bodies stay empty.

Ids the server generated (cursor, transaction, job, collection and index
ids, document keys and revisions) differ between the recording and the
emulator: each reply is walked alongside its recording and every differing
id is remembered, so that later requests of the same file are sent with the
emulator's id in place of the recorded one.

The cases of ``source-derived.json`` (answers of endpoints without
recordings, written from the server's source as NOTES.md gives it; see
source_derived.py) are replayed the same way; they need no recordings.

Output: one line ``fidelity: M/T (VERSION)`` per docs version (3.12
first), then ``fidelity: M/T (source-derived)``, then one ``MISMATCH`` line
per exchange that did not match, then a summary of the mismatches by
endpoint family.  The exit status is 1 when a line's M is below its floor
in ``floors.json``.  Without the transcripts only the source-derived cases
run.
"""

import argparse
import collections
import concurrent.futures
import fnmatch
import functools
import glob
import http.client
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse

import recordings
import source_derived

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT_ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SHARED = os.path.join(PROJECT_ROOT, '..', 'shared', 'arango-api')

# The order of the summary lines: 3.12 first, as the emulator is a 3.12
# server; versions found on disk but not listed here come last.
VERSION_ORDER = ['3.12', '3.11', '3.10', '4.x', '3.6']

REQUEST_TIMEOUT = 30

# --------------------------------------------------------------------------
# What counts as volatile: the value is compared by type only.  Keep this
# short; every entry says why a real server gives another value on every
# run, so that no recording could ever be matched on it.
# --------------------------------------------------------------------------

VOLATILE_KEYS = {
    # Document revisions: hybrid logical clock ticks, new on every write.
    '_rev', '_oldRev',
    # Collection revision and checksum: derived from the revisions above.
    'revision', 'checksum',
    # Identifiers the server takes from its tick counter or a random uuid:
    # collections, indexes, cursors, transactions, databases, views.
    # (Only string values: numeric "id"s are plan node numbers, compared.)
    'id', 'globallyUniqueId', 'objectId', 'planId', 'ClusterId',
    # ... and a SmartGraph's initial collection (before 3.12), numerically.
    'initialCid',
    # ... and hot backup transfers.
    'uploadId', 'downloadId',
    # The key generator's state: the last generated key, a tick.
    'lastValue',
    # Positions in the write-ahead log: ticks of the same counter, and the
    # number of ticks so far; the log's markers name collections by their
    # globallyUniqueId ("cuid").  A single server's id: a random number.
    'tick', 'tickMax', 'lastLogTick', 'lastUncommittedLogTick',
    'totalEvents', 'cuid', 'serverId',
    # Clock readings and durations of the run.
    'executionTime', 'peakMemoryUsage', 'time', 'runtime', 'fetching',
    'SyncTime', 'Timestamp', 'LastAckedTime', 'datetime',
    # ... and the end of a DB-Server's maintenance, a time from now.
    'Until',
    # A hot backup's size and file count: those of the recorded server's
    # RocksDB files, which no emulator has.
    'sizeInBytes', 'nrFiles',
    # Access tokens: the creation time, and the token (random bytes in it)
    # with the fingerprint taken from it.
    'created_at', 'token', 'fingerprint',
    # Where and as which process the recorded server ran (host names,
    # random ports, process ids).
    'Endpoint', 'endpoint', 'endpoints', 'address', 'pid', 'host',
    'hostname',
}

# Values volatile at these JSON paths only: a collection's figures are
# RocksDB's estimates of its on-disk sizes, which change with the timing of
# memtable flushes and compactions (the same example recorded different
# sizes in every docs version).
VOLATILE_PATH_RES = [
    re.compile(r'^figures\.(documentsSize|indexes\.size)$'),
    # A profiled query's seconds per phase ("parsing", "executing" ...).
    re.compile(r'^extra\.profile\.[^.]+$'),
]

# Values volatile in the answers of some endpoints only.  The entries of
# the query results cache and plan cache carry the server's hashes of the
# query (its own hash functions over its own VelocyPack), the VelocyPack
# sizes of results and plans, and when and how long the query ran.
# (Request "METHOD PATH", JSON path.)
VOLATILE_REQUEST_PATHS = [
    (re.compile(r'^GET /_api/query-(cache/entries|plan-cache)$'),
     re.compile(r'^\[[0-9]+\]\.(hash|queryHash|size|memoryUsage|runTime|started|created)$')),
    # A server's statistics measure its process (page faults, CPU times,
    # sizes, uptime, the machine's memory) and count what it did since it
    # started: requests and transactions of the examples run before, the
    # scheduler queue and the V8 contexts at that moment.
    (re.compile(r'^GET /_admin/(statistics|cluster/(statistics|nodeStatistics))$'),
     re.compile(r'^(system\.\w+|server\.(uptime|physicalMemory|transactions\.\w+'
                r'|threads\.(queued|in-progress)|v8Context\.(available|busy|free'
                r'|memory\[[0-9]+\]\.(tMax|countOfTimes|heapMax|invocations)))'
                r'|http\.requests\w+|(client|clientUser)\.\w+\.(sum|count|counts\[[0-9]+\]))$')),
    # Support info: when, and the recorded machines and processes (the
    # kernel, memory, cores, process and CPU figures, RocksDB's sizes).
    (re.compile(r'^GET /_admin/support-info$'),
     re.compile(r'^(date|(host|deployment\.servers\.[^.]+)\.(os|(physicalMemory|numberOfCores)\.value'
                r'|processStats\.\w+|cpuStats\.\w+|engineStats\..+))$')),
    # The license: the size of the recorded data directory (3.12), or the
    # evaluation key a server before 3.12 made itself and its expiry.
    (re.compile(r'^GET /_admin/license$'),
     re.compile(r'^(diskUsage\.bytesUsed|license|features\.expires)$')),
]

# The version a server reports is who it is, not how it behaves: every
# docs version was recorded from another release (3.10.14, 3.11.14,
# 3.12.10, nightlies), while the emulator is one 3.12 release.  Where a
# recording states its server's version, the emulator must state one too
# (a version string), whatever its number.
SERVER_VERSION_KEYS = {'version', 'server-version'}
SERVER_VERSION_RE = re.compile(r'^[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?$')
# The same for the source commit it was built from ("refs/3.11.14
# 46e2b3087", a nightly's "refs/head/3.12 2624a86a2e6").
SERVER_BUILD_KEYS = {'build', 'build-repository', 'enterprise-build-repository'}
SERVER_BUILD_RE = re.compile(r'^refs/\S+ [0-9a-f]{7,}$')

# Keys whose value is volatile only where it is a generated one: a
# traditional key generator's number (user-given keys are compared).
GENERATED_KEY_RE = re.compile(r'^(?:[^/]+/)?[0-9]+$')
GENERATED_KEY_KEYS = {'_key', '_id', '_from', '_to'}

# Values that are volatile wherever they appear: server ids (random uuids)
# and index names the server generates (idx_<tick>).
VOLATILE_VALUE_RES = [
    re.compile(r'^(?:CRDN|PRMR|AGNT|SNGL)-[0-9a-f]{8}-[0-9a-f-]{27}$'),
    re.compile(r'^idx_[0-9]+$'),
    # Shard ids: "s" and a number from the tick counter, like collection ids.
    re.compile(r'^s[0-9]+$'),
]

# Response headers whose presence is compared (besides every x-arango-*),
# and x-arango-* headers whose value is compared too.
PRESENCE_HEADERS = {'etag', 'location'}
VALUE_HEADERS = {'x-arango-error-codes', 'x-arango-errors'}
# Present on every reply of every server, value volatile: nothing to learn.
IGNORED_HEADERS = {'x-arango-queue-time-seconds'}

# Keys whose differing string values are remembered as recorded id ->
# emulator id, to be substituted into later requests.
ID_KEYS = {'id', '_id', '_key', '_rev', '_oldRev', '_from', '_to'}

# Lists the server builds from its hash maps, in no defined order: compared
# sorted by name.  (Request "METHOD PATH", JSON path of the array.)
UNORDERED_ARRAYS = [
    (re.compile(r'^GET /_api/(collection|view|analyzer|user)$'), 'result'),
    (re.compile(r'^GET /_api/gharial$'), 'graphs'),
]

# Keys that some docs versions' servers send and others do not.  The
# emulator is a 3.12 server and answers with 3.12's keys; a recording of
# another version is not held against it where that version's server
# differs from 3.12 in exactly these keys: the key is left out of both
# sides before comparing, when 3.12 and the recording's version disagree on
# sending it.  Every entry is backed by the recordings themselves (the
# versions listed are those whose recordings of the endpoint have the key),
# so a key the emulator invents or forgets is still a mismatch, in every
# version.  (Request "METHOD PATH", JSON path with [] for array elements,
# versions whose servers send the key.)
VERSIONED_KEYS = [
    # Collection properties: new in 3.12, gone in 4.x.
    (r'^[A-Z]+ /_api/collection', r'^supportsRBAC$', {'3.12'}),
    # Query statistics: document lookups and seeks counted since 3.12,
    # search parallelism reported in 3.12 only, intermediate commits
    # since 3.11.
    (r'^[A-Z]+ /_api/(cursor|explain|edges)', r'^(extra\.)?stats\.(documentLookups|seeks)$',
     {'3.12', '4.x'}),
    (r'^[A-Z]+ /_api/(cursor|explain|edges)', r'^(extra\.)?stats\.searchParallelism$',
     {'3.12'}),
    (r'^[A-Z]+ /_api/(cursor|explain|edges)', r'^(extra\.)?stats\.intermediateCommits$',
     {'3.11', '3.12', '4.x'}),
    # Execution plans: bind parameter variables per node and the prefetch
    # node count, 3.12 only.
    (r'^[A-Z]+ /_api/(cursor|explain)',
     r'^(extra\.)?(plan|plans\[\])\.(asyncPrefetchNodes|nodes\[\]\.bindParameterVariables)$',
     {'3.12'}),
    # ... and whether a node prefetches asynchronously, since 3.12 (the
    # 3.12 nightlies of 4.x too); the database and index direction on
    # collection nodes before 3.12; the sort an IndexNode provides and the
    # explain statistics' rule count in 3.12 (not in the 4.x nightlies).
    (r'^[A-Z]+ /_api/(cursor|explain)',
     r'^(extra\.)?(plan|plans\[\])\.nodes\[\]\.isAsyncPrefetchEnabled$', {'3.12', '4.x'}),
    (r'^[A-Z]+ /_api/(cursor|explain)',
     r'^(extra\.)?(plan|plans\[\])\.nodes\[\]\.(database|reverse)$', {'3.10', '3.11'}),
    (r'^[A-Z]+ /_api/(cursor|explain)',
     r'^(extra\.)?(plan|plans\[\])\.nodes\[\]\.sortElements$', {'3.12'}),
    (r'^POST /_api/explain', r'^stats\.rules$', {'3.12'}),
    # An IndexNode's strategy, projection coverage and late
    # materialization since 3.12 (and the 4.x nightlies); the value type of
    # expressions and whether a variable holds collection data in 3.10.
    (r'^[A-Z]+ /_api/(cursor|explain)',
     r'^(extra\.)?(plan|plans\[\])\.nodes\[\]\.(strategy|indexCovers(Out|Filter)Projections'
     r'|isLateMaterialized)$', {'3.12', '4.x'}),
    (r'^[A-Z]+ /_api/(cursor|explain)',
     r'^(extra\.)?(plan|plans\[\])\..*\.(vType|isDataFromCollection)$', {'3.10'}),
    # Parsing a query: warnings are reported since 3.12, and references
    # say whether they are to a subquery's result since 3.12.
    (r'^POST /_api/query$', r'^warnings$', {'3.12', '4.x'}),
    (r'^POST /_api/(query|explain)$', r'^.*\.subqueryReference$', {'3.12', '4.x'}),
    # Cursors: batch ids for retries since 3.11.
    (r'^[A-Z]+ /_api/cursor', r'^nextBatchId$', {'3.11', '3.12', '4.x'}),
    # Index descriptions: the primary index's selectivity since 3.11.
    (r'^GET /_api/index/', r'^selectivityEstimate$', {'3.11', '3.12', '4.x'}),
    # Support info: the process's file descriptors since 3.12.
    (r'^GET /_admin/support-info$',
     r'^(host|deployment\.servers\.[^.]+)\.processStats\.fileDescrtors(Limit)?$',
     {'3.12', '4.x'}),
]
EMULATED_VERSION = '3.12'


def tokens_active_now(value, now):
    """The recorded body with each access token's `active` as the recorded
    server would give it now. A token is active until its `valid_until`
    (compared as recorded): a recording made before a token expired says
    true, and the emulator replaying it after says false, as the server
    would."""
    if isinstance(value, dict):
        out = {k: tokens_active_now(v, now) for k, v in value.items()}
        if isinstance(out.get('active'), bool) and isinstance(out.get('valid_until'), int):
            out['active'] = out['active'] and out['valid_until'] > now
        return out
    if isinstance(value, list):
        return [tokens_active_now(v, now) for v in value]
    return value


def drop_versioned_keys(rec, emu, version, method, path):
    """Copies of the recorded and emulated bodies without the keys in which
    the recording's version and 3.12 differ (VERSIONED_KEYS)."""
    request = '%s %s' % (method, re.sub(r'^/_db/[^/]+', '', path))
    rules = [(re.compile(jp), sends) for rq, jp, sends in VERSIONED_KEYS
             if re.match(rq, request)
             and (version in sends) != (EMULATED_VERSION in sends)]
    if not rules:
        return rec, emu

    def strip(value, where):
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                p = '%s.%s' % (where, k) if where else k
                if not any(r.match(p) for r, _ in rules):
                    out[k] = strip(v, p)
            return out
        if isinstance(value, list):
            return [strip(v, where + '[]') for v in value]
        return value
    return strip(rec, ''), strip(emu, '')


REV_RE = re.compile(r'^_[0-9A-Za-z_-]{10}$')
SERVER_ID_KEY_RE = re.compile(r'^(CRDN|PRMR|AGNT|SNGL)-')
SHARD_ID_KEY_RE = re.compile(r'^s([0-9]+)$')

# Paths whose next segment is an id a previous request created.
ID_PATH_PREFIXES = ('/_api/cursor/', '/_api/transaction/', '/_api/job/')


def version_key(version):
    if version in VERSION_ORDER:
        return (0, VERSION_ORDER.index(version), version)
    return (1, 0, version)


# --------------------------------------------------------------------------
# The emulator
# --------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def folder_server_version(vdir):
    """The version most recordings of a docs version name (their
    server_version_hint), for the files that name none."""
    hints = collections.Counter()
    for path in glob.glob(os.path.join(vdir, '*.json')):
        with open(path, encoding='utf-8') as f:
            hint = json.load(f).get('server_version_hint')
        if hint:
            hints[hint['version']] += 1
    return hints.most_common(1)[0][0] if hints else None


def recorded_server_version(path, transcript):
    """The ArangoDB version a recording was made with, so that the
    emulator answers as that version (--server-version)."""
    hint = transcript.get('server_version_hint')
    if hint:
        return hint['version']
    return folder_server_version(os.path.dirname(os.path.abspath(path)))


# The cluster recordings were made on a cluster of 3 Coordinators, through
# one that was not the Foxx master (3.12/RestAdminStatus_cluster.json:
# "isFoxxmaster": false; 3.12/RestAdminSupportInfo_cluster.json: 3 CRDN
# servers). Their replay runs as many and goes through the second one (the
# emulator's Foxx master is its first).
CLUSTER_COORDINATORS = 3
CLUSTER_ENTRY_COORDINATOR = 1


class Emulator:
    def __init__(self, binary, server_version=None, single=False,
                 coordinators=CLUSTER_COORDINATORS, dbservers=None):
        # A recording of a single server is replayed against an emulator
        # answering as one (--single): the two roles differ in a few
        # answers (collection properties, for one), and the emulator knows
        # both; a Coordinator's recording gets a Coordinator. It also
        # answers as the ArangoDB version the recording was made with.
        version_args = ['--server-version', server_version] if server_version else []
        if single:
            coordinators = 1
        dbserver_args = ['--dbservers', str(dbservers)] if dbservers else []
        self.process = subprocess.Popen(
            [binary, '--coordinators', str(coordinators), '--exit-on-eof'] + version_args
            + dbserver_args + (['--single'] if single else []),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True)
        first = self.process.stdout.readline().strip()
        second = self.process.stdout.readline().strip()
        if not first.startswith('http') or not second.startswith('control'):
            self.stop()
            raise RuntimeError('emulator did not announce its URLs: %r %r'
                               % (first, second))
        entry = min(CLUSTER_ENTRY_COORDINATOR, coordinators - 1)
        url = urllib.parse.urlsplit(first.split(',')[entry])
        self.host, self.port = url.hostname, url.port
        self.conn = None

    def request(self, method, url, headers=None, body=None):
        """Send one request; returns (status, [(name, value)], body bytes)."""
        if isinstance(body, str):
            body = body.encode('utf-8')
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(
                    self.host, self.port, timeout=REQUEST_TIMEOUT)
            try:
                self.conn.request(method, url, body=body,
                                  headers=dict(headers or {}))
                resp = self.conn.getresponse()
                data = resp.read()
                return resp.status, resp.getheaders(), data
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        raise AssertionError('unreachable')

    def stop(self):
        if self.conn is not None:
            self.conn.close()
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


def parse_json(data):
    if data is None:
        return None
    if isinstance(data, bytes):
        data = data.decode('utf-8', 'replace')
    try:
        return json.loads(data)
    except ValueError:
        return None


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------

class Unresolved(Exception):
    pass


TEMPLATE_RE = re.compile(r'\$\{([^}]+)\}')


class Fixtures:
    """fixtures/*.json: shared setups, per-example entries and unreachable
    examples (see README). One file per endpoint family, so that work on
    different families touches different files; a name defined twice is an
    error, not a silent override."""

    def __init__(self, directory):
        self.shared, self.examples, self.unreachable = {}, {}, {}
        for name in sorted(os.listdir(directory)):
            if not name.endswith('.json'):
                continue
            with open(os.path.join(directory, name), encoding='utf-8') as f:
                data = json.load(f)
            for part in ('shared', 'examples', 'unreachable'):
                mine, theirs = getattr(self, part), data.get(part, {})
                twice = sorted(set(mine) & set(theirs))
                if twice:
                    raise ValueError('%s: %s %s defined in another fixtures '
                                     'file too' % (name, part, ', '.join(twice)))
                mine.update(theirs)

    def entries_for(self, example, version):
        """The matching entries: patterns in file order, then the exact
        entry (NAME@VERSION replaces NAME for that version)."""
        exact = self.examples.get('%s@%s' % (example, version))
        if exact is None:
            exact = self.examples.get(example)
        entries = []
        if exact is None or exact.get('inherit', True):
            for key, entry in self.examples.items():
                if '*' not in key and '?' not in key:
                    continue
                name, _, only = key.partition('@')
                if only and only != version:
                    continue
                if fnmatch.fnmatchcase(example, name):
                    entries.append(entry)
        if exact is not None:
            entries.append(exact)
        return entries

    def plan(self, example, version):
        """(setup steps, {exchange index: steps}, notes, deployment)."""
        steps, before, notes = [], collections.defaultdict(list), []
        deployment = {}
        seen = set()

        def add_shared(name):
            if name in seen:
                return
            seen.add(name)
            shared = self.shared[name]
            if isinstance(shared, dict):
                for dep in shared.get('use', []):
                    add_shared(dep)
                steps.extend(shared.get('steps', []))
            else:
                steps.extend(shared)

        for entry in self.entries_for(example, version):
            for name in entry.get('use', []):
                add_shared(name)
            steps.extend(entry.get('steps', []))
            for index, more in entry.get('before', {}).items():
                before[int(index)].extend(more)
            if entry.get('note'):
                notes.append(entry['note'])
            deployment.update(entry.get('deployment', {}))
        return steps, before, notes, deployment


def lookup(transcript, ref, item=None):
    """Resolve N.req.seg.K / N.req.query.NAME / N.req.header.NAME /
    N.req.body.PATH / N.resp.body.PATH / N.resp.header.NAME against the
    recorded exchanges, item.PATH against the element of an "each" step."""
    parts = ref.split('.')
    if parts[0] == 'item':
        value = item
        for part in parts[1:]:
            if isinstance(value, list):
                value = value[int(part)]
            elif isinstance(value, dict) and part in value:
                value = value[part]
            else:
                raise Unresolved(ref)
        return value
    try:
        exchange = transcript['exchanges'][int(parts[0])]
    except (ValueError, IndexError):
        raise Unresolved(ref)
    side, what, rest = parts[1], parts[2], parts[3:]
    if side == 'req':
        req = exchange['request']
        if what in ('method', 'url'):
            return req[what]
        if what == 'seg':
            segs = req['path'].split('/')
            try:
                return urllib.parse.unquote(segs[int(rest[0])])
            except (IndexError, ValueError):
                raise Unresolved(ref)
        if what == 'query':
            q = urllib.parse.parse_qs(req['query'])
            if rest[0] not in q:
                raise Unresolved(ref)
            return q[rest[0]][0]
        if what == 'header':
            for name, value in req['headers']:
                if name.lower() == rest[0].lower():
                    return value
            raise Unresolved(ref)
        if what == 'body':
            value = parse_json(req['body'])
        else:
            raise Unresolved(ref)
    elif side == 'resp':
        resp = exchange['response']
        if resp is None:
            raise Unresolved(ref)
        if what == 'header':
            for name, value in resp['headers']:
                if name.lower() == rest[0].lower():
                    return value.strip('"')
            raise Unresolved(ref)
        if what == 'body':
            if 'body_json' not in resp:
                raise Unresolved(ref)
            value = resp['body_json']
        else:
            raise Unresolved(ref)
    else:
        raise Unresolved(ref)
    for part in rest:
        if isinstance(value, list):
            try:
                value = value[int(part)]
            except (ValueError, IndexError):
                raise Unresolved(ref)
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise Unresolved(ref)
    return value


def expand(value, transcript, item=None):
    """Replace ${...} templates; a member or element whose whole value is
    an unresolvable template is left out."""
    if isinstance(value, str):
        whole = TEMPLATE_RE.fullmatch(value)
        if whole:
            return lookup(transcript, whole.group(1), item)

        def repl(m):
            v = lookup(transcript, m.group(1), item)
            return v if isinstance(v, str) else json.dumps(v)
        return TEMPLATE_RE.sub(repl, value)
    if isinstance(value, list):
        out = []
        for element in value:
            try:
                out.append(expand(element, transcript, item))
            except Unresolved:
                if not (isinstance(element, str)
                        and TEMPLATE_RE.fullmatch(element)):
                    raise
        return out
    if isinstance(value, dict):
        out = {}
        for key, element in value.items():
            try:
                out[expand(key, transcript, item)] = expand(element, transcript,
                                                            item)
            except Unresolved:
                if not (isinstance(element, str)
                        and TEMPLATE_RE.fullmatch(element)):
                    raise
        return out
    return value


def step_request(step):
    """(method, url, body, headers, ok statuses) of a fixture step."""
    if 'collection' in step:
        spec = step['collection']
        if isinstance(spec, str):
            spec = {'name': spec}
        db = step.get('db')
        prefix = '/_db/%s' % db if db else ''
        return 'POST', prefix + '/_api/collection', spec, {}, None
    if 'insert' in step:
        db = step.get('db')
        prefix = '/_db/%s' % db if db else ''
        url = '%s/_api/document/%s' % (prefix, step['insert'])
        docs = step.get('docs', [])
        if 'repeat' in step:
            docs = [step['doc']] * step['repeat']
        return 'POST', url, docs, {}, None
    if 'index' in step:
        url = '/_api/index?collection=%s' % urllib.parse.quote(step['index'])
        return 'POST', url, step['def'], {}, None
    if 'database' in step:
        spec = step['database']
        if isinstance(spec, str):
            spec = {'name': spec}
        return 'POST', '/_api/database', spec, {}, None
    method, _, url = step['req'].partition(' ')
    return (method, url, step.get('body'), step.get('headers', {}),
            step.get('ok'))


KEYS_PART_RE = re.compile(r'^keys\((.*)\)$')


def get_path(value, path):
    """The value at a dotted path; a part keys(PREFIX) stands for the keys
    of an object that start with PREFIX, in reply order (the server ids of
    cluster health)."""
    for part in path.split('.') if path else []:
        keys = KEYS_PART_RE.match(part)
        if keys and isinstance(value, dict):
            value = [k for k in value if k.startswith(keys.group(1))]
        elif isinstance(value, list):
            value = value[int(part)]
        else:
            value = value[part]
    return value


# --------------------------------------------------------------------------
# Recorded id -> emulator id
# --------------------------------------------------------------------------

class IdMap:
    def __init__(self):
        self.map = {}
        self.pending = {}   # path prefix -> emulator id nobody asked for yet

    def add(self, recorded, emulated):
        if not isinstance(recorded, str) or not isinstance(emulated, str):
            return
        if recorded == emulated or len(recorded) < 3:
            return
        self.map.setdefault(recorded, emulated)
        # collection/key and collection/index-id: map the parts too.
        if '/' in recorded and '/' in emulated:
            rc, _, rk = recorded.partition('/')
            ec, _, ek = emulated.partition('/')
            if rc == ec and rk != ek and len(rk) >= 3:
                self.map.setdefault(rk, ek)

    def learn(self, recorded, emulated):
        """Walk a recorded body and the emulator's alongside."""
        if isinstance(recorded, dict) and isinstance(emulated, dict):
            for key, value in recorded.items():
                if key not in emulated:
                    continue
                if key in ID_KEYS and isinstance(value, str):
                    if key != '_key' or GENERATED_KEY_RE.match(value):
                        self.add(value, emulated[key])
                self.learn(value, emulated[key])
        elif isinstance(recorded, list) and isinstance(emulated, list):
            if len(recorded) == len(emulated):
                for r, e in zip(recorded, emulated):
                    self.learn(r, e)

    def get(self, value):
        return self.map.get(value)

    def subst_string(self, s):
        if s in self.map:
            return self.map[s]
        if '/' in s:
            coll, _, key = s.partition('/')
            if key in self.map:
                return coll + '/' + self.map[key]
        return s

    def subst_json(self, value, changed):
        if isinstance(value, str):
            out = self.subst_string(value)
            if out != value:
                changed.append(value)
            return out
        if isinstance(value, list):
            return [self.subst_json(v, changed) for v in value]
        if isinstance(value, dict):
            return {k: self.subst_json(v, changed) for k, v in value.items()}
        return value


# --------------------------------------------------------------------------
# Comparing a reply with its recording
# --------------------------------------------------------------------------

def json_type(value):
    if value is None:
        return 'null'
    if isinstance(value, bool):
        return 'bool'
    if isinstance(value, (int, float)):
        return 'number'
    if isinstance(value, str):
        return 'string'
    if isinstance(value, list):
        return 'array'
    return 'object'


def short(value, limit=60):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit - 3] + '...'


def is_volatile(key, value):
    if isinstance(value, str):
        if any(r.match(value) for r in VOLATILE_VALUE_RES):
            return True
        if key in GENERATED_KEY_KEYS:
            return bool(GENERATED_KEY_RE.match(value))
        if key == 'id':
            return True
    elif key == 'id':
        return False
    return key in VOLATILE_KEYS


def compare_json(rec, emu, path, key=None, ids=None, unordered=(),
                 volatile_paths=()):
    """The first difference as text, or None."""
    where = path or 'body'
    rt, et = json_type(rec), json_type(emu)
    if rt != et:
        return '%s: recorded %s %s, emulator %s %s' % (
            where, rt, short(rec), et, short(emu))
    if rt == 'object':
        if rec and all(SERVER_ID_KEY_RE.match(k) for k in rec):
            return compare_by_server(rec, emu, where, ids, unordered,
                                     volatile_paths)
        if rec and all(SHARD_ID_KEY_RE.match(k) for k in list(rec) + list(emu)):
            return compare_by_shard(rec, emu, where, ids, unordered)
        if ids is not None:
            # Objects keyed by ids (index "identifiers"): the recorded ids
            # stand for the emulator's.
            rec = {(k if k in emu else ids.subst_string(k)): v
                   for k, v in rec.items()}
        missing = [k for k in rec if k not in emu]
        if missing:
            return '%s: missing key%s %s' % (
                where, 's' if len(missing) > 1 else '',
                ', '.join(repr(k) for k in missing[:5]))
        extra = [k for k in emu if k not in rec]
        if extra:
            return '%s: unexpected key%s %s' % (
                where, 's' if len(extra) > 1 else '',
                ', '.join(repr(k) for k in extra[:5]))
        for k, v in rec.items():
            diff = compare_json(v, emu[k], '%s.%s' % (path, k) if path else k,
                                k, ids, unordered, volatile_paths)
            if diff:
                return diff
        return None
    if rt == 'array':
        if len(rec) != len(emu):
            return '%s: recorded %d elements, emulator %d' % (
                where, len(rec), len(emu))
        if path in unordered:
            rec, emu = sorted(rec, key=list_order), sorted(emu, key=list_order)
        for i, (r, e) in enumerate(zip(rec, emu)):
            diff = compare_json(r, e, '%s[%d]' % (path, i), key, ids,
                                unordered, volatile_paths)
            if diff:
                return diff
        return None
    if is_volatile(key, rec) or any(r.match(path) for r in VOLATILE_PATH_RES) \
            or any(r.match(path) for r in volatile_paths):
        return None
    if key in SERVER_VERSION_KEYS and isinstance(rec, str) \
            and SERVER_VERSION_RE.match(rec) and SERVER_VERSION_RE.match(emu):
        return None
    if key in SERVER_BUILD_KEYS and isinstance(rec, str) \
            and SERVER_BUILD_RE.match(rec) and SERVER_BUILD_RE.match(emu):
        return None
    if ids is not None and isinstance(rec, str) and ids.get(rec) == emu:
        return None     # an id an earlier reply made (job ids in lists)
    if rec != emu:
        return '%s: recorded %s, emulator %s' % (where, short(rec), short(emu))
    return None


def list_order(element):
    if isinstance(element, dict):
        for k in ('name', 'user', '_key'):
            if isinstance(element.get(k), str):
                return (0, element[k])
    return (1, json.dumps(element, sort_keys=True))


def compare_by_server(rec, emu, where, ids, unordered, volatile_paths):
    """Objects keyed by server id (cluster health): the same number of
    servers of each kind, each compared with its counterpart in order."""
    def groups(obj):
        out = collections.defaultdict(list)
        for k in obj:
            m = SERVER_ID_KEY_RE.match(k)
            out[m.group(1) if m else k].append(k)
        return out
    rg, eg = groups(rec), groups(emu)
    for kind in sorted(set(rg) | set(eg)):
        if len(rg.get(kind, [])) != len(eg.get(kind, [])):
            return '%s: recorded %d %s servers, emulator %d' % (
                where, len(rg.get(kind, [])), kind, len(eg.get(kind, [])))
    for kind in sorted(rg):
        def order(obj, k):
            # By short name (health) or alias (support info); agents have
            # neither: the leader first.
            v = obj[k] if isinstance(obj[k], dict) else {}
            return (v.get('ShortName') or v.get('alias') or '',
                    v.get('Leading') is not True, k)
        for rk, ek in zip(sorted(rg[kind], key=lambda k: order(rec, k)),
                          sorted(eg[kind], key=lambda k: order(emu, k))):
            diff = compare_json(rec[rk], emu[ek], '%s.%s' % (where, rk),
                                None, ids, unordered, volatile_paths)
            if diff:
                return diff
    return None


def compare_by_shard(rec, emu, where, ids, unordered):
    """Objects keyed by shard id (a collection's shard map): the same
    number of shards, each compared with its counterpart in id order."""
    if len(rec) != len(emu):
        return '%s: recorded %d shards, emulator %d' % (where, len(rec), len(emu))
    def order(obj):
        return sorted(obj, key=lambda k: int(SHARD_ID_KEY_RE.match(k).group(1)))
    for rk, ek in zip(order(rec), order(emu)):
        diff = compare_json(rec[rk], emu[ek], '%s.%s' % (where, rk), None, ids,
                            unordered)
        if diff:
            return diff
    return None


def media_type(value):
    return (value or '').split(';')[0].strip().lower() or None


def unordered_paths(method, path):
    path = re.sub(r'^/_db/[^/]+', '', path).rstrip('/')
    return {json_path for regex, json_path in UNORDERED_ARRAYS
            if regex.match('%s %s' % (method, path))}


def compare_reply(recorded, status, headers, body, method, ids=None,
                  unordered=(), version=EMULATED_VERSION, path=''):
    rec_status = recorded['status']
    rec_json = recorded.get('body_json')
    if rec_status is None and isinstance(rec_json, dict):
        rec_status = rec_json.get('code')   # 3.6: "HTTP/1.1 OK"
    emu_json = parse_json(body)
    if rec_status != status:
        why = ''
        if isinstance(emu_json, dict) and emu_json.get('error'):
            why = ' (%s %s)' % (emu_json.get('errorNum'),
                                short(emu_json.get('errorMessage'), 70))
        return 'status: recorded %s, emulator %s%s' % (rec_status, status, why)

    rec_h = {k.lower(): v for k, v in recorded['headers']}
    emu_h = {k.lower(): v for k, v in headers}
    rec_ct, emu_ct = media_type(rec_h.get('content-type')), \
        media_type(emu_h.get('content-type'))
    if rec_ct != emu_ct:
        return 'content-type: recorded %s, emulator %s' % (rec_ct, emu_ct)

    def matters(name):
        return (name in PRESENCE_HEADERS or name.startswith('x-arango-')) \
            and name not in IGNORED_HEADERS
    for name in rec_h:
        if matters(name) and name not in emu_h:
            return 'header %s: missing' % name
    for name in emu_h:
        if matters(name) and name not in rec_h \
                and name != 'x-arango-request-forwarded-to':
            return 'header %s: unexpected (%s)' % (name, emu_h[name])
    for name in VALUE_HEADERS:
        if name in rec_h and rec_h[name] != emu_h.get(name):
            return 'header %s: recorded %s, emulator %s' % (
                name, rec_h[name], emu_h.get(name))

    if 'body_json' in recorded:
        if emu_json is None and body.strip() != b'null':
            return 'body: recorded JSON, emulator %s' % (
                short(body.decode('utf-8', 'replace'), 60) if body
                else 'no body')
        rec_json, emu_json = drop_versioned_keys(rec_json, emu_json, version,
                                                 method, path)
        request = '%s %s' % (method, re.sub(r'^/_db/[^/]+', '', path))
        if request.startswith(('POST /_api/token', 'GET /_api/token')):
            rec_json = tokens_active_now(rec_json, time.time())
        volatile_paths = [jp for rq, jp in VOLATILE_REQUEST_PATHS
                          if rq.match(request)]
        return compare_json(rec_json, emu_json, '', None, ids, unordered,
                            volatile_paths)
    rec_body = recorded.get('body') or ''
    if not rec_body.strip():
        if body.strip() and method != 'HEAD':
            return 'body: recorded empty, emulator %s' % short(
                body.decode('utf-8', 'replace'), 60)
        return None
    if not body.strip():
        return 'body: recorded %s, emulator empty' % short(rec_body, 40)
    return None     # a non-JSON body (metrics, dumps): only its presence


# --------------------------------------------------------------------------
# Replaying one transcript
# --------------------------------------------------------------------------

class Replay:
    def __init__(self, transcript, emulator):
        self.t = transcript
        self.emu = emulator
        self.ids = IdMap()
        self.setup_notes = []

    # Fixture steps

    def run_steps(self, steps, label):
        for n, step in enumerate(steps):
            if 'each' in step:
                try:
                    items = expand(step['each'], self.t)
                except Unresolved as e:
                    self.setup_notes.append('%s step %d: %s unresolved'
                                            % (label, n, e))
                    continue
                where = step.get('where', {})
                for item in items:
                    if all(isinstance(item, dict) and item.get(k) == v
                           for k, v in where.items()):
                        self.run_step(step['step'], '%s step %d' % (label, n),
                                      item)
            else:
                self.run_step(step, '%s step %d' % (label, n))

    def run_step(self, step, label, item=None):
        try:
            if 'req' in step:
                step = dict(step, req=expand(step['req'], self.t, item))
            method, url, body, headers, ok = step_request(step)
            url = expand(url, self.t, item)
            body = expand(body, self.t, item) if body is not None else None
            headers = expand(headers, self.t, item)
            bind = expand(step.get('bind', {}), self.t, item)
        except Unresolved as e:
            # A template naming an exchange whose response was not
            # recorded: the step cannot be built for this version.
            self.setup_notes.append('%s: %s unresolved' % (label, e))
            return
        url = self.subst_url(url)
        if body is not None and not isinstance(body, str):
            body = json.dumps(self.ids.subst_json(body, []))
        status, reply_headers, data = self.emu.request(method, url, headers,
                                                       body)
        reply = parse_json(data)
        if (ok is not None and status not in ok) or \
                (ok is None and status >= 400):
            why = ''
            if isinstance(reply, dict):
                why = ' %s' % short(reply.get('errorMessage'), 50)
            self.setup_notes.append('%s (%s %s) answered %d%s'
                                    % (label, method, url.split('?')[0],
                                       status, why))
            return
        for recorded, path in bind.items():
            try:
                if path.startswith('header:'):
                    value = {k.lower(): v for k, v in reply_headers}[
                        path[len('header:'):].lower()]
                else:
                    value = get_path(reply, path)
                self.ids.add(recorded, value)
            except (KeyError, IndexError, ValueError, TypeError):
                self.setup_notes.append('%s: no %s to bind'
                                        % (label, path))

    # Substitutions into a recorded request

    def subst_url(self, url):
        path, sep, query = url.partition('?')
        segs = path.split('/')
        out = []
        for i, seg in enumerate(segs):
            raw = urllib.parse.unquote(seg)
            new = self.ids.get(raw)
            if new is None:
                prefix = '/'.join(out) + '/'
                for p in ID_PATH_PREFIXES:
                    if prefix.endswith(p) and p in self.ids.pending \
                            and raw and raw not in ('all', 'done', 'pending',
                                                    'expired'):
                        new = self.ids.pending.pop(p)
                        self.ids.add(raw, new)
                        break
            if new is None and REV_RE.match(raw):
                new = self.resolve_rev(raw)
            out.append(urllib.parse.quote(new, safe='') if new else seg)
        path = '/'.join(out)
        if sep:
            parts = []
            for part in query.split('&'):
                k, eq, v = part.partition('=')
                raw = urllib.parse.unquote_plus(v)
                new = self.ids.subst_string(raw) if raw else raw
                if new == raw and REV_RE.match(raw):
                    new = self.resolve_rev(raw) or raw
                parts.append(k + eq + (urllib.parse.quote(new, safe='/')
                                       if new != raw else v))
            path += '?' + '&'.join(parts)
        return path

    def subst_header(self, value):
        raw = value.strip()
        quoted = raw.startswith('"') and raw.endswith('"') and len(raw) > 1
        inner = raw[1:-1] if quoted else raw
        new = self.ids.subst_string(inner)
        if new == inner and REV_RE.match(inner):
            new = self.resolve_rev(inner) or inner
        if new == inner:
            return value
        return '"%s"' % new if quoted else new

    def subst_body(self, body):
        if body is None:
            return None
        value = parse_json(body)
        if value is None or not isinstance(value, (dict, list)):
            return body
        changed = []
        new = self.ids.subst_json(value, changed)
        new = self.subst_revs(new, changed)
        return json.dumps(new) if changed else body

    def subst_revs(self, value, changed):
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                if k in ('_rev', '_oldRev') and isinstance(v, str) \
                        and REV_RE.match(v):
                    emu = self.resolve_rev(v)
                    if emu:
                        changed.append(v)
                        out[k] = emu
                        continue
                out[k] = self.subst_revs(v, changed)
            return out
        if isinstance(value, list):
            return [self.subst_revs(v, changed) for v in value]
        return value

    def resolve_rev(self, rev):
        """A recorded revision the request names: find the document it
        belongs to in the recording, and use that document's current
        revision in the emulator."""
        known = self.ids.get(rev)
        if known:
            return known
        doc = self.find_rev_owner(rev)
        if doc is None:
            return None
        doc = self.ids.subst_string(doc)
        coll, _, key = doc.partition('/')
        status, _, data = self.emu.request(
            'GET', '/_api/document/%s/%s' % (urllib.parse.quote(coll),
                                            urllib.parse.quote(key)))
        reply = parse_json(data)
        if status == 200 and isinstance(reply, dict) and '_rev' in reply:
            self.ids.add(rev, reply['_rev'])
            return reply['_rev']
        return None

    def find_rev_owner(self, rev):
        def walk(value):
            if isinstance(value, dict):
                if (value.get('_rev') == rev or value.get('_oldRev') == rev) \
                        and isinstance(value.get('_id'), str):
                    return value['_id']
                for v in value.values():
                    found = walk(v)
                    if found:
                        return found
            elif isinstance(value, list):
                for v in value:
                    found = walk(v)
                    if found:
                        return found
            return None
        for ex in self.t['exchanges']:
            resp = ex['response']
            if resp is None:
                continue
            found = walk(resp.get('body_json'))
            if found:
                return found
            for name, value in resp['headers']:
                if name.lower() == 'etag' and value.strip('"') == rev:
                    m = re.match(r'^(?:/_db/[^/]+)?/_api/document/([^/]+)/([^/?]+)',
                                 ex['request']['path'])
                    if m:
                        return '%s/%s' % (urllib.parse.unquote(m.group(1)),
                                          urllib.parse.unquote(m.group(2)))
        return None

    # The exchanges

    def send(self, request):
        url = self.subst_url(request['url'])
        headers = []
        for name, value in request['headers']:
            headers.append((name, self.subst_header(value)))
        body = self.subst_body(request['body'])
        return self.emu.request(request['method'], url, headers, body)

    def learn(self, index, recorded, status, headers, body):
        emu_json = parse_json(body)
        emu_h = {k.lower(): v for k, v in headers}
        if recorded is None:
            # Nothing to walk alongside: keep the ids the reply created
            # for the next request that names an unknown one.
            path = re.sub(r'^/_db/[^/]+', '', self.t['exchanges'][index]
                          ['request']['path']).rstrip('/') + '/'
            new_id = None
            if isinstance(emu_json, dict):
                new_id = emu_json.get('id')
                if new_id is None and isinstance(emu_json.get('result'), dict):
                    new_id = emu_json['result'].get('id')
            if 'x-arango-async-id' in emu_h:
                self.ids.pending['/_api/job/'] = emu_h['x-arango-async-id']
            elif isinstance(new_id, str):
                for p in ID_PATH_PREFIXES:
                    if path.startswith(p) or path == p:
                        self.ids.pending[p] = new_id
            return
        self.ids.learn(recorded.get('body_json'), emu_json)
        rec_h = {k.lower(): v for k, v in recorded['headers']}
        for name in ('x-arango-async-id', 'etag'):
            if name in rec_h and name in emu_h:
                self.ids.add(rec_h[name].strip('"'), emu_h[name].strip('"'))
        if 'location' in rec_h and 'location' in emu_h:
            rk = rec_h['location'].rstrip('/').rsplit('/', 1)[-1]
            ek = emu_h['location'].rstrip('/').rsplit('/', 1)[-1]
            if GENERATED_KEY_RE.match(rk):
                self.ids.add(rk, ek)


def replay_file(path, version, fixtures, binary, unreachable):
    """(transcript, [(exchange index, matched, first difference or None)]),
    counted exchanges only."""
    transcript = recordings.load_transcript(path)
    example = transcript['example']
    steps, before, notes, deployment = fixtures.plan(example, version)
    reason = unreachable_reason(unreachable, example, transcript)
    return transcript, replay_transcript(
        transcript, version, binary,
        deployment.get('version') or recorded_server_version(path, transcript),
        steps, before, notes, reason, deployment)


def replay_transcript(transcript, version, binary, server_version, steps,
                      before=None, notes=(), reason=None, deployment=None):
    """Replay one transcript (recorded, or a source-derived case) against a
    new emulator; [(exchange index, matched, first difference or None)]."""
    before = before or {}
    deployment = deployment or {}
    results = []
    emulator = Emulator(binary, server_version,
                        transcript.get('deployment') == 'single',
                        deployment.get('coordinators', CLUSTER_COORDINATORS),
                        deployment.get('dbservers'))
    try:
        replay = Replay(transcript, emulator)
        replay.run_steps(steps, 'setup')
        for i, exchange in enumerate(transcript['exchanges']):
            if i in before:
                replay.run_steps(before[i], 'before #%d' % i)
            recorded = exchange['response']
            try:
                status, headers, body = replay.send(exchange['request'])
            except (OSError, http.client.HTTPException) as e:
                if recorded is not None:
                    results.append((i, False, 'no reply: %s' % e))
                continue
            replay.learn(i, recorded, status, headers, body)
            if recorded is None:
                continue
            req = exchange['request']
            diff = compare_reply(recorded, status, headers, body,
                                 req['method'], replay.ids,
                                 unordered_paths(req['method'], req['path']),
                                 version, req['path'])
            if diff:
                extra = []
                if notes:
                    extra.append('; '.join(notes))
                if reason:
                    extra.append(reason)
                if replay.setup_notes:
                    extra.append('setup: ' + '; '.join(replay.setup_notes[:2]))
                if extra:
                    diff += ' [%s]' % ' | '.join(extra)
            results.append((i, diff is None, diff))
    finally:
        emulator.stop()
    return results


def unreachable_reason(unreachable, example, transcript):
    for pattern, reason in unreachable.items():
        if fnmatch.fnmatchcase(example, pattern):
            return reason
    return None


def family(request):
    """The endpoint family of a request, for the summary."""
    if any(name.lower() == 'x-arango-async' for name, _ in request['headers']):
        return 'x-arango-async (jobs)'
    path = re.sub(r'^/_db/[^/]+', '', request['path'])
    segs = [s for s in path.split('/') if s]
    if not segs:
        return '/'
    if segs[0] in ('_api', '_admin', '_open') and len(segs) > 1:
        return '/%s/%s' % (segs[0], segs[1])
    return '/' + segs[0]


def difference_kind(diff):
    """A mismatch line without what differs between files: notes, ids,
    the path of unknown-path errors."""
    kind = re.sub(r' \[.*\]$', '', diff)
    kind = re.sub(r"unknown path '[^']*'", 'unknown path', kind)
    kind = re.sub(r'\d{5,}', 'N', kind)
    return kind[:100]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--shared', default=os.environ.get(
        'ARANGO_API_SHARED', DEFAULT_SHARED),
        help='the arango-api folder (default ../shared/arango-api)')
    parser.add_argument('--emulator', default=os.environ.get(
        'ARANGO_EMULATOR', os.path.join(PROJECT_ROOT, '_build', 'tests',
                                        'emulator', 'arango-emulator')))
    parser.add_argument('--fixtures', default=os.path.join(HERE, 'fixtures'),
                        help='the folder of fixtures files')
    parser.add_argument('--floors', default=os.path.join(HERE, 'floors.json'))
    parser.add_argument('--source-derived',
                        default=os.path.join(HERE, 'source-derived.json'),
                        help='the cases written from the server source')
    parser.add_argument('--jobs', type=int, default=min(8, os.cpu_count() or 1))
    parser.add_argument('--only', default=None,
                        help='glob on VERSION/FILE to replay a subset')
    parser.add_argument('--quiet', action='store_true',
                        help='no MISMATCH lines')
    args = parser.parse_args()

    if not os.access(args.emulator, os.X_OK):
        print('fidelity: emulator not found at %s' % args.emulator)
        return 1
    with open(args.floors, encoding='utf-8') as f:
        floors = json.load(f)
    server_version, cases = source_derived.load(args.source_derived)

    # (label, name, transcript or None, callable giving (transcript, results))
    jobs = []
    transcripts = os.path.join(args.shared, 'transcripts')
    recordings = os.path.isdir(transcripts)
    if recordings:
        fixtures = Fixtures(args.fixtures)
        for version in sorted(os.listdir(transcripts), key=version_key):
            vdir = os.path.join(transcripts, version)
            if not os.path.isdir(vdir):
                continue
            for path in sorted(glob.glob(os.path.join(vdir, '*.json'))):
                rel = '%s/%s' % (version, os.path.basename(path))
                if args.only and not fnmatch.fnmatchcase(rel, args.only):
                    continue
                jobs.append((version, rel, path, functools.partial(
                    replay_file, path, version, fixtures, args.emulator,
                    fixtures.unreachable)))
    else:
        print('# no recorded transcripts at %s (the shared/ folder beside the '
              'repository is absent): source-derived cases only'
              % os.path.abspath(transcripts))
    for transcript, steps in cases:
        name = transcript['example']
        if args.only and not fnmatch.fnmatchcase(name, args.only):
            continue
        # Written for the emulated version: no VERSIONED_KEYS apply.
        jobs.append((source_derived.LABEL, name, transcript, functools.partial(
            lambda t, s: (t, replay_transcript(t, EMULATED_VERSION, args.emulator,
                                               server_version, s)),
            transcript, steps)))

    totals = collections.OrderedDict()
    for label, _, _, _ in jobs:
        totals.setdefault(label, [0, 0])
    mismatches = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run) for _, _, _, run in jobs]
        for (version, rel, source, _), future in zip(jobs, futures):
            try:
                transcript, results = future.result()
            except Exception as e:   # a broken file must not hide the others
                transcript = source
                if isinstance(source, str):
                    transcript = recordings.load_transcript(source)
                results = [(i, False, 'replay failed: %r' % e)
                           for i, ex in enumerate(transcript['exchanges'])
                           if ex['response'] is not None]
            for i, ok, diff in results:
                totals[version][1] += 1
                if ok:
                    totals[version][0] += 1
                else:
                    req = transcript['exchanges'][i]['request']
                    mismatches.append((version, rel, i, diff, family(req),
                                       req['method']))

    failed = []
    for version, (m, t) in totals.items():
        print('fidelity: %d/%d (%s)' % (m, t, version))
        floor = floors.get(version)
        if floor is not None and m < floor:
            failed.append('%s: %d matched, floor %d' % (version, m, floor))
    if not args.quiet:
        for version, rel, i, diff, _, _ in mismatches:
            print('MISMATCH %s #%d: %s' % (rel, i, diff))

    print('')
    print('Mismatches by endpoint family (all versions):')
    groups = collections.defaultdict(list)
    for mm in mismatches:
        groups[mm[4]].append(mm)
    for fam, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        per_version = collections.Counter(mm[0] for mm in items)
        kinds = collections.Counter(difference_kind(mm[3]) for mm in items)
        print('  %4d  %-28s %s' % (len(items), fam, ', '.join(
            '%s:%d' % (v, per_version[v])
            for v in sorted(per_version, key=version_key))))
        for kind, count in kinds.most_common(3):
            print('          %3d x %s' % (count, kind))

    for line in failed:
        print('FLOOR NOT MET %s' % line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
