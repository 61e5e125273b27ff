/* emulator-cluster.c: the /_admin/cluster and /_api/cluster endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <sys/resource.h>

#include "emulator-admin.h"
#include "emulator-coordinator.h"
#include "emulator-reply.h"
#include "emulator-router.h"

#define MAINTENANCE_DEFAULT_SECONDS 3600

/* Nominal size of one shard for the rebalance figures. */
#define SHARD_SIZE 1048576

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            gdouble      value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* --- who may ask ----------------------------------------------------- */

/* A 3.12 single server has no agency (Active Failover is gone), so the
 * handlers that read it refuse (RestAdminClusterHandler; NOTES.md,
 * sections 8 and 9). */
static gboolean
refuse_without_agency (EmuRequest *req)
{
  return emu_reply_refusal_if (req->msg, req->state->single_server,
                               SOUP_STATUS_FORBIDDEN, EMU_ERROR_HTTP_FORBIDDEN,
                               "only allowed on single server with active failover");
}

/* Forwarding to another server needs a Coordinator's connection pool
 * (handleProxyGetRequest, handleNumberOfServers; NOTES.md, section 4). */
static gboolean
refuse_unless_coordinator (EmuRequest *req)
{
  return emu_reply_refusal_if (req->msg, req->state->single_server,
                               SOUP_STATUS_FORBIDDEN, EMU_ERROR_HTTP_FORBIDDEN,
                               "only allowed on coordinators");
}

/* --- health --------------------------------------------------------- */

static void
add_member_health (JsonBuilder *builder,
                   const char  *version,
                   const char  *short_name,
                   guint16      port,
                   const char  *status,
                   gint64       last_seen,
                   const char  *role,
                   gboolean     can_be_deleted)
{
  g_autofree char *time = emu_format_iso_time (last_seen);
  g_autofree char *endpoint = g_strdup_printf ("tcp://127.0.0.1:%u", port);

  /* Key order of ../shared/arango-api/transcripts/3.6/RestAdminClusterHealth_cluster.json */
  json_builder_begin_object (builder);
  add_string (builder, "SyncTime", time);
  add_string (builder, "Engine", "rocksdb");
  add_string (builder, "Timestamp", time);
  add_string (builder, "SyncStatus", "SERVING");
  add_string (builder, "Host", "127.0.0.1");
  add_string (builder, "LastAckedTime", time);
  add_string (builder, "Version", version);
  add_string (builder, "Endpoint", endpoint);
  add_string (builder, "Status", status);
  add_string (builder, "ShortName", short_name);
  add_string (builder, "Role", role);
  add_boolean (builder, "CanBeDeleted", can_be_deleted);
  json_builder_end_object (builder);
}

