/* test-admin.c: the server administration calls of ArangoDatabase against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  TestAsync async;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start (2, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static guint
total_requests (Fixture *fixture)
{
  return emulator_process_get_request_count (fixture->emulator, 0) +
         emulator_process_get_request_count (fixture->emulator, 1);
}

/* Which coordinator got a request: the client spreads them round robin. */
static guint
requests_to (Fixture    *fixture,
             const char *method,
             const char *path)
{
  return test_count_requests_to (fixture->emulator, 0, method, path) +
         test_count_requests_to (fixture->emulator, 1, method, path);
}

/* The id of a DB-Server, from the cluster health. */
static char *
dbserver_id (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  ArangoCluster *cluster = arango_database_get_cluster (fixture->database);
  g_autoptr(JsonObject) health = NULL;
  g_autoptr(GList) ids = NULL;

  arango_cluster_health_async (cluster, NULL, READY);
  health = arango_cluster_health_finish (cluster, WAIT, &error);
  g_assert_no_error (error);
  ids = json_object_get_members (json_object_get_object_member (health, "Health"));
  for (GList *l = ids; l; l = l->next)
    if (g_str_has_prefix (l->data, "PRMR-"))
      return g_strdup (l->data);
  g_assert_not_reached ();
}

static void
test_version (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) version = NULL;
  g_autoptr(JsonObject) detailed = NULL;
  JsonObject *details;

  arango_database_version_async (fixture->database, FALSE, NULL, READY);
  version = arango_database_version_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (version, "server"), ==, "arango");
  g_assert_cmpstr (json_object_get_string_member (version, "version"), ==, "3.12.10");
  g_assert_cmpstr (json_object_get_string_member (version, "license"), ==, "enterprise");
  g_assert_false (json_object_has_member (version, "details"));

  detailed = arango_database_version_sync (fixture->database, TRUE, NULL, &error);
  g_assert_no_error (error);
  details = json_object_get_object_member (detailed, "details");
  g_assert_nonnull (details);
  g_assert_cmpstr (json_object_get_string_member (details, "role"), ==, "COORDINATOR");
  g_assert_cmpstr (json_object_get_string_member (details, "server-version"), ==, "3.12.10");
  g_assert_cmpstr (json_object_get_string_member (details, "license"), ==, "enterprise");
}

static void
test_engine_status_time (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) engine = NULL;
  g_autoptr(JsonObject) status = NULL;
  gdouble before = (gdouble) g_get_real_time () / G_USEC_PER_SEC;
  gdouble time;

  arango_database_engine_async (fixture->database, NULL, READY);
  engine = arango_database_engine_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (engine, "name"), ==, "rocksdb");

  status = arango_database_status_sync (fixture->database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (status, "version"), ==, "3.12.10");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (status, "serverInfo"),
                                                  "role"), ==, "COORDINATOR");

  arango_database_time_async (fixture->database, NULL, READY);
  time = arango_database_time_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  /* The emulator runs on this machine's clock. */
  g_assert_cmpfloat (time, >=, before - 1);
  g_assert_cmpfloat (time, <=, (gdouble) g_get_real_time () / G_USEC_PER_SEC + 1);
}

static void
test_metrics (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *metrics = NULL;
  g_autofree char *dbserver_metrics = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *dbserver = dbserver_id (fixture);

  arango_database_metrics_async (fixture->database, NULL, NULL, READY);
  metrics = arango_database_metrics_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (metrics, "# HELP arangodb_"));
  g_assert_nonnull (strstr (metrics, "# TYPE arangodb_http_request_statistics_total_requests_total counter\n"));
  g_assert_nonnull (strstr (metrics, "role=\"COORDINATOR\""));

  dbserver_metrics = arango_database_metrics_sync (fixture->database, dbserver, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dbserver_metrics, "role=\"PRIMARY\""));

  unknown = arango_database_metrics_sync (fixture->database, "PRMR-nobody", NULL, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_HTTP_BAD_PARAMETER);
  g_assert_nonnull (strstr (error->message, "unknown serverId supplied."));
  g_assert_null (unknown);
}

