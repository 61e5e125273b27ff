/* emulator-coordinator.c: one emulated Coordinator and its HTTP listener
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-coordinator.h"

#include "emulator-api-calls.h"
#include "emulator-faults.h"
#include "emulator-listener.h"
#include "emulator-log.h"
#include "emulator-router.h"
#include "emulator-transport.h"

/* Marks a connection with the generation of the counters it was last
 * counted in (plus one, so that 0 means "never seen"). The mark sits on
 * the remote address object handed to soup_server_accept_iostream(): one
 * per connection, shared by all its messages. */
static GQuark
connection_quark (void)
{
  return g_quark_from_static_string ("emu-coordinator-connection");
}

static void
count_connection (EmuCoordinator    *coordinator,
                  SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  guint mark = coordinator->generation + 1;

  if (remote == NULL)
    return;

  if (GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (remote), connection_quark ())) != mark)
    {
      g_object_set_qdata (G_OBJECT (remote), connection_quark (), GUINT_TO_POINTER (mark));
      coordinator->connections++;
    }
}

static void
add_header (const char *name,
            const char *value,
            gpointer    user_data)
{
  JsonObject *headers = user_data;
  /* Header names and values are bytes on the wire; the log is JSON. */
  g_autofree char *valid_name = g_utf8_make_valid (name, -1);
  g_autofree char *key = g_ascii_strdown (valid_name, -1);
  g_autofree char *text = g_utf8_make_valid (value, -1);
  const char *previous = json_object_get_string_member_with_default (headers, key, NULL);

  /* Repeated fields are folded the way HTTP allows: one value, comma-joined. */
  if (previous != NULL)
    {
      g_autofree char *joined = g_strconcat (previous, ", ", text, NULL);

      json_object_set_string_member (headers, key, joined);
    }
  else
    {
      json_object_set_string_member (headers, key, text);
    }
}

static void
log_request (EmuCoordinator    *coordinator,
             SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  JsonObject *entry = json_object_new ();
  JsonObject *headers = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *text = g_utf8_make_valid (data != NULL ? data : "", (gssize) length);

  soup_message_headers_foreach (soup_server_message_get_request_headers (msg),
                                add_header, headers);

  json_object_set_string_member (entry, "method", soup_server_message_get_method (msg));
  json_object_set_string_member (entry, "path", g_uri_get_path (uri));
  json_object_set_string_member (entry, "query",
                                 g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "");
  json_object_set_object_member (entry, "headers", headers);
  json_object_set_string_member (entry, "httpVersion",
                                 soup_server_message_get_http_version (msg) == SOUP_HTTP_2_0 ? "2" : "1.1");
  json_object_set_string_member (entry, "body", text);
  json_node_take_object (node, entry);

  g_queue_push_tail (&coordinator->request_log, node);
  while (coordinator->request_log.length > EMU_REQUEST_LOG_SIZE)
    json_node_unref (g_queue_pop_head (&coordinator->request_log));
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  EmuCoordinator *coordinator = user_data;

  coordinator->requests++;
  count_connection (coordinator, msg);
  log_request (coordinator, msg);

  if (emu_faults_intercept (coordinator, msg))
    return;

  emu_coordinator_process (coordinator, msg);
}

void
emu_coordinator_process (EmuCoordinator    *coordinator,
                         SoupServerMessage *msg)
{
  emu_router_handle_arango (coordinator->state, coordinator, msg);
  emu_transport_finish_reply (coordinator->state, msg);
}

gboolean
emu_coordinator_start (EmuCoordinator  *coordinator,
                       GError         **error)
{
  if (coordinator->running)
    return TRUE;

  /* A fresh SoupServer per start: nothing of the old connections
   * survives, as after a real restart. */
  coordinator->server = soup_server_new ("server-header", "ArangoDB", NULL);
  soup_server_add_handler (coordinator->server, NULL, server_callback, coordinator, NULL);

  coordinator->listener = emu_listener_new (coordinator->server, &coordinator->port,
                                            coordinator->state->tls_certificate, error);
  if (coordinator->listener == NULL)
    {
      g_clear_object (&coordinator->server);
      return FALSE;
    }

  coordinator->running = TRUE;
  coordinator->stopped_at = 0;
  /* Registering at start-up puts it back into the Plan and Current; a
   * server removed with removeServer is in Target/RemovedServers and
   * stays out. */
  coordinator->logged_off = FALSE;
  coordinator->unregistered = FALSE;
  emu_debug ("coordinator %u listening on port %u", coordinator->index, coordinator->port);

  return TRUE;
}

