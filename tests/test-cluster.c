/* test-cluster.c: every ArangoCluster call against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCluster *cluster;
  char **ids;
  TestAsync async;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start (3, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
  fixture->cluster = arango_database_get_cluster (fixture->database);
  fixture->ids = test_coordinator_ids (fixture->emulator);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_strfreev (fixture->ids);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static guint
total_requests (Fixture *fixture)
{
  guint total = 0;

  for (guint i = 0; i < 3; i++)
    total += emulator_process_get_request_count (fixture->emulator, i);
  return total;
}

/* The id of the first DB-Server the health report lists. */
static char *
first_dbserver (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) health = NULL;
  g_autoptr(GList) ids = NULL;

  arango_cluster_health_async (fixture->cluster, NULL, READY);
  health = arango_cluster_health_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  ids = json_object_get_members (json_object_get_object_member (health, "Health"));
  for (GList *l = ids; l; l = l->next)
    if (g_str_has_prefix (l->data, "PRMR-"))
      return g_strdup (l->data);
  g_assert_not_reached ();
}

static void
test_server_id_role_mode (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = NULL;

      arango_cluster_server_id_async (fixture->cluster, NULL, READY);
      id = arango_cluster_server_id_finish (fixture->cluster, WAIT, &error);
      g_assert_no_error (error);
      /* Round robin: the i-th request is answered by coordinator i */
      g_assert_cmpstr (id, ==, fixture->ids[i]);
    }

  {
    g_autofree char *role = NULL;
    g_autofree char *mode = NULL;

    arango_cluster_server_role_async (fixture->cluster, NULL, READY);
    role = arango_cluster_server_role_finish (fixture->cluster, WAIT, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (role, ==, "COORDINATOR");

    arango_cluster_server_mode_async (fixture->cluster, NULL, READY);
    mode = arango_cluster_server_mode_finish (fixture->cluster, WAIT, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (mode, ==, "default");
  }
}

static void
test_health (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) health = NULL;
  JsonObject *servers;
  guint dbservers = 0, agents = 0;

  emulator_process_stop_coordinator (fixture->emulator, 2);
  arango_cluster_health_async (fixture->cluster, NULL, READY);
  health = arango_cluster_health_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_has_member (health, "error"));
  g_assert_false (json_object_has_member (health, "code"));
  g_assert_nonnull (json_object_get_string_member (health, "ClusterId"));

  servers = json_object_get_object_member (health, "Health");
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *server = json_object_get_object_member (servers, fixture->ids[i]);

      g_assert_nonnull (server);
      g_assert_cmpstr (json_object_get_string_member (server, "Role"), ==, "Coordinator");
      if (i == 2)
        g_assert_cmpstr (json_object_get_string_member (server, "Status"), !=, "GOOD");
      else
        g_assert_cmpstr (json_object_get_string_member (server, "Status"), ==, "GOOD");
    }

  {
    g_autoptr(GList) members = json_object_get_members (servers);

    for (GList *l = members; l; l = l->next)
      {
        const char *role = json_object_get_string_member (json_object_get_object_member (servers, l->data), "Role");

        dbservers += g_str_equal (role, "DBServer");
        agents += g_str_equal (role, "Agent");
      }
  }
  g_assert_cmpuint (dbservers, >, 0);
  g_assert_cmpuint (agents, >, 0);
}

static void
test_statistics (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dbserver = first_dbserver (fixture);
  g_autoptr(JsonObject) statistics = NULL;
  g_autoptr(JsonObject) node_statistics = NULL;
  g_autoptr(JsonObject) missing = NULL;

  arango_cluster_statistics_async (fixture->cluster, dbserver, NULL, READY);
  statistics = arango_cluster_statistics_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (statistics, "system"));
  g_assert_true (json_object_has_member (statistics, "http"));
  g_assert_false (json_object_has_member (statistics, "code"));

  arango_cluster_server_statistics_async (fixture->cluster, fixture->ids[0], NULL, READY);
  node_statistics = arango_cluster_server_statistics_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (node_statistics, "server"));

  /* No id: refused before anything is sent */
  {
    guint before = total_requests (fixture);

    arango_cluster_statistics_async (fixture->cluster, "", NULL, READY);
    missing = arango_cluster_statistics_finish (fixture->cluster, WAIT, &error);
    g_assert_null (missing);
    g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
    g_assert_cmpuint (total_requests (fixture), ==, before);
  }
}