static void
handle_health (EmuRequest *req)
{
  EmuState *state = req->state;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 now = g_get_real_time ();
  EmuPeer *leader = g_ptr_array_index (state->agents, 0);
  /* 3.6 marks the leading agent only (3.6/RestAdminClusterHealth_cluster.json);
   * the handler of 3.7 on says of every agent whether it leads (NOTES.md, section 8). */
  gboolean followers_say_leading = emu_state_version_at_least (state, 3, 7, 0);
  guint i;

  if (refuse_without_agency (req))
    return;

  json_builder_begin_object (builder);
  add_string (builder, "ClusterId", state->cluster_id);
  json_builder_set_member_name (builder, "Health");
  json_builder_begin_object (builder);

  for (i = 0; i < state->coordinators->len; i++)
    {
      EmuCoordinator *coordinator = g_ptr_array_index (state->coordinators, i);
      const char *status = "GOOD";
      gint64 last_seen = now;

      if (!emu_coordinator_in_plan (coordinator))
        continue;
      if (!coordinator->running)
        {
          status = now - coordinator->stopped_at < EMU_FAILED_AFTER_USEC ? "BAD" : "FAILED";
          last_seen = coordinator->stopped_at;
        }

      json_builder_set_member_name (builder, coordinator->server_id);
      add_member_health (builder, state->version, coordinator->short_name, coordinator->port,
                         status, last_seen, "Coordinator",
                         g_str_equal (status, "FAILED"));
    }

  for (i = 0; i < state->dbservers->len; i++)
    {
      EmuPeer *dbserver = g_ptr_array_index (state->dbservers, i);

      json_builder_set_member_name (builder, dbserver->server_id);
      add_member_health (builder, state->version, dbserver->short_name, dbserver->port,
                         "GOOD", now, "DBServer", FALSE);
    }

  for (i = 0; i < state->agents->len; i++)
    {
      EmuPeer *agent = g_ptr_array_index (state->agents, i);
      g_autofree char *endpoint = g_strdup_printf ("tcp://127.0.0.1:%u", agent->port);

      /* Field order of buildHealthResult in the server source. */
      json_builder_set_member_name (builder, agent->server_id);
      json_builder_begin_object (builder);
      add_string (builder, "Role", "Agent");
      add_string (builder, "Endpoint", endpoint);
      add_boolean (builder, "CanBeDeleted", FALSE);
      if (agent == leader || followers_say_leading)
        add_boolean (builder, "Leading", agent == leader);
      add_double (builder, "LastAckedTime", agent == leader ? 0.0 : 0.01 * (i + 1));
      add_string (builder, "Engine", "rocksdb");
      add_string (builder, "Version", state->version);
      add_string (builder, "Leader", leader->server_id);
      add_string (builder, "Status", "GOOD");
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
  emu_json_add_ok (builder, SOUP_STATUS_OK);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* --- proxied per-server endpoints ----------------------------------- */

typedef enum {
  TARGET_NONE,
  TARGET_COORDINATOR,
  TARGET_DBSERVER,
} TargetKind;

/* The Coordinator forwards these requests to the server named in the
 * query; the errors are those of handleProxyGetRequest (NOTES.md, section 4). */
static TargetKind
resolve_target (EmuRequest      *req,
                const char      *parameter,
                EmuCoordinator **coordinator)
{
  const char *server_id = emu_request_get_query (req, parameter);
  EmuPeer *peer;

  if (refuse_unless_coordinator (req))
    return TARGET_NONE;

  if (server_id == NULL || *server_id == '\0')
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                        "missing parameter `%s`", parameter);
      return TARGET_NONE;
    }

  *coordinator = emu_state_find_coordinator (req->state, server_id);
  if (*coordinator != NULL)
    {
      if (!(*coordinator)->running)
        {
          emu_reply_error (req->msg, SOUP_STATUS_REQUEST_TIMEOUT,
                           EMU_ERROR_HTTP_GATEWAY_TIMEOUT, "server did not answer");
          return TARGET_NONE;
        }
      return TARGET_COORDINATOR;
    }

  /* Agents are not in the connection pool of a Coordinator either. */
  peer = emu_state_find_peer (req->state, server_id);
  if (peer != NULL && peer->role == EMU_ROLE_DBSERVER)
    return TARGET_DBSERVER;

  emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST,
                   EMU_ERROR_HTTP_BAD_PARAMETER, "unknown server");
  return TARGET_NONE;
}

static void
add_figure (JsonBuilder *builder,
            const char  *name,
            gdouble      sum,
            gint64       count,
            guint        n_buckets)
{
  guint i;

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_double (builder, "sum", sum);
  add_int (builder, "count", count);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_array (builder);
  for (i = 0; i < n_buckets; i++)
    json_builder_add_int_value (builder, i == 0 ? count : 0);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_client_section (JsonBuilder *builder,
                    const char  *name,
                    gint64       requests)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_int (builder, "httpConnections", 1);
  add_figure (builder, "connectionTime", 0, 0, 4);
  add_figure (builder, "totalTime", 0.0005 * requests, requests, 10);
  add_figure (builder, "requestTime", 0.0004 * requests, requests, 10);
  add_figure (builder, "queueTime", 0.00002 * requests, requests, 10);
  add_figure (builder, "ioTime", 0.0001 * requests, requests, 10);
  add_figure (builder, "bytesSent", 300.0 * requests, requests, 6);
  add_figure (builder, "bytesReceived", 200.0 * requests, requests, 6);
  json_builder_end_object (builder);
}