void
emu_coordinator_stop (EmuCoordinator *coordinator)
{
  if (!coordinator->running)
    return;

  emu_faults_drop_deferred (coordinator);
  emu_api_calls_clear (coordinator);
  g_clear_pointer (&coordinator->listener, emu_listener_free);
  g_clear_object (&coordinator->server);

  coordinator->running = FALSE;
  coordinator->stopped_at = g_get_real_time ();
  emu_debug ("coordinator %u stopped", coordinator->index);
}

void
emu_coordinator_reset (EmuCoordinator  *coordinator,
                       GError         **error)
{
  emu_faults_set (coordinator, EMU_FAULT_NONE, 0, 0);
  coordinator->requests = 0;
  coordinator->connections = 0;
  coordinator->generation++;
  g_queue_clear_full (&coordinator->request_log, (GDestroyNotify) json_node_unref);

  emu_coordinator_start (coordinator, error);
}

EmuCoordinator *
emu_coordinator_new (EmuState  *state,
                     guint      index,
                     GError   **error)
{
  EmuCoordinator *coordinator = g_new0 (EmuCoordinator, 1);
  g_autofree char *uuid = g_uuid_string_random ();

  coordinator->state = state;
  coordinator->index = index;
  coordinator->server_id = g_strdup_printf ("CRDN-%s", uuid);
  coordinator->short_name = g_strdup_printf ("Coordinator%04u", index + 1);
  g_queue_init (&coordinator->request_log);
  g_queue_init (&coordinator->api_calls);
  g_queue_init (&coordinator->deferred);

  if (!emu_coordinator_start (coordinator, error))
    {
      emu_coordinator_free (coordinator);
      return NULL;
    }

  return coordinator;
}

void
emu_coordinator_free (EmuCoordinator *coordinator)
{
  if (coordinator == NULL)
    return;

  emu_coordinator_stop (coordinator);
  g_queue_clear_full (&coordinator->request_log, (GDestroyNotify) json_node_unref);
  g_free (coordinator->server_id);
  g_free (coordinator->short_name);
  g_free (coordinator);
}

char *
emu_coordinator_get_url (EmuCoordinator *coordinator)
{
  return g_strdup_printf ("%s://127.0.0.1:%u",
                          coordinator->state->tls_certificate != NULL ? "https" : "http",
                          coordinator->port);
}

/* Whether the agency's Plan lists it: what the health, the support info
 * and the server id lookups go by. */
gboolean
emu_coordinator_in_plan (EmuCoordinator *coordinator)
{
  return !coordinator->removed && !coordinator->unregistered;
}

/* Whether the agency's Current lists it: what the endpoint list goes by.
 * A crashed (stopped) Coordinator stays in it; one shut down cleanly
 * logged off. */
gboolean
emu_coordinator_in_current (EmuCoordinator *coordinator)
{
  return emu_coordinator_in_plan (coordinator) && !coordinator->logged_off;
}

char *
emu_coordinator_get_endpoint (EmuCoordinator *coordinator)
{
  return g_strdup_printf ("%s://127.0.0.1:%u",
                          coordinator->state->tls_certificate != NULL ? "ssl" : "tcp",
                          coordinator->port);
}

JsonNode *
emu_coordinator_get_log (EmuCoordinator *coordinator)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  GList *l;

  for (l = coordinator->request_log.head; l != NULL; l = l->next)
    json_array_add_element (array, json_node_copy (l->data));

  json_node_take_array (node, array);
  return node;
}
