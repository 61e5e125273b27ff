/* arango-connection.c: sending a request, with failover, timeouts and JWT
 * renewal
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "arango-body-private.h"
#include "arango-client-private.h"
#include "arango-compression-private.h"
#include "arango-deadline-private.h"
#include "arango-enums.h"
#include "arango-error.h"
#include "arango-http1-private.h"
#include "arango-reply-private.h"
#include "arango-request-private.h"

#define DRIVER_HEADER "arango-glib/" PACKAGE_VERSION " (GLib " G_STRINGIFY (GLIB_MAJOR_VERSION) "." G_STRINGIFY (GLIB_MINOR_VERSION) ", libsoup 3)"

typedef struct
{
  ArangoClient *client;
  ArangoRequest *request;

  /* The current attempt */
  ArangoHost *host;
  char *uri;
  guint host_index;
  GUri *guri;
  SoupMessageHeaders *request_headers;
  GBytes *wire_body;           /* the body as it goes out */
  SoupMessage *message;        /* on a libsoup session */
  ArangoHostTicket ticket;     /* its place in the host's line */
  GCancellable *attempt_cancellable;
  GMainContext *context;       /* the task's */
  GCancellable *cancellable;   /* the caller's */
  gulong cancelled_id;
  ArangoDeadline deadline;
  GSource *abort_source;       /* made when the attempt is to end early */
  gboolean timed_out;
  gboolean sent;
  gint64 started_us;
  guint status;                /* of the reply, once it came */
  SoupMessageHeaders *response_headers;

  /* Across attempts */
  GBytes *compressed_body;     /* made at the first attempt, if worth it */
  gboolean compression_tried;
  guint tries;
  GArray *failed_hosts;
  gboolean token_renewed;
} SendData;

static void send_attempt (GTask *task);

static void
end_attempt (SendData *data)
{
  arango_deadline_stop (&data->deadline);
  /* First, so that no thread still cancelling can touch the abort source:
   * g_cancellable_disconnect() waits for a handler running elsewhere. */
  if (data->cancelled_id != 0)
    g_cancellable_disconnect (data->cancellable, data->cancelled_id);
  data->cancelled_id = 0;
  g_clear_object (&data->cancellable);
  if (data->abort_source)
    {
      g_source_destroy (data->abort_source);
      g_clear_pointer (&data->abort_source, g_source_unref);
    }
  g_clear_object (&data->attempt_cancellable);
  g_clear_object (&data->message);
  g_clear_pointer (&data->guri, g_uri_unref);
  g_clear_pointer (&data->request_headers, soup_message_headers_unref);
  g_clear_pointer (&data->wire_body, g_bytes_unref);
  g_clear_pointer (&data->response_headers, soup_message_headers_unref);
  data->status = 0;
  g_clear_pointer (&data->host, arango_host_unref);
  g_clear_pointer (&data->uri, g_free);
}

static void
send_data_free (SendData *data)
{
  end_attempt (data);
  g_clear_pointer (&data->request, arango_request_free);
  g_clear_pointer (&data->compressed_body, g_bytes_unref);
  g_clear_pointer (&data->failed_hosts, g_array_unref);
  g_clear_object (&data->client);
  g_free (data);
}

static gboolean
is_failed_host (SendData *data,
                guint     index)
{
  for (guint i = 0; i < data->failed_hosts->len; i++)
    if (g_array_index (data->failed_hosts, guint, i) == index)
      return TRUE;
  return FALSE;
}

static void
remember_failed_host (SendData *data)
{
  if (!is_failed_host (data, data->host_index))
    g_array_append_val (data->failed_hosts, data->host_index);
}

static void
return_hosts_unavailable (GTask      *task,
                          SendData   *data,
                          const char *reason)
{
  guint n_hosts = arango_client_get_n_hosts (data->client);
  /* Two counts, each with its own plural form. */
  g_autofree char *tries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u try", "%u tries",
                                                         data->tries),
                                            data->tries);
  g_autofree char *hosts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u host", "%u hosts",
                                                         n_hosts),
                                            n_hosts);

  g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_HOSTS_UNAVAILABLE,
                           /* TRANSLATORS: the first %s is "N tries", the second "N hosts" */
                           _("No coordinator answered after %s on %s; the last one, %s, failed: %s"),
                           tries, hosts, data->host->uri, reason);
}

/* The attempt failed in a way that makes another coordinator worth a try
 * (never sent, or safe to send again). Pinned requests have no other
 * coordinator to go to. Takes the caller's reference on @task. */
