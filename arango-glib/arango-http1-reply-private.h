/* arango-http1-reply-private.h: reading an HTTP/1.1 reply from bytes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Header blocks larger than this are refused, as libsoup refuses them. */
#define ARANGO_HTTP1_MAX_HEAD (64 * 1024)

typedef enum
{
  ARANGO_HTTP1_READING_HEAD,
  ARANGO_HTTP1_READING_BODY,        /* of a known length */
  ARANGO_HTTP1_READING_UNTIL_CLOSE,
  ARANGO_HTTP1_READING_CHUNK_SIZE,
  ARANGO_HTTP1_READING_CHUNK,
  ARANGO_HTTP1_READING_CHUNK_END,
  ARANGO_HTTP1_READING_TRAILER,
  ARANGO_HTTP1_DONE,
} ArangoHttp1ReplyState;

typedef struct
{
  ArangoHttp1ReplyState state;
  gboolean no_body;          /* a reply to HEAD */

  guint status;
  SoupMessageHeaders *headers;
  gboolean keep_alive;
  gboolean started;          /* any byte of the reply arrived */

  GByteArray *pending;       /* a header block or chunk line in pieces */
  guint8 *body;
  gsize body_length;
  gsize body_allocated;
  guint64 remaining;         /* of the body, or of the current chunk */
} ArangoHttp1Reply;

void     arango_http1_reply_init          (ArangoHttp1Reply  *reply,
                                           gboolean           no_body);
void     arango_http1_reply_clear         (ArangoHttp1Reply  *reply);
gsize    arango_http1_reply_feed          (ArangoHttp1Reply  *reply,
                                           const guint8      *data,
                                           gsize              length,
                                           GError           **error);
gboolean arango_http1_reply_end_of_stream (ArangoHttp1Reply  *reply,
                                           GError           **error);
GBytes  *arango_http1_reply_steal_body    (ArangoHttp1Reply  *reply,
                                           GError           **error);

G_END_DECLS
