/* test-replication-limits.c: replication settings a cluster cannot hold,
 * against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"


#define ROADS "[{\"collection\": \"roads\", \"from\": [\"towns\"], \"to\": [\"towns\"]}]"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
} Fixture;

/* user_data: the emulator's command line, NULL-terminated. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start_with_args (user_data);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

/* The Coordinator's refusal of more copies than it has DB-Servers. */
static void
assert_too_few_dbservers (GError **error)
{
  test_assert_refused (error, 500, ARANGO_SERVER_ERROR_CLUSTER_INSUFFICIENT_DBSERVERS,
                       "the number of current DB-Servers is lower than the requested "
                       "replicationFactor/writeConcern");
}

static ArangoCollection *
create_collection (Fixture     *fixture,
                   const char  *name,
                   const char  *options,
                   GError     **error)
{
  g_autoptr(JsonObject) object = test_json_object (options);

  return arango_database_create_collection_sync (fixture->database, name, object, NULL, error);
}

static ArangoGraph *
create_graph (Fixture     *fixture,
              const char  *options,
              GError     **error)
{
  g_autoptr(JsonNode) definitions = json_from_string (ROADS, NULL);
  g_autoptr(JsonObject) object = test_json_object (options);

  return arango_database_create_graph_sync (fixture->database, "map",
                                            json_node_get_array (definitions), NULL, object,
                                            NULL, error);
}

static gboolean
has_collection (Fixture    *fixture,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) collections = arango_database_list_collections_sync (fixture->database,
                                                                            NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (collections); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (collections, i),
                                                    "name"),
                     name))
      return TRUE;
  return FALSE;
}

/* Three DB-Servers keep at most three copies of a shard; a name that is
 * taken is refused first, a factor no server allows before both. */
static void
test_collection_copies (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCollection) three = create_collection (fixture, "three",
                                                         "{\"replicationFactor\": 3}", &error);

  g_assert_no_error (error);
  g_assert_null (create_collection (fixture, "four", "{\"replicationFactor\": 4}", &error));
  assert_too_few_dbservers (&error);
  g_assert_false (has_collection (fixture, "four"));

  g_assert_null (create_collection (fixture, "three", "{\"replicationFactor\": 4}", &error));
  test_assert_refused (&error, 409, ARANGO_SERVER_ERROR_DUPLICATE_NAME, "duplicate name");
  g_assert_null (create_collection (fixture, "three", "{\"replicationFactor\": 11}", &error));
  test_assert_refused (&error, 400, ARANGO_SERVER_ERROR_BAD_PARAMETER,
                       "replicationFactor must not be higher than maximum allowed replicationFactor (10)");
  g_assert_null (create_collection (fixture, "four",
                                    "{\"replicationFactor\": 2, \"writeConcern\": 4}", &error));
  test_assert_refused (&error, 400, ARANGO_SERVER_ERROR_BAD_PARAMETER,
                       "writeConcern must not be higher than replicationFactor");
}

/* Changing the settings is held to the same count, for the copies and
 * for the write concern. */
static void
test_changed_copies (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCollection) planets = create_collection (fixture, "planets", "{}", &error);
  g_autoptr(JsonObject) four = test_json_object ("{\"replicationFactor\": 4}");
  g_autoptr(JsonObject) four_to_write = test_json_object ("{\"writeConcern\": 4}");
  g_autoptr(JsonObject) three = test_json_object ("{\"replicationFactor\": 3}");
  g_autoptr(JsonObject) properties = NULL;

  g_assert_no_error (error);
  g_assert_null (arango_collection_configure_sync (planets, four, NULL, &error));
  assert_too_few_dbservers (&error);
  g_assert_null (arango_collection_configure_sync (planets, four_to_write, NULL, &error));
  assert_too_few_dbservers (&error);

  properties = arango_collection_configure_sync (planets, three, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (properties, "replicationFactor"), ==, 3);
}

/* A graph's options are checked before any of its collections is made;
 * a SatelliteGraph keeps a copy on every DB-Server and is not counted. */
static void
test_graph_copies (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoGraph) satellite = NULL;

  g_assert_null (create_graph (fixture, "{\"options\": {\"replicationFactor\": 4}}", &error));
  assert_too_few_dbservers (&error);
  g_assert_null (create_graph (fixture, "{\"isSmart\": true, \"options\": {\"replicationFactor\": 2,"
                                        " \"writeConcern\": 4, \"smartGraphAttribute\": \"region\"}}",
                               &error));
  assert_too_few_dbservers (&error);
  g_assert_false (has_collection (fixture, "roads"));
  g_assert_false (has_collection (fixture, "towns"));

  satellite = create_graph (fixture, "{\"options\": {\"replicationFactor\": \"satellite\"}}", &error);
  g_assert_no_error (error);
  g_assert_nonnull (satellite);
}

/* One more DB-Server, one more copy. */
static void
test_more_dbservers (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCollection) four = create_collection (fixture, "four", "{\"replicationFactor\": 4}",
                                                        &error);

  g_assert_no_error (error);
  g_assert_null (create_collection (fixture, "five", "{\"replicationFactor\": 5}", &error));
  assert_too_few_dbservers (&error);
}

/* A single server keeps one copy of everything and does not count. */
static void
test_single_server (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCollection) four = create_collection (fixture, "four", "{\"replicationFactor\": 4}",
                                                        &error);
  g_autoptr(ArangoGraph) map = NULL;

  g_assert_no_error (error);
  map = create_graph (fixture, "{\"options\": {\"replicationFactor\": 4}}", &error);
  g_assert_no_error (error);
  g_assert_nonnull (map);
}

int
main (int    argc,
      char **argv)
{
  static const char * const cluster[] = { "--coordinators=1", NULL };
  static const char * const four_dbservers[] = { "--coordinators=1", "--dbservers=4", NULL };
  static const char * const single[] = { "--coordinators=1", "--single", NULL };

  g_test_init (&argc, &argv, NULL);

#define ADD(path, args, func) \
  g_test_add (path, Fixture, args, fixture_set_up, func, fixture_tear_down)

  ADD ("/replication-limits/collection", cluster, test_collection_copies);
  ADD ("/replication-limits/properties", cluster, test_changed_copies);
  ADD ("/replication-limits/graph", cluster, test_graph_copies);
  ADD ("/replication-limits/more-dbservers", four_dbservers, test_more_dbservers);
  ADD ("/replication-limits/single-server", single, test_single_server);

#undef ADD

  return g_test_run ();
}
