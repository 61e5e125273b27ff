/* emulator-admin-server.c: the server's own administration endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Clock, statistics, metrics, license, TLS, support information,
 * compaction, shutdown and the endpoint list. Shapes from the 3.12
 * recordings (RestAdmin*, RestEndpointGet) where they exist, else from the
 * server source as README.md says.
 */

#include "emulator-admin.h"

#include <sys/utsname.h>
#include <unistd.h>

#include "emulator-build.h"
#include "emulator-coordinator.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-shards.h"

/* A 3.12 unlicensed deployment: the 100 GiB dataset limit of
 * 3.12/RestAdminLicenseGet_cluster.json, ten years until it bites. */
#define DISK_LIMIT_BYTES G_GINT64_CONSTANT (107374182400)
#define SECONDS_UNTIL_LIMIT G_GINT64_CONSTANT (315569520)

/* The machine the recordings ran on: a process cannot learn these about
 * its host portably, and nothing depends on them. */
#define PHYSICAL_MEMORY G_GINT64_CONSTANT (33089720320)
#define VIRTUAL_SIZE G_GINT64_CONSTANT (2269138944)

static void
handle_time (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);

  emu_json_add_double (builder, "time", (gdouble) g_get_real_time () / G_USEC_PER_SEC);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_statistics (EmuRequest *req)
{
  g_autoptr(JsonNode) body = emu_admin_statistics_body (req->state, req->coordinator);

  emu_reply_json (req->msg, SOUP_STATUS_OK, body);
}

static void
handle_statistics_description (EmuRequest *req)
{
  g_autoptr(JsonNode) body = emu_admin_statistics_description_body (req->state);

  emu_reply_json (req->msg, SOUP_STATUS_OK, body);
}

/* The server a ?serverId= names (a Coordinator or a DB-Server; the
 * answering one without), with its role and short name. Anything else is
 * answered 404, as the log and metrics handlers of the source answer it,
 * and FALSE returned. */
gboolean
emu_admin_resolve_server (EmuRequest  *req,
                          const char **server_id,
                          const char **role,
                          const char **short_name)
{
  const char *wanted = emu_request_get_query (req, "serverId");
  EmuCoordinator *coordinator = req->coordinator;
  EmuPeer *peer;

  if (wanted != NULL)
    coordinator = emu_state_find_coordinator (req->state, wanted);
  if (coordinator != NULL && emu_coordinator_in_plan (coordinator))
    {
      *server_id = coordinator->server_id;
      *role = "COORDINATOR";
      *short_name = coordinator->short_name;
      return TRUE;
    }
  peer = wanted != NULL ? emu_state_find_peer (req->state, wanted) : NULL;
  if (peer != NULL && peer->role == EMU_ROLE_DBSERVER)
    {
      *server_id = peer->server_id;
      *role = "PRIMARY";
      *short_name = peer->short_name;
      return TRUE;
    }

  emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_BAD_PARAMETER,
                   "unknown serverId supplied.");
  return FALSE;
}

static void
add_metric (GString    *text,
            const char *name,
            const char *help,
            const char *type,
            const char *labels,
            const char *value)
{
  g_string_append_printf (text, "# HELP %s %s\n# TYPE %s %s\n%s{%s} %s\n",
                          name, help, name, type, name, labels, value);
}

static void
add_metric_int (GString    *text,
                const char *name,
                const char *help,
                const char *type,
                const char *labels,
                gint64      value)
{
  char number[32];

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, value);
  add_metric (text, name, help, type, labels, number);
}

/* A few of the server's metrics, with their names and help texts, in the
 * Prometheus text format the server answers with. */
