/* test-shutdown.c: shutting a Coordinator down, and whether it stays a
 * member of the cluster, against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  char **ids;
  /* One handle per coordinator, each with a client for that coordinator
   * alone, so that a call goes where the test means it to. */
  ArangoClient *clients[3];
  ArangoDatabase *databases[3];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start (3, NULL, NULL);
  fixture->ids = test_coordinator_ids (fixture->emulator);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->clients); i++)
    {
      g_autoptr(GError) error = NULL;

      fixture->clients[i] = arango_client_new (emulator_process_get_host (fixture->emulator, i), &error);
      g_assert_no_error (error);
      fixture->databases[i] = test_open_database (fixture->clients[i], "root", "");
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->clients); i++)
    {
      g_clear_object (&fixture->databases[i]);
      g_clear_object (&fixture->clients[i]);
    }
  g_strfreev (fixture->ids);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

/* Shuts coordinator @index down through its own handle, and waits until
 * it has stopped listening. */
static void
shut_down (Fixture             *fixture,
           guint                index,
           ArangoShutdownFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (arango_database_shutdown_with_flags_sync (fixture->databases[index], flags,
                                                           NULL, &error));
  g_assert_no_error (error);
  test_wait_coordinator_stopped (fixture->emulator, index);
}

/* Whether the cluster health, asked of coordinator @asked, lists
 * coordinator @index. */
static gboolean
in_health (Fixture *fixture,
           guint    asked,
           guint    index)
{
  g_autoptr(GError) error = NULL;
  ArangoCluster *cluster = arango_database_get_cluster (fixture->databases[asked]);
  g_autoptr(JsonObject) health = arango_cluster_health_sync (cluster, NULL, &error);

  g_assert_no_error (error);
  return json_object_has_member (json_object_get_object_member (health, "Health"),
                                 fixture->ids[index]);
}

/* Whether the endpoint list, asked of coordinator @asked, has coordinator
 * @index's endpoint. */
static gboolean
in_endpoints (Fixture *fixture,
              guint    asked,
              guint    index)
{
  g_autoptr(GError) error = NULL;
  ArangoCluster *cluster = arango_database_get_cluster (fixture->databases[asked]);
  g_auto(GStrv) endpoints = arango_cluster_endpoints_sync (cluster, NULL, &error);
  const char *host = emulator_process_get_host (fixture->emulator, index);
  g_autofree char *endpoint = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (host, "http://"));
  endpoint = g_strconcat ("tcp://", host + strlen ("http://"), NULL);
  return g_strv_contains ((const char * const *) endpoints, endpoint);
}

/* A Coordinator shut down cleanly logs off: it leaves the endpoint list
 * but stays in the health; one shut down with REMOVE_FROM_CLUSTER leaves
 * both, until it starts again. */
static void
test_remove_from_cluster (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *plain_query = NULL;
  g_autofree char *removal_query = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (in_health (fixture, 2, i));
      g_assert_true (in_endpoints (fixture, 2, i));
    }

  shut_down (fixture, 0, ARANGO_SHUTDOWN_FLAGS_NONE);
  plain_query = test_last_query (fixture->emulator, 0);
  g_assert_cmpstr (plain_query, ==, "");
  g_assert_true (in_health (fixture, 2, 0));
  g_assert_false (in_endpoints (fixture, 2, 0));

  shut_down (fixture, 1, ARANGO_SHUTDOWN_FLAGS_SOFT | ARANGO_SHUTDOWN_FLAGS_REMOVE_FROM_CLUSTER);
  removal_query = test_last_query (fixture->emulator, 1);
  g_assert_cmpstr (removal_query, ==, "soft=true&remove_from_cluster=1");
  g_assert_false (in_health (fixture, 2, 1));
  g_assert_false (in_endpoints (fixture, 2, 1));
  g_assert_true (in_health (fixture, 2, 2));
  g_assert_true (in_endpoints (fixture, 2, 2));

  /* Started again, both register anew. */
  emulator_process_start_coordinator (fixture->emulator, 0);
  emulator_process_start_coordinator (fixture->emulator, 1);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (in_health (fixture, 2, i));
      g_assert_true (in_endpoints (fixture, 2, i));
    }

  /* Flags this version does not know: refused before sending. */
  g_assert_false (arango_database_shutdown_with_flags_sync (fixture->databases[2], 1 << 6, NULL,
                                                            &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_true (test_coordinator_running (fixture->emulator, 2));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/shutdown/remove-from-cluster", Fixture, NULL, fixture_set_up,
              test_remove_from_cluster, fixture_tear_down);

  return g_test_run ();
}
