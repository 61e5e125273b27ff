/* test-query-admin.c: running and slow queries, query tracking, the query
 * results cache and the databases a user may use, against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-util.h"

#define ROOT_PASSWORD "root-pw"
#define SLEEPER "RETURN SLEEP(30)"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *root;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

/* Two coordinators, so that a kill may reach the one not running the
 * query; authentication on, so that root is not a superuser. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start (2, "root", ROOT_PASSWORD);
  fixture->client = test_client_new (fixture->emulator);
  fixture->root = test_open_database (fixture->client, "root", ROOT_PASSWORD);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->root);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static JsonArray *
running_queries (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  JsonArray *queries;

  arango_database_running_queries_async (fixture->root, FALSE, NULL, READY);
  queries = arango_database_running_queries_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (queries);
  return queries;
}

static JsonArray *
slow_queries (Fixture  *fixture,
              gboolean  all_databases,
              GError  **error)
{
  arango_database_slow_queries_async (fixture->root, all_databases, NULL, READY);
  return arango_database_slow_queries_finish (fixture->root, WAIT, error);
}

static gboolean
kill_query (Fixture     *fixture,
            const char  *query_id,
            gboolean     ignore_missing,
            GError     **error)
{
  arango_database_kill_query_async (fixture->root, query_id, FALSE, ignore_missing, NULL, READY);
  return arango_database_kill_query_finish (fixture->root, WAIT, error);
}

static guint
requests_to_query_api (Fixture *fixture)
{
  guint count = 0;

  for (guint i = 0; i < emulator_process_get_n_hosts (fixture->emulator); i++)
    count += test_count_requests_to (fixture->emulator, i, "DELETE", "/_api/query/slow") +
             test_count_requests_to (fixture->emulator, i, "PUT", "/_api/query-cache/properties");
  return count;
}

static void
run_query (Fixture    *fixture,
           const char *aql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;

  cursor = arango_database_query_sync (fixture->root, aql, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cursor);
}

/* The emulator holds a SLEEP() query's answer back for the time asked,
 * and lists it as running meanwhile: it can be seen and killed. */