/* Shaped like ../shared/arango-api/transcripts/3.12/RestAdminStatistics1_single.json */
JsonNode *
emu_admin_statistics_body (EmuState       *state,
                           EmuCoordinator *coordinator)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 now = g_get_real_time ();
  gint64 requests = 0;
  struct rusage usage = { 0 };
  guint i;

  /* A DB-Server serves what all Coordinators pass on to it. */
  if (coordinator != NULL)
    requests = coordinator->requests;
  else
    for (i = 0; i < state->coordinators->len; i++)
      requests += ((EmuCoordinator *) g_ptr_array_index (state->coordinators, i))->requests;

  getrusage (RUSAGE_SELF, &usage);

  json_builder_begin_object (builder);
  add_double (builder, "time", (gdouble) now / G_USEC_PER_SEC);
  add_boolean (builder, "enabled", TRUE);

  json_builder_set_member_name (builder, "system");
  json_builder_begin_object (builder);
  add_int (builder, "minorPageFaults", usage.ru_minflt);
  add_int (builder, "majorPageFaults", usage.ru_majflt);
  add_double (builder, "userTime", usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6);
  add_double (builder, "systemTime", usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6);
  add_int (builder, "numberOfThreads", 75);
  add_int (builder, "residentSize", (gint64) usage.ru_maxrss * 1024);
  add_double (builder, "residentSizePercent", 0.009);
  add_int (builder, "virtualSize", G_GINT64_CONSTANT (3293831168));
  json_builder_end_object (builder);

  add_client_section (builder, "client", requests);
  add_client_section (builder, "clientUser", requests);

  json_builder_set_member_name (builder, "http");
  json_builder_begin_object (builder);
  add_int (builder, "requestsTotal", requests);
  add_int (builder, "requestsSuperuser", 0);
  add_int (builder, "requestsUser", requests);
  add_int (builder, "requestsAsync", 0);
  add_int (builder, "requestsGet", requests);
  add_int (builder, "requestsHead", 0);
  add_int (builder, "requestsPost", 0);
  add_int (builder, "requestsPut", 0);
  add_int (builder, "requestsPatch", 0);
  add_int (builder, "requestsDelete", 0);
  add_int (builder, "requestsOptions", 0);
  add_int (builder, "requestsOther", 0);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "server");
  json_builder_begin_object (builder);
  add_double (builder, "uptime", (gdouble) (now - state->started_at) / G_USEC_PER_SEC);
  add_int (builder, "physicalMemory", G_GINT64_CONSTANT (33089720320));
  json_builder_set_member_name (builder, "transactions");
  json_builder_begin_object (builder);
  add_int (builder, "started", 0);
  add_int (builder, "aborted", 0);
  add_int (builder, "committed", 0);
  add_int (builder, "intermediateCommits", 0);
  add_int (builder, "readOnly", 0);
  add_int (builder, "dirtyReadOnly", 0);
  json_builder_end_object (builder);
  /* Only Coordinators run JavaScript; DB-Servers report no contexts. */
  if (coordinator != NULL)
    {
      gdouble now_seconds = (gdouble) now / G_USEC_PER_SEC;

      json_builder_set_member_name (builder, "v8Context");
      json_builder_begin_object (builder);
      add_int (builder, "available", 2);
      add_int (builder, "busy", 0);
      add_int (builder, "dirty", 0);
      add_int (builder, "free", 2);
      add_int (builder, "max", 28);
      add_int (builder, "min", 1);
      json_builder_set_member_name (builder, "memory");
      json_builder_begin_array (builder);
      for (i = 0; i < 2; i++)
        {
          json_builder_begin_object (builder);
          add_int (builder, "contextId", i);
          add_double (builder, "tMax", now_seconds - 1.5 * (i + 1));
          add_int (builder, "countOfTimes", 8);
          add_int (builder, "heapMax", 13725152);
          add_int (builder, "heapMin", 0);
          add_int (builder, "invocations", 4);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "threads");
  json_builder_begin_object (builder);
  add_int (builder, "scheduler-threads", 4);
  add_int (builder, "blocked", 0);
  add_int (builder, "queued", 0);
  add_int (builder, "in-progress", coordinator != NULL ? 1 : 0);
  add_int (builder, "direct-exec", 0);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  emu_json_add_ok (builder, SOUP_STATUS_OK);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
reply_statistics (EmuRequest *req,
                  const char *parameter)
{
  EmuCoordinator *coordinator = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (resolve_target (req, parameter, &coordinator) == TARGET_NONE)
    return;

  body = emu_admin_statistics_body (req->state, coordinator);
  emu_reply_json (req->msg, SOUP_STATUS_OK, body);
}

static void
handle_statistics (EmuRequest *req)
{
  reply_statistics (req, "DBserver");
}

static void
handle_node_statistics (EmuRequest *req)
{
  reply_statistics (req, "ServerID");
}

static void
handle_node_version (EmuRequest *req)
{
  EmuCoordinator *coordinator = NULL;
  g_autoptr(JsonNode) body = NULL;
  TargetKind kind = resolve_target (req, "ServerID", &coordinator);

  if (kind == TARGET_NONE)
    return;

  body = emu_admin_version_body (req->state,
                                 kind == TARGET_COORDINATOR ? "COORDINATOR" : "PRIMARY",
                                 FALSE);
  emu_reply_json (req->msg, SOUP_STATUS_OK, body);
}

static void
handle_node_engine (EmuRequest *req)
{
  EmuCoordinator *coordinator = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (resolve_target (req, "ServerID", &coordinator) == TARGET_NONE)
    return;

  body = emu_admin_engine_body (req->state);
  emu_reply_json (req->msg, SOUP_STATUS_OK, body);
}

/* --- server counts and endpoints ------------------------------------ */

static void
handle_get_number_of_servers (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (refuse_unless_coordinator (req))
    return;

  /* Field order of handleGetNumberOfServers in the server source. */
  json_builder_begin_object (builder);
  add_int (builder, "numberOfDBServers", req->state->target_dbservers);
  add_int (builder, "numberOfCoordinators", req->state->target_coordinators);
  json_builder_set_member_name (builder, "cleanedServers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < req->state->dbservers->len; i++)
    {
      EmuPeer *dbserver = g_ptr_array_index (req->state->dbservers, i);

      if (dbserver->cleaned_out)
        json_builder_add_string_value (builder, dbserver->server_id);
    }
  json_builder_end_array (builder);
  emu_json_add_ok (builder, SOUP_STATUS_OK);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static gboolean
read_target_count (EmuRequest *req,
                   JsonObject *object,
                   const char *name,
                   gint64     *target)
{
  JsonNode *node = json_object_get_member (object, name);
  gdouble value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!emu_json_get_number (object, name, &value))
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                        "%s: number expected", name);
      return FALSE;
    }

  *target = (gint64) value;
  return TRUE;
}

