/* test-graphs.c: named graphs, their collections, vertices and edges
 * against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"


typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoGraph *social;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static JsonNode *
json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static ArangoGraph *
create_graph (Fixture     *fixture,
              const char  *name,
              const char  *edge_definitions,
              GError     **error)
{
  g_autoptr(JsonNode) definitions = json (edge_definitions);

  arango_database_create_graph_async (fixture->database, name, json_node_get_array (definitions),
                                      NULL, NULL, NULL, READY);
  return arango_database_create_graph_finish (fixture->database, WAIT, error);
}

static JsonObject *
insert_vertex (Fixture             *fixture,
               const char          *collection,
               const char          *text,
               ArangoDocumentFlags  flags,
               GError             **error)
{
  g_autoptr(JsonNode) vertex = json (text);

  arango_graph_insert_vertex_async (fixture->social, collection, vertex, flags, NULL, READY);
  return arango_graph_insert_vertex_finish (fixture->social, WAIT, error);
}

static JsonObject *
insert_edge (Fixture     *fixture,
             const char  *text,
             GError     **error)
{
  g_autoptr(JsonNode) edge = json (text);

  arango_graph_insert_edge_async (fixture->social, "relation", edge, ARANGO_DOCUMENT_FLAGS_NONE,
                                  NULL, READY);
  return arango_graph_insert_edge_finish (fixture->social, WAIT, error);
}

static guint
count_edges (Fixture             *fixture,
             const char          *vertex_id,
             ArangoEdgeDirection  direction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) edges = NULL;

  arango_graph_edges_async (fixture->social, "relation", vertex_id, direction, NULL, READY);
  edges = arango_graph_edges_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  return json_array_get_length (edges);
}

/* The query string of the last logged request with @method whose path
 * ends in @path. */
static char *
last_query (Fixture    *fixture,
            const char *method,
            const char *path)
{
  g_autoptr(JsonNode) log = emulator_process_control (fixture->emulator, "GET",
                                                      "/_control/coordinators/0/requests", NULL);
  JsonArray *requests = json_object_get_array_member (json_node_get_object (log), "requests");
  const char *query = NULL;

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);

      if (g_str_equal (json_object_get_string_member (request, "method"), method) &&
          g_str_has_suffix (json_object_get_string_member (request, "path"), path))
        query = json_object_get_string_member (request, "query");
    }
  return g_strdup (query);
}