static void
handle_metrics (EmuRequest *req)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *labels = NULL;
  char uptime[G_ASCII_DTOSTR_BUF_SIZE];
  const char *server_id, *role, *short_name;
  gint64 requests = 0;
  guint i;

  if (!emu_admin_resolve_server (req, &server_id, &role, &short_name))
    return;

  for (i = 0; i < req->state->coordinators->len; i++)
    requests += ((EmuCoordinator *) g_ptr_array_index (req->state->coordinators, i))->requests;
  labels = g_strdup_printf ("role=\"%s\",shortname=\"%s\"", role, short_name);
  g_ascii_formatd (uptime, sizeof uptime, "%f",
                   (gdouble) (g_get_real_time () - req->state->started_at) / G_USEC_PER_SEC);

  add_metric_int (text, "arangodb_aql_current_query", "Current number of AQL queries executing",
                  "gauge", labels, 0);
  add_metric_int (text, "arangodb_client_connection_statistics_client_connections",
                  "The number of client connections that are currently open",
                  "gauge", labels, 1);
  add_metric_int (text, "arangodb_http_request_statistics_total_requests_total",
                  "Total number of HTTP requests", "counter", labels, requests);
  add_metric_int (text, "arangodb_process_statistics_number_of_threads",
                  "Number of threads in the arangod process", "gauge", labels, 51);
  add_metric_int (text, "arangodb_scheduler_num_worker_threads", "Number of worker threads",
                  "gauge", labels, 4);
  add_metric_int (text, "arangodb_server_statistics_physical_memory", "Physical memory in bytes",
                  "gauge", labels, PHYSICAL_MEMORY);
  add_metric (text, "arangodb_server_statistics_server_uptime_total",
              "Number of seconds elapsed since server start", "counter", labels, uptime);

  emu_reply_raw (req->msg, SOUP_STATUS_OK, "text/plain", text->str, text->len);
}

static gint64
bytes_used (EmuState *state)
{
  GHashTableIter databases;
  EmuDatabase *database;
  gint64 total = 0;

  g_hash_table_iter_init (&databases, state->databases);
  while (g_hash_table_iter_next (&databases, NULL, (gpointer *) &database))
    for (guint i = 0; i < database->collections->len; i++)
      total += 4096 + 512 * g_hash_table_size (((EmuCollection *) g_ptr_array_index (database->collections, i))->documents);
  return total;
}

/* Before 3.12 an Enterprise server without a key runs on an evaluation
 * license it makes for itself, valid for 3 hours from its start
 * (3.10 and 3.11/RestAdminLicenseGet_cluster.json: "expiring"; the 3.11
 * one expires 3 hours after its support info's date, less the uptime).
 * The key is the deployment's own: one per cluster id here. */
#define EVALUATION_SECONDS 10800

static void
add_evaluation_license (JsonBuilder *builder,
                        EmuState    *state)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA384);
  guint8 digest[48];
  gsize length = sizeof digest;
  g_autofree char *key = NULL;

  g_checksum_update (checksum, (const guchar *) state->cluster_id, -1);
  g_checksum_get_digest (checksum, digest, &length);
  key = g_base64_encode (digest, length);

  json_builder_set_member_name (builder, "features");
  json_builder_begin_object (builder);
  emu_json_add_int (builder, "expires", state->started_at / G_USEC_PER_SEC + EVALUATION_SECONDS);
  json_builder_end_object (builder);
  emu_json_add_string (builder, "license", key);
  emu_json_add_int (builder, "version", 1);
  emu_json_add_string (builder, "status", "expiring");
}

/* An unlicensed 3.12.10: no key, the dataset limit instead
 * (3.12/RestAdminLicenseGet_cluster.json). */
static void
handle_get_license (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 used = bytes_used (req->state);

  json_builder_begin_object (builder);
  emu_json_add_boolean (builder, "upgrading", FALSE);
  if (!emu_state_version_at_least (req->state, 3, 12, 0))
    {
      add_evaluation_license (builder, req->state);
      json_builder_end_object (builder);
      emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
      return;
    }
  json_builder_set_member_name (builder, "diskUsage");
  json_builder_begin_object (builder);
  emu_json_add_int (builder, "bytesUsed", used);
  emu_json_add_int (builder, "bytesLimit", DISK_LIMIT_BYTES);
  emu_json_add_boolean (builder, "limitReached", used > DISK_LIMIT_BYTES);
  emu_json_add_int (builder, "secondsUntilReadOnly", SECONDS_UNTIL_LIMIT);
  emu_json_add_int (builder, "secondsUntilShutDown", SECONDS_UNTIL_LIMIT);
  emu_json_add_string (builder, "status", "good");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* The emulator holds no license signing key, so every key is one it
 * cannot verify: the server's answer to such a key. */
static void
handle_put_license (EmuRequest *req)
{
  g_autoptr(JsonNode) body = emu_request_parse_body (req);

  if (body == NULL)
    return;
  if (!JSON_NODE_HOLDS_VALUE (body) || json_node_get_value_type (body) != G_TYPE_STRING)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "license must be a string");
      return;
    }
  emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_LICENSE_EXPIRED_OR_INVALID, NULL);
}