static void
test_statistics (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) statistics = NULL;
  g_autoptr(JsonObject) description = NULL;

  arango_database_statistics_async (fixture->database, FALSE, NULL, READY);
  statistics = arango_database_statistics_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (statistics, "enabled"));
  g_assert_nonnull (json_object_get_object_member (statistics, "system"));
  g_assert_false (json_object_has_member (statistics, "code"));

  description = arango_database_statistics_sync (fixture->database, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (description, "groups")), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (description, "figures")), >, 20);
}

static JsonObject *
read_log (Fixture    *fixture,
          const char *upto,
          const char *level,
          gint64      start,
          gint64      size,
          gint64      offset,
          const char *search,
          const char *sort,
          GError    **error)
{
  arango_database_read_log_entries_async (fixture->database, upto, level, start, size, offset,
                                          search, sort, NULL, NULL, READY);
  return arango_database_read_log_entries_finish (fixture->database, WAIT, error);
}

static JsonObject *
message (JsonObject *log,
         guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (log, "messages"), i);
}

static void
test_read_log_entries (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) all = read_log (fixture, NULL, NULL, -1, -1, -1, NULL, NULL, &error);
  g_autoptr(JsonObject) warnings = NULL;
  g_autoptr(JsonObject) ready = NULL;
  g_autoptr(JsonObject) newest = NULL;
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(JsonObject) bad_level = NULL;
  g_autoptr(JsonObject) bad_sort = NULL;
  guint before;

  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (all, "total"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (message (all, 0), "id"), ==, 1);

  warnings = read_log (fixture, NULL, "warning", -1, -1, -1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (warnings, "total"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (message (warnings, 0), "level"), ==, "WARNING");
  g_assert_cmpstr (json_object_get_string_member (message (warnings, 0), "topic"), ==, "memory");

  ready = read_log (fixture, "info", NULL, 2, -1, -1, "READY FOR BUSINESS", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (ready, "total"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (message (ready, 0), "id"), ==, 5);

  newest = read_log (fixture, NULL, NULL, -1, 1, -1, NULL, "desc", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (newest, "messages")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (message (newest, 0), "id"), ==, 5);

  page = arango_database_read_log_entries_sync (fixture->database, NULL, NULL, -1, 2, 1,
                                                NULL, "asc", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "messages")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (message (page, 0), "id"), ==, 2);

  bad_level = read_log (fixture, "loud", NULL, -1, -1, -1, NULL, NULL, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_HTTP_BAD_PARAMETER);
  g_assert_nonnull (strstr (error->message, "unknown 'upto' log level: 'loud'"));
  g_assert_null (bad_level);
  g_clear_error (&error);

  before = total_requests (fixture);
  bad_sort = read_log (fixture, NULL, NULL, -1, -1, -1, NULL, "sideways", &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (bad_sort);
  g_assert_cmpuint (total_requests (fixture), ==, before);
}

static void
test_log_levels (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) levels = NULL;
  g_autoptr(JsonObject) change = json_object_new ();
  g_autoptr(JsonObject) changed = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) appenders = NULL;
  g_autoptr(JsonObject) dbserver_levels = NULL;
  g_autoptr(JsonObject) reset = NULL;
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(JsonObject) nothing = NULL;
  g_autofree char *dbserver = dbserver_id (fixture);
  g_autoptr(JsonNode) state = emulator_process_control (fixture->emulator, "GET",
                                                        "/_control/coordinators/0", NULL);
  const char *coordinator = json_object_get_string_member (json_node_get_object (state), "serverId");

  arango_database_log_levels_async (fixture->database, NULL, FALSE, NULL, READY);
  levels = arango_database_log_levels_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (levels, "general"), ==, "INFO");

  /* Each coordinator keeps its own levels: name the one to change. */
  json_object_set_string_member (change, "general", "debug");
  changed = arango_database_set_log_levels_sync (fixture->database, change, coordinator,
                                                 FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (changed, "general"), ==, "DEBUG");
  g_assert_cmpstr (json_object_get_string_member (changed, "aql"), ==, "INFO");

  again = arango_database_log_levels_sync (fixture->database, coordinator, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (again, "general"), ==, "DEBUG");

  appenders = arango_database_log_levels_sync (fixture->database, coordinator, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (appenders, "global"),
                                                  "general"), ==, "DEBUG");

  dbserver_levels = arango_database_log_levels_sync (fixture->database, dbserver, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (dbserver_levels, "general"), ==, "INFO");

  arango_database_reset_log_levels_async (fixture->database, coordinator, NULL, READY);
  reset = arango_database_reset_log_levels_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (reset, "general"), ==, "INFO");

  nothing = arango_database_set_log_levels_sync (fixture->database, empty, NULL, FALSE, NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (nothing);
}