static void
handle_put_number_of_servers (EmuRequest *req)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  JsonObject *object;
  JsonNode *cleaned;
  gint64 coordinators = req->state->target_coordinators;
  gint64 dbservers = req->state->target_dbservers;

  if (refuse_unless_coordinator (req))
    return;

  body = emu_request_parse_body (req);
  if (body == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "object expected");
      return;
    }

  object = json_node_get_object (body);
  if (!read_target_count (req, object, "numberOfCoordinators", &coordinators) ||
      !read_target_count (req, object, "numberOfDBServers", &dbservers))
    return;

  cleaned = json_object_get_member (object, "cleanedServers");
  if (cleaned != NULL && !JSON_NODE_HOLDS_ARRAY (cleaned))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "cleanedServers: array expected");
      return;
    }

  req->state->target_coordinators = coordinators;
  req->state->target_dbservers = dbservers;

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_endpoints (EmuRequest *req)
{
  EmuState *state = req->state;
  g_autoptr(JsonBuilder) builder = NULL;
  guint i;

  if (emu_reply_refusal_if (req->msg, state->single_server,
                            SOUP_STATUS_NOT_IMPLEMENTED, EMU_ERROR_NOT_IMPLEMENTED,
                            "cannot serve this request for this deployment type"))
    return;

  /* The Coordinators in the agency's Current, not who answers right now:
   * a crashed one stays listed, one shut down or removed does not. */
  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_set_member_name (builder, "endpoints");
  json_builder_begin_array (builder);
  for (i = 0; i < state->coordinators->len; i++)
    {
      EmuCoordinator *coordinator = g_ptr_array_index (state->coordinators, i);
      g_autofree char *endpoint = NULL;

      if (!emu_coordinator_in_current (coordinator))
        continue;
      endpoint = emu_coordinator_get_endpoint (coordinator);
      json_builder_begin_object (builder);
      add_string (builder, "endpoint", endpoint);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* --- supervision maintenance ---------------------------------------- */

static void
handle_get_maintenance (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (refuse_without_agency (req))
    return;

  /* handleGetMaintenance answers without "code" and with the agency's
   * Supervision/State/Mode as result. */
  json_builder_begin_object (builder);
  add_boolean (builder, "error", FALSE);
  add_string (builder, "result",
              emu_state_in_maintenance (req->state) ? "Maintenance" : "Normal");
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static gboolean
parse_seconds (const char *text,
               guint64    *seconds)
{
  return g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT32, seconds, NULL);
}

static void
handle_put_maintenance (EmuRequest *req)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *warning = NULL;
  const char *value = NULL;
  guint64 seconds = 0;

  if (refuse_without_agency (req))
    return;

  body = emu_request_parse_body (req);
  if (body == NULL)
    return;

  if (JSON_NODE_HOLDS_VALUE (body) && json_node_get_value_type (body) == G_TYPE_STRING)
    value = json_node_get_string (body);

  if (g_strcmp0 (value, "on") == 0)
    seconds = MAINTENANCE_DEFAULT_SECONDS;
  else if (g_strcmp0 (value, "off") == 0)
    seconds = 0;
  else if (value == NULL || !parse_seconds (value, &seconds))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "string expected with value `on` or `off`");
      return;
    }

  if (seconds == 0)
    {
      req->state->maintenance_until = 0;
      warning = g_strdup ("Cluster supervision reactivated.");
    }
  else
    {
      req->state->maintenance_until = g_get_real_time () + (gint64) seconds * G_USEC_PER_SEC;
      if (seconds == MAINTENANCE_DEFAULT_SECONDS)
        warning = g_strdup ("Cluster supervision deactivated. It will be reactivated "
                            "automatically in 60 minutes unless this call is repeated "
                            "until then.");
      else
        warning = g_strdup_printf ("Cluster supervision deactivated. It will be reactivated "
                                   "automatically in %" G_GUINT64_FORMAT " seconds unless "
                                   "this call is repeated until then.", seconds);
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_boolean (builder, "error", FALSE);
  add_string (builder, "warning", warning);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* Only DB-Servers have a maintenance mode of their own. */
static EmuPeer *
resolve_dbserver (EmuRequest *req)
{
  const char *server_id = emu_request_get_param (req, "server");
  EmuPeer *peer = emu_state_find_peer (req->state, server_id);

  if (peer != NULL && peer->role == EMU_ROLE_DBSERVER)
    return peer;

  if (peer != NULL || emu_state_find_coordinator (req->state, server_id) != NULL)
    emu_reply_error (req->msg, SOUP_STATUS_PRECONDITION_FAILED,
                     EMU_ERROR_HTTP_PRECONDITION_FAILED, "server is not a DB-Server");
  else
    emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND, NULL);

  return NULL;
}