static void
fail_over (GTask      *task,
           SendData   *data,
           const char *reason,
           gboolean    cycle_when_all_failed)
{
  data->tries++;
  remember_failed_host (data);

  g_debug ("%s %s failed on %s (try %u): %s", data->request->method,
           data->request->path, data->host->uri, data->tries, reason);

  if (data->request->pinned_host)
    {
      g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_CONNECTION,
                               _("The coordinator %s that holds this request’s state failed: %s"),
                               data->host->uri, reason);
      g_object_unref (task);
      return;
    }

  if (data->tries >= arango_client_get_effective_max_tries (data->client))
    {
      return_hosts_unavailable (task, data, reason);
      g_object_unref (task);
      return;
    }

  if (data->failed_hosts->len >= arango_client_get_n_hosts (data->client))
    {
      if (!cycle_when_all_failed)
        {
          return_hosts_unavailable (task, data, reason);
          g_object_unref (task);
          return;
        }
      /* Every host failed once: start another round, as they may be
       * back by now. */
      g_array_set_size (data->failed_hosts, 0);
    }

  end_attempt (data);
  send_attempt (task);
}

static gboolean
abort_attempt_now (gpointer user_data)
{
  SendData *data = user_data;

  g_cancellable_cancel (data->attempt_cancellable);
  /* A request still waiting for a connection starts now, to end at once */
  arango_host_start_now (data->host, &data->ticket);
  return G_SOURCE_CONTINUE;
}

static gboolean
abort_source_dispatch (GSource     *source,
                       GSourceFunc  callback,
                       gpointer     user_data)
{
  g_source_set_ready_time (source, -1);
  return callback (user_data);
}

static GSourceFuncs abort_source_funcs = {
  NULL, NULL, abort_source_dispatch, NULL, NULL, NULL,
};

/* libsoup 3.2 reads a reply's headers and queues their completion at the
 * default priority without holding its own queue item; cancelling the
 * message between the two frees the item under that completion, which
 * then crashes (doc/failover.md). So the attempt is aborted from a source
 * one step below the default priority, which runs only once no
 * default-priority work of libsoup is ready. It is made, ready, when the
 * attempt times out or the caller cancels: one per attempt, made and
 * destroyed every time, cost 2 % of a small request.
 *
 * May run in any thread (the one that cancels), while the attempt's own
 * thread may time it out. */
static void
abort_attempt_soon (SendData *data)
{
  GSource *source = g_atomic_pointer_get (&data->abort_source);

  if (source != NULL)
    {
      g_source_set_ready_time (source, 0);
      return;
    }

  source = g_source_new (&abort_source_funcs, sizeof (GSource));
  g_source_set_priority (source, G_PRIORITY_DEFAULT + 1);
  g_source_set_callback (source, abort_attempt_now, data, NULL);
  g_source_set_ready_time (source, 0);
  if (!g_atomic_pointer_compare_and_exchange (&data->abort_source, NULL, source))
    {
      /* The other thread made one just now, ready too. */
      g_source_unref (source);
      return;
    }
  g_source_attach (source, data->context);
}

static void
on_attempt_timeout (gpointer user_data)
{
  SendData *data = user_data;

  data->timed_out = TRUE;
  abort_attempt_soon (data);
}

/* Only makes the abort source ready, which is thread-safe. GLib 2.74's
 * own cancellable source leaks now and then when cancelled from another
 * thread, and cancelling the attempt right here could let libsoup finish
 * it within this handler. */
static void
on_user_cancelled (GCancellable *cancellable,
                   SendData     *data)
{
  abort_attempt_soon (data);
}

static void
on_wrote_headers (SoupMessage *message,
                  SendData    *data)
{
  data->sent = TRUE;
}

static gboolean
on_accept_certificate (SoupMessage          *message,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  return TRUE;
}

static char *
build_uri (ArangoHost    *host,
           ArangoRequest *request)
{
  GString *uri = g_string_new (host->uri);

  if (request->database)
    {
      g_string_append (uri, "/_db/");
      g_string_append_uri_escaped (uri, request->database, NULL, TRUE);
    }
  g_string_append (uri, request->path);
  if (request->query)
    {
      g_string_append_c (uri, '?');
      g_string_append (uri, request->query->str);
    }
  return g_string_free (uri, FALSE);
}

/* libsoup 3.2 offers HTTP/2 by ALPN on every TLS connection and has no
 * switch for it; a connection's offer can still be narrowed before its
 * handshake. */