static void
test_mode (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *readonly = NULL;
  g_autofree char *available = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *restored = NULL;
  guint before;

  arango_database_mode_async (fixture->database, NULL, READY);
  mode = arango_database_mode_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mode, ==, "default");

  arango_database_set_mode_async (fixture->database, "readonly", NULL, READY);
  readonly = arango_database_set_mode_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (readonly, ==, "readonly");

  available = arango_database_check_availability_sync (fixture->database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (available, ==, "readonly");

  before = total_requests (fixture);
  refused = arango_database_set_mode_sync (fixture->database, "read-only", NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (refused);
  g_assert_cmpuint (total_requests (fixture), ==, before);
  g_clear_error (&error);

  restored = arango_database_set_mode_sync (fixture->database, "default", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored, ==, "default");
}

/* Coordinators that answer 503: the call tries each, then gives up. */
static void
test_unavailable (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *recovered = NULL;

  emulator_process_set_fault (fixture->emulator, 0, "unavailable", 0, 0);
  emulator_process_set_fault (fixture->emulator, 1, "unavailable", 0, 0);
  mode = arango_database_check_availability_sync (fixture->database, NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_HOSTS_UNAVAILABLE);
  g_assert_null (mode);
  g_assert_cmpuint (requests_to (fixture, "GET", "/_admin/server/availability"), >=, 2);
  g_clear_error (&error);

  emulator_process_set_fault (fixture->emulator, 1, "none", 0, 0);
  recovered = arango_database_check_availability_sync (fixture->database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (recovered, ==, "default");
}

static void
test_license (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) license = NULL;
  g_autoptr(JsonObject) installed = NULL;
  g_autoptr(JsonObject) missing = NULL;

  arango_database_license_async (fixture->database, NULL, READY);
  license = arango_database_license_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (license, "diskUsage"),
                                                  "status"), ==, "good");

  /* A key the server cannot verify */
  installed = arango_database_set_license_sync (fixture->database, "eyJncmFudCI6ZmFrZX0=", TRUE,
                                                NULL, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_LICENSE_EXPIRED_OR_INVALID);
  g_assert_null (installed);
  g_clear_error (&error);

  missing = arango_database_set_license_sync (fixture->database, "", FALSE, NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (missing);
}

static void
test_tls (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) tls = NULL;
  g_autoptr(JsonObject) reloaded = NULL;

  /* The emulator speaks plain HTTP here: nothing to describe. */
  arango_database_tls_async (fixture->database, NULL, READY);
  tls = arango_database_tls_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (tls), ==, 0);

  reloaded = arango_database_reload_tls_sync (fixture->database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (reloaded), ==, 0);
  g_assert_cmpuint (requests_to (fixture, "POST", "/_admin/server/tls"), ==, 1);
}

static void
test_support_info (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  JsonObject *deployment;

  arango_database_support_info_async (fixture->database, NULL, READY);
  info = arango_database_support_info_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  deployment = json_object_get_object_member (info, "deployment");
  g_assert_cmpstr (json_object_get_string_member (deployment, "type"), ==, "cluster");
  g_assert_cmpint (json_object_get_int_member (deployment, "coordinators"), ==, 2);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (deployment, "servers")), ==,
                    2 + json_object_get_int_member (deployment, "dbServers"));
  g_assert_nonnull (json_object_get_string_member (info, "date"));
}

