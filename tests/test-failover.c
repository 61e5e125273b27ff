/* test-failover.c: which failures move a request to another coordinator,
 * and which never may
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
  g_strfreev (fixture->ids);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static char *
server_id (Fixture  *fixture,
           GError  **error)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;

  arango_cluster_server_id_async (fixture->cluster, NULL, test_async_ready, &async);
  return arango_cluster_server_id_finish (fixture->cluster, test_async_wait (&async), error);
}

static gboolean
toggle_maintenance (Fixture     *fixture,
                    const char  *mode,
                    GError     **error)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;

  arango_cluster_toggle_maintenance_mode_async (fixture->cluster, mode, NULL,
                                                test_async_ready, &async);
  return arango_cluster_toggle_maintenance_mode_finish (fixture->cluster,
                                                        test_async_wait (&async),
                                                        error);
}

static guint
maintenance_puts (Fixture *fixture)
{
  guint total = 0;

  for (guint i = 0; i < 3; i++)
    total += test_count_requests_to (fixture->emulator, i, "PUT", "/_admin/cluster/maintenance");
  return total;
}

static void
test_coordinator_down (Fixture       *fixture,
                       gconstpointer  user_data)
{
  emulator_process_stop_coordinator (fixture->emulator, 1);

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = server_id (fixture, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (id, !=, fixture->ids[1]);
    }
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 1), ==, 0);
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0) +
                    emulator_process_get_request_count (fixture->emulator, 2), ==, 12);

  /* A write that never reached host 1 is safe to send elsewhere too */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (toggle_maintenance (fixture, "off", &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (maintenance_puts (fixture), ==, 3);

  /* Back up, it serves again */
  emulator_process_start_coordinator (fixture->emulator, 1);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = server_id (fixture, &error);

      g_assert_no_error (error);
    }
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 1), ==, 1);
}

static guint
served_by_others (Fixture *fixture)
{
  return emulator_process_get_request_count (fixture->emulator, 0) +
         emulator_process_get_request_count (fixture->emulator, 2);
}

/* max-tries 1 turns failover off: a request meant for the stopped host
 * fails at once, and nothing goes to another coordinator. The default
 * moves it on. */
static void
test_max_tries_one (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *down_host = g_strdup (emulator_process_get_host (fixture->emulator, 1));
  guint failed = 0;
  guint before;

  emulator_process_stop_coordinator (fixture->emulator, 1);
  g_assert_true (arango_client_set_max_tries (fixture->client, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (arango_client_get_max_tries (fixture->client), ==, 1);

  /* Round robin: two requests in six go to host 1. */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = NULL;

      before = served_by_others (fixture);
      id = server_id (fixture, &error);
      if (error == NULL)
        {
          g_assert_cmpstr (id, !=, fixture->ids[1]);
          g_assert_cmpuint (served_by_others (fixture), ==, before + 1);
          continue;
        }
      g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_HOSTS_UNAVAILABLE);
      g_assert_nonnull (strstr (error->message, "after 1 try on 3 hosts"));
      g_assert_nonnull (strstr (error->message, down_host));
      g_assert_cmpuint (served_by_others (fixture), ==, before);
      g_clear_error (&error);
      failed++;
    }
  g_assert_cmpuint (failed, ==, 2);

  /* The default again: every request succeeds, by failover. */
  g_assert_true (arango_client_set_max_tries (fixture->client, 0, &error));
  g_assert_cmpuint (arango_client_get_max_tries (fixture->client), ==, 9);
  before = served_by_others (fixture);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = server_id (fixture, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (id, !=, fixture->ids[1]);
    }
  g_assert_cmpuint (served_by_others (fixture), ==, before + 6);
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 1), ==, 0);
}

static void
test_unavailable_is_retried (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  /* The first request goes to host 0, which answers 503 once */
  emulator_process_set_fault (fixture->emulator, 0, "unavailable", 1, 0);
  id = server_id (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, fixture->ids[1]);
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0), ==, 1);

  /* A 503 means the coordinator did not run it: a PUT moves on too */
  emulator_process_set_fault (fixture->emulator, 2, "unavailable", 1, 0);
  g_assert_true (toggle_maintenance (fixture, "on", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 2, "PUT", "/_admin/cluster/maintenance"), ==, 1);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "PUT", "/_admin/cluster/maintenance"), ==, 1);
}