static void
test_version_engine_count (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dbserver = first_dbserver (fixture);
  g_autoptr(JsonObject) version = NULL;
  g_autoptr(JsonObject) engine = NULL;
  g_autoptr(JsonObject) count = NULL;

  arango_cluster_server_version_async (fixture->cluster, dbserver, NULL, READY);
  version = arango_cluster_server_version_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (version, "server"), ==, "arango");
  g_assert_nonnull (json_object_get_string_member (version, "version"));

  arango_cluster_server_engine_async (fixture->cluster, fixture->ids[1], NULL, READY);
  engine = arango_cluster_server_engine_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (engine, "name"), ==, "rocksdb");

  arango_cluster_server_count_async (fixture->cluster, NULL, READY);
  count = arango_cluster_server_count_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (count, "numberOfCoordinators"), ==, 3);
}

static void
test_maintenance (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) state = NULL;
  guint before;

  arango_cluster_toggle_maintenance_mode_async (fixture->cluster, "on", NULL, READY);
  g_assert_true (arango_cluster_toggle_maintenance_mode_finish (fixture->cluster, WAIT, &error));
  g_assert_no_error (error);
  state = emulator_process_control (fixture->emulator, "GET", "/_control/state", NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (state), "maintenance"));
  g_clear_pointer (&state, json_node_unref);

  arango_cluster_toggle_maintenance_mode_async (fixture->cluster, "off", NULL, READY);
  g_assert_true (arango_cluster_toggle_maintenance_mode_finish (fixture->cluster, WAIT, &error));
  g_assert_no_error (error);
  state = emulator_process_control (fixture->emulator, "GET", "/_control/state", NULL);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (state), "maintenance"));

  /* Any other mode: an error, and nothing is sent */
  before = total_requests (fixture);
  arango_cluster_toggle_maintenance_mode_async (fixture->cluster, "maybe", NULL, READY);
  g_assert_false (arango_cluster_toggle_maintenance_mode_finish (fixture->cluster, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  arango_cluster_toggle_maintenance_mode_async (fixture->cluster, NULL, NULL, READY);
  g_assert_false (arango_cluster_toggle_maintenance_mode_finish (fixture->cluster, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (total_requests (fixture), ==, before);
}

static void
test_server_maintenance (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dbserver = first_dbserver (fixture);
  g_autoptr(JsonObject) mode = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) refused = NULL;
  guint before;

  arango_cluster_server_maintenance_mode_async (fixture->cluster, dbserver, NULL, READY);
  mode = arango_cluster_server_maintenance_mode_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (mode), ==, 0);
  g_clear_pointer (&mode, json_object_unref);

  arango_cluster_toggle_server_maintenance_mode_async (fixture->cluster, dbserver, "maintenance",
                                                       120, NULL, READY);
  reply = arango_cluster_toggle_server_maintenance_mode_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_has_member (reply, "code"));
  g_clear_pointer (&reply, json_object_unref);

  arango_cluster_server_maintenance_mode_async (fixture->cluster, dbserver, NULL, READY);
  mode = arango_cluster_server_maintenance_mode_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (mode, "Mode"), ==, "maintenance");
  g_assert_nonnull (json_object_get_string_member (mode, "Until"));
  g_clear_pointer (&mode, json_object_unref);

  arango_cluster_toggle_server_maintenance_mode_async (fixture->cluster, dbserver, "normal",
                                                       0, NULL, READY);
  reply = arango_cluster_toggle_server_maintenance_mode_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);

  arango_cluster_server_maintenance_mode_async (fixture->cluster, dbserver, NULL, READY);
  mode = arango_cluster_server_maintenance_mode_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (mode), ==, 0);

  before = total_requests (fixture);
  arango_cluster_toggle_server_maintenance_mode_async (fixture->cluster, dbserver, "on",
                                                       0, NULL, READY);
  refused = arango_cluster_toggle_server_maintenance_mode_finish (fixture->cluster, WAIT, &error);
  g_assert_null (refused);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (total_requests (fixture), ==, before);
}