static gboolean
has_collection (Fixture    *fixture,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  gboolean has;

  arango_database_has_collection_async (fixture->database, name, NULL, READY);
  has = arango_database_has_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  return has;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) alice = NULL;
  g_autoptr(JsonObject) bob = NULL;

  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");

  fixture->social = create_graph (fixture, "social",
                                  "[{\"collection\": \"relation\", \"from\": [\"female\", \"male\"],"
                                  "  \"to\": [\"female\", \"male\"]}]",
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpstr (arango_graph_get_name (fixture->social), ==, "social");
  g_assert_true (arango_graph_get_database (fixture->social) == fixture->database);

  alice = insert_vertex (fixture, "female", "{\"_key\": \"alice\"}", ARANGO_DOCUMENT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  bob = insert_vertex (fixture, "male", "{\"_key\": \"bob\"}", ARANGO_DOCUMENT_FLAGS_NONE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->social);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static void
test_graphs (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) graphs = NULL;
  g_autoptr(JsonObject) properties = NULL;
  g_autoptr(ArangoGraph) duplicate = NULL;
  g_autoptr(ArangoGraph) missing = NULL;

  arango_database_list_graphs_async (fixture->database, NULL, READY);
  graphs = arango_database_list_graphs_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (graphs), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (graphs, 0), "name"),
                   ==, "social");

  arango_database_has_graph_async (fixture->database, "social", NULL, READY);
  g_assert_true (arango_database_has_graph_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  arango_database_has_graph_async (fixture->database, "nope", NULL, READY);
  g_assert_false (arango_database_has_graph_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);

  /* The graph made its collections. */
  g_assert_true (has_collection (fixture, "relation"));
  g_assert_true (has_collection (fixture, "female"));

  arango_graph_properties_async (fixture->social, NULL, READY);
  properties = arango_graph_properties_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (properties, "_id"), ==, "_graphs/social");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (properties, "edgeDefinitions")), ==, 1);

  duplicate = create_graph (fixture, "social", "[]", &error);
  g_assert_null (duplicate);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_DUPLICATE);
  g_clear_error (&error);

  missing = arango_database_get_graph (fixture->database, "nope");
  arango_graph_properties_async (missing, NULL, READY);
  g_assert_null (arango_graph_properties_finish (missing, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "graph 'nope' not found"));
  g_clear_error (&error);

  arango_database_delete_graph_async (fixture->database, "nope", FALSE, TRUE, NULL, READY);
  g_assert_false (arango_database_delete_graph_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  arango_database_delete_graph_async (fixture->database, "nope", FALSE, FALSE, NULL, READY);
  g_assert_false (arango_database_delete_graph_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_NOT_FOUND);
  g_clear_error (&error);

  arango_database_delete_graph_async (fixture->database, "social", TRUE, FALSE, NULL, READY);
  g_assert_true (arango_database_delete_graph_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  g_assert_false (has_collection (fixture, "relation"));
  g_assert_false (has_collection (fixture, "female"));
  arango_database_has_graph_async (fixture->database, "social", NULL, READY);
  g_assert_false (arango_database_has_graph_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
}

static void
test_create_options (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) options = json ("{\"isSmart\": true, \"options\": {\"smartGraphAttribute\": \"region\"}}");
  const char *orphans[] = { "lonely", NULL };
  g_autoptr(ArangoGraph) graph = NULL;
  g_auto(GStrv) vertices = NULL;
  g_autoptr(JsonObject) properties = NULL;

  /* The emulator is an Enterprise Edition server: a SmartGraph. */
  arango_database_create_graph_async (fixture->database, "islands", NULL, orphans,
                                      json_node_get_object (options), NULL, READY);
  graph = arango_database_create_graph_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  arango_graph_vertex_collections_async (graph, NULL, READY);
  vertices = arango_graph_vertex_collections_finish (graph, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (vertices), ==, 1);
  g_assert_cmpstr (vertices[0], ==, "lonely");
  properties = arango_graph_properties_sync (graph, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (properties, "isSmart"));
  g_assert_cmpstr (json_object_get_string_member (properties, "smartGraphAttribute"), ==, "region");
}

static void
test_vertex_collections (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCollection) city = NULL;
  g_autoptr(ArangoCollection) again = NULL;
  g_autoptr(ArangoCollection) female = NULL;
  g_auto(GStrv) names = NULL;

  arango_graph_create_vertex_collection_async (fixture->social, "city", NULL, READY);
  city = arango_graph_create_vertex_collection_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (arango_collection_get_name (city), ==, "city");
  g_assert_true (has_collection (fixture, "city"));

  arango_graph_vertex_collections_async (fixture->social, NULL, READY);
  names = arango_graph_vertex_collections_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) names, "city"));

  arango_graph_has_vertex_collection_async (fixture->social, "city", NULL, READY);
  g_assert_true (arango_graph_has_vertex_collection_finish (fixture->social, WAIT, &error));
  g_assert_no_error (error);
  arango_graph_has_vertex_collection_async (fixture->social, "town", NULL, READY);
  g_assert_false (arango_graph_has_vertex_collection_finish (fixture->social, WAIT, &error));
  g_assert_no_error (error);

  arango_graph_create_vertex_collection_async (fixture->social, "city", NULL, READY);
  again = arango_graph_create_vertex_collection_finish (fixture->social, WAIT, &error);
  g_assert_null (again);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_COLLECTION_USED_IN_ORPHANS);
  g_clear_error (&error);

  arango_graph_create_vertex_collection_async (fixture->social, "female", NULL, READY);
  female = arango_graph_create_vertex_collection_finish (fixture->social, WAIT, &error);
  g_assert_null (female);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_COLLECTION_USED_IN_EDGE_DEFINITION);
  g_clear_error (&error);

  arango_graph_delete_vertex_collection_async (fixture->social, "male", TRUE, NULL, READY);
  g_assert_false (arango_graph_delete_vertex_collection_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_NOT_IN_ORPHAN_COLLECTION);
  g_clear_error (&error);

  arango_graph_delete_vertex_collection_async (fixture->social, "city", TRUE, NULL, READY);
  g_assert_true (arango_graph_delete_vertex_collection_finish (fixture->social, WAIT, &error));
  g_assert_no_error (error);
  g_assert_false (has_collection (fixture, "city"));
  arango_graph_has_vertex_collection_async (fixture->social, "city", NULL, READY);
  g_assert_false (arango_graph_has_vertex_collection_finish (fixture->social, WAIT, &error));
  g_assert_no_error (error);
}