static void
test_all_down (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  for (guint i = 0; i < 3; i++)
    emulator_process_stop_coordinator (fixture->emulator, i);

  id = server_id (fixture, &error);
  g_assert_null (id);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_HOSTS_UNAVAILABLE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "9 tries"));
  g_assert_nonnull (strstr (error->message, "3 hosts"));
}

static void
test_all_unavailable (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint total = 0;

  for (guint i = 0; i < 3; i++)
    emulator_process_set_fault (fixture->emulator, i, "unavailable", 0, 0);
  g_assert_true (arango_client_set_max_tries (fixture->client, 5, &error));

  id = server_id (fixture, &error);
  g_assert_null (id);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_HOSTS_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "[HTTP 503]"));
  for (guint i = 0; i < 3; i++)
    total += emulator_process_get_request_count (fixture->emulator, i);
  g_assert_cmpuint (total, ==, 5);
}

static void
test_write_not_resent_after_reset (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* Host 0 drops the connection after reading the request: it may have
   * run it, so it must not run twice. */
  emulator_process_set_fault (fixture->emulator, 0, "reset", 1, 0);
  g_assert_false (toggle_maintenance (fixture, "on", &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_CONNECTION);
  g_assert_nonnull (strstr (error->message, "may have been executed"));
  g_assert_cmpuint (maintenance_puts (fixture), ==, 1);
}

static void
test_read_resent_after_reset (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  emulator_process_set_fault (fixture->emulator, 0, "reset", 1, 0);
  id = server_id (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, fixture->ids[1]);
}

static void
test_truncated_and_garbage_reads (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *other = NULL;

  /* A truncated body is a transport error: the read moves on */
  emulator_process_set_fault (fixture->emulator, 0, "truncate", 1, 0);
  id = server_id (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, fixture->ids[1]);

  /* A complete reply that is not JSON is not retried: it is an answer */
  emulator_process_set_fault (fixture->emulator, 2, "garbage", 1, 0);
  other = server_id (fixture, &error);
  g_assert_null (other);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY);
}

static void
test_hanging_coordinator (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 started;
  double elapsed;

  arango_client_set_request_timeout (fixture->client, 1);
  emulator_process_set_fault (fixture->emulator, 0, "hang", 0, 0);

  /* A read waits one timeout on the hanging host, then moves on */
  started = g_get_monotonic_time ();
  id = server_id (fixture, &error);
  elapsed = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, fixture->ids[1]);
  g_test_message ("read failed over after %.2f s", elapsed);
  g_assert_cmpfloat (elapsed, >=, 0.95);
  g_assert_cmpfloat (elapsed, <, 3.0);

  /* A write that reached the hanging host times out and is not resent:
   * the rotation is now at host 2, so move it back to host 0 first. */
  g_free (server_id (fixture, &error));
  g_assert_no_error (error);
  started = g_get_monotonic_time ();
  g_assert_false (toggle_maintenance (fixture, "on", &error));
  elapsed = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_test_message ("write timed out after %.2f s", elapsed);
  g_assert_cmpfloat (elapsed, >=, 0.95);
  g_assert_cmpfloat (elapsed, <, 2.0);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 1, "PUT", "/_admin/cluster/maintenance") +
                    test_count_requests_to (fixture->emulator, 2, "PUT", "/_admin/cluster/maintenance"), ==, 0);
}

static void
test_every_host_hangs (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  arango_client_set_request_timeout (fixture->client, 1);
  for (guint i = 0; i < 3; i++)
    emulator_process_set_fault (fixture->emulator, i, "hang", 0, 0);

  id = server_id (fixture, &error);
  g_assert_null (id);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  /* Each host was asked once, none twice */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, i), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/failover/coordinator-down", test_coordinator_down);
  ADD ("/failover/max-tries-one", test_max_tries_one);
  ADD ("/failover/unavailable-is-retried", test_unavailable_is_retried);
  ADD ("/failover/all-down", test_all_down);
  ADD ("/failover/all-unavailable", test_all_unavailable);
  ADD ("/failover/write-not-resent-after-reset", test_write_not_resent_after_reset);
  ADD ("/failover/read-resent-after-reset", test_read_resent_after_reset);
  ADD ("/failover/truncated-and-garbage", test_truncated_and_garbage_reads);
  ADD ("/failover/hanging-coordinator", test_hanging_coordinator);
  ADD ("/failover/every-host-hangs", test_every_host_hangs);

#undef ADD

  return g_test_run ();
}
