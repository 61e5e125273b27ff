/* test-shards.c: shards of collections and the cluster's shard administration against the emulator
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
  ArangoCollection *collection;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) options = json_object_new ();

  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
  fixture->cluster = arango_database_get_cluster (fixture->database);

  json_object_set_int_member (options, "numberOfShards", 3);
  arango_database_create_collection_async (fixture->database, "planets", options, NULL, READY);
  fixture->collection = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->collection);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

/* shard id -> its servers, leader first */
static JsonObject *
shard_map (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) properties = arango_collection_shards_sync (fixture->collection, TRUE,
                                                                     NULL, &error);

  g_assert_no_error (error);
  return json_object_ref (json_object_get_object_member (properties, "shards"));
}

static const char *
leader_of (JsonObject *shards,
           const char *shard)
{
  return json_array_get_string_element (json_object_get_array_member (shards, shard), 0);
}

/* Every DB-Server of the cluster, from its health. */
static GPtrArray *
dbservers (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) health = NULL;
  g_autoptr(GList) ids = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  arango_cluster_health_async (fixture->cluster, NULL, READY);
  health = arango_cluster_health_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  ids = json_object_get_members (json_object_get_object_member (health, "Health"));
  for (GList *l = ids; l; l = l->next)
    if (g_str_has_prefix (l->data, "PRMR-"))
      g_ptr_array_add (result, g_strdup (l->data));
  return result;
}

static gboolean
server_holds_any (JsonObject *shards,
                  const char *server)
{
  g_autoptr(GList) names = json_object_get_members (shards);

  for (GList *l = names; l; l = l->next)
    {
      JsonArray *servers = json_object_get_array_member (shards, l->data);

      for (guint i = 0; i < json_array_get_length (servers); i++)
        if (g_str_equal (json_array_get_string_element (servers, i), server))
          return TRUE;
    }
  return FALSE;
}

static void
test_shards (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) properties = NULL;
  g_autoptr(JsonObject) detailed = shard_map (fixture);
  g_autoptr(GList) names = json_object_get_members (detailed);
  JsonArray *ids;

  arango_collection_shards_async (fixture->collection, FALSE, NULL, READY);
  properties = arango_collection_shards_finish (fixture->collection, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (properties, "name"), ==, "planets");
  g_assert_cmpint (json_object_get_int_member (properties, "numberOfShards"), ==, 3);
  g_assert_false (json_object_has_member (properties, "error"));
  ids = json_object_get_array_member (properties, "shards");
  g_assert_cmpuint (json_array_get_length (ids), ==, 3);

  /* The same shards, each on one DB-Server (replicationFactor 1) */
  g_assert_cmpuint (g_list_length (names), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const char *id = json_array_get_string_element (ids, i);

      g_assert_true (g_str_has_prefix (id, "s"));
      g_assert_true (json_object_has_member (detailed, id));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (detailed, id)), ==, 1);
      g_assert_true (g_str_has_prefix (leader_of (detailed, id), "PRMR-"));
    }
}

static void
test_shards_unknown_collection (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCollection) missing = arango_database_get_collection (fixture->database, "moons");
  g_autoptr(JsonObject) properties = arango_collection_shards_sync (missing, FALSE, NULL, &error);

  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  g_assert_null (properties);
}

static char *
responsible_shard (Fixture    *fixture,
                   const char *json,
                   GError    **error)
{
  g_autoptr(JsonNode) document = json ? json_from_string (json, NULL) : NULL;

  arango_collection_responsible_shard_async (fixture->collection,
                                             document ? json_node_get_object (document) : NULL,
                                             NULL, READY);
  return arango_collection_responsible_shard_finish (fixture->collection, WAIT, error);
}

static void
test_responsible_shard (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) shards = shard_map (fixture);
  g_autofree char *first = responsible_shard (fixture, "{\"_key\":\"earth\",\"moons\":1}", &error);
  g_autofree char *again = NULL;
  g_autofree char *keyless = NULL;
  g_autofree char *nothing = NULL;
  guint before;

  g_assert_no_error (error);
  g_assert_true (json_object_has_member (shards, first));

  again = responsible_shard (fixture, "{\"_key\":\"earth\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, first);

  keyless = responsible_shard (fixture, "{\"moons\":2}", &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CLUSTER_NOT_ALL_SHARDING_ATTRIBUTES_GIVEN);
  g_assert_null (keyless);
  g_clear_error (&error);

  before = emulator_process_get_request_count (fixture->emulator, 0);
  nothing = responsible_shard (fixture, NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (nothing);
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0), ==, before);
}

static void
test_move_shard (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) before = shard_map (fixture);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GList) names = json_object_get_members (before);
  g_autoptr(GPtrArray) servers = dbservers (fixture);
  g_autofree char *job = NULL;
  const char *shard = names->data;
  const char *from = leader_of (before, shard);
  const char *to = NULL;

  for (guint i = 0; i < servers->len && to == NULL; i++)
    if (!g_str_equal (servers->pdata[i], from))
      to = servers->pdata[i];

  arango_cluster_move_shard_async (fixture->cluster, "planets", shard, from, to, NULL, READY);
  job = arango_cluster_move_shard_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);
  g_assert_cmpstr (job, !=, "");

  /* The emulator's agency runs the job at once. */
  after = shard_map (fixture);
  g_assert_cmpstr (leader_of (after, shard), ==, to);
}

