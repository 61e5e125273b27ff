/* test-pool-size.c: ArangoClient:max-connections caps the requests that
 * run on a coordinator at once, and may change while requests run
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The coordinator holds every request it gets (the hang fault), so the
 * requests it counts are the ones running at once; once they are in,
 * the fault is lifted. A connection carries one request at a time, so
 * the connections it saw bound how many ever ran at once.
 */

#include "test-util.h"

#define N_REQUESTS 16

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCluster *cluster;
} Fixture;

typedef struct
{
  guint succeeded;
  guint cancelled;
} Outcomes;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  unused)
{
  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
  fixture->cluster = arango_database_get_cluster (fixture->database);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  unused)
{
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static void
on_server_id (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Outcomes *outcomes = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = arango_cluster_server_id_finish (ARANGO_CLUSTER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    outcomes->cancelled++;
  else
    {
      g_assert_no_error (error);
      outcomes->succeeded++;
    }
}

static void
wait_for_outcomes (Outcomes *outcomes,
                   guint     n)
{
  while (outcomes->succeeded + outcomes->cancelled < n)
    g_main_context_iteration (NULL, TRUE);
}

/* Counters start again from 0, and the coordinator holds what comes. */
static void
hold_from_now_on (Fixture *fixture)
{
  g_autoptr(JsonNode) state = emulator_process_control (fixture->emulator, "POST",
                                                         "/_control/reset", NULL);

  emulator_process_set_fault (fixture->emulator, 0, "hang", 0, 0);
}

/* Sends N_REQUESTS at once, the first with @first_cancellable. */
static void
send_held_requests (Fixture      *fixture,
                    GCancellable *first_cancellable,
                    Outcomes     *outcomes)
{
  hold_from_now_on (fixture);
  for (guint i = 0; i < N_REQUESTS; i++)
    arango_cluster_server_id_async (fixture->cluster, i == 0 ? first_cancellable : NULL,
                                    on_server_id, outcomes);
}

/* Waits (up to five seconds), running the main context, until the
 * coordinator has got @n requests. */
static void
wait_for_arrivals (Fixture *fixture,
                   guint    n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (emulator_process_get_request_count (fixture->emulator, 0) < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
release (Fixture *fixture)
{
  emulator_process_set_fault (fixture->emulator, 0, "none", 0, 0);
}

/* Sends N_REQUESTS at once: @at_once of them reach the coordinator
 * together, and all of them go over that many connections. */
static void
assert_requests_at_once (Fixture *fixture,
                         guint    at_once)
{
  Outcomes outcomes = { 0, };

  send_held_requests (fixture, NULL, &outcomes);
  wait_for_arrivals (fixture, at_once);
  release (fixture);
  wait_for_outcomes (&outcomes, N_REQUESTS);

  g_assert_cmpuint (outcomes.succeeded, ==, N_REQUESTS);
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0), ==, N_REQUESTS);
  g_assert_cmpuint (emulator_process_get_connection_count (fixture->emulator, 0), ==, at_once);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_property (Fixture       *fixture,
               gconstpointer  unused)
{
  guint notified = 0;
  guint value = 0;

  g_assert_cmpuint (arango_client_get_max_connections (fixture->client), ==, 8);
  g_signal_connect (fixture->client, "notify::max-connections",
                    G_CALLBACK (count_notify), &notified);

  arango_client_set_max_connections (fixture->client, 3);
  arango_client_set_max_connections (fixture->client, 3);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (fixture->client, "max-connections", &value, NULL);
  g_assert_cmpuint (value, ==, 3);

  /* The setter takes the nearest value in range */
  arango_client_set_max_connections (fixture->client, 0);
  g_assert_cmpuint (arango_client_get_max_connections (fixture->client), ==, 1);
  arango_client_set_max_connections (fixture->client, 100);
  g_assert_cmpuint (arango_client_get_max_connections (fixture->client), ==, 32);
  g_assert_cmpuint (notified, ==, 3);

  /* The property's range refuses the rest */
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*max-connections*");
  g_object_set (fixture->client, "max-connections", 33, NULL);
  g_test_assert_expected_messages ();
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*max-connections*");
  g_object_set (fixture->client, "max-connections", 0, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (arango_client_get_max_connections (fixture->client), ==, 32);
  g_assert_cmpuint (notified, ==, 3);
}

static void
test_default (Fixture       *fixture,
              gconstpointer  unused)
{
  assert_requests_at_once (fixture, 8);
}

static void
test_two (Fixture       *fixture,
          gconstpointer  unused)
{
  arango_client_set_max_connections (fixture->client, 2);
  assert_requests_at_once (fixture, 2);
}

static void
test_one_serialises (Fixture       *fixture,
                     gconstpointer  unused)
{
  arango_client_set_max_connections (fixture->client, 1);
  assert_requests_at_once (fixture, 1);
}

static void
test_raise (Fixture       *fixture,
            gconstpointer  unused)
{
  arango_client_set_max_connections (fixture->client, 2);
  assert_requests_at_once (fixture, 2);
  arango_client_set_max_connections (fixture->client, 12);
  assert_requests_at_once (fixture, 12);
}

/* Requests waiting when the limit goes up take the new connections as
 * soon as a request before them ends: here the first one, cancelled. */
static void
test_raise_while_waiting (Fixture       *fixture,
                          gconstpointer  unused)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcomes outcomes = { 0, };

  arango_client_set_max_connections (fixture->client, 2);
  send_held_requests (fixture, cancellable, &outcomes);
  wait_for_arrivals (fixture, 2);

  arango_client_set_max_connections (fixture->client, 12);
  g_cancellable_cancel (cancellable);
  /* The one left running and eleven more */
  wait_for_arrivals (fixture, 2 + 11);
  release (fixture);
  wait_for_outcomes (&outcomes, N_REQUESTS);

  g_assert_cmpuint (outcomes.cancelled, ==, 1);
  g_assert_cmpuint (outcomes.succeeded, ==, N_REQUESTS - 1);
}

static void
test_lower_while_busy (Fixture       *fixture,
                       gconstpointer  unused)
{
  Outcomes outcomes = { 0, };

  send_held_requests (fixture, NULL, &outcomes);
  wait_for_arrivals (fixture, 8);

  arango_client_set_max_connections (fixture->client, 2);
  release (fixture);
  wait_for_outcomes (&outcomes, N_REQUESTS);
  g_assert_cmpuint (outcomes.succeeded, ==, N_REQUESTS);

  assert_requests_at_once (fixture, 2);
}

typedef struct
{
  ArangoCluster *cluster;
  char *id;
  GError *error;
} Blocking;

static gpointer
call_blocking (gpointer user_data)
{
  Blocking *blocking = user_data;

  blocking->id = arango_cluster_server_id_sync (blocking->cluster, NULL, &blocking->error);
  return NULL;
}

/* Blocking calls cannot wait for the application's requests: they have
 * a pool of their own, of the same size, made anew for a new limit. */
static void
test_blocking_calls (Fixture       *fixture,
                     gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = arango_cluster_server_id_sync (fixture->cluster, NULL, &error);
  Blocking calls[4] = { 0, };
  GThread *threads[G_N_ELEMENTS (calls)];

  g_assert_no_error (error);
  arango_client_set_max_connections (fixture->client, 2);
  hold_from_now_on (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      calls[i].cluster = fixture->cluster;
      threads[i] = g_thread_new ("blocking-call", call_blocking, &calls[i]);
    }
  wait_for_arrivals (fixture, 2);
  release (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (calls[i].error);
      g_assert_cmpstr (calls[i].id, ==, first);
      g_free (calls[i].id);
    }
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0), ==, G_N_ELEMENTS (calls));
  g_assert_cmpuint (emulator_process_get_connection_count (fixture->emulator, 0), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pool-size/property", Fixture, NULL,
              fixture_set_up, test_property, fixture_tear_down);
  g_test_add ("/pool-size/default", Fixture, NULL,
              fixture_set_up, test_default, fixture_tear_down);
  g_test_add ("/pool-size/two", Fixture, NULL,
              fixture_set_up, test_two, fixture_tear_down);
  g_test_add ("/pool-size/one-serialises", Fixture, NULL,
              fixture_set_up, test_one_serialises, fixture_tear_down);
  g_test_add ("/pool-size/raise", Fixture, NULL,
              fixture_set_up, test_raise, fixture_tear_down);
  g_test_add ("/pool-size/raise-while-waiting", Fixture, NULL,
              fixture_set_up, test_raise_while_waiting, fixture_tear_down);
  g_test_add ("/pool-size/lower-while-busy", Fixture, NULL,
              fixture_set_up, test_lower_while_busy, fixture_tear_down);
  g_test_add ("/pool-size/blocking-calls", Fixture, NULL,
              fixture_set_up, test_blocking_calls, fixture_tear_down);

  return g_test_run ();
}
