/* emulator-control.c: the control surface tests drive the emulator with
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Plain HTTP on its own loopback port, JSON in and out; tests/emulator/README.md
 * is the contract.
 */

#include "emulator-control.h"

#include "emulator-auth.h"
#include "emulator-coordinator.h"
#include "emulator-faults.h"
#include "emulator-listener.h"
#include "emulator-log.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-transport.h"

/* Default delay of the slow fault when the request names none. */
#define SLOW_DEFAULT_MS 1000

static void
reply_control_error (SoupServerMessage *msg,
                     guint              status,
                     const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "errorMessage");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);

  emu_reply_builder (msg, status, builder);
}

static void
add_coordinator_state (JsonBuilder    *builder,
                       EmuCoordinator *coordinator)
{
  g_autofree char *url = emu_coordinator_get_url (coordinator);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, coordinator->index);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "serverId");
  json_builder_add_string_value (builder, coordinator->server_id);
  json_builder_set_member_name (builder, "running");
  json_builder_add_boolean_value (builder, coordinator->running);
  json_builder_set_member_name (builder, "fault");
  json_builder_add_string_value (builder, emu_fault_kind_to_string (coordinator->fault));
  json_builder_set_member_name (builder, "delayMs");
  json_builder_add_int_value (builder, coordinator->fault_ms);
  json_builder_set_member_name (builder, "requests");
  json_builder_add_int_value (builder, coordinator->requests);
  json_builder_set_member_name (builder, "connections");
  json_builder_add_int_value (builder, coordinator->connections);
  json_builder_end_object (builder);
}

static void
reply_coordinator_state (EmuRequest     *req,
                         EmuCoordinator *coordinator)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_coordinator_state (builder, coordinator);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
reply_state (EmuRequest *req)
{
  EmuState *state = req->state;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint i;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coordinators");
  json_builder_begin_array (builder);
  for (i = 0; i < state->coordinators->len; i++)
    add_coordinator_state (builder, g_ptr_array_index (state->coordinators, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "maintenance");
  json_builder_add_boolean_value (builder, emu_state_in_maintenance (state));
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static gboolean
parse_unsigned (const char *text,
                guint      *value)
{
  guint64 parsed;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &parsed, NULL))
    return FALSE;

  *value = (guint) parsed;
  return TRUE;
}

static EmuCoordinator *
lookup_coordinator (EmuRequest *req)
{
  const char *text = emu_request_get_param (req, "index");
  guint index;

  if (!parse_unsigned (text, &index) || index >= req->state->coordinators->len)
    {
      g_autofree char *message = g_strdup_printf ("no coordinator '%s'", text);

      reply_control_error (req->msg, SOUP_STATUS_NOT_FOUND, message);
      return NULL;
    }

  return g_ptr_array_index (req->state->coordinators, index);
}

static void
handle_state (EmuRequest *req)
{
  reply_state (req);
}

static void
handle_coordinator (EmuRequest *req)
{
  EmuCoordinator *coordinator = lookup_coordinator (req);

  if (coordinator != NULL)
    reply_coordinator_state (req, coordinator);
}

static void
handle_stop (EmuRequest *req)
{
  EmuCoordinator *coordinator = lookup_coordinator (req);

  if (coordinator == NULL)
    return;

  emu_coordinator_stop (coordinator);
  reply_coordinator_state (req, coordinator);
}

static void
handle_start (EmuRequest *req)
{
  EmuCoordinator *coordinator = lookup_coordinator (req);
  g_autoptr(GError) error = NULL;

  if (coordinator == NULL)
    return;

  if (!emu_coordinator_start (coordinator, &error))
    {
      reply_control_error (req->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message);
      return;
    }

  reply_coordinator_state (req, coordinator);
}

static void
handle_fault (EmuRequest *req)
{
  EmuCoordinator *coordinator = lookup_coordinator (req);
  const char *kind_text = emu_request_get_query (req, "kind");
  const char *count_text = emu_request_get_query (req, "count");
  const char *ms_text = emu_request_get_query (req, "ms");
  EmuFaultKind kind;
  guint count = 0;
  guint ms = SLOW_DEFAULT_MS;

  if (coordinator == NULL)
    return;

  if (!emu_fault_kind_from_string (kind_text, &kind))
    {
      reply_control_error (req->msg, SOUP_STATUS_BAD_REQUEST,
                           "kind must be one of none, hang, slow, unavailable, "
                           "garbage, truncate, reset, slow-body, reset-mid-reply, "
                           "cursor-busy, bad-gateway");
      return;
    }

  if ((count_text != NULL && !parse_unsigned (count_text, &count)) ||
      (ms_text != NULL && !parse_unsigned (ms_text, &ms)))
    {
      reply_control_error (req->msg, SOUP_STATUS_BAD_REQUEST,
                           "count and ms must be unsigned integers");
      return;
    }

  emu_faults_set (coordinator, kind, count, ms);
  reply_coordinator_state (req, coordinator);
}

