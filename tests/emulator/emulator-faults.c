/* emulator-faults.c: misbehaviour on demand, one coordinator at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-faults.h"

#include <string.h>
#include <sys/socket.h>

#include "emulator-coordinator.h"
#include "emulator-listener.h"
#include "emulator-log.h"
#include "emulator-reply.h"

/* Declares far more bytes than it carries, so a client must notice the
 * connection closing in the middle of the body. */
#define TRUNCATED_RESPONSE \
  "HTTP/1.1 200 OK\r\n" \
  "Content-Type: application/json\r\n" \
  "Content-Length: 4096\r\n" \
  "Server: ArangoDB\r\n" \
  "Connection: Keep-Alive\r\n" \
  "X-Content-Type-Options: nosniff\r\n" \
  "\r\n" \
  "{\"server\":\"arango\",\"license\":\"" EMU_LICENSE "\",\"vers"

#define GARBAGE_BODY "<html><body>this is not JSON</body></html>"

/* What nginx sends when the server behind it does not answer: a status
 * without an ArangoDB error body. */
#define BAD_GATEWAY_BODY \
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" \
  "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n" \
  "</body>\r\n</html>\r\n"

static const char *fault_names[] = {
  [EMU_FAULT_NONE] = "none",
  [EMU_FAULT_HANG] = "hang",
  [EMU_FAULT_SLOW] = "slow",
  [EMU_FAULT_UNAVAILABLE] = "unavailable",
  [EMU_FAULT_GARBAGE] = "garbage",
  [EMU_FAULT_TRUNCATE] = "truncate",
  [EMU_FAULT_RESET] = "reset",
  [EMU_FAULT_SLOW_BODY] = "slow-body",
  [EMU_FAULT_RESET_MID_REPLY] = "reset-mid-reply",
  [EMU_FAULT_CURSOR_BUSY] = "cursor-busy",
  [EMU_FAULT_BAD_GATEWAY] = "bad-gateway",
};

/* A request the hang or slow fault keeps paused. */
typedef struct {
  EmuCoordinator    *coordinator;
  SoupServerMessage *msg;
  guint              timeout_id;     /* slow: when to answer; hang: 0 */
  gulong             finished_id;
  gulong             disconnected_id;
} EmuDeferred;

gboolean
emu_fault_kind_from_string (const char   *text,
                            EmuFaultKind *kind)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (fault_names); i++)
    if (g_strcmp0 (fault_names[i], text) == 0)
      {
        *kind = (EmuFaultKind) i;
        return TRUE;
      }

  return FALSE;
}

const char *
emu_fault_kind_to_string (EmuFaultKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (fault_names))
    return "none";

  return fault_names[kind];
}

static void
deferred_free (EmuDeferred *deferred)
{
  g_clear_handle_id (&deferred->timeout_id, g_source_remove);
  g_clear_signal_handler (&deferred->finished_id, deferred->msg);
  g_clear_signal_handler (&deferred->disconnected_id, deferred->msg);
  g_object_unref (deferred->msg);
  g_free (deferred);
}

static void
deferred_answer (EmuDeferred *deferred)
{
  EmuCoordinator *coordinator = deferred->coordinator;
  g_autoptr(SoupServerMessage) msg = g_object_ref (deferred->msg);

  g_queue_remove (&coordinator->deferred, deferred);
  deferred_free (deferred);

  emu_coordinator_process (coordinator, msg);
  soup_server_message_unpause (msg);
}

static void
deferred_gone (SoupServerMessage *msg,
               gpointer           user_data)
{
  EmuDeferred *deferred = user_data;

  /* The client went away; there is nobody left to answer. */
  g_queue_remove (&deferred->coordinator->deferred, deferred);
  deferred_free (deferred);
}

static gboolean
deferred_timeout (gpointer user_data)
{
  EmuDeferred *deferred = user_data;

  deferred->timeout_id = 0;
  deferred_answer (deferred);

  return G_SOURCE_REMOVE;
}

static void
defer (EmuCoordinator    *coordinator,
       SoupServerMessage *msg,
       gboolean           hang,
       guint              ms)
{
  EmuDeferred *deferred = g_new0 (EmuDeferred, 1);

  deferred->coordinator = coordinator;
  deferred->msg = g_object_ref (msg);
  deferred->finished_id = g_signal_connect (msg, "finished",
                                            G_CALLBACK (deferred_gone), deferred);
  deferred->disconnected_id = g_signal_connect (msg, "disconnected",
                                                G_CALLBACK (deferred_gone), deferred);
  if (!hang)
    deferred->timeout_id = g_timeout_add (ms, deferred_timeout, deferred);

  g_queue_push_tail (&coordinator->deferred, deferred);
  soup_server_message_pause (msg);
}

