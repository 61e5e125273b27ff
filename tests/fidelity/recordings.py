# recordings.py: reading the recorded transcripts
#
# SPDX-License-Identifier: LGPL-2.1-or-later

"""Loading a transcript of ../shared/arango-api/transcripts/ as the server
sent it.

The docs tool of the 3.10 era printed some JSON replies as a JSON string
literal holding the JSON text (3.10/RestGetShards_cluster.json: body
"{\\"error\\":false,...}").  The server sent the object: the recorded
content-length is the length of the text inside the string, not of the
string literal.  Such a body is read back as the object it was; a reply
that really is a JSON string (a Pregel job id "68614") has the
content-length of the literal and stays a string."""

import json


def sent_as_text(response):
    """Whether a recorded JSON string body is the text of the real body."""
    body = response.get('body_json')
    if not isinstance(body, str):
        return False
    lengths = [v for k, v in response.get('headers', ()) if k.lower() == 'content-length']
    if lengths != [str(len(body.encode('utf-8')))]:
        return False
    try:
        json.loads(body)
    except ValueError:
        return False
    return True


def load_transcript(path):
    with open(path, encoding='utf-8') as f:
        transcript = json.load(f)
    for exchange in transcript['exchanges']:
        response = exchange.get('response')
        if response is not None and sent_as_text(response):
            response['body_json'] = json.loads(response['body_json'])
    return transcript
