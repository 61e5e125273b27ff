/* emulator-admin.c: version, engine, status and server endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-admin.h"

#include <unistd.h>

#include "emulator-build.h"
#include "emulator-coordinator.h"
#include "emulator-reply.h"
#include "emulator-router.h"

/* ../shared/arango-api/transcripts/3.12/RestEngine_single.json */
static const char *engine_indexes[] = {
  "primary", "edge", "hash", "skiplist", "ttl", "persistent", "geo",
  "fulltext", "mdi", "mdi-prefixed", "inverted",
};

/* ../shared/arango-api/transcripts/3.11/RestEngine_single.json */
static const char *engine_indexes_3_11[] = {
  "primary", "edge", "hash", "skiplist", "ttl", "persistent", "geo",
  "fulltext", "zkd", "inverted",
};

static const char *
server_mode (EmuState *state)
{
  return state->read_only ? "readonly" : "default";
}

static void
add_string_array (JsonBuilder        *builder,
                  const char * const *values,
                  gsize               n_values)
{
  gsize i;

  json_builder_begin_array (builder);
  for (i = 0; i < n_values; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

JsonNode *
emu_admin_version_body (EmuState   *state,
                        const char *role,
                        gboolean    details)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "server");
  json_builder_add_string_value (builder, "arango");
  json_builder_set_member_name (builder, "license");
  json_builder_add_string_value (builder, EMU_LICENSE);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, state->version);

  if (details)
    {
      json_builder_set_member_name (builder, "details");
      json_builder_begin_object (builder);
      emu_build_add_details (builder, state);
      json_builder_set_member_name (builder, "mode");
      json_builder_add_string_value (builder, "server");
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, role);
      json_builder_set_member_name (builder, "host");
      json_builder_add_string_value (builder, "localhost");
      json_builder_end_object (builder);
    }

  /* API versions: v0 in 3.12.10 (3.12/RestVersion_single.json), not yet in
   * 3.12.0 (4.x/RestVersion_single.json) nor before; v1 in a 4.0.0 nightly
   * (4.x/job_fetch_result_03_single.json). */
  if (emu_state_version_at_least (state, 3, 12, 1))
    {
      const char *api_version = emu_state_version_at_least (state, 4, 0, 0) ? "v1" : "v0";

      json_builder_set_member_name (builder, "apiVersions");
      add_string_array (builder, &api_version, 1);
      json_builder_set_member_name (builder, "deprecatedApiVersions");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "requestedApiVersion");
      json_builder_add_string_value (builder, api_version);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* 3.12 ({3.12,4.x}/RestEngine_single.json) and before ({3.10,3.11}/…) */