static void
on_network_event (SoupMessage        *message,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  gpointer            user_data)
{
  static const char * const http1_only[] = { "http/1.1", NULL };

  if (event == G_SOCKET_CLIENT_TLS_HANDSHAKING && G_IS_TLS_CONNECTION (connection))
    g_tls_connection_set_advertised_protocols (G_TLS_CONNECTION (connection), http1_only);
}

/* The body as it goes on the wire: compressed once, at the first
 * attempt, when the client asks for it and it actually gets smaller. */
static GBytes *
body_for_sending (SendData *data,
                  gboolean *compressed)
{
  guint threshold = arango_client_get_request_compression (data->client);
  GBytes *body = data->request->body;

  if (!data->compression_tried && threshold > 0 &&
      g_bytes_get_size (body) >= threshold)
    {
      g_autoptr(GBytes) deflated = arango_compress_body (body);

      if (deflated && g_bytes_get_size (deflated) < g_bytes_get_size (body))
        data->compressed_body = g_steal_pointer (&deflated);
    }
  data->compression_tried = TRUE;

  *compressed = data->compressed_body != NULL;
  return data->compressed_body ? data->compressed_body : body;
}

static void
set_transport_headers (SendData           *data,
                       SoupMessageHeaders *headers)
{
  double max_queue_time = arango_client_get_max_queue_time (data->client);

  if (max_queue_time > 0.0)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (text, sizeof text, "%.6f", max_queue_time);
      soup_message_headers_replace (headers, "x-arango-queue-time-seconds", text);
    }

  if (data->request->body)
    {
      gboolean compressed = FALSE;
      GBytes *body = body_for_sending (data, &compressed);

      data->wire_body = g_bytes_ref (body);
      soup_message_headers_replace (headers, "Content-Type", "application/json");
      if (compressed)
        soup_message_headers_replace (headers, "Content-Encoding",
                                      ARANGO_REQUEST_CONTENT_ENCODING);
    }
}

/* Every reply, refusals included, says how long the server's queue is. */
static void
note_queue_time (SendData *data)
{
  const char *text = soup_message_headers_get_one (data->response_headers,
                                                   "x-arango-queue-time-seconds");
  char *end = NULL;
  double seconds;

  if (text == NULL)
    return;
  seconds = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(seconds >= 0.0) || isinf (seconds))
    return;
  arango_client_update_queue_time (data->client, seconds);
}

static void
on_renewed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!arango_connection_login_finish (ARANGO_CLIENT (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  end_attempt (data);
  send_attempt (g_steal_pointer (&task));
}

static void
emit_request_finished (SendData     *data,
                       guint         status,
                       const GError *error)
{
  arango_client_emit_request_finished (data->client, data->request->method, data->uri,
                                       status, error,
                                       g_get_monotonic_time () - data->started_us);
}

/* Tells ArangoClient::request-finished that a reply came; @error only for
 * one that should have been JSON and was not. */
static void
report_reply (SendData     *data,
              guint         status,
              const GError *error)
{
  if (arango_client_has_request_finished_handlers (data->client))
    emit_request_finished (data, status, error);
}

/* Tells ArangoClient::request-finished that no usable reply came. A
 * timeout aborts the attempt through its cancellable, so libsoup's error
 * says "cancelled": the handlers are told the real reason. */
static void
report_no_reply (SendData     *data,
                 GTask        *task,
                 const GError *error)
{
  g_autoptr(GError) timeout = NULL;

  if (!arango_client_has_request_finished_handlers (data->client))
    return;
  if (data->timed_out && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    error = timeout = g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, _("no reply within %u s"),
                                   arango_client_get_request_timeout (data->client));
  emit_request_finished (data, data->status, error);
}

/* A success whose body cannot be read: takes @error. */
static void
return_broken_success (SendData *data,
                       GTask    *task,
                       guint     status,
                       GError   *error)
{
  report_reply (data, status, error);
  /* The server said it succeeded, so a write may well have happened. */
  if (!data->request->idempotent)
    {
      g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY,
                               _("%s; the request may have been executed"), error->message);
      g_error_free (error);
      return;
    }
  g_task_return_error (task, error);
}

/* The attempt ended, with the whole reply body or with @error_in: takes
 * the attempt's reference on the task in @user_data, and both. */