static char *
sha256_of (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* dumpTLSData of the server source: the key file's SHA-256, its
 * certificates and the SHA-256 of its private key; {} without TLS. */
static void
reply_tls (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);
  GTlsCertificate *certificate = req->state->tls_certificate;

  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  if (certificate != NULL)
    {
      g_autofree char *certificate_pem = NULL;
      g_autofree char *key_pem = NULL;
      g_autofree char *keyfile = NULL;
      g_autofree char *keyfile_sha = NULL;
      g_autofree char *key_sha = NULL;

      g_object_get (certificate, "certificate-pem", &certificate_pem,
                    "private-key-pem", &key_pem, NULL);
      keyfile = g_strconcat (certificate_pem, key_pem ? key_pem : "", NULL);
      keyfile_sha = sha256_of (keyfile);
      key_sha = sha256_of (key_pem ? key_pem : "");

      json_builder_set_member_name (builder, "keyfile");
      json_builder_begin_object (builder);
      emu_json_add_string (builder, "sha256", keyfile_sha);
      json_builder_set_member_name (builder, "certificates");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, certificate_pem);
      json_builder_end_array (builder);
      emu_json_add_string (builder, "privateKeySha256", key_sha);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_get_tls (EmuRequest *req)
{
  reply_tls (req);
}

static void
handle_reload_tls (EmuRequest *req)
{
  if (!req->superuser)
    {
      emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_FORBIDDEN,
                       "only superusers may reload TLS data");
      return;
    }
  /* The certificate files were read at start-up; reading them again
   * would give the same. */
  reply_tls (req);
}

static gboolean
require_system_database (EmuRequest *req)
{
  if (g_str_equal (req->database, "_system"))
    return TRUE;
  emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_ARANGO_USE_SYSTEM_DATABASE, NULL);
  return FALSE;
}

static void
add_value_overridden (JsonBuilder *builder,
                      const char  *name,
                      gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  emu_json_add_int (builder, "value", value);
  emu_json_add_boolean (builder, "overridden", FALSE);
  json_builder_end_object (builder);
}

/* What the server tells of itself from "role" on, in the field order of
 * 3.12/RestAdminSupportInfo_{cluster,single}.json. */