static void
handle_get_dbserver_maintenance (EmuRequest *req)
{
  EmuPeer *dbserver = resolve_dbserver (req);
  g_autoptr(JsonBuilder) builder = NULL;

  if (dbserver == NULL)
    return;

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  if (dbserver->maintenance_until > g_get_real_time ())
    {
      g_autofree char *until = emu_format_iso_time (dbserver->maintenance_until);

      json_builder_set_member_name (builder, "result");
      json_builder_begin_object (builder);
      add_string (builder, "Mode", "maintenance");
      add_string (builder, "Until", until);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_put_dbserver_maintenance (EmuRequest *req)
{
  EmuPeer *dbserver = resolve_dbserver (req);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  JsonObject *object = NULL;
  const char *mode;
  gdouble timeout = MAINTENANCE_DEFAULT_SECONDS;

  if (dbserver == NULL)
    return;

  body = emu_request_parse_body (req);
  if (body == NULL)
    return;

  if (JSON_NODE_HOLDS_OBJECT (body))
    object = json_node_get_object (body);
  mode = emu_json_get_string (object, "mode");

  if ((g_strcmp0 (mode, "maintenance") != 0 && g_strcmp0 (mode, "normal") != 0) ||
      (object != NULL && json_object_has_member (object, "timeout") &&
       (!emu_json_get_number (object, "timeout", &timeout) || timeout < 0)))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "object expected with `mode` being `maintenance` or `normal` "
                       "and an optional numeric `timeout`");
      return;
    }

  if (g_str_equal (mode, "maintenance"))
    dbserver->maintenance_until = g_get_real_time () + (gint64) (timeout * G_USEC_PER_SEC);
  else
    dbserver->maintenance_until = 0;

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* --- rebalance ------------------------------------------------------ */

/* One shard per collection with two replicas, leaders dealt out in turn:
 * a perfectly spread cluster, so there is never anything to move. */
static void
add_imbalance (JsonBuilder *builder,
               EmuState    *state)
{
  guint n = state->dbservers->len;
  g_autofree gint64 *leaders = g_new0 (gint64, n);
  g_autofree gint64 *shards = g_new0 (gint64, n);
  gint64 total_leaders = 0;
  gint64 total_system = 0;
  gdouble leader_imbalance = 0;
  gdouble shard_imbalance = 0;
  GHashTableIter iter;
  EmuDatabase *database;
  guint next = 0;
  guint i;

  g_hash_table_iter_init (&iter, state->databases);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &database))
    for (i = 0; i < database->collections->len; i++)
      {
        EmuCollection *collection = g_ptr_array_index (database->collections, i);

        leaders[next % n]++;
        shards[next % n]++;
        shards[(next + 1) % n]++;
        total_leaders++;
        if (collection->is_system)
          total_system++;
        next++;
      }

  for (i = 0; i < n; i++)
    {
      gdouble leader_delta = leaders[i] - (gdouble) total_leaders / n;
      gdouble shard_delta = (shards[i] - 2.0 * total_leaders / n) * SHARD_SIZE;

      leader_imbalance += leader_delta * leader_delta;
      shard_imbalance += shard_delta * shard_delta;
    }

  json_builder_set_member_name (builder, "leader");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "weightUsed");
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    json_builder_add_int_value (builder, leaders[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "targetWeight");
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    json_builder_add_double_value (builder, (gdouble) total_leaders / n);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "numberShards");
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    json_builder_add_int_value (builder, leaders[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "leaderDupl");
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    json_builder_add_int_value (builder, 0);
  json_builder_end_array (builder);
  add_int (builder, "totalWeight", total_leaders);
  add_double (builder, "imbalance", leader_imbalance);
  add_int (builder, "totalShards", total_leaders);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "shards");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sizeUsed");
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    json_builder_add_int_value (builder, shards[i] * SHARD_SIZE);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "targetSize");
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    json_builder_add_double_value (builder, 2.0 * total_leaders * SHARD_SIZE / n);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "numberShards");
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    json_builder_add_int_value (builder, shards[i]);
  json_builder_end_array (builder);
  add_int (builder, "totalUsed", 2 * total_leaders * SHARD_SIZE);
  add_int (builder, "totalShards", 2 * total_leaders);
  add_int (builder, "totalShardsFromSystemCollections", total_system);
  add_double (builder, "imbalance", shard_imbalance);
  json_builder_end_object (builder);
}

