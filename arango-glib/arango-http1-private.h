/* arango-http1-private.h: requests on a plain HTTP/1.1 connection
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _ArangoHttp1Connection ArangoHttp1Connection;

ArangoHttp1Connection *arango_http1_connection_ref      (ArangoHttp1Connection *self);
void                   arango_http1_connection_unref    (ArangoHttp1Connection *self);
void                   arango_http1_connection_shutdown (ArangoHttp1Connection *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArangoHttp1Connection, arango_http1_connection_unref)

typedef struct
{
  const char *method;
  GUri *uri;
  SoupMessageHeaders *headers;
  GBytes *body;                 /* nullable */
} ArangoHttp1Request;

/* Called with TRUE once the first byte of the request went out, and
 * with FALSE if it then goes again on a new connection because the
 * server cannot have seen it. */
typedef void (*ArangoHttp1SentFunc) (gboolean sent,
                                     gpointer user_data);

/* The reply, or the error that ended the exchange; takes @headers,
 * @body and @error. */
typedef void (*ArangoHttp1ReplyFunc) (guint               status,
                                      SoupMessageHeaders *headers,
                                      GBytes             *body,
                                      GError             *error,
                                      gpointer            user_data);

typedef struct _ArangoHost ArangoHost;

void arango_http1_send (ArangoHost           *host,
                        guint                 slot,
                        ArangoHttp1Request   *request,
                        GMainContext         *context,
                        int                   priority,
                        GCancellable         *cancellable,
                        ArangoHttp1SentFunc   sent,
                        ArangoHttp1ReplyFunc  callback,
                        gpointer              user_data);

G_END_DECLS
