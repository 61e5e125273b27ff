#!/usr/bin/python3
# client_decode.py: the library decodes every recorded reply it can get
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Recorded replies, served to arango-glib through its public API.

A canned responder (http.server on 127.0.0.1:0) answers each request the
library sends with the next queued recorded reply: its status, its
content-type, etag, location and x-arango-* headers, and its body (the
recorded JSON, compact, as the server sends it).  Every case drives one
public call through PyGObject and checks that the call decodes the reply
without error, and hands back the values the recording holds: a body
object or array as recorded (less "error" and "code" where the API strips
them), a count, an id, a status, TRUE; a recorded error reply becomes a
GError of arango-server-error-quark with the recorded errorNum.  The
responder also checks that the library sent the request the recording
answers (method and path).

Cases come from the transcripts of every docs version; a case whose
transcript a version does not have is left out for that version.  Output
is TAP; with the transcripts absent the test is skipped.
"""

import fnmatch
import http.server
import json
import os
import re
import sys
import threading
import urllib.parse

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Json', '1.0')
gi.require_version('Arango', '1.0')

from gi.repository import Arango, GLib, Json  # noqa: E402

import recordings  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT_ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SHARED = os.path.join(PROJECT_ROOT, '..', 'shared', 'arango-api')
VERSION_ORDER = ['3.12', '3.11', '3.10', '4.x', '3.6']
CALL_TIMEOUT = 30
SERVER_ERROR_DOMAIN = 'arango-server-error-quark'
NO_FLAGS = Arango.DocumentFlags.NONE
RETURN_NEW = Arango.DocumentFlags.RETURN_NEW
CHECK_REV = Arango.DocumentFlags.CHECK_REV

# Recorded response headers the responder passes on.
PASSED_HEADERS = re.compile(r'^(content-type|etag|location|x-arango-.*)$')


# --------------------------------------------------------------------------
# The canned responder
# --------------------------------------------------------------------------

class Responder(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(('127.0.0.1', 0), Handler)
        self.lock = threading.Lock()
        self.queue = []      # (method, path regex, recorded response)
        self.problems = []   # requests the recording does not answer

    def serve(self, method, path_re, response):
        with self.lock:
            self.queue.append((method, re.compile(path_re), response))

    def take(self, method, path):
        with self.lock:
            if not self.queue:
                self.problems.append('unexpected request %s %s'
                                     % (method, path))
                return None
            want_method, want_path, response = self.queue.pop(0)
        if method != want_method or not want_path.search(path):
            self.problems.append('library sent %s %s, the recording answers '
                                 '%s %s' % (method, path, want_method,
                                            want_path.pattern))
        return response

    def leftover(self):
        with self.lock:
            left, self.queue = self.queue, []
            problems, self.problems = self.problems, []
        return left, problems


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def handle_one(self):
        length = int(self.headers.get('Content-Length') or 0)
        if length:
            self.rfile.read(length)
        path = urllib.parse.urlsplit(self.path).path
        # The library always names the database; recordings mostly not.
        path = re.sub(r'^/_db/[^/]+', '', path)
        response = self.server.take(self.command, path)
        if response is None:
            body = b'{"error":true,"errorNum":500,"errorMessage":"no canned ' \
                   b'reply","code":500}'
            self.send_response(500)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if 'body_json' in response:
            body = json.dumps(response['body_json'], separators=(',', ':'),
                              ensure_ascii=False).encode('utf-8')
        else:
            body = (response.get('body') or '').encode('utf-8')
        status = response['status'] or 200
        self.send_response(status, response.get('reason'))
        for name, value in response['headers']:
            if PASSED_HEADERS.match(name.lower()):
                self.send_header(name, value)
        if self.command != 'HEAD' and status not in (204, 304):
            self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD' and status not in (204, 304):
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = handle_one


# --------------------------------------------------------------------------
# Calling the library
# --------------------------------------------------------------------------

class CallTimeout(Exception):
    pass


def run_async(obj, method, *args, finish=None):
    """obj.<method>_async(*args) to the end; finish(source, result) reads
    the result (default: obj.<method>_finish)."""
    loop = GLib.MainLoop()
    outcome = {}

    def on_done(source, result, user_data):
        try:
            if finish is not None:
                outcome['value'] = finish(source, result)
            else:
                outcome['value'] = getattr(source, method + '_finish')(result)
        except GLib.GError as error:
            outcome['error'] = error
        loop.quit()

    def on_timeout():
        outcome['timeout'] = True
        loop.quit()
        return GLib.SOURCE_REMOVE

    getattr(obj, method + '_async')(*args, None, on_done, None)
    timeout_id = GLib.timeout_add_seconds(CALL_TIMEOUT, on_timeout)
    loop.run()
    if outcome.get('timeout'):
        raise CallTimeout('%s did not finish within %d s'
                          % (method, CALL_TIMEOUT))
    GLib.source_remove(timeout_id)
    if 'error' in outcome:
        raise outcome['error']
    return outcome['value']


def to_python(value):
    if value is None:
        return None
    if isinstance(value, Json.Object):
        node = Json.Node.alloc().init_object(value)
    elif isinstance(value, Json.Array):
        node = Json.Node.alloc().init_array(value)
    else:
        node = value
    return json.loads(Json.to_string(node, False))


def json_node(value):
    return Json.from_string(json.dumps(value))


def json_object(value):
    return json_node(value).get_object()


def json_array(value):
    return json_node(value).get_array()


def stripped(body):
    return {k: v for k, v in body.items() if k not in ('error', 'code')}


def request_json(exchange):
    try:
        return json.loads(exchange['request']['body'] or 'null')
    except ValueError:
        return None


# --------------------------------------------------------------------------
# The cases: (example, [steps]).  A step serves one recorded exchange
# (index in the example, or (other example, index)) to one call; "call"
# gets the context and the recorded exchange and returns the value,
# "expect" gets the recorded body and returns what the call must return.
# --------------------------------------------------------------------------

def step(index, method, path, call, expect=None, ignored=False):
    """ignored: the recorded reply is an error the call is asked to take
    for an answer (ignore_missing), so it must return expect(body)."""
    return {'index': index, 'method': method, 'path': path,
            'call': call, 'expect': expect, 'ignored': ignored}


def coll_from_url(ctx, ex):
    # /_api/document/{c}/..., /_api/collection/{c}/..., ?collection={c}
    req = ex['request']
    q = urllib.parse.parse_qs(req['query'])
    if 'collection' in q:
        return ctx.db.get_collection(q['collection'][0])
    segs = re.sub(r'^/_db/[^/]+', '', req['path']).split('/')
    return ctx.db.get_collection(urllib.parse.unquote(segs[3]))


def key_from_url(ex):
    return urllib.parse.unquote(ex['request']['path'].rstrip('/')
                                .split('/')[-1])


def rev_header(ex):
    for name, value in ex['request']['headers']:
        if name.lower() == 'if-match':
            return value.strip('"')
    return None


def create_collection(ctx, ex):
    body = request_json(ex)
    name = body.pop('name')
    coll = run_async(ctx.db, 'create_collection', name,
                     json_object(body) if body else None)
    return coll.get_name()


def query(ctx, ex):
    body = request_json(ex)
    options = Arango.QueryOptions.new()
    if body.get('count'):
        options.props.count = True
    if body.get('batchSize'):
        options.props.batch_size = body['batchSize']
    if body.get('options', {}).get('fullCount'):
        options.props.full_count = True
    if body.get('options', {}).get('allowRetry'):
        options.props.allow_retry = True
    if body.get('memoryLimit'):
        options.props.memory_limit = body['memoryLimit']
    bind = body.get('bindVars')
    ctx.cursor = run_async(ctx.db, 'query', body['query'],
                           json_object(bind) if bind else None, options)
    cursor = ctx.cursor
    first = to_python(run_async(cursor, 'next_batch'))
    out = {'result': first, 'hasMore': cursor.get_has_more(),
           'cached': cursor.get_cached()}
    if cursor.get_id() is not None:
        out['id'] = cursor.get_id()
    if cursor.get_count() >= 0:
        out['count'] = cursor.get_count()
    stats = to_python(cursor.get_statistics())
    if stats is not None:
        out['stats'] = stats
    return out


def expect_cursor(body):
    out = {'result': body['result'], 'hasMore': body['hasMore'],
           'cached': body.get('cached', False)}
    if 'id' in body:
        out['id'] = body['id']
    if 'count' in body:
        out['count'] = body['count']
    if 'stats' in body.get('extra', {}):
        out['stats'] = body['extra']['stats']
    return out


def next_batch(ctx, ex):
    batch = to_python(run_async(ctx.cursor, 'next_batch'))
    return {'result': batch, 'hasMore': ctx.cursor.get_has_more()}


def begin(ctx, ex):
    body = request_json(ex) or {'collections': {'write': 'products'}}
    colls = body['collections']

    def names(kind):
        v = colls.get(kind)
        if v is None:
            return None
        return [v] if isinstance(v, str) else v
    ctx.trx = run_async(ctx.db, 'begin_transaction', names('read'),
                        names('write'), names('exclusive'))
    return ctx.trx.get_id()


BEGIN = ('RestTransactionBeginSingle', 0)
CURSOR_5 = ('RestCursorCreateCursorForLimitReturn', 0)

DOCUMENT_CASES = {
    'RestDocumentHandlerPostCreate1': [step(0, 'POST', r'^/_api/document/products$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'insert', json_node(request_json(e)), NO_FLAGS)),
        lambda b: b)],
    'RestDocumentHandlerPostAccept1': 'RestDocumentHandlerPostCreate1',
    'RestDocumentHandlerPostWait1': 'RestDocumentHandlerPostCreate1',
    'RestDocumentHandlerPostUnknownCollection1': 'RestDocumentHandlerPostCreate1',
    'RestDocumentHandlerPostReturnNew': [step(0, 'POST', r'^/_api/document/products$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'insert', json_node(request_json(e)), RETURN_NEW)),
        lambda b: b)],
    'RestDocumentHandlerPostOverwrite': [step(0, 'POST', r'^/_api/document/products$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'insert', json_node(request_json(e)), NO_FLAGS)),
        lambda b: b)],
    'RestDocumentHandlerPostBadJson1': [step(0, 'POST', r'^/_api/document/products$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'insert', json_node({'Hello': 'World'}), NO_FLAGS)))],
    'RestDocumentHandlerPostMulti1': [step(0, 'POST', r'^/_api/document/products$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'insert_many', json_array(request_json(e)), NO_FLAGS)),
        lambda b: b)],
    'RestDocumentHandlerPostMulti2': [step(0, 'POST', r'^/_api/document/products$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'insert_many', json_array(request_json(e)), RETURN_NEW)),
        lambda b: b)],
    'RestDocumentHandlerPostBadJsonMulti': [step(0, 'POST', r'^/_api/document/products$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'insert_many',
                                         json_array([{'_key': 'x111'}, {'_key': 'abc'}]), NO_FLAGS)),
        lambda b: b)],
    'RestDocumentHandlerReadDocument': [step(0, 'GET', r'^/_api/document/products/[^/]+$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'get', key_from_url(e), None)),
        lambda b: b)],
    'RestDocumentHandlerReadDocumentUnknownHandle': 'RestDocumentHandlerReadDocument',
    'RestDocumentHandlerReadDocumentHead': [step(0, 'HEAD', r'^/_api/document/products/[^/]+$',
        lambda c, e: run_async(coll_from_url(c, e), 'has', key_from_url(e)),
        lambda b: True)],
    'RestDocumentHandlerReadMultiDocument': [step(0, 'PUT', r'^/_api/document/products$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'get_many', json_array(request_json(e)))),
        lambda b: b)],
    'RestDocumentHandlerPatchDocument': [
        step(i, 'PATCH', r'^/_api/document/products/[^/]+$',
             lambda c, e: to_python(run_async(
                 coll_from_url(c, e), 'update',
                 json_node(dict(request_json(e), _key=key_from_url(e))),
                 Arango.DocumentFlags.REMOVE_NULL if 'keepNull=false' in e['request']['query'] else NO_FLAGS)),
             lambda b: b) for i in (0, 1, 3)],
    'RestDocumentHandlerPatchDocumentMerge': [
        step(0, 'GET', r'^/_api/document/products/[^/]+$',
             lambda c, e: to_python(run_async(coll_from_url(c, e), 'get', key_from_url(e), None)),
             lambda b: b),
        step(3, 'PATCH', r'^/_api/document/products/[^/]+$',
             lambda c, e: to_python(run_async(
                 coll_from_url(c, e), 'update',
                 json_node(dict(request_json(e), _key=key_from_url(e))),
                 Arango.DocumentFlags.REPLACE_OBJECTS)),
             lambda b: b)],
    'RestDocumentHandlerUpdateDocument': [step(0, 'PUT', r'^/_api/document/products/[^/]+$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'replace',
                                         json_node(dict(request_json(e), _key=key_from_url(e))), NO_FLAGS)),
        lambda b: b)],
    'RestDocumentHandlerUpdateDocumentUnknownHandle': 'RestDocumentHandlerUpdateDocument',
    'RestDocumentHandlerUpdateDocumentIfMatchOther': [step(0, 'PUT', r'^/_api/document/products/[^/]+$',
        lambda c, e: to_python(run_async(
            coll_from_url(c, e), 'replace',
            json_node(dict(request_json(e), _key=key_from_url(e), _rev=rev_header(e))), CHECK_REV)))],
    'RestDocumentHandlerDeleteDocument': [step(0, 'DELETE', r'^/_api/document/products/[^/]+$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'delete', key_from_url(e), None, NO_FLAGS)),
        lambda b: b)],
    'RestDocumentHandlerDeleteDocumentUnknownHandle': 'RestDocumentHandlerDeleteDocument',
    'RestDocumentHandlerDeleteDocumentIfMatchOther': [step(0, 'DELETE', r'^/_api/document/products/[^/]+$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'delete', key_from_url(e), rev_header(e), CHECK_REV)))],
    'RestDocumentHandlerDeleteDocumentKeyMulti': [step(0, 'DELETE', r'^/_api/document/products$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'delete_many', json_array(request_json(e)),
                                         CHECK_REV if 'ignoreRevs=false' in e['request']['query'] else NO_FLAGS)),
        lambda b: b)],
    'RestDocumentHandlerDeleteDocumentIdentifierMulti': 'RestDocumentHandlerDeleteDocumentKeyMulti',
    'RestDocumentHandlerDeleteDocumentObjectMulti': 'RestDocumentHandlerDeleteDocumentKeyMulti',
    'RestDocumentHandlerDeleteDocumentRevMulti': 'RestDocumentHandlerDeleteDocumentKeyMulti',
    'RestDocumentHandlerDeleteDocumentRevConflictMulti': 'RestDocumentHandlerDeleteDocumentKeyMulti',
    'RestDocumentHandlerDeleteDocumentUnknownMulti': 'RestDocumentHandlerDeleteDocumentKeyMulti',
}

COLLECTION_CASES = {
    'RestCollectionCreateCollection': [
        step(i, 'POST', r'^/_api/collection$', create_collection, lambda b: b['name'])
        for i in (0, 1)],
    'RestCollectionCreateKeyopt': [
        step(0, 'POST', r'^/_api/collection$', create_collection, lambda b: b['name'])],
    'RestCollectionGetAllCollections': [step(0, 'GET', r'^/_api/collection$',
        lambda c, e: to_python(run_async(c.db, 'list_collections')),
        lambda b: b['result'])],
    'RestCollectionGetCollectionName': [step(0, 'GET', r'^/_api/collection/products/properties$',
        lambda c, e: to_python(run_async(c.db.get_collection('products'), 'properties')),
        stripped)],
    'RestCollectionGetCollectionIdentifier': 'RestCollectionGetCollectionName',
    'RestCollectionIdentifierPropertiesSync': [step(0, 'PUT', r'^/_api/collection/products/properties$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'configure', json_object(request_json(e)))),
        stripped)],
    'RestCollectionGetCollectionCount': [step(0, 'GET', r'^/_api/collection/products/count$',
        lambda c, e: run_async(coll_from_url(c, e), 'count'),
        lambda b: b['count'])],
    'RestCollectionIdentifierTruncate': [step(0, 'PUT', r'^/_api/collection/products/truncate$',
        lambda c, e: run_async(coll_from_url(c, e), 'truncate'),
        lambda b: True)],
    'RestCollectionIdentifierRename': [step(0, 'PUT', r'^/_api/collection/products1/rename$',
        lambda c, e: (run_async(coll_from_url(c, e), 'rename', request_json(e)['name']),
                      c.db.get_collection('products1').get_name()),
        lambda b: (True, 'products1'))],
    'RestCollectionDeleteCollectionName': [step(0, 'DELETE', r'^/_api/collection/products1$',
        lambda c, e: run_async(c.db, 'delete_collection', key_from_url(e)),
        lambda b: True)],
    'RestCollectionGetCollectionFigures': [step(0, 'GET', r'^/_api/collection/products/figures$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'statistics', False)),
        lambda b: b['figures'])],
    'RestCollectionGetCollectionFiguresDetails': [step(0, 'GET', r'^/_api/collection/products/figures$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'statistics', True)),
        lambda b: b['figures'])],
    'RestCollectionGetCollectionRevision': [step(0, 'GET', r'^/_api/collection/products/revision$',
        lambda c, e: run_async(coll_from_url(c, e), 'revision'),
        lambda b: b['revision'])],
    'RestCollectionGetCollectionChecksum': [step(0, 'GET', r'^/_api/collection/products/checksum$',
        lambda c, e: run_async(coll_from_url(c, e), 'checksum', Arango.ChecksumFlags.NONE),
        lambda b: b['checksum'])],
    'RestCollectionGetCollectionChecksumNoRev': [step(0, 'GET', r'^/_api/collection/products/checksum$',
        lambda c, e: run_async(coll_from_url(c, e), 'checksum', Arango.ChecksumFlags.WITH_DATA),
        lambda b: b['checksum'])],
    'RestApiCollectionCompact': [step(0, 'PUT', r'^/_api/collection/testCollection/compact$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'compact')),
        stripped)],
    'RestCollectionIdentifierLoadIndexesIntoMemory': [
        step(0, 'PUT', r'^/_api/collection/products/loadIndexesIntoMemory$',
             lambda c, e: run_async(coll_from_url(c, e), 'load_indexes'),
             lambda b: True)],
}

INDEX_CASES = {
    'RestIndexAllIndexes': [step(0, 'GET', r'^/_api/index$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'indexes')),
        lambda b: b['indexes'])],
    'RestIndexCreate*': [step(0, 'POST', r'^/_api/index$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'add_index', json_object(request_json(e)))),
        stripped)],
    'RestIndexPrimaryIndex': [step(0, 'GET', r'^/_api/index/products/0$',
        lambda c, e: to_python(run_async(c.db.get_collection('products'), 'get_index',
                                         key_from_url(e))),
        stripped)],
    'RestIndexDeleteUniquePersistent': [step(0, 'DELETE', r'^/_api/index/products/[0-9]+$',
        lambda c, e: run_async(c.db.get_collection('products'), 'delete_index',
                               '/'.join(e['request']['path'].split('/')[-2:])),
        lambda b: True)],
}

IMPORT_CASES = {
    'RestImportJsonList': [step(0, 'POST', r'^/_api/import$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'import_bulk', json_array(request_json(e)), None)),
        stripped)],
    'RestImportJsonType': 'RestImportJsonList',
    'RestImportJsonEdgeInvalid': [step(0, 'POST', r'^/_api/import$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'import_bulk', json_array(request_json(e)),
                                         json_object({'details': True}))),
        stripped)],
    'RestImportJsonUniqueFail': [step(0, 'POST', r'^/_api/import$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'import_bulk',
                                         json_array([{'_key': 'abc'}, {'_key': 'abc'}]),
                                         json_object({'complete': True}))))],
    'RestImportJsonInvalidCollection': [step(0, 'POST', r'^/_api/import$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'import_bulk', json_array([{'name': 'test'}]), None)))],
}

CURSOR_CASES = {
    'RestCursorCreateCursorForLimitReturn': [step(0, 'POST', r'^/_api/cursor$', query, expect_cursor)],
    'RestCursorCreateCursorForLimitReturnSingle': 'RestCursorCreateCursorForLimitReturn',
    'RestCursorCreateCursorOption': 'RestCursorCreateCursorForLimitReturn',
    'RestCursorOptimizerRules': 'RestCursorCreateCursorForLimitReturn',
    'RestCursorDeleteIgnore': 'RestCursorCreateCursorForLimitReturn',
    'RestCursorDeleteQuery': 'RestCursorCreateCursorForLimitReturn',
    'RestCursorModifyArray': 'RestCursorCreateCursorForLimitReturn',
    'RestCursorProfileQuery': 'RestCursorCreateCursorForLimitReturn',
    'RestCursorCreateCursorUnknownCollection': 'RestCursorCreateCursorForLimitReturn',
    'RestCursorDeleteQueryFail': 'RestCursorCreateCursorForLimitReturn',
    'RestCursorMemoryLimit': 'RestCursorCreateCursorForLimitReturn',
    # With allowRetry the library asks for the next batch by its number,
    # as the recording's third request does (the second, without the
    # number, got the same batch).
    'RestCursorPostBatch': [
        step(0, 'POST', r'^/_api/cursor$', query, expect_cursor),
        step(2, 'POST', r'^/_api/cursor/[0-9]+/2$', next_batch,
             lambda b: {'result': b['result'], 'hasMore': b['hasMore']})],
    'RestCursorPostForLimitReturnCont': [
        step(CURSOR_5, 'POST', r'^/_api/cursor$', query, expect_cursor),
        step(1, 'POST', r'^/_api/cursor/[0-9]+$', next_batch,
             lambda b: {'result': b['result'], 'hasMore': b['hasMore']})],
    'RestCursorForLimitReturnCont': 'RestCursorPostForLimitReturnCont',
    'RestCursorPostInvalidCursorIdentifier': [
        step(CURSOR_5, 'POST', r'^/_api/cursor$', query, expect_cursor),
        step(0, 'POST', r'^/_api/cursor/[0-9]+$', next_batch)],
    'RestCursorDelete': [
        step(0, 'POST', r'^/_api/cursor$', query, expect_cursor),
        step(1, 'DELETE', r'^/_api/cursor/[0-9]+$',
             lambda c, e: run_async(c.cursor, 'close'), lambda b: True)],
}

QUERY_CASES = {
    'RestExplain*': [step(0, 'POST', r'^/_api/explain$',
        lambda c, e: to_python(run_async(c.db, 'explain', request_json(e)['query'], None,
                                         json_object(request_json(e).get('options', {})))),
        stripped)],
    'RestQueryValid': [step(0, 'POST', r'^/_api/query$',
        lambda c, e: to_python(run_async(c.db, 'validate', request_json(e)['query'])),
        stripped)],
    'RestQueryInvalid': 'RestQueryValid',
    'HttpGetQueryResultsCacheProperties': [step(0, 'GET', r'^/_api/query-cache/properties$',
        lambda c, e: to_python(run_async(c.db, 'query_cache_properties')),
        stripped)],
    'HttpSetQueryResultsCacheProperties': [step(0, 'PUT', r'^/_api/query-cache/properties$',
        lambda c, e: to_python(run_async(c.db, 'configure_query_cache',
                                         json_object(request_json(e)))),
        stripped)],
    'HttpListQueryResultsCache': [step(0, 'GET', r'^/_api/query-cache/entries$',
        lambda c, e: to_python(run_async(c.db, 'query_cache_entries')),
        lambda b: b)],
    'HttpClearQueryResultsCache': [step(0, 'DELETE', r'^/_api/query-cache$',
        lambda c, e: run_async(c.db, 'clear_query_cache'),
        lambda b: True)],
}

TRANSACTION_CASES = {
    'RestTransactionBeginSingle': [step(0, 'POST', r'^/_api/transaction/begin$', begin,
                                        lambda b: b['result']['id'])],
    'RestTransactionBeginNonExisting': 'RestTransactionBeginSingle',
    'RestTransactionBeginAbort': [
        step(BEGIN, 'POST', r'^/_api/transaction/begin$', begin, lambda b: b['result']['id']),
        step(0, 'PUT', r'^/_api/transaction/[0-9]+$',
             lambda c, e: run_async(c.trx, 'commit'), lambda b: True)],
    'RestTransactionBeginCommit': [
        step(BEGIN, 'POST', r'^/_api/transaction/begin$', begin, lambda b: b['result']['id']),
        step(0, 'DELETE', r'^/_api/transaction/[0-9]+$',
             lambda c, e: run_async(c.trx, 'abort'), lambda b: True)],
    'RestTransactionGet': [
        step(BEGIN, 'POST', r'^/_api/transaction/begin$', begin, lambda b: b['result']['id']),
        step(0, 'GET', r'^/_api/transaction/[0-9]+$',
             lambda c, e: run_async(c.trx, 'status'), lambda b: b['result']['status'])],
    'RestTransactionsGet': [step(0, 'GET', r'^/_api/transaction$',
        lambda c, e: to_python(run_async(c.db, 'list_transactions')),
        lambda b: b['transactions'])],
}

DATABASE_CASES = {
    'RestDatabaseGet': [step(0, 'GET', r'^/_api/database$',
        lambda c, e: list(run_async(c.db, 'list_databases')),
        lambda b: b['result'])],
    'RestDatabaseCreate': [step(0, 'POST', r'^/_api/database$',
        lambda c, e: run_async(c.db, 'create_database', request_json(e)['name'], None),
        lambda b: True)],
    'RestDatabaseCreateUsers': [step(0, 'POST', r'^/_api/database$',
        lambda c, e: run_async(c.db, 'create_database', request_json(e)['name'],
                               json_array(request_json(e)['users'])),
        lambda b: True)],
    'RestDatabaseDrop': [step(0, 'DELETE', r'^/_api/database/example$',
        lambda c, e: run_async(c.db, 'delete_database', key_from_url(e)),
        lambda b: True)],
    'RestDatabaseGetUser': [step(0, 'GET', r'^/_api/database/user$',
        lambda c, e: list(run_async(c.db, 'list_accessible_databases')),
        lambda b: b['result'])],
    'RestDatabaseGetInfo': [step(0, 'GET', r'^/_api/database/current$',
        lambda c, e: to_python(run_async(c.db, 'properties')),
        lambda b: b['result'])],
}

def url_segments(ex):
    """The decoded segments of the request path after /_api/."""
    path = re.sub(r'^/_db/[^/]+', '', ex['request']['path']).rstrip('/')
    return [urllib.parse.unquote(seg) for seg in path.split('/')[3:]]


def permission_target(ex):
    """user, database, collection (or None) of a permission path."""
    segs = url_segments(ex)
    return segs[0], segs[2], segs[3] if len(segs) > 3 else None


LEVELS = {'none': Arango.Permission.NONE, 'ro': Arango.Permission.READ_ONLY,
          'rw': Arango.Permission.READ_WRITE}
USER_PATH = r'^/_api/user/[^/]+$'
PERMISSION_PATH = r'^/_api/user/[^/]+/database/[^/]+(/[^/]+)?$'


def body_without(ex, *names):
    return json_object({k: v for k, v in request_json(ex).items()
                        if k not in names})


USER_CASES = {
    'RestCreateUser': [step(0, 'POST', r'^/_api/user$',
        lambda c, e: to_python(run_async(c.db, 'create_user', request_json(e)['user'],
                                         request_json(e).get('passwd'), True, None)),
        stripped)],
    'RestFetchUser': [step(0, 'GET', USER_PATH,
        lambda c, e: to_python(run_async(c.db, 'user', key_from_url(e))),
        stripped)],
    'RestFetchAllUser': [step(0, 'GET', r'^/_api/user$',
        lambda c, e: to_python(run_async(c.db, 'users')),
        lambda b: b['result'])],
    'RestUpdateUser': [step(0, 'PATCH', USER_PATH,
        lambda c, e: to_python(run_async(c.db, 'update_user', key_from_url(e),
                                         json_object(request_json(e)))),
        stripped)],
    'RestReplaceUser': [step(0, 'PUT', USER_PATH,
        lambda c, e: to_python(run_async(c.db, 'replace_user', key_from_url(e),
                                         request_json(e).get('passwd'), True, None)),
        stripped)],
    'RestDeleteUser': [step(0, 'DELETE', USER_PATH,
        lambda c, e: run_async(c.db, 'delete_user', key_from_url(e), False),
        lambda b: True)],
    'RestFetchUserDatabaseList': [step(0, 'GET', r'^/_api/user/[^/]+/database/?$',
        lambda c, e: to_python(run_async(c.db, 'permissions', url_segments(e)[0])),
        lambda b: b['result'])],
    'RestFetchUser*Permission': [step(0, 'GET', PERMISSION_PATH,
        lambda c, e: run_async(c.db, 'permission', *permission_target(e)),
        lambda b: LEVELS[b['result']])],
    'RestGrant*': [step(0, 'PUT', PERMISSION_PATH,
        lambda c, e: run_async(c.db, 'update_permission', permission_target(e)[0],
                               LEVELS[request_json(e)['grant']], *permission_target(e)[1:]),
        lambda b: True)],
    'RestRevoke*': [step(0, 'DELETE', PERMISSION_PATH,
        lambda c, e: run_async(c.db, 'reset_permission', *permission_target(e)),
        lambda b: True)],
    'RestAccessTokenCreate': [step(0, 'POST', r'^/_api/token/[^/]+$',
        lambda c, e: to_python(run_async(c.db, 'create_access_token', key_from_url(e),
                                         request_json(e)['name'],
                                         request_json(e)['valid_until'])),
        lambda b: b)],
    'RestAccessTokenList': [step(0, 'GET', r'^/_api/token/[^/]+$',
        lambda c, e: to_python(run_async(c.db, 'list_access_tokens', key_from_url(e))),
        lambda b: b['tokens'])],
    'RestAccessTokenDelete': [step(0, 'DELETE', r'^/_api/token/[^/]+/[0-9]+$',
        lambda c, e: run_async(c.db, 'delete_access_token', url_segments(e)[0],
                               int(url_segments(e)[1])),
        lambda b: True)],
}

VIEW_CASES = {
    'RestViewGetAllViews': [step(0, 'GET', r'^/_api/view$',
        lambda c, e: to_python(run_async(c.db, 'views')),
        lambda b: b['result'])],
    'RestViewGetViewProperties*': [step(0, 'GET', r'^/_api/view/[^/]+/properties$',
        lambda c, e: to_python(run_async(c.db, 'view', url_segments(e)[0])),
        stripped)],
    'RestViewPostView*': [step(0, 'POST', r'^/_api/view$',
        lambda c, e: to_python(run_async(c.db, 'create_view', request_json(e)['name'],
                                         request_json(e)['type'],
                                         body_without(e, 'name', 'type'))),
        lambda b: b)],
    'RestViewPatchProperties*': [step(0, 'PATCH', r'^/_api/view/[^/]+/properties$',
        lambda c, e: to_python(run_async(c.db, 'update_view', url_segments(e)[0],
                                         json_object(request_json(e)))),
        lambda b: b)],
    'RestViewPutProperties*': [step(0, 'PUT', r'^/_api/view/[^/]+/properties$',
        lambda c, e: to_python(run_async(c.db, 'replace_view', url_segments(e)[0],
                                         json_object(request_json(e)))),
        lambda b: b)],
    'RestViewPutRename': [step(0, 'PUT', r'^/_api/view/[^/]+/rename$',
        lambda c, e: run_async(c.db, 'rename_view', url_segments(e)[0],
                               request_json(e)['name']),
        lambda b: True)],
    'RestViewDeleteView*': [step(0, 'DELETE', r'^/_api/view/[^/]+$',
        lambda c, e: run_async(c.db, 'delete_view', key_from_url(e), False),
        lambda b: True)],
    'RestAnalyzersGet': [step(0, 'GET', r'^/_api/analyzer$',
        lambda c, e: to_python(run_async(c.db, 'analyzers')),
        lambda b: b['result'])],
    'RestAnalyzerGet': [step(0, 'GET', r'^/_api/analyzer/[^/]+$',
        lambda c, e: to_python(run_async(c.db, 'analyzer', key_from_url(e))),
        stripped)],
    'RestAnalyzerPost': [step(0, 'POST', r'^/_api/analyzer$',
        lambda c, e: to_python(run_async(c.db, 'create_analyzer', request_json(e)['name'],
                                         request_json(e)['type'], None, None)),
        lambda b: b)],
    'RestAnalyzerDelete': [step(0, 'DELETE', r'^/_api/analyzer/[^/]+$',
        lambda c, e: run_async(c.db, 'delete_analyzer', key_from_url(e), False, False),
        lambda b: True)],
    'RestAnalyzerDeleteForce': [step(3, 'DELETE', r'^/_api/analyzer/[^/]+$',
        lambda c, e: run_async(c.db, 'delete_analyzer', key_from_url(e), True, False),
        lambda b: True)],
}

FUNCTION_PATH = r'^/_api/aqlfunction/[^/]+$'


def delete_function(ignore_missing):
    return lambda c, e: run_async(c.db, 'delete_aql_function', key_from_url(e),
                                  False, ignore_missing)


# AQL user functions.  The recording lists a namespace's functions with
# the older path form /_api/aqlfunction/{namespace}; the library sends the
# documented ?namespace= (as python-arango does), which the server answers
# alike, so the namespace is taken from the recorded path.
FUNCTION_CASES = {
    'RestAqlfunctionCreate': [step(0, 'POST', r'^/_api/aqlfunction$',
        lambda c, e: run_async(c.db, 'create_aql_function', request_json(e)['name'],
                               request_json(e)['code'],
                               request_json(e).get('isDeterministic', False)),
        lambda b: b['isNewlyCreated'])],
    'RestAqlfunctionsGetAll': [step(0, 'GET', r'^/_api/aqlfunction$',
        lambda c, e: to_python(run_async(c.db, 'aql_functions', key_from_url(e))),
        lambda b: b['result'])],
    'RestAqlfunctionDelete': [step(0, 'DELETE', FUNCTION_PATH,
        delete_function(ignore_missing=False),
        lambda b: b['deletedCount'])],
    'RestAqlfunctionDeleteFails': [
        step(0, 'DELETE', FUNCTION_PATH, delete_function(ignore_missing=False)),
        # With ignore_missing the recorded 404/1582 is no error: 0 removed.
        step(0, 'DELETE', FUNCTION_PATH, delete_function(ignore_missing=True),
             lambda b: 0, ignored=True)],
}


def create_task(ctx, ex):
    """The recorded POST /_api/tasks or PUT /_api/tasks/{id}, through
    Arango.TaskOptions; the id of a PUT is the one in its path (the server
    ignores the body's)."""
    body = request_json(ex)
    options = Arango.TaskOptions.new()
    for name in ('name', 'period', 'offset'):
        if name in body:
            options.set_property(name, body[name])
    if 'params' in body:
        options.props.params = json_node(body['params'])
    if ex['request']['method'] == 'PUT':
        options.props.id = key_from_url(ex)
    return to_python(run_async(ctx.db, 'create_task', body['command'],
                               options))


TASK_PATH = r'^/_api/tasks/[^/]+$'
TASK_CASES = {
    'RestTasksCreate': [step(0, 'POST', r'^/_api/tasks$', create_task,
        stripped)],
    'RestTasksPutWithId': [step(0, 'PUT', TASK_PATH, create_task, stripped)],
    'RestTasksListAll': [step(0, 'GET', r'^/_api/tasks$',
        lambda c, e: to_python(run_async(c.db, 'tasks')),
        lambda b: b)],
    # Exchange 0 creates the task; its reply was not recorded.
    'RestTasksListOne': [step(1, 'GET', TASK_PATH,
        lambda c, e: to_python(run_async(c.db, 'task', key_from_url(e))),
        stripped)],
    'RestTasksListNonExisting': [step(0, 'GET', TASK_PATH,
        lambda c, e: to_python(run_async(c.db, 'task', key_from_url(e))))],
    'RestTasksDelete': [step(0, 'DELETE', TASK_PATH,
        lambda c, e: run_async(c.db, 'delete_task', key_from_url(e), False),
        lambda b: True)],
    'RestTasksDeleteFail': [
        step(0, 'DELETE', TASK_PATH,
             lambda c, e: run_async(c.db, 'delete_task', key_from_url(e), False)),
        # With ignore_missing the recorded 404/1852 is no error: FALSE.
        step(0, 'DELETE', TASK_PATH,
             lambda c, e: run_async(c.db, 'delete_task', key_from_url(e), True),
             lambda b: False, ignored=True)],
}

# The cluster calls: health has its (3.6) recording; nodeVersion,
# nodeEngine and nodeStatistics hand back the body of the server's own
# /_api/version, /_api/engine and /_admin/statistics unchanged (NOTES.md
# section 4), so those recordings are what these calls decode.
SERVER = 'PRMR-633d4be6-9300-43ff-8ce1-9bac36269761'
CLUSTER_CASES = {
    'RestAdminClusterHealth': [step(0, 'GET', r'^/_admin/cluster/health$',
        lambda c, e: to_python(run_async(c.db.get_cluster(), 'health')),
        stripped)],
    'RestVersion': [step(0, 'GET', r'^/_admin/cluster/nodeVersion$',
        lambda c, e: to_python(run_async(c.db.get_cluster(), 'server_version', SERVER)),
        stripped)],
    'RestEngine': [step(0, 'GET', r'^/_admin/cluster/nodeEngine$',
        lambda c, e: to_python(run_async(c.db.get_cluster(), 'server_engine', SERVER)),
        stripped)],
    'RestAdminStatistics1': [
        step(0, 'GET', r'^/_admin/cluster/nodeStatistics$',
             lambda c, e: to_python(run_async(c.db.get_cluster(), 'server_statistics', SERVER)),
             stripped),
        step(0, 'GET', r'^/_admin/cluster/statistics$',
             lambda c, e: to_python(run_async(c.db.get_cluster(), 'statistics', SERVER)),
             stripped)],
}

# Server administration on a database handle, and the shards of a
# collection (recorded on a Coordinator).
ADMIN_CASES = {
    'RestVersion': [step(0, 'GET', r'^/_api/version$',
        lambda c, e: to_python(run_async(c.db, 'version', False)),
        stripped)],
    'RestVersionDetails': [step(0, 'GET', r'^/_api/version$',
        lambda c, e: to_python(run_async(c.db, 'version', True)),
        stripped)],
    'RestEngine': [step(0, 'GET', r'^/_api/engine$',
        lambda c, e: to_python(run_async(c.db, 'engine')),
        stripped)],
    'RestAdminStatus': [step(0, 'GET', r'^/_admin/status$',
        lambda c, e: to_python(run_async(c.db, 'status')),
        stripped)],
    'RestAdminStatistics1': [step(0, 'GET', r'^/_admin/statistics$',
        lambda c, e: to_python(run_async(c.db, 'statistics', False)),
        stripped)],
    'RestAdminStatisticsDescription1': [step(0, 'GET', r'^/_admin/statistics-description$',
        lambda c, e: to_python(run_async(c.db, 'statistics', True)),
        stripped)],
    'RestAdminMetrics': [step(0, 'GET', r'^/_admin/metrics$',
        lambda c, e: run_async(c.db, 'metrics', None),
        None)],
    'RestAdminLicenseGet': [step(0, 'GET', r'^/_admin/license$',
        lambda c, e: to_python(run_async(c.db, 'license')),
        stripped)],
    'RestAdminSupportInfo': [step(0, 'GET', r'^/_admin/support-info$',
        lambda c, e: to_python(run_async(c.db, 'support_info')),
        lambda b: b)],
    'RestAdminCompact': [step(0, 'PUT', r'^/_admin/compact$',
        lambda c, e: run_async(c.db, 'compact', False, False),
        lambda b: True)],
    'RestGetShards': [step(0, 'GET', r'^/_api/collection/testCollection/shards$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'shards', False)),
        stripped)],
    'RestGetShardsWithDetails': [step(0, 'GET', r'^/_api/collection/testCollection/shards$',
        lambda c, e: to_python(run_async(coll_from_url(c, e), 'shards', True)),
        stripped)],
    'RestGetResponsibleShardExample': [step(0, 'PUT', r'^/_api/collection/testCollection/responsibleShard$',
        lambda c, e: run_async(coll_from_url(c, e), 'responsible_shard', json_object(request_json(e))),
        lambda b: b['shardId'])],
}


# Named graphs: the graph, its collections, vertices and edges, and the
# edges of a vertex.
def segments(ex):
    path = re.sub(r'^/_db/[^/]+', '', ex['request']['path'])
    return [urllib.parse.unquote(s) for s in path.split('/')]


def graph_from_url(ctx, ex):
    return ctx.db.get_graph(segments(ex)[3])


def element_body(ex):
    # The key travels in the URL; the library takes it from the document.
    body = request_json(ex) or {}
    body['_key'] = segments(ex)[6]
    return json_node(body)


def create_graph(ctx, ex):
    body = request_json(ex)
    name = body.pop('name')
    definitions = body.pop('edgeDefinitions', [])
    orphans = body.pop('orphanCollections', None) or None
    graph = run_async(ctx.db, 'create_graph', name, json_array(definitions), orphans,
                      json_object(body) if body else None)
    return graph.get_name()


def element_call(method, kind):
    verb = {'POST': 'insert_', 'GET': '', 'PATCH': 'update_', 'PUT': 'replace_',
            'DELETE': 'delete_'}[method]

    def call(ctx, ex):
        graph, coll = graph_from_url(ctx, ex), segments(ex)[5]
        if method == 'POST':
            args = (json_node(request_json(ex)), NO_FLAGS)
        elif method == 'GET':
            args = (segments(ex)[6], rev_header(ex))
        elif method == 'DELETE':
            args = (segments(ex)[6], rev_header(ex), NO_FLAGS)
        else:
            args = (element_body(ex), NO_FLAGS)
        return to_python(run_async(graph, verb + kind, coll, *args))
    return call


def element_step(method, kind, expect):
    path = r'^/_api/gharial/[^/]+/%s/[^/]+%s$' % (kind, '' if method == 'POST' else '/[^/]+')
    return [step(0, method, path, element_call(method, kind), expect)]


def edges_of(ctx, ex):
    query = urllib.parse.parse_qs(ex['request']['query'])
    direction = {'in': Arango.EdgeDirection.IN, 'out': Arango.EdgeDirection.OUT}.get(
        query.get('direction', ['any'])[0], Arango.EdgeDirection.ANY)
    graph = ctx.db.get_graph('any')
    return to_python(run_async(graph, 'edges', segments(ex)[3], query['vertex'][0], direction))


def edge_definition_call(method):
    def call(ctx, ex):
        body = request_json(ex)
        return run_async(graph_from_url(ctx, ex), method + '_edge_definition', body['collection'],
                         body['from'], body['to']).get_name()
    return call


GRAPH_CASES = {
    'HttpGharialList': [step(0, 'GET', r'^/_api/gharial$',
        lambda c, e: to_python(run_async(c.db, 'list_graphs')),
        lambda b: b['graphs'])],
    'HttpGharialCreate*': [step(0, 'POST', r'^/_api/gharial$', create_graph,
        lambda b: b['graph']['name'])],
    'HttpGharialGetGraph': [step(0, 'GET', r'^/_api/gharial/[^/]+$',
        lambda c, e: to_python(run_async(graph_from_url(c, e), 'properties')),
        lambda b: b['graph'])],
    'HttpGharialDrop': [step(0, 'DELETE', r'^/_api/gharial/[^/]+$',
        lambda c, e: run_async(c.db, 'delete_graph', segments(e)[3], True, False),
        lambda b: True)],
    'HttpGharialListVertex': [step(0, 'GET', r'^/_api/gharial/[^/]+/vertex$',
        lambda c, e: list(run_async(graph_from_url(c, e), 'vertex_collections')),
        lambda b: b['collections'])],
    'HttpGharialListEdge': [step(0, 'GET', r'^/_api/gharial/[^/]+/edge$',
        lambda c, e: run_async(graph_from_url(c, e), 'has_edge_definition', 'relation'),
        lambda b: 'relation' in b['collections'])],
    'HttpGharialAddVertexCol': [step(0, 'POST', r'^/_api/gharial/[^/]+/vertex$',
        lambda c, e: run_async(graph_from_url(c, e), 'create_vertex_collection',
                               request_json(e)['collection']).get_name(),
        lambda b: b['graph']['orphanCollections'][-1])],
    'HttpGharialRemoveVertexCollection*': [step(0, 'DELETE', r'^/_api/gharial/[^/]+/vertex/[^/]+$',
        lambda c, e: run_async(graph_from_url(c, e), 'delete_vertex_collection', segments(e)[5], False),
        lambda b: True)],
    'HttpGharialAddEdgeCol': [step(0, 'POST', r'^/_api/gharial/[^/]+/edge$',
        edge_definition_call('create'), lambda b: b['graph']['edgeDefinitions'][-1]['collection'])],
    'HttpGharialReplaceEdgeCol': [step(0, 'PUT', r'^/_api/gharial/[^/]+/edge/[^/]+$',
        edge_definition_call('replace'), lambda b: b['graph']['edgeDefinitions'][0]['collection'])],
    'HttpGharialEdgeDefinitionRemove': [step(0, 'DELETE', r'^/_api/gharial/[^/]+/edge/[^/]+$',
        lambda c, e: run_async(graph_from_url(c, e), 'delete_edge_definition', segments(e)[5], False),
        lambda b: True)],
    'HttpGharialAddVertex': element_step('POST', 'vertex', lambda b: b['vertex']),
    'HttpGharialGetVertex': element_step('GET', 'vertex', lambda b: b['vertex']),
    'HttpGharialModifyVertex': element_step('PATCH', 'vertex', lambda b: b['vertex']),
    'HttpGharialReplaceVertex': element_step('PUT', 'vertex', lambda b: b['vertex']),
    'HttpGharialDeleteVertex': element_step('DELETE', 'vertex', stripped),
    'HttpGharialAddEdge': element_step('POST', 'edge', lambda b: b['edge']),
    'HttpGharialGetEdge': element_step('GET', 'edge', lambda b: b['edge']),
    'HttpGharialPatchEdge': element_step('PATCH', 'edge', lambda b: b['edge']),
    'HttpGharialPutEdge': element_step('PUT', 'edge', lambda b: b['edge']),
    'HttpGharialDeleteEdge': element_step('DELETE', 'edge', stripped),
    'RestEdgesReadEdges*': [step(0, 'GET', r'^/_api/edges/[^/]+$', edges_of,
        lambda b: b['edges'])],
}

# Async jobs: a query sent as a job through an async handle, then the job
# calls; the job lists and clearing on the database.
def submit_query_job(ctx, ex):
    async_db = ctx.db.begin_async_execution(True)
    ctx.job = run_async(async_db, 'query', request_json(ex)['query'], None, None,
                        finish=lambda source, result: Arango.Job.new_from_result(result))
    # The job's id is the one of the recorded 202.
    return ctx.job.get_id() == recorded_async_id(ex)


def job_ids(status):
    return lambda c, e: list(run_async(c.db, 'async_jobs', status, 0))


def recorded_async_id(ex):
    for name, value in ex['response']['headers']:
        if name.lower() == 'x-arango-async-id':
            return value
    return None


JOB_CASES = {
    'job_cancel': [
        step(0, 'POST', r'^/_api/cursor$', submit_query_job, lambda b: True),
        step(1, 'GET', r'^/_api/job/pending$', job_ids(Arango.JobStatus.PENDING), lambda b: b),
        step(2, 'PUT', r'^/_api/job/[0-9]+/cancel$',
             lambda c, e: run_async(c.job, 'cancel'), lambda b: b['result']),
        step(3, 'GET', r'^/_api/job/pending$', job_ids(Arango.JobStatus.PENDING), lambda b: b),
        # The job manager's 404 (no x-arango-async-id) through the
        # original call's _finish.
        step(('job_fetch_result_02', 0), 'PUT', r'^/_api/job/[0-9]+$',
             lambda c, e: run_async(c.job, 'result',
                                    finish=lambda source, result: source.query_finish(result)))],
    'job_getByType_01': [
        step(1, 'GET', r'^/_api/job/done$', job_ids(Arango.JobStatus.DONE), lambda b: b)],
    'job_getByType_02': [
        step(1, 'GET', r'^/_api/job/pending$', job_ids(Arango.JobStatus.PENDING), lambda b: b)],
    'job_delete_01': [
        step(1, 'DELETE', r'^/_api/job/all$',
             lambda c, e: run_async(c.db, 'clear_async_jobs', 0), lambda b: b['result'])],
    'job_delete_02': [
        step(2, 'DELETE', r'^/_api/job/expired$',
             lambda c, e: run_async(c.db, 'clear_async_jobs', float(
                 urllib.parse.parse_qs(e['request']['query'])['stamp'][0])),
             lambda b: b['result']),
        step(3, 'GET', r'^/_api/job/pending$', job_ids(Arango.JobStatus.PENDING), lambda b: b)],
}

BACKUP_CASES = {
    'RestBackupCreateBackup': [step(0, 'POST', r'^/_admin/backup/create$',
        lambda c, e: to_python(run_async(c.db, 'create_backup',
                                         request_json(e).get('label'), None)),
        lambda b: b['result'])],
    'RestBackupListBackup': [step(0, 'POST', r'^/_admin/backup/list$',
        lambda c, e: to_python(run_async(c.db, 'list_backups', None)),
        lambda b: b['result']['list'])],
    'RestBackupRestoreBackup': [step(0, 'POST', r'^/_admin/backup/restore$',
        lambda c, e: to_python(run_async(c.db, 'restore_backup', request_json(e)['id'])),
        lambda b: b['result'])],
    'RestBackupDeleteBackup': [step(0, 'POST', r'^/_admin/backup/delete$',
        lambda c, e: run_async(c.db, 'delete_backup', request_json(e)['id']),
        lambda b: True)],
}

CASES = {}
for table in (CLUSTER_CASES, DOCUMENT_CASES, COLLECTION_CASES, INDEX_CASES, IMPORT_CASES,
              CURSOR_CASES, QUERY_CASES, TRANSACTION_CASES, DATABASE_CASES, GRAPH_CASES,
              JOB_CASES, BACKUP_CASES, ADMIN_CASES,
              USER_CASES, VIEW_CASES, FUNCTION_CASES, TASK_CASES):
    for name, steps in table.items():
        steps = table[steps] if isinstance(steps, str) else steps
        # An example may serve calls of several tables (RestVersion: the
        # cluster's nodeVersion and the database's own version).
        CASES[name] = CASES.get(name, []) + steps


def cases_for(example):
    if example in CASES:
        return CASES[example]
    for pattern, steps in CASES.items():
        if '*' in pattern and fnmatch.fnmatchcase(example, pattern):
            return steps
    return None


class Context:
    def __init__(self, db):
        self.db = db
        self.cursor = None
        self.trx = None
        self.job = None


def check_step(ctx, responder, transcripts_dir, version, transcript, st):
    if isinstance(st['index'], tuple):
        other, index = st['index']
        path = os.path.join(transcripts_dir, version, other + '_single.json')
        if not os.path.exists(path):
            return 'no %s recording in %s' % (other, version), True
        exchange = recordings.load_transcript(path)['exchanges'][index]
    else:
        exchange = transcript['exchanges'][st['index']]
    response = exchange['response']
    if response is None:
        return 'no recorded reply', True
    responder.serve(st['method'], st['path'], response)
    recorded = response.get('body_json')
    is_error = (response['status'] or 200) >= 400 and not st['ignored']
    try:
        value = st['call'](ctx, exchange)
        error = None
    except GLib.GError as e:
        value, error = None, e
    except CallTimeout as e:
        return str(e), False
    left, problems = responder.leftover()
    if problems:
        return '; '.join(problems), False
    if left:
        return 'the library sent no request for the recorded reply', False
    if is_error:
        want = recorded.get('errorNum') if isinstance(recorded, dict) else None
        if error is None:
            return 'recorded error %s decoded as success: %r' % (
                want, value), False
        if error.domain != SERVER_ERROR_DOMAIN or error.code != want:
            return 'recorded error %s decoded as %s %d: %s' % (
                want, error.domain, error.code, error.message), False
        if isinstance(recorded, dict) and recorded.get('errorMessage') \
                and recorded['errorMessage'] not in error.message:
            return 'error message %r not in %r' % (
                recorded['errorMessage'], error.message), False
        return None, False
    if error is not None:
        return 'decoding failed: %s %d: %s' % (
            error.domain, error.code, error.message), False
    if st['expect'] is not None:
        want = st['expect'](recorded)
        if value != want:
            return 'decoded %s, recording holds %s' % (
                json.dumps(value)[:300], json.dumps(want)[:300]), False
    return None, False


def main():
    shared = os.environ.get('ARANGO_API_SHARED', DEFAULT_SHARED)
    transcripts = os.path.join(shared, 'transcripts')
    if not os.path.isdir(transcripts):
        print('1..0 # SKIP no recorded transcripts at %s (the shared/ folder '
              'beside the repository is absent)' % os.path.abspath(transcripts))
        return 0

    responder = Responder()
    thread = threading.Thread(target=responder.serve_forever, daemon=True)
    thread.start()
    host = 'http://127.0.0.1:%d' % responder.server_address[1]

    versions = sorted((v for v in os.listdir(transcripts)
                       if os.path.isdir(os.path.join(transcripts, v))),
                      key=lambda v: (VERSION_ORDER.index(v)
                                     if v in VERSION_ORDER else 99, v))
    results = []
    for version in versions:
        for name in sorted(os.listdir(os.path.join(transcripts, version))):
            if not name.endswith('.json'):
                continue
            transcript = recordings.load_transcript(
                os.path.join(transcripts, version, name))
            steps = cases_for(transcript['example'])
            if steps is None:
                continue
            # A fresh client per case: a failed case leaves nothing behind.
            client = Arango.Client.new(host)
            client.set_max_tries(1)
            db = run_async(client, 'db', '_system', 'root', '')
            ctx = Context(db)
            for st in steps:
                label = '%s/%s %s' % (
                    version, name, ('%s #%d' % st['index'] if isinstance(
                        st['index'], tuple) else '#%d' % st['index']))
                problem, skipped = check_step(ctx, responder, transcripts,
                                              version, transcript, st)
                results.append((label, problem, skipped))
                if problem and not skipped:
                    break       # later steps need this one's object
            client.close()

    print('1..%d' % len(results))
    failed = 0
    for n, (label, problem, skipped) in enumerate(results, 1):
        if skipped:
            print('ok %d %s # SKIP %s' % (n, label, problem))
        elif problem:
            failed += 1
            print('not ok %d %s: %s' % (n, label, problem))
        else:
            print('ok %d %s' % (n, label))
    print('# client decoding: %d of %d recorded replies decoded as recorded'
          % (len(results) - failed - sum(1 for r in results if r[2]),
             len(results) - sum(1 for r in results if r[2])))
    responder.shutdown()
    return 0


if __name__ == '__main__':
    sys.exit(main())