JsonNode *
emu_admin_engine_body (EmuState *state)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean mdi = emu_state_version_at_least (state, 3, 12, 0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "rocksdb");
  json_builder_set_member_name (builder, "supports");
  json_builder_begin_object (builder);
  if (!mdi)
    {
      json_builder_set_member_name (builder, "dfdb");
      json_builder_add_boolean_value (builder, FALSE);
    }
  json_builder_set_member_name (builder, "indexes");
  if (mdi)
    add_string_array (builder, engine_indexes, G_N_ELEMENTS (engine_indexes));
  else
    add_string_array (builder, engine_indexes_3_11, G_N_ELEMENTS (engine_indexes_3_11));
  json_builder_set_member_name (builder, "aliases");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "indexes");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "hash");
  json_builder_add_string_value (builder, "persistent");
  json_builder_set_member_name (builder, "skiplist");
  json_builder_add_string_value (builder, "persistent");
  if (mdi)
    {
      json_builder_set_member_name (builder, "zkd");
      json_builder_add_string_value (builder, "mdi");
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  if (mdi)
    {
      json_builder_set_member_name (builder, "endianness");
      json_builder_add_string_value (builder, "big");
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
server_role (EmuState *state)
{
  return state->single_server ? "SINGLE" : "COORDINATOR";
}

static void
handle_version (EmuRequest *req)
{
  g_autoptr(JsonNode) body = emu_admin_version_body (req->state, server_role (req->state),
                                                     emu_request_get_query_bool (req, "details", FALSE));

  emu_reply_json (req->msg, SOUP_STATUS_OK, body);
}

static void
handle_engine (EmuRequest *req)
{
  g_autoptr(JsonNode) body = emu_admin_engine_body (req->state);

  emu_reply_json (req->msg, SOUP_STATUS_OK, body);
}

/* Shaped like ../shared/arango-api/transcripts/3.12/RestAdminStatus_cluster.json */
static void
handle_status (EmuRequest *req)
{
  EmuState *state = req->state;
  EmuCoordinator *foxxmaster = g_ptr_array_index (state->coordinators, 0);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *address = emu_coordinator_get_endpoint (req->coordinator);
  char hostname[256] = "localhost";
  guint i;

  gethostname (hostname, sizeof hostname - 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "server");
  json_builder_add_string_value (builder, "arango");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, state->version);
  json_builder_set_member_name (builder, "pid");
  json_builder_add_int_value (builder, getpid ());
  json_builder_set_member_name (builder, "license");
  json_builder_add_string_value (builder, EMU_LICENSE);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, "server");
  json_builder_set_member_name (builder, "operationMode");
  json_builder_add_string_value (builder, "server");
  json_builder_set_member_name (builder, "foxxApi");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "host");
  json_builder_add_string_value (builder, "localhost");
  json_builder_set_member_name (builder, "hostname");
  json_builder_add_string_value (builder, hostname);

  json_builder_set_member_name (builder, "serverInfo");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "progress");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "phase");
  json_builder_add_string_value (builder, "in wait");
  json_builder_set_member_name (builder, "feature");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "recoveryTick");
  json_builder_add_int_value (builder, 0);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "maintenance");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "COORDINATOR");
  json_builder_set_member_name (builder, "writeOpsEnabled");
  json_builder_add_boolean_value (builder, !state->read_only);
  json_builder_set_member_name (builder, "readOnly");
  json_builder_add_boolean_value (builder, state->read_only);
  json_builder_set_member_name (builder, "persistedId");
  json_builder_add_string_value (builder, req->coordinator->server_id);
  json_builder_set_member_name (builder, "rebootId");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "address");
  json_builder_add_string_value (builder, address);
  json_builder_set_member_name (builder, "serverId");
  json_builder_add_string_value (builder, req->coordinator->server_id);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, "SERVING");
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "coordinator");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "foxxmaster");
  json_builder_add_string_value (builder, foxxmaster->server_id);
  json_builder_set_member_name (builder, "isFoxxmaster");
  json_builder_add_boolean_value (builder, foxxmaster == req->coordinator);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "agency");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "agencyComm");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "endpoints");
  json_builder_begin_array (builder);
  for (i = 0; i < state->agents->len; i++)
    {
      EmuPeer *agent = g_ptr_array_index (state->agents, i);
      g_autofree char *endpoint = g_strdup_printf ("tcp://127.0.0.1:%u", agent->port);

      json_builder_add_string_value (builder, endpoint);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_server_id (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;

  /* Not in a cluster: a plain 500, "old behavior" in handleId. */
  if (emu_reply_refusal_if (req->msg, req->state->single_server,
                            SOUP_STATUS_INTERNAL_SERVER_ERROR,
                            EMU_ERROR_HTTP_SERVER_ERROR, NULL))
    return;

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, req->coordinator->server_id);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_server_role (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);

  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, server_role (req->state));
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, server_mode (req->state));
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
reply_mode (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);

  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, server_mode (req->state));
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_get_mode (EmuRequest *req)
{
  reply_mode (req);
}

static void
reply_bad_mode (EmuRequest *req,
                const char *why)
{
  emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER, why);
}

/* The checks and texts of handleMode (NOTES.md, section 4): a body that
 * does not parse is "invalid JSON" here, not the parser's own error. */
static void
handle_put_mode (EmuRequest *req)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length = 0;
  const char *data = g_bytes_get_data (req->body, &length);
  JsonNode *body = NULL;
  JsonNode *mode;

  if (length > 0 && json_parser_load_from_data (parser, data, (gssize) length, NULL))
    body = json_parser_get_root (parser);

  if (body == NULL)
    {
      reply_bad_mode (req, "invalid JSON");
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      reply_bad_mode (req, "body must be an object");
      return;
    }

  mode = json_object_get_member (json_node_get_object (body), "mode");
  if (mode == NULL || !JSON_NODE_HOLDS_VALUE (mode) ||
      json_node_get_value_type (mode) != G_TYPE_STRING)
    {
      reply_bad_mode (req, "mode must be a string");
      return;
    }

  if (g_str_equal (json_node_get_string (mode), "readonly"))
    req->state->read_only = TRUE;
  else if (g_str_equal (json_node_get_string (mode), "default"))
    req->state->read_only = FALSE;
  else
    {
      reply_bad_mode (req, "mode invalid");
      return;
    }

  reply_mode (req);
}

static void
handle_availability (EmuRequest *req)
{
  /* Read-only still counts as available: the source answers 200 with the
   * mode, whatever the documentation says (NOTES.md, section 4). */
  reply_mode (req);
}

/* The server's clock, as DELETE /_api/job/expired?stamp= takes it
 * (3.12/job_delete_02_single.json). */
static const EmuRoute admin_routes[] = {
  { "GET", "/_api/version", handle_version },
  /* The version handler takes any method (3.12/job_fetch_result_03_single.json). */
  { "PUT", "/_api/version", handle_version },
  { "GET", "/_admin/version", handle_version },
  { "GET", "/_api/engine", handle_engine },
  { "GET", "/_admin/status", handle_status },
  { "GET", "/_admin/server/id", handle_server_id },
  { "GET", "/_admin/server/role", handle_server_role },
  { "GET", "/_admin/server/mode", handle_get_mode },
  { "PUT", "/_admin/server/mode", handle_put_mode },
  { "GET", "/_admin/server/availability", handle_availability },
};

void
emu_admin_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, admin_routes, G_N_ELEMENTS (admin_routes));
}
