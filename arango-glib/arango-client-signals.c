/* arango-client-signals.c: ArangoClient::request-started and
 * ::request-finished, for logging and metrics
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Installed by the client's class_init and emitted by the connection
 * layer, which asks first whether anyone listens: with no handler an
 * attempt costs two g_signal_has_handler_pending() calls and nothing else.
 */

#include "config.h"

#include "arango-client-private.h"

enum
{
  SIGNAL_REQUEST_STARTED,
  SIGNAL_REQUEST_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
arango_client_class_install_request_signals (GObjectClass *object_class)
{
  GType type = G_TYPE_FROM_CLASS (object_class);

  /**
   * ArangoClient::request-started:
   * @self: the client
   * @method: the HTTP method, such as `GET`
   * @uri: the full URL of the attempt, without credentials (those travel
   *   in headers only)
   *
   * Emitted when an attempt of a request goes to a coordinator: each
   * attempt, so a request that fails over to another coordinator, or
   * that is sent again with a renewed token, shows once per attempt. Every
   * request-started is followed by one [signal@Arango.Client::request-finished]
   * with the same @method and @uri, the attempt's end.
   *
   * It is emitted in the thread-default main context of the thread that
   * called the `_async` function, where the call's callback runs; the
   * first attempt's request-started is emitted from within the `_async`
   * function itself. A `_sync` call runs its own context in the calling
   * thread: its signals come in that thread, before the call returns.
   * A client used from several threads emits from several threads.
   *
   * Handlers must return quickly and must not block: the requests of
   * that main context wait for them. They must not call `_sync` functions
   * of the same client; starting other requests asynchronously is fine.
   */
  signals[SIGNAL_REQUEST_STARTED] =
    g_signal_new ("request-started", type, G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * ArangoClient::request-finished:
   * @self: the client
   * @method: the HTTP method, as in [signal@Arango.Client::request-started]
   * @uri: the full URL of the attempt, without credentials
   * @status: the HTTP status of the reply, 0 when no reply came
   * @error: (nullable): why the attempt got no usable reply: the
   *   transport error (connection refused, reset …), %G_IO_ERROR_TIMED_OUT,
   *   %G_IO_ERROR_CANCELLED, or a successful reply that could not be
   *   decoded; %NULL for every decoded reply, refusals such as 404 or 503
   *   included (the call's own #GError says what the server refused)
   * @duration: microseconds since the attempt's request-started, the wait
   *   for a free connection included
   *
   * Emitted when an attempt ends, in the same thread and main context as
   * its [signal@Arango.Client::request-started], and under the same rules for
   * handlers. The call's callback, if this was its last attempt, runs
   * after it.
   */
  signals[SIGNAL_REQUEST_FINISHED] =
    g_signal_new ("request-finished", type, G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_UINT,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_INT64);
}

gboolean
arango_client_has_request_started_handlers (ArangoClient *self)
{
  return g_signal_has_handler_pending (self, signals[SIGNAL_REQUEST_STARTED], 0, FALSE);
}

gboolean
arango_client_has_request_finished_handlers (ArangoClient *self)
{
  return g_signal_has_handler_pending (self, signals[SIGNAL_REQUEST_FINISHED], 0, FALSE);
}

void
arango_client_emit_request_started (ArangoClient *self,
                                    const char   *method,
                                    const char   *uri)
{
  g_signal_emit (self, signals[SIGNAL_REQUEST_STARTED], 0, method, uri);
}

void
arango_client_emit_request_finished (ArangoClient *self,
                                     const char   *method,
                                     const char   *uri,
                                     guint         status,
                                     const GError *error,
                                     gint64        duration)
{
  g_signal_emit (self, signals[SIGNAL_REQUEST_FINISHED], 0,
                 method, uri, status, error, duration);
}
