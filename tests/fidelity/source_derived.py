# source_derived.py: the fidelity cases written from the server's source
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Fidelity cases without recordings (``source-derived.json``).

Few cluster endpoints were ever recorded.  For those, the team's protocol
notes (``../shared/arango-api/NOTES.md``, sections 4, 8 and 9) give the
answers as the ArangoDB source builds them; ``source-derived.json`` states
them as our own test cases.  Each case becomes a transcript of the same
form as a recorded one, so that fidelity.py replays and compares it by the
same rules, and counts it on its own line (``source-derived``).

A case::

    {"name": "source-derived/...", "deployment": "cluster" | "single",
     "from": "where NOTES.md (and the source it cites) says so",
     "steps": [fixture steps, as in fixtures/],
     "exchanges": [{"req": "METHOD URL", "send": JSON | "send_raw": "text",
                    "send_headers": {"x-arango-trx-id": "..."},
                    "status": 200, "body": JSON,
                    "headers": {"location": "..."}}]}

An exchange without ``body`` expects an empty one; ``headers`` (optional)
are the response headers besides the content type, for the ones whose
presence fidelity.py compares; ``send_headers`` (optional) are request
headers, in which ids an earlier reply gave are replaced by the
emulator's as in a recording.
"""

import json

LABEL = 'source-derived'
NAME_PREFIX = LABEL + '/'


def _request(exchange):
    method, _, url = exchange['req'].partition(' ')
    if 'send' in exchange:
        body = json.dumps(exchange['send'])
    else:
        body = exchange.get('send_raw')
    headers = [[name, value] for name, value in exchange.get('send_headers', {}).items()]
    return {'method': method, 'url': url, 'path': url.partition('?')[0],
            'query': url.partition('?')[2], 'headers': headers, 'body': body}


def _response(exchange):
    extra = [[name, value] for name, value in exchange.get('headers', {}).items()]
    if 'body' in exchange:
        return {'status': exchange['status'],
                'headers': [['content-type', 'application/json']] + extra,
                'body': json.dumps(exchange['body']),
                'body_json': exchange['body']}
    # Empty answers come as text/plain (NOTES.md, section 1).
    return {'status': exchange['status'],
            'headers': [['content-type', 'text/plain']] + extra, 'body': ''}


def load(path):
    """(server version the cases describe, [(transcript, setup steps)])."""
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    cases, names = [], set()
    for case in data['cases']:
        name = case['name']
        if not name.startswith(NAME_PREFIX):
            raise ValueError('%s: a source-derived case is named %s...'
                             % (name, NAME_PREFIX))
        if name in names:
            raise ValueError('%s: defined twice' % name)
        if case['deployment'] not in ('cluster', 'single'):
            raise ValueError('%s: deployment is cluster or single' % name)
        names.add(name)
        transcript = {
            'example': name,
            'deployment': case['deployment'],
            'exchanges': [{'request': _request(ex), 'response': _response(ex)}
                          for ex in case['exchanges']],
        }
        cases.append((transcript, case.get('steps', [])))
    return data['server_version'], cases