static void
test_kill (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_auto(TestAsync) sleeper = TEST_ASYNC_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) running = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autofree char *query_id = NULL;
  JsonObject *entry;

  arango_database_query_async (fixture->root, SLEEPER, NULL, NULL, NULL,
                               test_async_ready, &sleeper);
  for (guint tries = 0; tries < 500; tries++)
    {
      g_clear_pointer (&running, json_array_unref);
      running = running_queries (fixture);
      if (json_array_get_length (running) > 0)
        break;
    }
  g_assert_cmpuint (json_array_get_length (running), ==, 1);
  entry = json_array_get_object_element (running, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "query"), ==, SLEEPER);
  g_assert_cmpstr (json_object_get_string_member (entry, "state"), ==, "executing");
  g_assert_cmpstr (json_object_get_string_member (entry, "database"), ==, "_system");
  g_assert_cmpstr (json_object_get_string_member (entry, "user"), ==, "root");
  query_id = g_strdup (json_object_get_string_member (entry, "id"));

  g_assert_true (kill_query (fixture, query_id, FALSE, &error));
  g_assert_no_error (error);

  cursor = arango_database_query_finish (fixture->root, test_async_wait (&sleeper), &error);
  g_assert_null (cursor);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_QUERY_KILLED);
  g_clear_error (&error);

  after = running_queries (fixture);
  g_assert_cmpuint (json_array_get_length (after), ==, 0);

  /* It is gone: the server's own not-found, or FALSE with ignore_missing */
  g_assert_false (kill_query (fixture, query_id, FALSE, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_QUERY_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "query ID not found in query list"));
  g_clear_error (&error);
  g_assert_false (kill_query (fixture, query_id, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_slow_queries_and_tracking (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) changes = test_json_object ("{\"slowQueryThreshold\": 0, \"maxSlowQueries\": 5}");
  g_autoptr(JsonObject) changed = NULL;
  g_autoptr(JsonObject) tracking = NULL;
  g_autoptr(JsonArray) slow = NULL;
  g_autoptr(JsonArray) none = NULL;
  g_autoptr(ArangoDatabase) other = NULL;
  JsonObject *entry;

  arango_database_query_tracking_async (fixture->root, NULL, READY);
  tracking = arango_database_query_tracking_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (tracking, "enabled"));
  g_assert_cmpfloat (json_object_get_double_member (tracking, "slowQueryThreshold"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (tracking, "maxSlowQueries"), ==, 64);
  g_assert_false (json_object_has_member (tracking, "error"));
  g_assert_false (json_object_has_member (tracking, "code"));

  arango_database_set_query_tracking_async (fixture->root, changes, NULL, READY);
  changed = arango_database_set_query_tracking_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (json_object_get_double_member (changed, "slowQueryThreshold"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (changed, "maxSlowQueries"), ==, 5);
  g_assert_true (json_object_get_boolean_member (changed, "trackBindVars"));
  g_assert_false (json_object_has_member (changed, "code"));

  /* With a threshold of 0 every query is slow */
  run_query (fixture, "RETURN 1");
  slow = slow_queries (fixture, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (slow), ==, 1);
  entry = json_array_get_object_element (slow, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "query"), ==, "RETURN 1");
  g_assert_cmpstr (json_object_get_string_member (entry, "state"), ==, "finished");

  arango_database_clear_slow_queries_async (fixture->root, FALSE, NULL, READY);
  g_assert_true (arango_database_clear_slow_queries_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);
  none = slow_queries (fixture, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (none), ==, 0);

  /* Every database's queries: only a superuser may ask, and only from
   * _system; root authenticated with a password is no superuser */
  g_assert_null (slow_queries (fixture, TRUE, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_assert_true (arango_database_create_database_sync (fixture->root, "other", NULL, NULL, &error));
  g_assert_no_error (error);
  arango_client_db_async (fixture->client, "other", "root", ROOT_PASSWORD, NULL, READY);
  other = arango_client_db_finish (fixture->client, WAIT, &error);
  g_assert_no_error (error);
  arango_database_running_queries_async (other, TRUE, NULL, READY);
  g_assert_null (arango_database_running_queries_finish (other, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_USE_SYSTEM_DATABASE);
}

static void
test_results_cache (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) changes = test_json_object ("{\"mode\": \"on\", \"maxResults\": 32}");
  g_autoptr(JsonObject) zero = test_json_object ("{\"maxResults\": 0}");
  g_autoptr(JsonObject) configured = NULL;
  g_autoptr(JsonObject) properties = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(JsonArray) cleared = NULL;

  arango_database_query_cache_properties_async (fixture->root, NULL, READY);
  properties = arango_database_query_cache_properties_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (properties, "mode"), ==, "off");
  g_assert_cmpint (json_object_get_int_member (properties, "maxResults"), ==, 128);

  arango_database_configure_query_cache_async (fixture->root, changes, NULL, READY);
  configured = arango_database_configure_query_cache_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (configured, "mode"), ==, "on");
  g_assert_cmpint (json_object_get_int_member (configured, "maxResults"), ==, 32);
  g_assert_false (json_object_get_boolean_member (configured, "includeSystem"));

  run_query (fixture, "RETURN 42");
  arango_database_query_cache_entries_async (fixture->root, NULL, READY);
  entries = arango_database_query_cache_entries_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "query"),
                   ==, "RETURN 42");

  arango_database_clear_query_cache_async (fixture->root, NULL, READY);
  g_assert_true (arango_database_clear_query_cache_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);
  arango_database_query_cache_entries_async (fixture->root, NULL, READY);
  cleared = arango_database_query_cache_entries_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (cleared), ==, 0);

  /* The server refuses a size that is not positive */
  arango_database_configure_query_cache_async (fixture->root, zero, NULL, READY);
  g_assert_null (arango_database_configure_query_cache_finish (fixture->root, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_BAD_PARAMETER);
  g_assert_nonnull (strstr (error->message, "invalid value for maxResults"));
}

/* What cannot be right is refused before anything is sent: above all an
 * id "slow", which would clear the slow queries instead. */
static void
test_bad_arguments (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *ids[] = { NULL, "", "slow", "12a", "-1", " 1" };
  const char *modes[] = { "{\"mode\": \"sometimes\"}", "{\"mode\": 1}", "{\"mode\": null}" };
  guint before = requests_to_query_api (fixture);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_false (kill_query (fixture, ids[i], TRUE, &error));
      g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(JsonObject) properties = test_json_object (modes[i]);

      arango_database_configure_query_cache_async (fixture->root, properties, NULL, READY);
      g_assert_null (arango_database_configure_query_cache_finish (fixture->root, WAIT, &error));
      g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }

  g_assert_cmpuint (requests_to_query_api (fixture), ==, before);
}