static void
on_reply (GBytes   *bytes_in,
          GError   *error_in,
          gpointer  user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = bytes_in;
  g_autoptr(GError) error = error_in;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GBytes) deferred = NULL;
  ArangoResponse *response;
  const char *content_type;
  guint status;

  /* The handlers run after the connection went back to the pool, so
   * that what they do cannot wait for this attempt's connection. */
  arango_host_done (data->host, &data->ticket);

  if (bytes == NULL)
    {
      report_no_reply (data, task, error);
      g_autofree char *reason = g_strdup (error->message);
      gboolean may_have_arrived = data->sent;
      gboolean timed_out = data->timed_out;

      if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                   _("The request was cancelled"));
          return;
        }

      if (timed_out)
        {
          g_autofree char *timeout_reason =
            g_strdup_printf (_("no reply within %u s"),
                             arango_client_get_request_timeout (data->client));

          if (may_have_arrived && !data->request->idempotent)
            {
              g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                       _("%s %s on %s timed out: %s; it may have been executed"),
                                       data->request->method, data->request->path,
                                       data->host->uri, timeout_reason);
              return;
            }
          /* A timed-out host is not tried again for this request: the
           * caller would wait a whole timeout for each round. */
          remember_failed_host (data);
          if (data->request->pinned_host ||
              data->failed_hosts->len >= arango_client_get_n_hosts (data->client) ||
              data->tries + 1 >= arango_client_get_effective_max_tries (data->client))
            {
              g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                       _("%s %s on %s timed out: %s"),
                                       data->request->method, data->request->path,
                                       data->host->uri, timeout_reason);
              return;
            }
          fail_over (g_steal_pointer (&task), data, timeout_reason, FALSE);
          return;
        }

      /* Another try would meet the same certificate: a configuration
       * problem, said at once. */
      if (error->domain == G_TLS_ERROR)
        {
          g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_CONNECTION,
                                   _("The TLS connection to %s failed; check its certificate and the client’s tls-database or ca-file: %s"),
                                   data->host->uri, reason);
          return;
        }

      if (may_have_arrived && !data->request->idempotent)
        {
          g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_CONNECTION,
                                   _("The connection to %s failed after %s %s was sent, so it may have been executed; it was not sent again: %s"),
                                   data->host->uri, data->request->method,
                                   data->request->path, reason);
          return;
        }

      fail_over (g_steal_pointer (&task), data, reason, TRUE);
      return;
    }

  status = data->status;
  note_queue_time (data);
  /* The URI holds no credentials: they travel in headers only. GLib
   * formats a debug message (and reads the environment) even when it then
   * drops it, which was a tenth of a small request's cost. */
  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    g_debug ("%s %s → %u (%.1f ms)", data->request->method, data->uri, status,
             (g_get_monotonic_time () - data->started_us) / 1000.0);

  content_type = soup_message_headers_get_content_type (data->response_headers, NULL);
  if (data->request->reply_form.json_text && SOUP_STATUS_IS_SUCCESSFUL (status) &&
      !arango_reply_check_json_type (data->host->uri, data->request->method, data->request->path,
                                     status, content_type, &error))
    {
      return_broken_success (data, task, status, g_steal_pointer (&error));
      return;
    }
  if ((data->request->reply_form.text || data->request->reply_form.json_text) &&
      SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      report_reply (data, status, NULL);
      response = g_new0 (ArangoResponse, 1);
      response->status = status;
      response->headers = soup_message_headers_ref (data->response_headers);
      response->text = g_steal_pointer (&bytes);
      response->host = arango_host_ref (data->host);
      g_task_return_pointer (task, response, (GDestroyNotify) arango_response_free);
      return;
    }
  if (!arango_reply_decode (data->host->uri, data->request->method, data->request->path,
                            status, content_type, bytes, data->request->reply_form.deferred_member,
                            &body, &deferred, &error))
    {
      /* A proxy's HTML error page still says what went wrong through its
       * status; only a success without JSON is a broken reply, unless
       * the caller takes the bytes as they are. */
      if (SOUP_STATUS_IS_SUCCESSFUL (status) && !data->request->reply_form.raw)
        {
          return_broken_success (data, task, status, g_steal_pointer (&error));
          return;
        }
      g_clear_error (&error);
    }
  report_reply (data, status, NULL);

  if (status == SOUP_STATUS_SERVICE_UNAVAILABLE &&
      (body == NULL || arango_reply_error_number (body) == 503 ||
       arango_reply_error_number (body) < 0))
    {
      g_autoptr(GError) unavailable = arango_server_error_new (status, body);

      /* The coordinator did not run the request: any method may go to
       * another one. */
      fail_over (g_steal_pointer (&task), data, unavailable->message, TRUE);
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED && arango_reply_error_number (body) == 11 &&
      data->request->auth && arango_auth_can_renew (data->request->auth) &&
      !data->token_renewed)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      data->token_renewed = TRUE;
      arango_connection_login_async (data->client, data->request->auth,
                                     data->host, cancellable,
                                     on_renewed, g_steal_pointer (&task));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status) && !data->request->keep_errors)
    {
      g_task_return_error (task, arango_server_error_new (status, body));
      return;
    }

  response = g_new0 (ArangoResponse, 1);
  response->status = status;
  response->headers = soup_message_headers_ref (data->response_headers);
  response->body = g_steal_pointer (&body);
  response->deferred = g_steal_pointer (&deferred);
  if (data->request->reply_form.raw)
    response->text = g_steal_pointer (&bytes);
  response->host = arango_host_ref (data->host);
  g_task_return_pointer (task, response, (GDestroyNotify) arango_response_free);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GInputStream) stream = NULL;
  GError *error = NULL;
  goffset length;

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  data->status = soup_message_get_status (data->message);
  data->response_headers = soup_message_headers_ref (soup_message_get_response_headers (data->message));
  if (stream == NULL)
    {
      on_reply (NULL, error, task);
      return;
    }
  length = soup_message_headers_get_content_length (data->response_headers);
  arango_body_read (stream, length, g_task_get_context (task), g_task_get_priority (task),
                    data->attempt_cancellable, on_reply, task);
}