static void
handle_get_rebalance (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);

  /* The OpenAPI block puts the move counters next to "result"; the
   * documentation's example and the drivers' tests find them inside. */
  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  add_imbalance (builder, req->state);
  add_int (builder, "pendingMoveShards", 0);
  add_int (builder, "todoMoveShards", 0);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* Every rebalance body carries "version": 1. */
static JsonObject *
parse_rebalance_body (EmuRequest *req,
                      JsonNode  **out_body)
{
  g_autoptr(JsonNode) body = emu_request_parse_body (req);
  JsonObject *object;
  gdouble version;

  if (body == NULL)
    return NULL;

  object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  if (object == NULL || !emu_json_get_number (object, "version", &version) || version != 1)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                       "unknown version provided");
      return NULL;
    }

  *out_body = g_steal_pointer (&body);
  return object;
}

static void
reply_rebalance_plan (EmuRequest *req)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  if (parse_rebalance_body (req, &body) == NULL)
    return;

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "imbalanceBefore");
  json_builder_begin_object (builder);
  add_imbalance (builder, req->state);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "imbalanceAfter");
  json_builder_begin_object (builder);
  add_imbalance (builder, req->state);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "moves");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_post_rebalance (EmuRequest *req)
{
  reply_rebalance_plan (req);
}

static void
handle_put_rebalance (EmuRequest *req)
{
  /* Computes and schedules in one go; with nothing to move both look alike. */
  reply_rebalance_plan (req);
}