static void
test_edge_definitions (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const char *people[] = { "female", "male", NULL };
  const char *cities[] = { "city", NULL };
  const char *everyone[] = { "animal", "female", "male", NULL };
  g_autoptr(ArangoCollection) works_in = NULL;
  g_autoptr(ArangoCollection) twice = NULL;
  g_autoptr(ArangoCollection) replaced = NULL;
  g_autoptr(ArangoCollection) unknown = NULL;
  g_autoptr(ArangoGraph) other = NULL;
  g_autoptr(JsonArray) definitions = NULL;
  g_auto(GStrv) vertices = NULL;
  JsonObject *relation;

  arango_graph_create_edge_definition_async (fixture->social, "works_in", people, cities, NULL, READY);
  works_in = arango_graph_create_edge_definition_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (arango_collection_get_name (works_in), ==, "works_in");
  g_assert_true (has_collection (fixture, "city"));

  arango_graph_has_edge_definition_async (fixture->social, "works_in", NULL, READY);
  g_assert_true (arango_graph_has_edge_definition_finish (fixture->social, WAIT, &error));
  g_assert_no_error (error);
  arango_graph_has_edge_definition_async (fixture->social, "lives_in", NULL, READY);
  g_assert_false (arango_graph_has_edge_definition_finish (fixture->social, WAIT, &error));
  g_assert_no_error (error);

  arango_graph_create_edge_definition_async (fixture->social, "works_in", people, cities, NULL, READY);
  twice = arango_graph_create_edge_definition_finish (fixture->social, WAIT, &error);
  g_assert_null (twice);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_COLLECTION_MULTI_USE);
  g_clear_error (&error);

  /* Another graph may use "relation" only as "social" defines it. */
  other = create_graph (fixture, "other",
                        "[{\"collection\": \"relation\", \"from\": [\"male\"], \"to\": [\"male\"]}]", &error);
  g_assert_null (other);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_COLLECTION_USE_IN_MULTI_GRAPHS);
  g_clear_error (&error);

  arango_graph_replace_edge_definition_async (fixture->social, "relation", everyone, everyone, NULL, READY);
  replaced = arango_graph_replace_edge_definition_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (arango_collection_get_name (replaced), ==, "relation");

  arango_graph_edge_definitions_async (fixture->social, NULL, READY);
  definitions = arango_graph_edge_definitions_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (definitions), ==, 2);
  relation = json_array_get_object_element (definitions, 0);
  g_assert_cmpstr (json_object_get_string_member (relation, "collection"), ==, "relation");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (relation, "from")), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (relation, "from"), 0), ==, "animal");

  arango_graph_replace_edge_definition_async (fixture->social, "lives_in", people, cities, NULL, READY);
  unknown = arango_graph_replace_edge_definition_finish (fixture->social, WAIT, &error);
  g_assert_null (unknown);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_EDGE_COLLECTION_NOT_USED);
  g_clear_error (&error);

  arango_graph_delete_edge_definition_async (fixture->social, "works_in", TRUE, NULL, READY);
  g_assert_true (arango_graph_delete_edge_definition_finish (fixture->social, WAIT, &error));
  g_assert_no_error (error);
  g_assert_false (has_collection (fixture, "works_in"));

  /* "city" stays in the graph, as an orphan. */
  arango_graph_vertex_collections_async (fixture->social, NULL, READY);
  vertices = arango_graph_vertex_collections_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) vertices, "city"));

  arango_graph_delete_edge_definition_async (fixture->social, "works_in", FALSE, NULL, READY);
  g_assert_false (arango_graph_delete_edge_definition_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_EDGE_COLLECTION_NOT_USED);
}