static char **
accessible_databases (Fixture        *fixture,
                      ArangoDatabase *database)
{
  g_autoptr(GError) error = NULL;
  char **names;

  arango_database_list_accessible_databases_async (database, NULL, READY);
  names = arango_database_list_accessible_databases_finish (database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (names);
  return names;
}

static void
test_accessible_databases (Fixture       *fixture,
                           gconstpointer  user_data)
{
  const char * const everything[] = { "_system", "alpha", "beta", NULL };
  const char * const only_beta[] = { "beta", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) user = NULL;
  g_autoptr(ArangoDatabase) ivy = NULL;
  g_auto(GStrv) of_root = NULL;
  g_auto(GStrv) of_ivy = NULL;
  g_auto(GStrv) listed = NULL;

  g_assert_true (arango_database_create_database_sync (fixture->root, "alpha", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (arango_database_create_database_sync (fixture->root, "beta", NULL, NULL, &error));
  g_assert_no_error (error);
  user = arango_database_create_user_sync (fixture->root, "ivy", "ivy-pw", TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (arango_database_update_permission_sync (fixture->root, "ivy", ARANGO_PERMISSION_READ_ONLY,
                                                         "beta", NULL, NULL, &error));
  g_assert_no_error (error);

  of_root = accessible_databases (fixture, fixture->root);
  g_assert_cmpstrv (of_root, everything);

  arango_client_db_async (fixture->client, "beta", "ivy", "ivy-pw", NULL, READY);
  ivy = arango_client_db_finish (fixture->client, WAIT, &error);
  g_assert_no_error (error);
  of_ivy = accessible_databases (fixture, ivy);
  g_assert_cmpstrv (of_ivy, only_beta);

  /* Unlike the list of every database, which only _system gives */
  arango_database_list_databases_async (ivy, NULL, READY);
  listed = arango_database_list_databases_finish (ivy, WAIT, &error);
  g_assert_null (listed);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_USE_SYSTEM_DATABASE);
}

static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) changes = test_json_object ("{\"trackBindVars\": false}");
  g_autoptr(JsonObject) cache_changes = test_json_object ("{\"mode\": \"demand\"}");
  g_autoptr(JsonObject) tracking = NULL;
  g_autoptr(JsonObject) changed = NULL;
  g_autoptr(JsonObject) cache = NULL;
  g_autoptr(JsonObject) configured = NULL;
  g_autoptr(JsonArray) running = NULL;
  g_autoptr(JsonArray) slow = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_auto(GStrv) names = NULL;

  running = arango_database_running_queries_sync (fixture->root, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (running), ==, 0);
  slow = arango_database_slow_queries_sync (fixture->root, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (slow), ==, 0);
  g_assert_true (arango_database_clear_slow_queries_sync (fixture->root, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (arango_database_kill_query_sync (fixture->root, "1099511627776", FALSE, TRUE, NULL, &error));
  g_assert_no_error (error);

  tracking = arango_database_query_tracking_sync (fixture->root, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (tracking, "trackBindVars"));
  changed = arango_database_set_query_tracking_sync (fixture->root, changes, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_get_boolean_member (changed, "trackBindVars"));

  cache = arango_database_query_cache_properties_sync (fixture->root, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (cache, "mode"), ==, "off");
  configured = arango_database_configure_query_cache_sync (fixture->root, cache_changes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (configured, "mode"), ==, "demand");
  entries = arango_database_query_cache_entries_sync (fixture->root, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (entries), ==, 0);
  g_assert_true (arango_database_clear_query_cache_sync (fixture->root, NULL, &error));
  g_assert_no_error (error);

  names = arango_database_list_accessible_databases_sync (fixture->root, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) names, "_system"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/query-admin/kill", test_kill);
  ADD ("/query-admin/slow-queries-and-tracking", test_slow_queries_and_tracking);
  ADD ("/query-admin/results-cache", test_results_cache);
  ADD ("/query-admin/bad-arguments", test_bad_arguments);
  ADD ("/query-admin/accessible-databases", test_accessible_databases);
  ADD ("/query-admin/sync", test_sync);

#undef ADD

  return g_test_run ();
}