static void
release_held (EmuCoordinator *coordinator)
{
  GList *l = coordinator->deferred.head;

  while (l != NULL)
    {
      EmuDeferred *deferred = l->data;

      l = l->next;
      if (deferred->timeout_id == 0)
        deferred_answer (deferred);
    }
}

void
emu_faults_drop_deferred (EmuCoordinator *coordinator)
{
  EmuDeferred *deferred;

  while ((deferred = g_queue_pop_head (&coordinator->deferred)) != NULL)
    deferred_free (deferred);
}

void
emu_faults_set (EmuCoordinator *coordinator,
                EmuFaultKind    kind,
                guint           count,
                guint           ms)
{
  coordinator->fault = kind;
  coordinator->fault_remaining = kind != EMU_FAULT_NONE ? count : 0;
  coordinator->fault_ms = kind == EMU_FAULT_SLOW || kind == EMU_FAULT_SLOW_BODY ? ms : 0;

  emu_debug ("coordinator %u fault %s count %u ms %u", coordinator->index,
             emu_fault_kind_to_string (kind), coordinator->fault_remaining,
             coordinator->fault_ms);

  /* Clearing the fault is what ends a hang; a count running out does not,
   * or a single hung request would be answered at once. */
  if (kind == EMU_FAULT_NONE)
    release_held (coordinator);
}

static void
write_and_close (SoupServerMessage *msg,
                 const char        *data,
                 gsize              length)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  if (stream == NULL)
    return;

  /* A few hundred bytes into an empty socket buffer: the blocking write
   * returns at once. */
  g_output_stream_write_all (g_io_stream_get_output_stream (stream),
                             data, length, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

/* A reply whose body is held back half-way: the slow-body fault. */
typedef struct {
  SoupServerMessage *msg;
  GBytes            *rest;
  guint              timeout_id;
  gulong             finished_id;
  gulong             disconnected_id;
} EmuTrickle;

static void
trickle_free (EmuTrickle *trickle)
{
  g_clear_handle_id (&trickle->timeout_id, g_source_remove);
  g_clear_signal_handler (&trickle->finished_id, trickle->msg);
  g_clear_signal_handler (&trickle->disconnected_id, trickle->msg);
  g_bytes_unref (trickle->rest);
  g_object_unref (trickle->msg);
  g_free (trickle);
}

static void
trickle_gone (SoupServerMessage *msg,
              gpointer           user_data)
{
  trickle_free (user_data);
}

static gboolean
trickle_send_rest (gpointer user_data)
{
  EmuTrickle *trickle = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (trickle->msg);
  g_autoptr(SoupServerMessage) msg = g_object_ref (trickle->msg);

  trickle->timeout_id = 0;
  soup_message_body_append_bytes (body, trickle->rest);
  soup_message_body_complete (body);
  trickle_free (trickle);
  soup_server_message_unpause (msg);

  return G_SOURCE_REMOVE;
}

/* Runs the request for real, then sends its reply in two chunks @ms
 * apart, so that a client sees the headers at once and waits mid-body. */
static void
answer_with_slow_body (EmuCoordinator    *coordinator,
                       SoupServerMessage *msg,
                       guint              ms)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autoptr(GBytes) whole = NULL;
  EmuTrickle *trickle;
  gsize half;

  emu_coordinator_process (coordinator, msg);

  whole = soup_message_body_flatten (body);
  half = g_bytes_get_size (whole) / 2;
  soup_message_body_truncate (body);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  if (half > 0)
    {
      g_autoptr(GBytes) first = g_bytes_new_from_bytes (whole, 0, half);
      soup_message_body_append_bytes (body, first);
    }

  trickle = g_new0 (EmuTrickle, 1);
  trickle->msg = g_object_ref (msg);
  trickle->rest = g_bytes_new_from_bytes (whole, half, g_bytes_get_size (whole) - half);
  trickle->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (trickle_gone), trickle);
  trickle->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (trickle_gone), trickle);
  trickle->timeout_id = g_timeout_add (ms, trickle_send_rest, trickle);
}

static void
reset_connection (SoupServerMessage *msg)
{
  GSocket *found = emu_listener_get_socket (msg);
  g_autoptr(GSocket) socket = found != NULL ? g_object_ref (found) : NULL;
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  struct linger linger = { 1, 0 };

  if (socket == NULL)
    {
      if (stream != NULL)
        g_io_stream_close (stream, NULL, NULL);
      return;
    }

  /* Closing with a zero linger time sends RST instead of FIN, and going
   * around the stream keeps TLS from saying goodbye first. */
  setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
  g_socket_close (socket, NULL);
}