static void
add_support_host (JsonBuilder *builder,
                  EmuState    *state,
                  const char  *role)
{
  g_autofree char *os = NULL;
  g_autofree char *build = emu_build_repository (state);
  struct utsname host;

  if (uname (&host) == 0)
    os = g_strdup_printf ("%s version %s %s", host.sysname, host.release, host.version);
  else
    os = g_strdup ("Linux");

  emu_json_add_string (builder, "role", role);
  emu_json_add_boolean (builder, "maintenance", FALSE);
  emu_json_add_boolean (builder, "readOnly", state->read_only);
  emu_json_add_string (builder, "version", state->version);
  emu_json_add_string (builder, "build", build);
  emu_json_add_string (builder, "license", EMU_LICENSE);
  emu_json_add_string (builder, "os", os);
  emu_json_add_string (builder, "platform", "linux");
  add_value_overridden (builder, "physicalMemory", PHYSICAL_MEMORY);
  add_value_overridden (builder, "numberOfCores", g_get_num_processors ());

  json_builder_set_member_name (builder, "processStats");
  json_builder_begin_object (builder);
  emu_json_add_double (builder, "processUptime",
                       (gdouble) (g_get_real_time () - state->started_at) / G_USEC_PER_SEC);
  emu_json_add_int (builder, "numberOfThreads", 51);
  emu_json_add_int (builder, "virtualSize", VIRTUAL_SIZE);
  emu_json_add_int (builder, "residentSetSize", 136056832);
  /* Sic: the server spells them so. */
  emu_json_add_int (builder, "fileDescrtors", 24);
  emu_json_add_int (builder, "fileDescrtorsLimit", 1048576);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cpuStats");
  json_builder_begin_object (builder);
  emu_json_add_double (builder, "userPercent", 1.0);
  emu_json_add_double (builder, "systemPercent", 1.0);
  emu_json_add_double (builder, "idlePercent", 98.0);
  emu_json_add_double (builder, "iowaitPercent", 0.0);
  json_builder_end_object (builder);

  /* Servers holding data: DB-Servers and single servers. */
  if (!g_str_equal (role, "COORDINATOR"))
    {
      json_builder_set_member_name (builder, "engineStats");
      json_builder_begin_object (builder);
      emu_json_add_int (builder, "cache.limit", 7735559168);
      emu_json_add_int (builder, "cache.allocated", 1281056);
      emu_json_add_int (builder, "rocksdb.estimate-num-keys", 0);
      emu_json_add_int (builder, "rocksdb.estimate-live-data-size", 0);
      emu_json_add_int (builder, "rocksdb.live-sst-files-size", 0);
      emu_json_add_int (builder, "rocksdb.block-cache-capacity", 9282671001);
      emu_json_add_int (builder, "rocksdb.block-cache-usage", 96);
      emu_json_add_int (builder, "rocksdb.free-disk-space", 138317877248);
      emu_json_add_int (builder, "rocksdb.total-disk-space", 155897610240);
      json_builder_end_object (builder);
    }
}

/* One server of a cluster deployment. */
static void
add_support_server (JsonBuilder *builder,
                    EmuState    *state,
                    const char  *server_id,
                    const char  *alias,
                    guint16      port,
                    const char  *role)
{
  g_autofree char *endpoint = g_strdup_printf ("tcp://127.0.0.1:%u", port);

  json_builder_set_member_name (builder, server_id);
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "id", server_id);
  emu_json_add_string (builder, "alias", alias);
  emu_json_add_string (builder, "endpoint", endpoint);
  add_support_host (builder, state, role);
  json_builder_end_object (builder);
}

/* A single server (--single) describes itself under "host". */
static void
add_single_deployment (JsonBuilder *builder,
                       EmuState    *state)
{
  json_builder_set_member_name (builder, "deployment");
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "type", "single");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "host");
  json_builder_begin_object (builder);
  add_support_host (builder, state, "SINGLE");
  json_builder_end_object (builder);
}

static void
add_cluster_deployment (JsonBuilder *builder,
                        EmuState    *state)
{
  guint coordinators = 0;
  guint i;

  json_builder_set_member_name (builder, "deployment");
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "type", "cluster");
  json_builder_set_member_name (builder, "servers");
  json_builder_begin_object (builder);
  for (i = 0; i < state->coordinators->len; i++)
    {
      EmuCoordinator *coordinator = g_ptr_array_index (state->coordinators, i);

      if (!emu_coordinator_in_plan (coordinator))
        continue;
      coordinators++;
      add_support_server (builder, state, coordinator->server_id, coordinator->short_name,
                          coordinator->port, "COORDINATOR");
    }
  for (i = 0; i < state->dbservers->len; i++)
    {
      EmuPeer *dbserver = g_ptr_array_index (state->dbservers, i);

      add_support_server (builder, state, dbserver->server_id, dbserver->short_name,
                          dbserver->port, "PRIMARY");
    }
  json_builder_end_object (builder);
  emu_json_add_int (builder, "agents", state->agents->len);
  emu_json_add_int (builder, "coordinators", coordinators);
  emu_json_add_int (builder, "dbServers", state->dbservers->len);
  json_builder_set_member_name (builder, "shards");
  emu_shards_add_statistics (builder, state);
  json_builder_end_object (builder);
}