static void
assert_move_refused (Fixture    *fixture,
                     const char *shard,
                     const char *from,
                     const char *to,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *job = arango_cluster_move_shard_sync (fixture->cluster, "planets", shard,
                                                         from, to, NULL, &error);

  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_HTTP_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, message));
  g_assert_null (job);
}

static void
test_move_shard_errors (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) shards = shard_map (fixture);
  g_autoptr(GList) names = json_object_get_members (shards);
  g_autoptr(GPtrArray) servers = dbservers (fixture);
  g_autofree char *job = NULL;
  const char *shard = names->data;
  const char *leader = leader_of (shards, shard);
  const char *other = g_str_equal (servers->pdata[0], leader) ? servers->pdata[1] : servers->pdata[0];
  guint before;

  assert_move_refused (fixture, "s1", leader, other, "shard not found");
  assert_move_refused (fixture, shard, leader, "PRMR-nobody", "one or both dbservers not found");
  assert_move_refused (fixture, shard, other, leader, "shard is not located on the server");

  before = emulator_process_get_request_count (fixture->emulator, 0);
  job = arango_cluster_move_shard_sync (fixture->cluster, "planets", "", leader, other, NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (job);
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0), ==, before);
}

static void
test_clean_out_and_resign (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) before = shard_map (fixture);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GList) names = json_object_get_members (before);
  g_autofree char *leaving = g_strdup (leader_of (before, names->data));
  g_autofree char *job = NULL;
  g_autofree char *resign_job = NULL;
  g_autofree char *refused = NULL;
  g_autoptr(JsonObject) counts = NULL;
  JsonArray *cleaned;

  g_assert_true (server_holds_any (before, leaving));

  arango_cluster_clean_out_server_async (fixture->cluster, leaving, NULL, READY);
  job = arango_cluster_clean_out_server_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);

  after = shard_map (fixture);
  g_assert_false (server_holds_any (after, leaving));
  g_assert_cmpuint (json_object_get_size (after), ==, 3);

  /* The finished job lists the server as cleaned out, where go-driver's
   * IsCleanedOut looks. */
  arango_cluster_server_count_async (fixture->cluster, NULL, READY);
  counts = arango_cluster_server_count_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  cleaned = json_object_get_array_member (counts, "cleanedServers");
  g_assert_cmpuint (json_array_get_length (cleaned), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (cleaned, 0), ==, leaving);

  arango_cluster_resign_server_async (fixture->cluster, leaving, NULL, READY);
  resign_job = arango_cluster_resign_server_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (resign_job);
  g_assert_cmpstr (resign_job, !=, job);

  refused = arango_cluster_resign_server_sync (fixture->cluster, NULL, NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (refused);
}

static void
test_remove_server (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) state = emulator_process_control (fixture->emulator, "GET",
                                                        "/_control/coordinators/0", NULL);
  const char *coordinator = json_object_get_string_member (json_node_get_object (state), "serverId");

  /* Only a server the supervision declared FAILED may go. */
  arango_cluster_remove_server_async (fixture->cluster, coordinator, NULL, READY);
  g_assert_false (arango_cluster_remove_server_finish (fixture->cluster, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_HTTP_PRECONDITION_FAILED);
  g_assert_nonnull (strstr (error->message, "server may not be deleted"));
  g_clear_error (&error);

  g_assert_false (arango_cluster_remove_server_sync (fixture->cluster, "PRMR-nobody", NULL, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_HTTP_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (arango_cluster_remove_server_sync (fixture->cluster, "", NULL, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
}

static JsonObject *
inventory_entry (JsonObject *inventory,
                 const char *name)
{
  JsonArray *collections = json_object_get_array_member (inventory, "collections");

  for (guint i = 0; i < json_array_get_length (collections); i++)
    {
      JsonObject *entry = json_array_get_object_element (collections, i);
      JsonObject *parameters = json_object_get_object_member (entry, "parameters");

      if (g_str_equal (json_object_get_string_member (parameters, "name"), name))
        return entry;
    }
  return NULL;
}

static void
test_database_inventory (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) inventory = NULL;
  g_autoptr(JsonObject) user_only = NULL;
  JsonObject *planets;

  arango_cluster_database_inventory_async (fixture->cluster, TRUE, NULL, READY);
  inventory = arango_cluster_database_inventory_finish (fixture->cluster, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_object_get_array_member (inventory, "views"));
  g_assert_nonnull (json_object_get_string_member (inventory, "tick"));
  planets = inventory_entry (inventory, "planets");
  g_assert_nonnull (planets);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (
                      json_object_get_object_member (planets, "parameters"), "shards")), ==, 3);
  g_assert_true (json_object_get_boolean_member (planets, "allInSync"));
  g_assert_nonnull (inventory_entry (inventory, "_graphs"));

  user_only = arango_cluster_database_inventory_sync (fixture->cluster, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (inventory_entry (user_only, "planets"));
  g_assert_null (inventory_entry (user_only, "_graphs"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/shards/collection", test_shards);
  ADD ("/shards/unknown-collection", test_shards_unknown_collection);
  ADD ("/shards/responsible-shard", test_responsible_shard);
  ADD ("/shards/move", test_move_shard);
  ADD ("/shards/move-errors", test_move_shard_errors);
  ADD ("/shards/clean-out-and-resign", test_clean_out_and_resign);
  ADD ("/shards/remove-server", test_remove_server);
  ADD ("/shards/database-inventory", test_database_inventory);

#undef ADD

  return g_test_run ();
}