static void
on_http1_sent (gboolean sent,
               gpointer user_data)
{
  SendData *data = g_task_get_task_data (user_data);

  data->sent = sent;
}

static void
on_http1_reply (guint               status,
                SoupMessageHeaders *headers,
                GBytes             *body,
                GError             *error,
                gpointer            user_data)
{
  SendData *data = g_task_get_task_data (user_data);

  data->status = status;
  data->response_headers = headers;
  on_reply (body, error, user_data);
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  soup_message_headers_append (user_data, name, value);
}

static void
start_on_session (GTask    *task,
                  SendData *data)
{
  data->message = soup_message_new_from_uri (data->request->method, data->guri);
  soup_message_headers_foreach (data->request_headers, copy_header,
                                soup_message_get_request_headers (data->message));
  if (data->wire_body)
    soup_message_set_request_body_from_bytes (data->message, NULL, data->wire_body);
  /* Lets libsoup reuse a kept-alive connection for every method; without
   * it each POST opens a new one. libsoup then sends a request again only
   * when the reused connection turned out closed before the request could
   * be read, which the server never saw; the client's own rules decide
   * every other retry (doc/failover.md). */
  soup_message_add_flags (data->message, SOUP_MESSAGE_IDEMPOTENT);

  g_signal_connect (data->message, "wrote-headers",
                    G_CALLBACK (on_wrote_headers), data);
  /* Only a TLS connection offers HTTP/2. */
  if (!arango_client_get_allow_http2 (data->client) &&
      g_str_has_prefix (data->host->uri, "https:"))
    g_signal_connect (data->message, "network-event",
                      G_CALLBACK (on_network_event), NULL);
  if (!arango_client_get_verify_tls (data->client))
    g_signal_connect (data->message, "accept-certificate",
                      G_CALLBACK (on_accept_certificate), NULL);

  soup_session_send_async (data->ticket.session, data->message,
                           g_task_get_priority (task),
                           data->attempt_cancellable,
                           on_sent, task);
}

static void
start_sending (gpointer user_data)
{
  GTask *task = user_data;
  SendData *data = g_task_get_task_data (task);
  ArangoHttp1Request request;

  if (!data->ticket.plain_http1)
    {
      start_on_session (task, data);
      return;
    }

  request.method = data->request->method;
  request.uri = data->guri;
  request.headers = data->request_headers;
  request.body = data->wire_body;
  arango_http1_send (data->host, data->ticket.session_index, &request,
                     data->context, g_task_get_priority (task),
                     data->attempt_cancellable, on_http1_sent, on_http1_reply, task);
}

