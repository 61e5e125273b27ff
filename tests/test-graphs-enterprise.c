/* test-graphs-enterprise.c: SmartGraphs, EnterpriseGraphs and
 * SatelliteGraphs against the emulator, an Enterprise Edition Coordinator
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start (1, NULL, NULL);
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

/* Creates the graph "map" over the roads between towns with @options. */
static ArangoGraph *
create_map (Fixture     *fixture,
            const char  *options,
            GError     **error)
{
  g_autoptr(JsonNode) definitions = json_from_string (ROADS, NULL);
  g_autoptr(JsonObject) object = test_json_object (options);

  return arango_database_create_graph_sync (fixture->database, "map", json_node_get_array (definitions),
                                            NULL, object, NULL, error);
}

static JsonObject *
graph_properties (ArangoGraph *graph)
{
  g_autoptr(GError) error = NULL;
  JsonObject *properties = arango_graph_properties_sync (graph, NULL, &error);

  g_assert_no_error (error);
  return properties;
}

/* The definition of the graph "map" created with @options. */
static JsonObject *
created_map_properties (Fixture    *fixture,
                        const char *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoGraph) map = create_map (fixture, options, &error);

  g_assert_no_error (error);
  return graph_properties (map);
}

static JsonObject *
collection_properties (Fixture    *fixture,
                       const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCollection) collection = arango_database_get_collection (fixture->database, name);
  JsonObject *properties = arango_collection_properties_sync (collection, NULL, &error);

  g_assert_no_error (error);
  return properties;
}

static void
test_smart_graph (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoGraph) map = create_map (fixture,
                                           "{\"isSmart\": true, \"options\": {\"numberOfShards\": 3,"
                                           " \"replicationFactor\": 2, \"smartGraphAttribute\": \"region\"}}",
                                           &error);
  g_autoptr(JsonObject) properties = NULL;
  g_autoptr(JsonObject) towns = NULL;
  g_autoptr(JsonObject) roads = NULL;
  g_autoptr(ArangoCollection) harbours = NULL;
  g_autoptr(JsonObject) changed = NULL;
  g_autoptr(JsonObject) harbours_properties = NULL;

  g_assert_no_error (error);
  properties = graph_properties (map);
  g_assert_true (json_object_get_boolean_member (properties, "isSmart"));
  g_assert_false (json_object_get_boolean_member (properties, "isSatellite"));
  g_assert_false (json_object_get_boolean_member (properties, "isDisjoint"));
  g_assert_cmpstr (json_object_get_string_member (properties, "smartGraphAttribute"), ==, "region");
  g_assert_cmpstr (json_object_get_string_member (properties, "initial"), ==, "towns");
  g_assert_cmpint (json_object_get_int_member (properties, "numberOfShards"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (properties, "replicationFactor"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (properties, "writeConcern"), ==, 1);

  /* The collections the graph creates are sharded like it. */
  towns = collection_properties (fixture, "towns");
  roads = collection_properties (fixture, "roads");
  g_assert_cmpint (json_object_get_int_member (towns, "numberOfShards"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (roads, "numberOfShards"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (roads, "replicationFactor"), ==, 2);

  /* Changing the graph keeps what it is. */
  harbours = arango_graph_create_vertex_collection_sync (map, "harbours", NULL, &error);
  g_assert_no_error (error);
  changed = graph_properties (map);
  g_assert_true (json_object_get_boolean_member (changed, "isSmart"));
  g_assert_cmpstr (json_object_get_string_member (changed, "smartGraphAttribute"), ==, "region");
  g_assert_cmpint (json_object_get_int_member (changed, "numberOfShards"), ==, 3);
  harbours_properties = collection_properties (fixture, "harbours");
  g_assert_cmpint (json_object_get_int_member (harbours_properties, "numberOfShards"), ==, 3);
}

static void
test_disjoint_needs_attribute (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoGraph) map = create_map (fixture, "{\"isSmart\": true, \"options\": {\"isDisjoint\": true}}",
                                           &error);
  g_autoptr(JsonObject) properties = NULL;

  g_assert_null (map);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_NO_SMART_GRAPH_ATTRIBUTE);
  g_assert_false (arango_database_has_graph_sync (fixture->database, "map", NULL, NULL));
  g_clear_error (&error);

  properties = created_map_properties (fixture, "{\"isSmart\": true, \"options\": {\"isDisjoint\": true,"
                                       " \"smartGraphAttribute\": \"region\"}}");
  g_assert_true (json_object_get_boolean_member (properties, "isDisjoint"));
}

static void
test_illegal_attribute (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *options[] = {
    "{\"isSmart\": true, \"options\": {\"smartGraphAttribute\": \"_key\"}}",
    "{\"isSmart\": true, \"options\": {\"smartGraphAttribute\": \"\"}}",
    "{\"isSmart\": true, \"options\": {\"smartGraphAttribute\": 7}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ArangoGraph) map = create_map (fixture, options[i], &error);

      g_assert_null (map);
      g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_ILLEGAL_SMART_GRAPH_ATTRIBUTE);
    }
  g_assert_false (arango_database_has_graph_sync (fixture->database, "map", NULL, NULL));
}

static void
test_enterprise_graph (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(JsonObject) properties = created_map_properties (fixture, "{\"isSmart\": true}");

  g_assert_true (json_object_get_boolean_member (properties, "isSmart"));
  g_assert_false (json_object_has_member (properties, "smartGraphAttribute"));
  g_assert_cmpint (json_object_get_int_member (properties, "numberOfShards"), ==, 1);
}

static void
test_satellite_graph (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(JsonObject) properties =
    created_map_properties (fixture, "{\"options\": {\"replicationFactor\": \"satellite\"}}");

  g_assert_true (json_object_get_boolean_member (properties, "isSatellite"));
  g_assert_false (json_object_get_boolean_member (properties, "isSmart"));
  g_assert_cmpstr (json_object_get_string_member (properties, "replicationFactor"), ==, "satellite");
  g_assert_cmpint (json_object_get_int_member (properties, "numberOfShards"), ==, 1);
  g_assert_false (json_object_has_member (properties, "isDisjoint"));
}

static void
test_community_shape (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(JsonObject) properties = created_map_properties (fixture, "{}");

  g_assert_false (json_object_has_member (properties, "isSmart"));
  g_assert_false (json_object_has_member (properties, "numberOfShards"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/graphs-enterprise/smart", test_smart_graph);
  ADD ("/graphs-enterprise/disjoint-needs-attribute", test_disjoint_needs_attribute);
  ADD ("/graphs-enterprise/illegal-attribute", test_illegal_attribute);
  ADD ("/graphs-enterprise/enterprise", test_enterprise_graph);
  ADD ("/graphs-enterprise/satellite", test_satellite_graph);
  ADD ("/graphs-enterprise/plain", test_community_shape);

  return g_test_run ();
}
