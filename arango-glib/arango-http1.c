/* arango-http1.c: requests on a plain HTTP/1.1 connection
 *
 * For a coordinator reached over plain HTTP, a request on one of its
 * connection slots is written and its reply read here, on the socket,
 * in the caller's main context. libsoup does far more per message than
 * such an exchange needs: it connects eight handlers to its connection
 * and disconnects them again, kicks its queue several times (each time
 * writing to the main context's eventfd), probes the idle connection and
 * reads the headers into a new 8 KiB buffer that it then grows. Those
 * were two thirds of the instructions of a small request
 * (doc/performance.md). TLS, HTTP/2 and requests that cannot wait for a
 * slot still go through libsoup.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-host-private.h"
#include "arango-http1-private.h"
#include "arango-http1-reply-private.h"

#define READ_BUFFER_SIZE 16384

struct _ArangoHttp1Connection
{
  gatomicrefcount ref_count;
  GSocketConnection *connection;
  GSocket *socket;
  guint n_replies;       /* read on it so far */
  guint8 *buffer;        /* READ_BUFFER_SIZE bytes */
};

ArangoHttp1Connection *
arango_http1_connection_ref (ArangoHttp1Connection *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
arango_http1_connection_unref (ArangoHttp1Connection *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_io_stream_close (G_IO_STREAM (self->connection), NULL, NULL);
  g_object_unref (self->connection);
  g_free (self->buffer);
  g_free (self);
}

/* Ends whatever is under way on the connection from any thread: a read
 * or write waiting on it wakes up to the end of the connection. Unlike
 * closing, this leaves the socket for its own thread to let go of. */
void
arango_http1_connection_shutdown (ArangoHttp1Connection *self)
{
  g_socket_shutdown (self->socket, TRUE, TRUE, NULL);
}

static ArangoHttp1Connection *
connection_new (GSocketConnection *connection)
{
  ArangoHttp1Connection *self = g_new0 (ArangoHttp1Connection, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->connection = connection;
  self->socket = g_socket_connection_get_socket (connection);
  /* The exchange waits on the socket itself, never in a call. */
  g_socket_set_blocking (self->socket, FALSE);
  self->buffer = g_malloc (READ_BUFFER_SIZE);
  return self;
}

typedef struct
{
  ArangoHost *host;
  guint slot;
  guint abort_count;     /* the host's, when the exchange began */
  ArangoHttp1Connection *connection;
  GBytes *head;
  GBytes *body;
  gsize written;
  gboolean idempotent;
  gboolean retried;
  ArangoHttp1Reply reply;
  GMainContext *context;
  int priority;
  GCancellable *cancellable;
  ArangoHttp1SentFunc sent;
  ArangoHttp1ReplyFunc callback;
  gpointer user_data;
} Exchange;

static void write_request (Exchange *exchange);
static void read_reply (Exchange *exchange);
static void connect_slot (Exchange *exchange);

static void
exchange_free (Exchange *exchange)
{
  arango_http1_reply_clear (&exchange->reply);
  g_clear_pointer (&exchange->connection, arango_http1_connection_unref);
  g_bytes_unref (exchange->head);
  g_clear_pointer (&exchange->body, g_bytes_unref);
  g_main_context_unref (exchange->context);
  g_clear_object (&exchange->cancellable);
  arango_host_unref (exchange->host);
  g_free (exchange);
}

static void
finish (Exchange *exchange,
        GError   *error)
{
  guint status = 0;
  SoupMessageHeaders *headers = NULL;
  GBytes *body = NULL;

  if (error == NULL)
    body = arango_http1_reply_steal_body (&exchange->reply, &error);

  if (exchange->connection == NULL)
    ;
  else if (error == NULL && exchange->reply.keep_alive)
    exchange->connection->n_replies++;
  else
    /* Its state is unknown, or the server is closing it. */
    arango_host_set_http1 (exchange->host, exchange->slot, NULL);

  if (error == NULL)
    {
      status = exchange->reply.status;
      headers = g_steal_pointer (&exchange->reply.headers);
    }
  exchange->callback (status, headers, body, error, exchange->user_data);
  exchange_free (exchange);
}

/* The methods libsoup sends again on a new connection. */
static gboolean
is_idempotent_method (const char *method)
{
  return g_str_equal (method, SOUP_METHOD_GET) || g_str_equal (method, SOUP_METHOD_HEAD) ||
         g_str_equal (method, SOUP_METHOD_OPTIONS) || g_str_equal (method, SOUP_METHOD_PUT) ||
         g_str_equal (method, SOUP_METHOD_DELETE);
}

/* A kept-alive connection the server closed just as the request went
 * out fails before any of the reply. libsoup sends such a request once
 * more on a new connection if its method is idempotent, and so does
 * this (doc/failover.md). */
static gboolean
retry_if_stale (Exchange *exchange,
                GError   *error)
{
  gboolean no_body;

  if (exchange->retried || exchange->connection->n_replies == 0 ||
      exchange->reply.started || !exchange->idempotent ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  g_debug ("Kept-alive connection to %s was closed; sending again: %s",
           exchange->host->uri, error->message);
  g_error_free (error);
  exchange->retried = TRUE;
  exchange->written = 0;
  if (exchange->sent)
    exchange->sent (FALSE, exchange->user_data);
  no_body = exchange->reply.no_body;
  arango_http1_reply_clear (&exchange->reply);
  arango_http1_reply_init (&exchange->reply, no_body);
  arango_host_set_http1 (exchange->host, exchange->slot, NULL);
  g_clear_pointer (&exchange->connection, arango_http1_connection_unref);
  connect_slot (exchange);
  return TRUE;
}

static void
fail (Exchange *exchange,
      GError   *error)
{
  if (retry_if_stale (exchange, error))
    return;
  finish (exchange, error);
}

/* TRUE when the exchange is to end now: cancelled, or the client closed. */
static gboolean
check_stopped (Exchange *exchange)
{
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (exchange->cancellable, &error))
    {
      finish (exchange, error);
      return TRUE;
    }
  if (arango_host_get_abort_count (exchange->host) != exchange->abort_count)
    {
      finish (exchange, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                             _("The connection was closed")));
      return TRUE;
    }
  return FALSE;
}

static gboolean
end_stopped (gpointer user_data)
{
  check_stopped (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
on_socket_ready (GSocket      *socket,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  Exchange *exchange = user_data;

  /* Gone before anything can run a nested main loop (see wait_for()). */
  g_source_destroy (g_main_current_source ());
  if (check_stopped (exchange))
    return G_SOURCE_REMOVE;
  if (condition & G_IO_OUT)
    write_request (exchange);
  else
    read_reply (exchange);
  return G_SOURCE_REMOVE;
}

static void
wait_for (Exchange     *exchange,
          GIOCondition  condition)
{
  GSource *source = g_socket_create_source (exchange->connection->socket,
                                            condition | G_IO_HUP | G_IO_ERR,
                                            exchange->cancellable);

  g_source_set_priority (source, exchange->priority);
  /* GLib takes a source that may not recurse out of the poll while it
   * runs and puts it back after, each time waking the main context (an
   * eventfd write): two of the four such writes of a request. Recursion
   * is harmless here, as the callback destroys the source first. */
  g_source_set_can_recurse (source, TRUE);
  g_source_set_callback (source, G_SOURCE_FUNC (on_socket_ready), exchange, NULL);
  g_source_attach (source, exchange->context);
  g_source_unref (source);
}

static void
read_reply (Exchange *exchange)
{
  ArangoHttp1Connection *connection = exchange->connection;

  for (;;)
    {
      GError *error = NULL;
      gssize n = g_socket_receive_with_blocking (connection->socket, (char *) connection->buffer,
                                                 READ_BUFFER_SIZE, FALSE, NULL, &error);
      gsize used;

      if (n < 0)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            {
              g_error_free (error);
              wait_for (exchange, G_IO_IN);
              return;
            }
          /* A reset before any reply is a closed kept-alive connection. */
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
              g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
            {
              GError *closed = NULL;

              if (!arango_http1_reply_end_of_stream (&exchange->reply, &closed) &&
                  closed->code == G_IO_ERROR_PARTIAL_INPUT)
                {
                  g_error_free (error);
                  error = closed;
                }
              else
                g_clear_error (&closed);
            }
          fail (exchange, error);
          return;
        }
      if (n == 0)
        {
          if (!arango_http1_reply_end_of_stream (&exchange->reply, &error))
            {
              fail (exchange, error);
              return;
            }
          exchange->reply.keep_alive = FALSE;
          finish (exchange, NULL);
          return;
        }

      used = arango_http1_reply_feed (&exchange->reply, connection->buffer, n, &error);
      if (used == 0)
        {
          finish (exchange, error);
          return;
        }
      if (exchange->reply.state == ARANGO_HTTP1_DONE)
        {
          /* Nothing was asked for after this reply. */
          if (used < (gsize) n)
            exchange->reply.keep_alive = FALSE;
          finish (exchange, NULL);
          return;
        }
    }
}

static void
write_request (Exchange *exchange)
{
  gsize head_length = g_bytes_get_size (exchange->head);
  gsize body_length = exchange->body ? g_bytes_get_size (exchange->body) : 0;

  while (exchange->written < head_length + body_length)
    {
      GOutputVector vectors[2];
      guint n_vectors = 0;
      GError *error = NULL;
      gssize n;

      if (exchange->written < head_length)
        {
          vectors[n_vectors].buffer = (const guint8 *) g_bytes_get_data (exchange->head, NULL) + exchange->written;
          vectors[n_vectors++].size = head_length - exchange->written;
        }
      if (body_length > 0)
        {
          gsize body_written = exchange->written > head_length ? exchange->written - head_length : 0;

          vectors[n_vectors].buffer = (const guint8 *) g_bytes_get_data (exchange->body, NULL) + body_written;
          vectors[n_vectors++].size = body_length - body_written;
        }

      n = g_socket_send_message (exchange->connection->socket, NULL, vectors, n_vectors,
                                 NULL, 0, G_SOCKET_MSG_NONE, NULL, &error);
      if (n < 0)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            {
              g_error_free (error);
              wait_for (exchange, G_IO_OUT);
              return;
            }
          fail (exchange, error);
          return;
        }
      if (exchange->written == 0 && n > 0 && exchange->sent)
        exchange->sent (TRUE, exchange->user_data);
      exchange->written += n;
    }

  /* The reply is read from the main loop, never right away: a reply read
   * here would end the request inside the call that started it, and the
   * request it then lets start would do the same, one stack frame deeper
   * each time. */
  wait_for (exchange, G_IO_IN);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Exchange *exchange = user_data;
  GError *error = NULL;
  GSocketConnection *connection;

  connection = g_socket_client_connect_finish (G_SOCKET_CLIENT (source), result, &error);
  if (connection == NULL)
    {
      finish (exchange, error);
      return;
    }
  exchange->connection = connection_new (connection);
  arango_host_set_http1 (exchange->host, exchange->slot, exchange->connection);
  if (check_stopped (exchange))
    return;
  write_request (exchange);
}

static void
connect_slot (Exchange *exchange)
{
  g_main_context_push_thread_default (exchange->context);
  g_socket_client_connect_to_uri_async (arango_host_get_socket_client (exchange->host),
                                        exchange->host->uri, 80, exchange->cancellable,
                                        on_connected, exchange);
  g_main_context_pop_thread_default (exchange->context);
}

/* The request line and headers, as libsoup writes them. */
static GBytes *
format_head (ArangoHttp1Request *request)
{
  GString *head = g_string_sized_new (256);
  const char *path = g_uri_get_path (request->uri);
  const char *query = g_uri_get_query (request->uri);
  const char *host = g_uri_get_host (request->uri);
  int port = g_uri_get_port (request->uri);
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;

  g_string_append (head, request->method);
  g_string_append_c (head, ' ');
  g_string_append (head, *path ? path : "/");
  if (query)
    {
      g_string_append_c (head, '?');
      g_string_append (head, query);
    }
  g_string_append (head, " HTTP/1.1\r\nHost: ");
  if (strchr (host, ':'))
    g_string_append_printf (head, "[%s]", host);
  else
    g_string_append (head, host);
  if (port > 0 && port != 80)
    g_string_append_printf (head, ":%d", port);
  /* What libsoup's session and content decoder would add. */
  g_string_append (head, "\r\nUser-Agent: " ARANGO_HOST_USER_AGENT
                   "\r\nAccept-Encoding: gzip, deflate\r\n");

  soup_message_headers_iter_init (&iter, request->headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      g_string_append (head, name);
      g_string_append (head, ": ");
      g_string_append (head, value);
      g_string_append (head, "\r\n");
    }
  if (request->body)
    g_string_append_printf (head, "Content-Length: %" G_GSIZE_FORMAT "\r\n",
                            g_bytes_get_size (request->body));
  g_string_append (head, "\r\n");
  return g_string_free_to_bytes (head);
}

/* Sends @request on the connection of @host's @slot (opening one if it
 * has none), in @context, and calls @callback with the reply. The
 * caller holds the slot until then. */
void
arango_http1_send (ArangoHost           *host,
                   guint                 slot,
                   ArangoHttp1Request   *request,
                   GMainContext         *context,
                   int                   priority,
                   GCancellable         *cancellable,
                   ArangoHttp1SentFunc   sent,
                   ArangoHttp1ReplyFunc  callback,
                   gpointer              user_data)
{
  Exchange *exchange = g_new0 (Exchange, 1);

  exchange->host = arango_host_ref (host);
  exchange->slot = slot;
  exchange->abort_count = arango_host_get_abort_count (host);
  exchange->head = format_head (request);
  exchange->body = request->body ? g_bytes_ref (request->body) : NULL;
  exchange->idempotent = is_idempotent_method (request->method);
  arango_http1_reply_init (&exchange->reply, g_str_equal (request->method, SOUP_METHOD_HEAD));
  exchange->context = g_main_context_ref (context);
  exchange->priority = priority;
  exchange->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  exchange->sent = sent;
  exchange->callback = callback;
  exchange->user_data = user_data;

  if (g_cancellable_is_cancelled (cancellable))
    {
      /* Ends from the main loop too, for the same reason as a reply. */
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, priority);
      g_source_set_callback (source, end_stopped, exchange, NULL);
      g_source_attach (source, context);
      g_source_unref (source);
      return;
    }
  exchange->connection = arango_host_dup_http1 (host, slot);
  /* An idle connection has nothing to read unless the server closed it
   * (or wrote what nobody asked for): libsoup looks too. */
  if (exchange->connection != NULL &&
      g_socket_condition_check (exchange->connection->socket, G_IO_IN | G_IO_HUP | G_IO_ERR) != 0)
    {
      arango_host_set_http1 (host, slot, NULL);
      g_clear_pointer (&exchange->connection, arango_http1_connection_unref);
    }
  if (exchange->connection == NULL)
    {
      connect_slot (exchange);
      return;
    }
  write_request (exchange);
}