static void
test_vertices (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) inserted = NULL;
  g_autoptr(JsonObject) read = NULL;
  g_autoptr(JsonObject) stale = NULL;
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(JsonObject) replaced = NULL;
  g_autoptr(JsonObject) wrong_rev = NULL;
  g_autoptr(JsonObject) removed = NULL;
  g_autoptr(JsonObject) gone = NULL;
  g_autoptr(JsonObject) outsider = NULL;
  g_autoptr(JsonNode) patch = NULL;
  g_autoptr(JsonNode) replacement = NULL;
  g_autofree char *stale_text = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *replace_query = NULL;

  inserted = insert_vertex (fixture, "female", "{\"_key\": \"diana\", \"age\": 30}",
                            ARANGO_DOCUMENT_FLAGS_RETURN_NEW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (inserted, "_id"), ==, "female/diana");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (inserted, "new"), "age"), ==, 30);
  rev = g_strdup (json_object_get_string_member (inserted, "_rev"));

  arango_graph_vertex_async (fixture->social, "female", "female/diana", NULL, NULL, READY);
  read = arango_graph_vertex_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (read, "_rev"), ==, rev);
  g_assert_cmpint (json_object_get_int_member (read, "age"), ==, 30);

  arango_graph_has_vertex_async (fixture->social, "female", "diana", NULL, READY);
  g_assert_true (arango_graph_has_vertex_finish (fixture->social, WAIT, &error));
  g_assert_no_error (error);
  arango_graph_has_vertex_async (fixture->social, "female", "eve", NULL, READY);
  g_assert_false (arango_graph_has_vertex_finish (fixture->social, WAIT, &error));
  g_assert_no_error (error);

  /* A revision check against a revision that is no longer stored. */
  stale_text = g_strdup_printf ("{\"_key\": \"diana\", \"_rev\": \"%s\", \"age\": 31}", "_stale-rev_");
  patch = json (stale_text);
  arango_graph_update_vertex_async (fixture->social, "female", patch, ARANGO_DOCUMENT_FLAGS_CHECK_REV,
                                    NULL, READY);
  stale = arango_graph_update_vertex_finish (fixture->social, WAIT, &error);
  g_assert_null (stale);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CONFLICT);
  g_clear_error (&error);

  json_object_set_string_member (json_node_get_object (patch), "_rev", rev);
  arango_graph_update_vertex_async (fixture->social, "female", patch,
                                    ARANGO_DOCUMENT_FLAGS_CHECK_REV | ARANGO_DOCUMENT_FLAGS_RETURN_OLD,
                                    NULL, READY);
  updated = arango_graph_update_vertex_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (updated, "_oldRev"), ==, rev);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (updated, "old"), "age"), ==, 30);

  replacement = json ("{\"_key\": \"diana\", \"name\": \"Diana\"}");
  arango_graph_replace_vertex_async (fixture->social, "female", replacement,
                                     ARANGO_DOCUMENT_FLAGS_RETURN_NEW | ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC,
                                     NULL, READY);
  replaced = arango_graph_replace_vertex_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_has_member (json_object_get_object_member (replaced, "new"), "age"));
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "PUT", "/vertex/female/diana"), ==, 1);
  replace_query = last_query (fixture, "PUT", "/vertex/female/diana");
  g_assert_nonnull (strstr (replace_query, "waitForSync=true"));
  g_assert_nonnull (strstr (replace_query, "returnNew=true"));

  arango_graph_vertex_async (fixture->social, "female", "diana", rev, NULL, READY);
  wrong_rev = arango_graph_vertex_finish (fixture->social, WAIT, &error);
  g_assert_null (wrong_rev);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CONFLICT);
  g_clear_error (&error);

  arango_graph_delete_vertex_async (fixture->social, "female", "diana", NULL,
                                    ARANGO_DOCUMENT_FLAGS_RETURN_OLD, NULL, READY);
  removed = arango_graph_delete_vertex_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (removed, "removed"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (removed, "old"), "name"),
                   ==, "Diana");

  arango_graph_vertex_async (fixture->social, "female", "diana", NULL, NULL, READY);
  gone = arango_graph_vertex_finish (fixture->social, WAIT, &error);
  g_assert_null (gone);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND);
  g_clear_error (&error);

  /* Vertices go only into the graph's vertex collections. */
  outsider = insert_vertex (fixture, "relation", "{}", ARANGO_DOCUMENT_FLAGS_NONE, &error);
  g_assert_null (outsider);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_REFERENCED_VERTEX_COLLECTION_NOT_USED);
}