static void
handle_execute_rebalance (EmuRequest *req)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  JsonObject *object = parse_rebalance_body (req, &body);
  JsonNode *moves;
  guint status;

  if (object == NULL)
    return;

  moves = json_object_get_member (object, "moves");
  if (moves == NULL || !JSON_NODE_HOLDS_ARRAY (moves))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                       "expected `moves` to be an array");
      return;
    }

  /* 202 once move jobs are scheduled, 200 when there was nothing to do. */
  status = json_array_get_length (json_node_get_array (moves)) > 0
    ? SOUP_STATUS_ACCEPTED
    : SOUP_STATUS_OK;

  builder = emu_json_begin_ok (status);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, status, builder);
}

/* --- VPack sort order migration ------------------------------------- */

typedef enum {
  MIGRATION_STATUS,
  MIGRATION_CHECK,
  MIGRATION_MIGRATE,
} MigrationCommand;

/* The Coordinator fans out to every DB-Server and collects their answers
 * under their ids; a fresh 3.12.4 deployment sorts correctly already. */
static void
reply_migration (EmuRequest       *req,
                 MigrationCommand  command)
{
  g_autoptr(JsonBuilder) builder = NULL;
  guint i;

  if (!req->superuser)
    {
      emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_HTTP_FORBIDDEN, NULL);
      return;
    }

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  for (i = 0; i < req->state->dbservers->len; i++)
    {
      EmuPeer *dbserver = g_ptr_array_index (req->state->dbservers, i);

      json_builder_set_member_name (builder, dbserver->server_id);
      json_builder_begin_object (builder);
      emu_json_add_ok (builder, SOUP_STATUS_OK);
      json_builder_set_member_name (builder, "result");
      json_builder_begin_object (builder);
      switch (command)
        {
        case MIGRATION_STATUS:
          add_string (builder, "next", "CORRECT");
          add_string (builder, "current", "CORRECT");
          break;

        case MIGRATION_CHECK:
          json_builder_set_member_name (builder, "affected");
          json_builder_begin_array (builder);
          json_builder_end_array (builder);
          add_boolean (builder, "error", FALSE);
          add_int (builder, "errorCode", 0);
          add_string (builder, "errorMessage", "all good with sorting order");
          break;

        case MIGRATION_MIGRATE:
        default:
          add_boolean (builder, "error", FALSE);
          add_int (builder, "errorCode", 0);
          add_string (builder, "errorMessage", "VPack sorting migration done.");
          break;
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_migration_status (EmuRequest *req)
{
  reply_migration (req, MIGRATION_STATUS);
}

static void
handle_migration_check (EmuRequest *req)
{
  reply_migration (req, MIGRATION_CHECK);
}

static void
handle_migration_migrate (EmuRequest *req)
{
  reply_migration (req, MIGRATION_MIGRATE);
}

static const EmuRoute cluster_routes[] = {
  { "GET", "/_admin/cluster/health", handle_health },
  { "GET", "/_admin/cluster/statistics", handle_statistics },
  { "GET", "/_admin/cluster/nodeStatistics", handle_node_statistics },
  { "GET", "/_admin/cluster/nodeVersion", handle_node_version },
  { "GET", "/_admin/cluster/nodeEngine", handle_node_engine },
  { "GET", "/_admin/cluster/numberOfServers", handle_get_number_of_servers },
  { "PUT", "/_admin/cluster/numberOfServers", handle_put_number_of_servers },
  { "GET", "/_admin/cluster/maintenance", handle_get_maintenance },
  { "PUT", "/_admin/cluster/maintenance", handle_put_maintenance },
  { "GET", "/_admin/cluster/maintenance/{server}", handle_get_dbserver_maintenance },
  { "PUT", "/_admin/cluster/maintenance/{server}", handle_put_dbserver_maintenance },
  { "GET", "/_api/cluster/endpoints", handle_endpoints },
  { "GET", "/_admin/cluster/rebalance", handle_get_rebalance },
  { "POST", "/_admin/cluster/rebalance", handle_post_rebalance },
  { "PUT", "/_admin/cluster/rebalance", handle_put_rebalance },
  { "POST", "/_admin/cluster/rebalance/execute", handle_execute_rebalance },
  { "GET", "/_admin/cluster/vpackSortMigration/status", handle_migration_status },
  { "GET", "/_admin/cluster/vpackSortMigration/check", handle_migration_check },
  { "PUT", "/_admin/cluster/vpackSortMigration/migrate", handle_migration_migrate },
};

void
emu_cluster_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, cluster_routes, G_N_ELEMENTS (cluster_routes));
}