static void
test_endpoints (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) endpoints = NULL;

  arango_cluster_endpoints_async (fixture->cluster, NULL, READY);
  endpoints = arango_cluster_endpoints_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (endpoints), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const char *host = emulator_process_get_host (fixture->emulator, i);
      g_autofree char *expected = g_strconcat ("tcp://", host + strlen ("http://"), NULL);

      g_assert_true (g_strv_contains ((const char * const *) endpoints, expected));
    }
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_acquire_host_list (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start = g_strdup_printf ("%s,http://127.0.0.1:1",
                                            emulator_process_get_host (fixture->emulator, 0));
  g_autoptr(ArangoClient) client = arango_client_new (start, &error);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  ArangoCluster *cluster = arango_database_get_cluster (database);
  g_auto(GStrv) hosts = NULL;
  guint notified = 0;

  g_signal_connect (client, "notify::hosts", G_CALLBACK (on_notify), &notified);

  /* Adding keeps the dead host and gains the two others */
  arango_cluster_acquire_host_list_async (cluster, FALSE, NULL, READY);
  g_assert_true (arango_cluster_acquire_host_list_finish (cluster, WAIT, &error));
  g_assert_no_error (error);
  hosts = arango_client_get_hosts (client);
  g_assert_cmpuint (g_strv_length (hosts), ==, 4);
  g_assert_cmpstr (hosts[1], ==, "http://127.0.0.1:1");
  g_assert_cmpuint (notified, ==, 1);
  g_clear_pointer (&hosts, g_strfreev);

  /* Replacing drops it */
  arango_cluster_acquire_host_list_async (cluster, TRUE, NULL, READY);
  g_assert_true (arango_cluster_acquire_host_list_finish (cluster, WAIT, &error));
  g_assert_no_error (error);
  hosts = arango_client_get_hosts (client);
  g_assert_cmpuint (g_strv_length (hosts), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_strv_contains ((const char * const *) hosts,
                                    emulator_process_get_host (fixture->emulator, i)));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (arango_client_get_max_tries (client), ==, 9);

  /* Nothing new: no change, no notification */
  arango_cluster_acquire_host_list_async (cluster, TRUE, NULL, READY);
  g_assert_true (arango_cluster_acquire_host_list_finish (cluster, WAIT, &error));
  g_assert_cmpuint (notified, ==, 2);

  /* The new hosts serve requests */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = NULL;

      arango_cluster_server_id_async (cluster, NULL, READY);
      id = arango_cluster_server_id_finish (cluster, WAIT, &error);
      g_assert_no_error (error);
    }
  for (guint i = 1; i < 3; i++)
    g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, i), >, 0);
}

static void
test_rebalance (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) imbalance = NULL;
  g_autoptr(JsonObject) plan = NULL;
  g_autoptr(JsonObject) executed = NULL;
  g_autoptr(JsonObject) options = json_object_new ();
  g_autoptr(JsonArray) moves = json_array_new ();
  guint requests;

  arango_cluster_calculate_imbalance_async (fixture->cluster, NULL, READY);
  imbalance = arango_cluster_calculate_imbalance_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (imbalance, "leader"));
  g_assert_true (json_object_has_member (imbalance, "shards"));

  json_object_set_int_member (options, "maximumNumberOfMoves", 10);
  arango_cluster_calculate_rebalance_plan_async (fixture->cluster, options, NULL, READY);
  plan = arango_cluster_calculate_rebalance_plan_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (plan, "moves"));
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 1, "POST", "/_admin/cluster/rebalance"), ==, 1);

  arango_cluster_rebalance_async (fixture->cluster, NULL, NULL, READY);
  executed = arango_cluster_rebalance_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (executed, "moves"));

  arango_cluster_execute_rebalance_plan_async (fixture->cluster, moves, NULL, READY);
  g_assert_true (arango_cluster_execute_rebalance_plan_finish (fixture->cluster, WAIT, &error));
  g_assert_no_error (error);

  requests = total_requests (fixture);
  arango_cluster_execute_rebalance_plan_async (fixture->cluster, NULL, NULL, READY);
  g_assert_false (arango_cluster_execute_rebalance_plan_finish (fixture->cluster, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (total_requests (fixture), ==, requests);
}

static void
test_vpack_sort_migration (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autoptr(JsonObject) check = NULL;
  g_autoptr(JsonObject) migrate = NULL;

  arango_cluster_vpack_sort_migration_status_async (fixture->cluster, NULL, READY);
  status = arango_cluster_vpack_sort_migration_status_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (status);

  arango_cluster_vpack_sort_migration_index_check_async (fixture->cluster, NULL, READY);
  check = arango_cluster_vpack_sort_migration_index_check_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (check);

  arango_cluster_migrate_vpack_sorting_async (fixture->cluster, NULL, READY);
  migrate = arango_cluster_migrate_vpack_sorting_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (migrate);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 2, "PUT",
                                            "/_admin/cluster/vpackSortMigration/migrate"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cluster/server-id-role-mode", test_server_id_role_mode);
  ADD ("/cluster/health", test_health);
  ADD ("/cluster/statistics", test_statistics);
  ADD ("/cluster/version-engine-count", test_version_engine_count);
  ADD ("/cluster/maintenance", test_maintenance);
  ADD ("/cluster/server-maintenance", test_server_maintenance);
  ADD ("/cluster/endpoints", test_endpoints);
  ADD ("/cluster/acquire-host-list", test_acquire_host_list);
  ADD ("/cluster/rebalance", test_rebalance);
  ADD ("/cluster/vpack-sort-migration", test_vpack_sort_migration);

#undef ADD

  return g_test_run ();
}