static void
test_edges (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) married = NULL;
  g_autoptr(JsonObject) friends = NULL;
  g_autoptr(JsonObject) read = NULL;
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(JsonObject) replaced = NULL;
  g_autoptr(JsonObject) removed = NULL;
  g_autoptr(JsonObject) charly = NULL;
  g_autoptr(JsonObject) foreign = NULL;
  g_autoptr(JsonObject) dangling = NULL;
  g_autoptr(JsonObject) unknown = NULL;
  g_autoptr(JsonNode) data = json ("{\"type\": \"friend\"}");
  g_autoptr(JsonNode) patch = NULL;
  g_autoptr(JsonNode) replacement = NULL;
  g_autoptr(JsonNode) stranger = json ("{\"_from\": \"female/alice\", \"_to\": \"male/bob\"}");
  g_autofree char *key = NULL;

  married = insert_edge (fixture, "{\"_from\": \"female/alice\", \"_to\": \"male/bob\", \"type\": \"married\"}",
                         &error);
  g_assert_no_error (error);
  key = g_strdup (json_object_get_string_member (married, "_key"));

  charly = insert_vertex (fixture, "male", "{\"_key\": \"charly\"}", ARANGO_DOCUMENT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  arango_graph_link_async (fixture->social, "relation", "male/charly", "female/alice",
                           json_node_get_object (data), ARANGO_DOCUMENT_FLAGS_RETURN_NEW, NULL, READY);
  friends = arango_graph_link_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (friends, "new"), "type"),
                   ==, "friend");
  g_assert_false (json_object_has_member (json_node_get_object (data), "_from"));

  arango_graph_edge_async (fixture->social, "relation", key, NULL, NULL, READY);
  read = arango_graph_edge_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (read, "_to"), ==, "male/bob");

  arango_graph_has_edge_async (fixture->social, "relation", key, NULL, READY);
  g_assert_true (arango_graph_has_edge_finish (fixture->social, WAIT, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_edges (fixture, "female/alice", ARANGO_EDGE_DIRECTION_ANY), ==, 2);
  g_assert_cmpuint (count_edges (fixture, "female/alice", ARANGO_EDGE_DIRECTION_OUT), ==, 1);
  g_assert_cmpuint (count_edges (fixture, "female/alice", ARANGO_EDGE_DIRECTION_IN), ==, 1);
  g_assert_cmpuint (count_edges (fixture, "male/bob", ARANGO_EDGE_DIRECTION_OUT), ==, 0);

  patch = json_from_string ("{\"since\": 2001}", NULL);
  json_object_set_string_member (json_node_get_object (patch), "_key", key);
  arango_graph_update_edge_async (fixture->social, "relation", patch, ARANGO_DOCUMENT_FLAGS_RETURN_NEW,
                                  NULL, READY);
  updated = arango_graph_update_edge_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (updated, "new"), "type"),
                   ==, "married");

  replacement = json ("{\"_from\": \"male/bob\", \"_to\": \"female/alice\", \"type\": \"divorced\"}");
  json_object_set_string_member (json_node_get_object (replacement), "_key", key);
  arango_graph_replace_edge_async (fixture->social, "relation", replacement, ARANGO_DOCUMENT_FLAGS_NONE,
                                   NULL, READY);
  replaced = arango_graph_replace_edge_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_edges (fixture, "male/bob", ARANGO_EDGE_DIRECTION_OUT), ==, 1);

  /* Edges only in the graph's edge collections, between its vertex
   * collections, joining vertices that exist. */
  arango_graph_insert_edge_async (fixture->social, "knows", stranger, ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
  unknown = arango_graph_insert_edge_finish (fixture->social, WAIT, &error);
  g_assert_null (unknown);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_EDGE_COLLECTION_NOT_USED);
  g_clear_error (&error);

  foreign = insert_edge (fixture, "{\"_from\": \"female/alice\", \"_to\": \"city/paris\"}", &error);
  g_assert_null (foreign);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_REFERENCED_VERTEX_COLLECTION_NOT_USED);
  g_assert_nonnull (strstr (error->message, "referenced _to collection 'city'"));
  g_clear_error (&error);

  dangling = insert_edge (fixture, "{\"_from\": \"female/alice\", \"_to\": \"male/nobody\"}", &error);
  g_assert_null (dangling);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND);
  g_clear_error (&error);

  /* Removing a vertex removes its edges. */
  arango_graph_delete_vertex_async (fixture->social, "male", "charly", NULL, ARANGO_DOCUMENT_FLAGS_NONE,
                                    NULL, READY);
  g_clear_pointer (&removed, json_object_unref);
  removed = arango_graph_delete_vertex_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_edges (fixture, "female/alice", ARANGO_EDGE_DIRECTION_ANY), ==, 1);

  g_clear_pointer (&removed, json_object_unref);
  arango_graph_delete_edge_async (fixture->social, "relation", key, NULL, ARANGO_DOCUMENT_FLAGS_NONE,
                                  NULL, READY);
  removed = arango_graph_delete_edge_finish (fixture->social, WAIT, &error);
  g_assert_no_error (error);
  arango_graph_has_edge_async (fixture->social, "relation", key, NULL, READY);
  g_assert_false (arango_graph_has_edge_finish (fixture->social, WAIT, &error));
  g_assert_no_error (error);
}