static void
test_support_info_elsewhere (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) other = NULL;
  g_autoptr(JsonObject) info = NULL;
  gboolean created;

  arango_database_create_database_async (fixture->database, "reports", NULL, NULL, READY);
  created = arango_database_create_database_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (created);

  arango_client_db_async (fixture->client, "reports", "root", "", NULL, READY);
  other = arango_client_db_finish (fixture->client, WAIT, &error);
  g_assert_no_error (error);
  info = arango_database_support_info_sync (other, NULL, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_USE_SYSTEM_DATABASE);
  g_assert_null (info);
}

/* The body of the last request to @path, from either coordinator. */
static char *
last_body_to (Fixture    *fixture,
              const char *path)
{
  char *body = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *control_path = g_strdup_printf ("/_control/coordinators/%u/requests", i);
      g_autoptr(JsonNode) log = emulator_process_control (fixture->emulator, "GET", control_path, NULL);
      JsonArray *requests = json_object_get_array_member (json_node_get_object (log), "requests");

      for (guint j = 0; j < json_array_get_length (requests); j++)
        {
          JsonObject *request = json_array_get_object_element (requests, j);

          if (g_str_equal (json_object_get_string_member (request, "path"), path))
            {
              g_free (body);
              body = g_strdup (json_object_get_string_member (request, "body"));
            }
        }
    }
  return body;
}

static void
test_compact (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  arango_database_compact_async (fixture->database, TRUE, FALSE, NULL, READY);
  g_assert_true (arango_database_compact_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  body = last_body_to (fixture, "/_db/_system/_admin/compact");
  g_assert_cmpstr (body, ==, "{\"changeLevel\":true,\"compactBottomMostLevel\":false}");

  g_assert_true (arango_database_compact_sync (fixture->database, FALSE, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (requests_to (fixture, "PUT", "/_admin/compact"), ==, 2);
}

static void
test_shutdown (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) progress = NULL;
  guint stopping;

  arango_database_shutdown_async (fixture->database, TRUE, NULL, READY);
  g_assert_true (arango_database_shutdown_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (requests_to (fixture, "DELETE", "/_admin/shutdown"), ==, 1);
  stopping = test_count_requests_to (fixture->emulator, 0, "DELETE", "/_admin/shutdown") ? 0 : 1;

  /* The coordinator that answered stops once its answer is out; the
   * other one goes on. */
  test_wait_coordinator_stopped (fixture->emulator, stopping);
  g_assert_true (test_coordinator_running (fixture->emulator, 1 - stopping));

  progress = arango_database_shutdown_progress_sync (fixture->database, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (progress, "allClear"));
}

/* An emulator answering as 3.11 (--server-version): the version and
 * engine shapes that version had, decoded as usual. */
static void
test_older_server (void)
{
  const char *args[] = { "--coordinators", "1", "--server-version", "3.11.14", NULL };
  g_autoptr(EmulatorProcess) emulator = emulator_process_start_with_args (args);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) version = arango_database_version_sync (database, FALSE, NULL, &error);
  g_autoptr(JsonObject) engine = NULL;
  JsonObject *supports;

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (version, "version"), ==, "3.11.14");
  g_assert_false (json_object_has_member (version, "apiVersions"));

  engine = arango_database_engine_sync (database, NULL, &error);
  g_assert_no_error (error);
  supports = json_object_get_object_member (engine, "supports");
  g_assert_true (json_object_has_member (supports, "dfdb"));
  g_assert_false (json_object_has_member (engine, "endianness"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/admin/version", test_version);
  ADD ("/admin/engine-status-time", test_engine_status_time);
  ADD ("/admin/metrics", test_metrics);
  ADD ("/admin/statistics", test_statistics);
  ADD ("/admin/read-log-entries", test_read_log_entries);
  ADD ("/admin/log-levels", test_log_levels);
  ADD ("/admin/mode", test_mode);
  ADD ("/admin/unavailable", test_unavailable);
  ADD ("/admin/license", test_license);
  ADD ("/admin/tls", test_tls);
  ADD ("/admin/support-info", test_support_info);
  ADD ("/admin/support-info-elsewhere", test_support_info_elsewhere);
  ADD ("/admin/compact", test_compact);
  ADD ("/admin/shutdown", test_shutdown);
  g_test_add_func ("/admin/older-server", test_older_server);

#undef ADD

  return g_test_run ();
}