/* Runs the request for real, then sends the head of its reply and half of
 * its body and resets the connection: the client learns nothing of the
 * outcome of a request that did run. */
static void
reset_mid_reply (EmuCoordinator    *coordinator,
                 SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  GSocket *found = emu_listener_get_socket (msg);
  g_autoptr(GSocket) socket = found != NULL ? g_object_ref (found) : NULL;
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GString) partial = g_string_new (NULL);
  struct linger linger = { 1, 0 };
  const char *content_type;
  guint status;

  emu_coordinator_process (coordinator, msg);
  status = soup_server_message_get_status (msg);
  if (status == 0 || socket == NULL)
    {
      /* Answered later (a held-back reply) or no socket to reset: a plain
       * reset before any reply is the closest. */
      reset_connection (msg);
      return;
    }

  whole = soup_message_body_flatten (soup_server_message_get_response_body (msg));
  content_type = soup_message_headers_get_content_type (headers, NULL);
  g_string_append_printf (partial,
                          "HTTP/1.1 %u %s\r\n"
                          "Content-Type: %s\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                          "Server: ArangoDB\r\n"
                          "Connection: Keep-Alive\r\n"
                          "\r\n",
                          status, soup_status_get_phrase (status),
                          content_type != NULL ? content_type : "application/json",
                          g_bytes_get_size (whole));
  g_string_append_len (partial, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2);

  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL)
    g_output_stream_write_all (g_io_stream_get_output_stream (stream),
                               partial->str, partial->len, NULL, NULL, NULL);
  setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
  g_socket_close (socket, NULL);
}

/* Counts one request against the fault's count, which ends it once spent. */
static void
use_up_one (EmuCoordinator *coordinator)
{
  emu_debug ("coordinator %u applies fault %s", coordinator->index,
             emu_fault_kind_to_string (coordinator->fault));

  if (coordinator->fault_remaining > 0 && --coordinator->fault_remaining == 0)
    {
      coordinator->fault = EMU_FAULT_NONE;
      coordinator->fault_ms = 0;
    }
}

/* Whether a request for the next batch of an existing cursor is to find it
 * busy, as the server answers while another request still works on the
 * cursor: only such requests count against the cursor-busy fault. */
gboolean
emu_faults_cursor_is_busy (EmuCoordinator *coordinator)
{
  if (coordinator == NULL || coordinator->fault != EMU_FAULT_CURSOR_BUSY)
    return FALSE;

  use_up_one (coordinator);
  return TRUE;
}

gboolean
emu_faults_intercept (EmuCoordinator    *coordinator,
                      SoupServerMessage *msg)
{
  EmuFaultKind kind = coordinator->fault;
  guint ms = coordinator->fault_ms;

  /* The cursor handlers apply cursor-busy, to cursors only. */
  if (kind == EMU_FAULT_NONE || kind == EMU_FAULT_CURSOR_BUSY)
    return FALSE;

  use_up_one (coordinator);

  switch (kind)
    {
    case EMU_FAULT_HANG:
      defer (coordinator, msg, TRUE, 0);
      break;

    case EMU_FAULT_SLOW:
      defer (coordinator, msg, FALSE, ms);
      break;

    case EMU_FAULT_UNAVAILABLE:
      emu_reply_error_full (msg, EMU_ERROR_STYLE_EARLY,
                            SOUP_STATUS_SERVICE_UNAVAILABLE,
                            EMU_ERROR_HTTP_SERVICE_UNAVAILABLE,
                            "service unavailable due to startup or maintenance mode");
      break;

    case EMU_FAULT_GARBAGE:
      emu_reply_raw (msg, SOUP_STATUS_OK, "application/json",
                     GARBAGE_BODY, strlen (GARBAGE_BODY));
      break;

    case EMU_FAULT_BAD_GATEWAY:
      emu_reply_raw (msg, SOUP_STATUS_BAD_GATEWAY, "text/html",
                     BAD_GATEWAY_BODY, strlen (BAD_GATEWAY_BODY));
      break;

    case EMU_FAULT_TRUNCATE:
      write_and_close (msg, TRUNCATED_RESPONSE, strlen (TRUNCATED_RESPONSE));
      break;

    case EMU_FAULT_RESET:
      reset_connection (msg);
      break;

    case EMU_FAULT_SLOW_BODY:
      answer_with_slow_body (coordinator, msg, ms);
      break;

    case EMU_FAULT_RESET_MID_REPLY:
      reset_mid_reply (coordinator, msg);
      break;

    case EMU_FAULT_NONE:
    case EMU_FAULT_CURSOR_BUSY:
    default:
      return FALSE;
    }

  return TRUE;
}