static void
test_bad_arguments (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) vertex = json ("{\"name\": \"x\"}");
  g_autoptr(JsonNode) not_an_object = json ("[1]");
  g_autoptr(JsonNode) bad_definitions = json ("[\"relation\"]");
  guint before = emulator_process_get_request_count (fixture->emulator, 0);

  arango_graph_insert_vertex_async (fixture->social, NULL, vertex, ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
  g_assert_null (arango_graph_insert_vertex_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_graph_insert_vertex_async (fixture->social, "female", not_an_object, ARANGO_DOCUMENT_FLAGS_NONE,
                                    NULL, READY);
  g_assert_null (arango_graph_insert_vertex_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* The graph API has no overwrite modes. */
  arango_graph_insert_vertex_async (fixture->social, "female", vertex, ARANGO_DOCUMENT_FLAGS_OVERWRITE_REPLACE,
                                    NULL, READY);
  g_assert_null (arango_graph_insert_vertex_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* An update needs the key. */
  arango_graph_update_vertex_async (fixture->social, "female", vertex, ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
  g_assert_null (arango_graph_update_vertex_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_graph_vertex_async (fixture->social, "female", "male/bob", NULL, NULL, READY);
  g_assert_null (arango_graph_vertex_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_graph_delete_edge_async (fixture->social, "relation", "bad key!", NULL, ARANGO_DOCUMENT_FLAGS_NONE,
                                  NULL, READY);
  g_assert_null (arango_graph_delete_edge_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_graph_link_async (fixture->social, "relation", "alice", "male/bob", NULL, ARANGO_DOCUMENT_FLAGS_NONE,
                           NULL, READY);
  g_assert_null (arango_graph_link_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_graph_edges_async (fixture->social, "relation", "alice", ARANGO_EDGE_DIRECTION_ANY, NULL, READY);
  g_assert_null (arango_graph_edges_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_graph_edges_async (fixture->social, "relation", "female/alice", 7, NULL, READY);
  g_assert_null (arango_graph_edges_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_graph_create_vertex_collection_async (fixture->social, "", NULL, READY);
  g_assert_null (arango_graph_create_vertex_collection_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_graph_has_edge_definition_async (fixture->social, NULL, NULL, READY);
  g_assert_false (arango_graph_has_edge_definition_finish (fixture->social, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_database_create_graph_async (fixture->database, "", NULL, NULL, NULL, NULL, READY);
  g_assert_null (arango_database_create_graph_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_database_create_graph_async (fixture->database, "g", json_node_get_array (bad_definitions),
                                      NULL, NULL, NULL, READY);
  g_assert_null (arango_database_create_graph_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_database_delete_graph_async (fixture->database, NULL, FALSE, FALSE, NULL, READY);
  g_assert_false (arango_database_delete_graph_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* None of these reached the server. */
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0), ==, before);
}

static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) definitions = json ("[{\"collection\": \"roads\", \"from\": [\"towns\"], \"to\": [\"towns\"]}]");
  g_autoptr(JsonNode) town = json ("{\"_key\": \"rome\"}");
  g_autoptr(ArangoGraph) map = NULL;
  g_autoptr(JsonObject) inserted = NULL;
  g_autoptr(JsonObject) read = NULL;
  g_autoptr(JsonObject) missing = NULL;
  g_autoptr(JsonArray) graphs = NULL;

  map = arango_database_create_graph_sync (fixture->database, "map", json_node_get_array (definitions),
                                           NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (arango_database_has_graph_sync (fixture->database, "map", NULL, &error));
  g_assert_no_error (error);

  inserted = arango_graph_insert_vertex_sync (map, "towns", town, ARANGO_DOCUMENT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  read = arango_graph_vertex_sync (map, "towns", "rome", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (read, "_rev"), ==,
                   json_object_get_string_member (inserted, "_rev"));
  g_assert_true (arango_graph_has_edge_definition_sync (map, "roads", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (arango_database_delete_graph_sync (fixture->database, "map", TRUE, FALSE, NULL, &error));
  g_assert_no_error (error);
  missing = arango_graph_vertex_sync (map, "towns", "rome", NULL, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_GRAPH_NOT_FOUND);
  g_clear_error (&error);

  graphs = arango_database_list_graphs_sync (fixture->database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (graphs), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/graphs/create-list-delete", test_graphs);
  ADD ("/graphs/create-options", test_create_options);
  ADD ("/graphs/vertex-collections", test_vertex_collections);
  ADD ("/graphs/edge-definitions", test_edge_definitions);
  ADD ("/graphs/vertices", test_vertices);
  ADD ("/graphs/edges", test_edges);
  ADD ("/graphs/bad-arguments", test_bad_arguments);
  ADD ("/graphs/sync", test_sync);

  return g_test_run ();
}