static void
send_attempt (GTask *task)
{
  SendData *data = g_task_get_task_data (task);
  ArangoRequest *request = data->request;
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *authorization = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint timeout;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (arango_client_is_closed (data->client))
    {
      g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_CLOSED,
                               _("The client was closed"));
      g_object_unref (task);
      return;
    }

  if (request->pinned_host)
    data->host = arango_host_ref (request->pinned_host);
  else
    data->host = arango_client_pick_host (data->client, data->failed_hosts,
                                          &data->host_index);

  data->uri = build_uri (data->host, request);
  data->guri = g_uri_parse (data->uri, SOUP_HTTP_URI_FLAGS, &error);
  if (data->guri == NULL)
    {
      g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                               _("Cannot build a request URL for %s: %s"),
                               request->path, error->message);
      g_object_unref (task);
      return;
    }

  data->sent = FALSE;
  data->timed_out = FALSE;
  /* New headers: appending needs no search. */
  headers = data->request_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_append (headers, "x-arango-driver", DRIVER_HEADER);
  soup_message_headers_append (headers, "Accept",
                               request->reply_form.text ? "text/plain, application/json" : "application/json");
  if (request->auth)
    authorization = arango_auth_dup_header (request->auth);
  if (authorization)
    soup_message_headers_append (headers, "Authorization", authorization);
  for (guint i = 0; request->headers && i + 1 < request->headers->len; i += 2)
    soup_message_headers_replace (headers, request->headers->pdata[i],
                                  request->headers->pdata[i + 1]);
  set_transport_headers (data, headers);

  data->attempt_cancellable = g_cancellable_new ();
  if (cancellable)
    {
      data->cancellable = g_object_ref (cancellable);
      data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_user_cancelled),
                                                  data, NULL);
    }

  timeout = arango_client_get_request_timeout (data->client);
  if (timeout > 0)
    arango_deadline_start (&data->deadline, data->context, timeout,
                           on_attempt_timeout, data);

  data->started_us = g_get_monotonic_time ();
  /* Before the attempt waits for a connection, so that a handler cannot
   * hold one while it runs. */
  if (arango_client_has_request_started_handlers (data->client))
    arango_client_emit_request_started (data->client, request->method, data->uri);
  arango_host_queue (data->host, &data->ticket, g_task_get_context (task),
                     start_sending, task);
}

/* Takes ownership of @request. */
void
arango_connection_send_async (ArangoClient        *client,
                              ArangoRequest       *request,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  SendData *data;

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, arango_connection_send_async);

  data = g_new0 (SendData, 1);
  data->client = g_object_ref (client);
  data->request = request;
  data->failed_hosts = g_array_new (FALSE, FALSE, sizeof (guint));
  data->context = g_task_get_context (task);
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  /* A body with no JSON form: refused before any host is asked. */
  if (request->error != NULL)
    {
      g_task_return_error (task, g_error_copy (request->error));
      g_object_unref (task);
      return;
    }

  send_attempt (task);
}

ArangoResponse *
arango_connection_send_finish (ArangoClient  *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == arango_connection_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_login_reply (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ArangoAuth *auth = g_task_get_task_data (task);
  g_autoptr(ArangoResponse) response = NULL;
  GError *error = NULL;

  response = arango_connection_send_finish (ARANGO_CLIENT (source), result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (arango_connection_store_token (task, response, auth) != NULL)
    g_task_return_boolean (task, TRUE);
}

/* Makes the token of a {"jwt": "…"} reply @auth's, and returns it (owned
 * by @response); without one, returns NULL after failing @task. */
const char *
arango_connection_store_token (GTask          *task,
                               ArangoResponse *response,
                               ArangoAuth     *auth)
{
  const char *jwt = arango_auth_token_from_reply (response->body);

  if (jwt == NULL)
    {
      arango_task_return_invalid_reply (task, response, "jwt");
      return NULL;
    }
  arango_auth_set_token (auth, jwt);
  return jwt;
}

/* Logs in through POST /_open/auth and stores the token in @auth. With a
 * @host, the login goes to that coordinator (the one that refused the old
 * token); otherwise the resolver picks one. */
void
arango_connection_login_async (ArangoClient        *client,
                               ArangoAuth          *auth,
                               ArangoHost          *host,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ArangoRequest *request;

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, arango_connection_login_async);
  g_task_set_task_data (task, arango_auth_ref (auth),
                        (GDestroyNotify) arango_auth_unref);

  request = arango_request_new (SOUP_METHOD_POST, "/_open/auth", NULL);
  arango_request_take_json_body (request, arango_auth_dup_login_body (auth));
  arango_request_pin_to_host (request, host);

  arango_connection_send_async (client, request, cancellable, on_login_reply,
                                g_steal_pointer (&task));
}

gboolean
arango_connection_login_finish (ArangoClient  *client,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