static void
handle_support_info (EmuRequest *req)
{
  EmuState *state = req->state;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *date = NULL;

  if (!require_system_database (req))
    return;

  json_builder_begin_object (builder);
  if (state->single_server)
    add_single_deployment (builder, state);
  else
    add_cluster_deployment (builder, state);
  date = emu_format_iso_time (g_get_real_time ());
  emu_json_add_string (builder, "date", date);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* Compacting the in-memory store is a no-op; the body is checked as the
 * server checks it. */
static void
handle_compact (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (g_bytes_get_size (req->body) > 0)
    {
      g_autoptr(JsonNode) body = emu_request_parse_body (req);

      if (body == NULL)
        return;
    }
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static gboolean
stop_coordinator (gpointer data)
{
  emu_coordinator_stop (data);
  return G_SOURCE_REMOVE;
}

static void
on_shutdown_answered (SoupServerMessage *msg,
                      gpointer           coordinator)
{
  /* Not from inside the message's own signal: stopping frees its server. */
  g_idle_add (stop_coordinator, coordinator);
}

/* The answering Coordinator stops listening once the answer is out, as
 * the control surface's stop does; a soft shutdown has nothing to wait
 * for, since cursors and transactions live in the shared state.
 *
 * Going down cleanly it logs off from the agency (ServerState::logoff:
 * out of Current, so of the endpoint list). With remove_from_cluster=1 —
 * the server takes no other value for it — it unregisters instead
 * (ServerState::unregister: out of the Plan as well), and the
 * supervision then drops its health record. */
static void
handle_shutdown (EmuRequest *req)
{
  g_autoptr(JsonNode) body = json_node_init_string (json_node_alloc (), "OK");
  EmuCoordinator *coordinator = req->coordinator;

  coordinator->logged_off = TRUE;
  coordinator->unregistered = g_strcmp0 (emu_request_get_query (req, "remove_from_cluster"), "1") == 0;
  g_signal_connect (req->msg, "finished", G_CALLBACK (on_shutdown_answered), coordinator);
  emu_reply_json (req->msg, SOUP_STATUS_OK, body);
}

static void
handle_shutdown_progress (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  emu_json_add_boolean (builder, "softShutdownOngoing", FALSE);
  emu_json_add_int (builder, "AQLcursors", 0);
  emu_json_add_int (builder, "transactions", 0);
  emu_json_add_int (builder, "pendingJobs", 0);
  emu_json_add_int (builder, "doneJobs", 0);
  emu_json_add_int (builder, "lowPrioOngoingRequests", 0);
  emu_json_add_int (builder, "lowPrioQueuedRequests", 0);
  emu_json_add_boolean (builder, "allClear", TRUE);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* The endpoints this server listens on: a bare array. */
static void
handle_endpoint (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *url = emu_coordinator_get_url (req->coordinator);

  if (!require_system_database (req))
    return;

  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "endpoint", url);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute admin_server_routes[] = {
  { "GET", "/_admin/time", handle_time },
  { "GET", "/_admin/statistics", handle_statistics },
  { "GET", "/_admin/statistics-description", handle_statistics_description },
  { "GET", "/_admin/metrics", handle_metrics },
  { "GET", "/_admin/metrics/v2", handle_metrics },
  { "GET", "/_admin/license", handle_get_license },
  { "PUT", "/_admin/license", handle_put_license },
  { "GET", "/_admin/server/tls", handle_get_tls },
  { "POST", "/_admin/server/tls", handle_reload_tls },
  { "GET", "/_admin/support-info", handle_support_info },
  { "PUT", "/_admin/compact", handle_compact },
  { "DELETE", "/_admin/shutdown", handle_shutdown },
  { "GET", "/_admin/shutdown", handle_shutdown_progress },
  { "GET", "/_api/endpoint", handle_endpoint },
};

void
emu_admin_server_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, admin_server_routes, G_N_ELEMENTS (admin_server_routes));
}