static void
handle_requests (EmuRequest *req)
{
  EmuCoordinator *coordinator = lookup_coordinator (req);
  g_autoptr(JsonBuilder) builder = NULL;

  if (coordinator == NULL)
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "requests");
  json_builder_add_value (builder, emu_coordinator_get_log (coordinator));
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_reset (EmuRequest *req)
{
  guint i;

  for (i = 0; i < req->state->coordinators->len; i++)
    {
      g_autoptr(GError) error = NULL;

      emu_coordinator_reset (g_ptr_array_index (req->state->coordinators, i), &error);
      if (error != NULL)
        {
          reply_control_error (req->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, error->message);
          return;
        }
    }
  emu_transport_reset (req->state);

  reply_state (req);
}

static void
handle_rotate_secret (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  emu_auth_rotate_secret (req->state);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rotated");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_superuser_token (EmuRequest *req)
{
  g_autofree char *token = emu_auth_issue_superuser_token (req->state);

  emu_auth_reply_token (req->msg, token);
}

/* A user token as POST /_open/auth makes it, but with the lifetime the
 * test asks for: ?user=NAME&ttl=SECONDS (negative: already expired;
 * default --jwt-ttl). */
static void
handle_user_token (EmuRequest *req)
{
  const char *user = emu_request_get_query (req, "user");
  const char *ttl_text = emu_request_get_query (req, "ttl");
  gint64 ttl = req->state->jwt_ttl;
  g_autofree char *token = NULL;

  if (user == NULL || !emu_state_user_exists (req->state, user))
    {
      reply_control_error (req->msg, SOUP_STATUS_BAD_REQUEST, "user must name an existing user");
      return;
    }
  if (ttl_text != NULL &&
      !g_ascii_string_to_signed (ttl_text, 10, -G_MAXINT32, G_MAXINT32, &ttl, NULL))
    {
      reply_control_error (req->msg, SOUP_STATUS_BAD_REQUEST, "ttl must be an integer");
      return;
    }

  token = emu_auth_issue_user_token (req->state, user, ttl);
  emu_auth_reply_token (req->msg, token);
}

static const EmuRoute control_routes[] = {
  { "GET", "/_control/state", handle_state },
  { "GET", "/_control/coordinators/{index}", handle_coordinator },
  { "POST", "/_control/coordinators/{index}/stop", handle_stop },
  { "POST", "/_control/coordinators/{index}/start", handle_start },
  { "POST", "/_control/coordinators/{index}/fault", handle_fault },
  { "GET", "/_control/coordinators/{index}/requests", handle_requests },
  { "POST", "/_control/reset", handle_reset },
  { "POST", "/_control/auth/rotate-secret", handle_rotate_secret },
  { "GET", "/_control/auth/superuser-token", handle_superuser_token },
  { "GET", "/_control/auth/user-token", handle_user_token },
};

static void
control_callback (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  EmuState *state = user_data;
  g_autoptr(EmuRequest) req = emu_request_new (state, NULL, msg);
  g_autofree char *message = NULL;

  emu_debug ("control: %s %s", req->method, req->raw_path);

  switch (emu_router_route (state->control_router, req))
    {
    case EMU_ROUTE_FOUND:
      break;

    case EMU_ROUTE_NOT_FOUND:
      message = g_strdup_printf ("unknown control path '%s'", req->raw_path);
      reply_control_error (msg, SOUP_STATUS_NOT_FOUND, message);
      break;

    case EMU_ROUTE_WRONG_METHOD:
    default:
      message = g_strdup_printf ("method %s not supported on '%s'", req->method, req->raw_path);
      reply_control_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, message);
      break;
    }
}

gboolean
emu_control_start (EmuState  *state,
                   GError   **error)
{
  emu_router_add_routes (state->control_router, control_routes, G_N_ELEMENTS (control_routes));
  emu_transport_register_control_routes (state->control_router);

  state->control_server = soup_server_new ("server-header", "arango-emulator", NULL);
  soup_server_add_handler (state->control_server, NULL, control_callback, state, NULL);
  state->control_listener = emu_listener_new (state->control_server, &state->control_port,
                                              NULL, error);

  return state->control_listener != NULL;
}

char *
emu_control_get_url (EmuState *state)
{
  return g_strdup_printf ("http://127.0.0.1:%u", state->control_port);
}
