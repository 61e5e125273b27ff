/* test-collection-find.c: a collection's simple queries (find, all,
 * ranges, keys and ids, a random document, near, radius and box, text)
 * and the *_match changes, against the emulator; and the AQL they run
 * there
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *people;
  ArangoCollection *cities;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

/* In write order, which is the order the emulator reads them in. The
 * last one's name would change a query that had it in its text. */
static const char *people[] = {
  "{\"_key\": \"ada\", \"born\": 1815, \"team\": \"math\", \"address\": {\"city\": \"London\"}}",
  "{\"_key\": \"alan\", \"born\": 1912, \"team\": \"math\", \"address\": {\"city\": \"London\"}}",
  "{\"_key\": \"grace\", \"born\": 1906, \"team\": \"navy\", \"address\": {\"city\": \"New York\"}}",
  "{\"_key\": \"edsger\", \"born\": 1930, \"team\": \"math\", \"address\": {\"city\": \"Austin\"}}",
  "{\"_key\": \"barbara\", \"born\": \"1939\", \"team\": \"mit\", \"address\": {\"city\": \"Boston\"}}",
  "{\"_key\": \"trick\", \"name\": \"x\\\" || true || \\\"\", \"team\": null}",
};

typedef struct
{
  const char *key;
  gdouble latitude;
  gdouble longitude;
} City;

/* The two last ones test the box's edges (see test_box). */
static const City cities[] = {
  { "berlin", 52.52, 13.405 },
  { "potsdam", 52.3906, 13.0645 },
  { "hamburg", 53.5511, 9.9937 },
  { "munich", 48.1351, 11.582 },
  { "paris", 48.8566, 2.3522 },
  { "north-bow", 54.01, 11.5 },
  { "south-bow", 47.01, 11.5 },
};

static void
insert (ArangoCollection *collection,
        const char       *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = json_from_string (json, &error);
  g_autoptr(JsonObject) meta = NULL;

  g_assert_no_error (error);
  meta = arango_collection_insert_sync (collection, document, ARANGO_DOCUMENT_FLAGS_NONE,
                                        NULL, &error);
  g_assert_no_error (error);
}

static ArangoCollection *
create_collection (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  ArangoCollection *collection;

  arango_database_create_collection_async (fixture->database, name, NULL, NULL, READY);
  collection = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  return collection;
}

/* Every city with its coordinates in each layout a geo index knows, and
 * one without coordinates. */
static void
insert_cities (Fixture *fixture)
{
  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      const City *city = &cities[i];
      g_autofree char *json =
        g_strdup_printf ("{\"_key\": \"%s\", \"lat\": %.6f, \"lng\": %.6f, \"pair\": [%.6f, %.6f],"
                         " \"geo\": {\"type\": \"Point\", \"coordinates\": [%.6f, %.6f]},"
                         " \"where\": {\"lat\": %.6f, \"lng\": %.6f}}",
                         city->key, city->latitude, city->longitude,
                         city->latitude, city->longitude, city->longitude, city->latitude,
                         city->latitude, city->longitude);

      insert (fixture->cities, json);
    }
  insert (fixture->cities, "{\"_key\": \"atlantis\"}");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
  fixture->people = create_collection (fixture, "people");
  fixture->cities = create_collection (fixture, "cities");
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    insert (fixture->people, people[i]);
  insert_cities (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->cities);
  g_clear_object (&fixture->people);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static guint
requests_sent (Fixture *fixture)
{
  return emulator_process_get_request_count (fixture->emulator, 0);
}

/* Every result of the cursor, batch by batch. */
static JsonArray *
drain (ArangoCursor *cursor)
{
  JsonArray *all = json_array_new ();
  JsonArray *batch;
  g_autoptr(GError) error = NULL;

  while ((batch = arango_cursor_next_batch_sync (cursor, NULL, &error)) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (batch); i++)
        json_array_add_element (all, json_node_copy (json_array_get_element (batch, i)));
      json_array_unref (batch);
    }
  g_assert_no_error (error);
  return all;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The `_key`s of the documents, comma-separated, sorted or as they came. */
static char *
keys_of (JsonArray *documents,
         gboolean   sorted)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (documents); i++)
    g_ptr_array_add (keys, (gpointer) json_object_get_string_member (json_array_get_object_element (documents, i),
                                                                     "_key"));
  if (sorted)
    g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (",", (char **) keys->pdata);
}

static char *
cursor_keys (ArangoCursor *cursor,
             gboolean      sorted)
{
  g_autoptr(JsonArray) documents = drain (cursor);

  return keys_of (documents, sorted);
}

static char *
sorted_strv (char **values)
{
  g_auto(GStrv) copy = g_strdupv (values);

  qsort (copy, g_strv_length (copy), sizeof (char *), compare_strings);
  return g_strjoinv (",", copy);
}

static char *
find (Fixture    *fixture,
      const char *filters,
      gint64      skip,
      gint64      limit,
      gboolean    sorted)
{
  g_autoptr(JsonObject) given = filters != NULL ? test_json_object (filters) : NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;

  arango_collection_find_async (fixture->people, given, skip, limit, NULL, NULL, READY);
  cursor = arango_collection_find_finish (fixture->people, WAIT, &error);
  g_assert_no_error (error);
  return cursor_keys (cursor, sorted);
}

/* The body of the last request the coordinator served. */
static JsonObject *
last_body (Fixture *fixture)
{
  g_autoptr(JsonArray) requests = test_logged_requests (fixture->emulator, 0);
  guint n = json_array_get_length (requests);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_assert_cmpuint (n, >, 0);
  body = json_from_string (json_object_get_string_member (json_array_get_object_element (requests, n - 1),
                                                          "body"), &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (body));
}

static char *
bind_vars_text (JsonObject *body)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, json_object_get_object_member (body, "bindVars"));
  return json_to_string (node, FALSE);
}

static void
test_find (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *math = find (fixture, "{\"team\": \"math\"}", 0, ARANGO_NO_LIMIT, TRUE);
  g_autofree char *london = find (fixture, "{\"address.city\": \"London\", \"team\": \"math\"}",
                                  0, ARANGO_NO_LIMIT, TRUE);
  g_autofree char *string_year = find (fixture, "{\"born\": \"1939\"}", 0, ARANGO_NO_LIMIT, TRUE);
  g_autofree char *number_year = find (fixture, "{\"born\": 1939}", 0, ARANGO_NO_LIMIT, TRUE);
  g_autofree char *no_team = find (fixture, "{\"team\": null}", 0, ARANGO_NO_LIMIT, TRUE);
  g_autofree char *everyone = find (fixture, NULL, 0, ARANGO_NO_LIMIT, FALSE);
  g_autofree char *empty = find (fixture, "{}", 0, ARANGO_NO_LIMIT, FALSE);
  g_autofree char *window = find (fixture, "{\"team\": \"math\"}", 1, 1, FALSE);
  g_autofree char *no_more = find (fixture, "{\"team\": \"math\"}", 3, ARANGO_NO_LIMIT, FALSE);

  g_assert_cmpstr (math, ==, "ada,alan,edsger");
  g_assert_cmpstr (london, ==, "ada,alan");
  g_assert_cmpstr (string_year, ==, "barbara");
  g_assert_cmpstr (number_year, ==, "");
  g_assert_cmpstr (no_team, ==, "trick");
  g_assert_cmpstr (everyone, ==, "ada,alan,grace,edsger,barbara,trick");
  g_assert_cmpstr (empty, ==, everyone);
  g_assert_cmpstr (window, ==, "alan");
  g_assert_cmpstr (no_more, ==, "");
}

/* Names and values travel as bind parameters; a dotted path as the array
 * of its names. */
static void
test_find_binds_values (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *tricked = find (fixture, "{\"name\": \"x\\\" || true || \\\"\"}", 0,
                                   ARANGO_NO_LIMIT, FALSE);
  g_autoptr(JsonObject) body = last_body (fixture);
  g_autofree char *bind_vars = bind_vars_text (body);
  g_autofree char *nested = find (fixture, "{\"address.city\": \"Austin\"}", 2, 5, FALSE);
  g_autoptr(JsonObject) nested_body = last_body (fixture);
  g_autofree char *nested_vars = bind_vars_text (nested_body);

  g_assert_cmpstr (tricked, ==, "trick");
  g_assert_cmpstr (json_object_get_string_member (body, "query"), ==,
                   "FOR doc IN @@collection FILTER doc.@attribute0 == @value0 RETURN doc");
  g_assert_cmpstr (bind_vars, ==,
                   "{\"@collection\":\"people\",\"attribute0\":\"name\","
                   "\"value0\":\"x\\\" || true || \\\"\"}");

  g_assert_cmpstr (nested, ==, "");
  g_assert_cmpstr (json_object_get_string_member (nested_body, "query"), ==,
                   "FOR doc IN @@collection FILTER doc.@attribute0 == @value0"
                   " LIMIT @skip, @limit RETURN doc");
  g_assert_cmpstr (nested_vars, ==,
                   "{\"@collection\":\"people\",\"attribute0\":[\"address\",\"city\"],"
                   "\"value0\":\"Austin\",\"limit\":5,\"skip\":2}");
}

static void
test_all (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(ArangoQueryOptions) options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS,
                                                        "batch-size", 2, "count", TRUE, NULL);
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *batched = NULL;
  g_autofree char *window = NULL;
  g_autofree char *tail = NULL;

  arango_collection_all_async (fixture->people, 0, ARANGO_NO_LIMIT, options, NULL, READY);
  cursor = arango_collection_all_finish (fixture->people, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (arango_cursor_get_count (cursor), ==, 6);
  g_assert_true (arango_cursor_get_has_more (cursor));
  batched = cursor_keys (cursor, FALSE);
  g_assert_cmpstr (batched, ==, "ada,alan,grace,edsger,barbara,trick");
  g_clear_object (&cursor);

  arango_collection_all_async (fixture->people, 2, 2, NULL, NULL, READY);
  cursor = arango_collection_all_finish (fixture->people, WAIT, &error);
  g_assert_no_error (error);
  window = cursor_keys (cursor, FALSE);
  g_assert_cmpstr (window, ==, "grace,edsger");
  g_clear_object (&cursor);

  arango_collection_all_async (fixture->people, 4, ARANGO_NO_LIMIT, NULL, NULL, READY);
  cursor = arango_collection_all_finish (fixture->people, WAIT, &error);
  g_assert_no_error (error);
  tail = cursor_keys (cursor, FALSE);
  g_assert_cmpstr (tail, ==, "barbara,trick");
}

static char *
find_in_range (Fixture    *fixture,
               const char *field,
               const char *lower,
               const char *upper)
{
  g_autoptr(JsonNode) low = json_from_string (lower, NULL);
  g_autoptr(JsonNode) high = json_from_string (upper, NULL);
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;

  arango_collection_find_in_range_async (fixture->people, field, low, high, 0, ARANGO_NO_LIMIT,
                                         NULL, NULL, READY);
  cursor = arango_collection_find_in_range_finish (fixture->people, WAIT, &error);
  g_assert_no_error (error);
  return cursor_keys (cursor, TRUE);
}

static void
test_find_in_range (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *numbers = find_in_range (fixture, "born", "1900", "1930");
  g_autofree char *upper_included = find_in_range (fixture, "born", "1900", "1931");
  g_autofree char *strings = find_in_range (fixture, "born", "\"1930\"", "\"1940\"");
  g_autofree char *cities = find_in_range (fixture, "address.city", "\"B\"", "\"M\"");

  g_assert_cmpstr (numbers, ==, "alan,grace");
  g_assert_cmpstr (upper_included, ==, "alan,edsger,grace");
  g_assert_cmpstr (strings, ==, "barbara");
  g_assert_cmpstr (cities, ==, "ada,alan,barbara");
}

static void
test_keys_and_ids (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(ArangoQueryOptions) options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS,
                                                        "batch-size", 2, NULL);
  g_autoptr(ArangoCollection) empty = create_collection (fixture, "nobody");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) none = NULL;
  g_autofree char *key_list = NULL;
  guint before = requests_sent (fixture);

  arango_collection_keys_async (fixture->people, options, NULL, READY);
  keys = arango_collection_keys_finish (fixture->people, WAIT, &error);
  g_assert_no_error (error);
  key_list = sorted_strv (keys);
  g_assert_cmpstr (key_list, ==, "ada,alan,barbara,edsger,grace,trick");
  /* Three batches: the query and two follow-ups. */
  g_assert_cmpuint (requests_sent (fixture) - before, ==, 3);

  arango_collection_ids_async (fixture->people, NULL, NULL, READY);
  ids = arango_collection_ids_finish (fixture->people, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 6);
  g_assert_cmpstr (ids[0], ==, "people/ada");
  g_assert_cmpstr (ids[5], ==, "people/trick");

  arango_collection_keys_async (empty, NULL, NULL, READY);
  none = arango_collection_keys_finish (empty, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_random (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(ArangoCollection) empty = create_collection (fixture, "nobody");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) nothing = NULL;
  g_autoptr(JsonObject) body = NULL;

  arango_collection_random_async (empty, NULL, NULL, READY);
  nothing = arango_collection_random_finish (empty, WAIT, &error);
  g_assert_no_error (error);
  g_assert_null (nothing);

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(JsonObject) document = NULL;
      const char *key;

      arango_collection_random_async (fixture->people, NULL, NULL, READY);
      document = arango_collection_random_finish (fixture->people, WAIT, &error);
      g_assert_no_error (error);
      g_assert_nonnull (document);
      key = json_object_get_string_member (document, "_key");
      g_assert_true (g_strv_contains ((const char * const[]) { "ada", "alan", "grace", "edsger",
                                                                "barbara", "trick", NULL }, key));
      g_hash_table_add (seen, g_strdup (key));
    }
  /* Thirty draws of one of six documents. */
  g_assert_cmpuint (g_hash_table_size (seen), >, 1);

  body = last_body (fixture);
  g_assert_cmpstr (json_object_get_string_member (body, "query"), ==,
                   "FOR doc IN @@collection SORT RAND() LIMIT 1 RETURN doc");
}

static JsonObject *
get (Fixture    *fixture,
     const char *key)
{
  g_autoptr(GError) error = NULL;
  JsonObject *document = arango_collection_get_sync (fixture->people, key, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static gint64
update_match (Fixture             *fixture,
              const char          *filters,
              const char          *body,
              gint64               limit,
              ArangoDocumentFlags  flags)
{
  g_autoptr(JsonObject) given = test_json_object (filters);
  g_autoptr(JsonObject) changes = test_json_object (body);
  g_autoptr(GError) error = NULL;
  gint64 updated;

  arango_collection_update_match_async (fixture->people, given, changes, limit, flags, NULL, READY);
  updated = arango_collection_update_match_finish (fixture->people, WAIT, &error);
  g_assert_no_error (error);
  return updated;
}

static void
test_update_match (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(JsonObject) ada = NULL;
  g_autoptr(JsonObject) alan = NULL;
  g_autoptr(JsonObject) grace = NULL;
  g_autofree char *numbered = NULL;

  g_assert_cmpint (update_match (fixture, "{\"team\": \"math\"}",
                                 "{\"retired\": true, \"address\": {\"zip\": \"N1\"}}",
                                 ARANGO_NO_LIMIT, ARANGO_DOCUMENT_FLAGS_NONE), ==, 3);
  ada = get (fixture, "ada");
  g_assert_true (json_object_get_boolean_member (ada, "retired"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (ada, "address"), "city"),
                   ==, "London");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (ada, "address"), "zip"),
                   ==, "N1");

  /* keepNull and mergeObjects off. */
  g_assert_cmpint (update_match (fixture, "{\"_key\": \"grace\"}",
                                 "{\"team\": null, \"address\": {\"zip\": \"NY\"}}", ARANGO_NO_LIMIT,
                                 ARANGO_DOCUMENT_FLAGS_REMOVE_NULL |
                                 ARANGO_DOCUMENT_FLAGS_REPLACE_OBJECTS |
                                 ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC), ==, 1);
  grace = get (fixture, "grace");
  g_assert_false (json_object_has_member (grace, "team"));
  g_assert_false (json_object_has_member (json_object_get_object_member (grace, "address"), "city"));

  /* With the defaults a null is kept. */
  g_assert_cmpint (update_match (fixture, "{\"_key\": \"alan\"}", "{\"team\": null}",
                                 ARANGO_NO_LIMIT, ARANGO_DOCUMENT_FLAGS_NONE), ==, 1);
  alan = get (fixture, "alan");
  g_assert_true (json_object_has_member (alan, "team"));
  g_assert_true (json_object_get_null_member (alan, "team"));

  g_assert_cmpint (update_match (fixture, "{\"retired\": true}", "{\"n\": 1}", 1,
                                 ARANGO_DOCUMENT_FLAGS_NONE), ==, 1);
  numbered = find (fixture, "{\"n\": 1}", 0, ARANGO_NO_LIMIT, FALSE);
  g_assert_cmpstr (numbered, ==, "ada");
  g_assert_cmpint (update_match (fixture, "{\"team\": \"nobody\"}", "{\"n\": 2}",
                                 ARANGO_NO_LIMIT, ARANGO_DOCUMENT_FLAGS_NONE), ==, 0);
}

static void
test_replace_and_delete_match (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(JsonObject) london = test_json_object ("{\"address.city\": \"London\"}");
  g_autoptr(JsonObject) math = test_json_object ("{\"team\": \"math\"}");
  g_autoptr(JsonObject) navy = test_json_object ("{\"team\": \"navy\"}");
  g_autoptr(JsonObject) body = test_json_object ("{\"name\": \"gone\", \"team\": \"math\"}");
  g_autoptr(JsonObject) ada = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;
  g_auto(GStrv) keys = NULL;

  arango_collection_replace_match_async (fixture->people, london, body, ARANGO_NO_LIMIT,
                                         ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
  g_assert_cmpint (arango_collection_replace_match_finish (fixture->people, WAIT, &error), ==, 2);
  g_assert_no_error (error);
  ada = get (fixture, "ada");
  g_assert_cmpstr (json_object_get_string_member (ada, "name"), ==, "gone");
  g_assert_false (json_object_has_member (ada, "born"));
  g_assert_false (json_object_has_member (ada, "address"));
  g_assert_cmpstr (json_object_get_string_member (ada, "_key"), ==, "ada");

  arango_collection_delete_match_async (fixture->people, math, 1, ARANGO_DOCUMENT_FLAGS_NONE,
                                        NULL, READY);
  g_assert_cmpint (arango_collection_delete_match_finish (fixture->people, WAIT, &error), ==, 1);
  g_assert_no_error (error);
  arango_collection_delete_match_async (fixture->people, math, ARANGO_NO_LIMIT,
                                        ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC, NULL, READY);
  g_assert_cmpint (arango_collection_delete_match_finish (fixture->people, WAIT, &error), ==, 2);
  g_assert_no_error (error);
  arango_collection_delete_match_async (fixture->people, math, ARANGO_NO_LIMIT,
                                        ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
  g_assert_cmpint (arango_collection_delete_match_finish (fixture->people, WAIT, &error), ==, 0);
  g_assert_no_error (error);

  arango_collection_delete_match_async (fixture->people, navy, ARANGO_NO_LIMIT,
                                        ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
  g_assert_cmpint (arango_collection_delete_match_finish (fixture->people, WAIT, &error), ==, 1);
  g_assert_no_error (error);

  arango_collection_keys_async (fixture->people, NULL, NULL, READY);
  keys = arango_collection_keys_finish (fixture->people, WAIT, &error);
  g_assert_no_error (error);
  left = sorted_strv (keys);
  g_assert_cmpstr (left, ==, "barbara,trick");
}

/* The simple queries of a transaction's collection run in it. */
static void
test_in_transaction (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char * const write[] = { "people", NULL };
  g_autoptr(JsonObject) math = test_json_object ("{\"team\": \"math\"}");
  g_autoptr(ArangoTransaction) transaction = NULL;
  g_autoptr(ArangoCollection) inside = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) seen_inside = NULL;
  g_autofree char *inside_list = NULL;

  transaction = arango_database_begin_transaction_sync (fixture->database, NULL, write, NULL,
                                                        NULL, &error);
  g_assert_no_error (error);
  inside = arango_transaction_get_collection (transaction, "people");

  g_assert_cmpint (arango_collection_delete_match_sync (inside, math, ARANGO_NO_LIMIT,
                                                        ARANGO_DOCUMENT_FLAGS_NONE, NULL, &error),
                   ==, 3);
  g_assert_no_error (error);
  seen_inside = arango_collection_keys_sync (inside, NULL, NULL, &error);
  g_assert_no_error (error);
  inside_list = sorted_strv (seen_inside);
  g_assert_cmpstr (inside_list, ==, "barbara,grace,trick");
  outside = find (fixture, "{\"team\": \"math\"}", 0, ARANGO_NO_LIMIT, TRUE);
  g_assert_cmpstr (outside, ==, "ada,alan,edsger");

  g_assert_true (arango_transaction_commit_sync (transaction, NULL, &error));
  g_assert_no_error (error);
  after = find (fixture, "{\"team\": \"math\"}", 0, ARANGO_NO_LIMIT, TRUE);
  g_assert_cmpstr (after, ==, "");
}

static void
assert_invalid (Fixture *fixture,
                GError  *error,
                guint    before)
{
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (requests_sent (fixture), ==, before);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  user_data)
{
  const char *bad_filters[] = {
    "{\"\": 1}", "{\"a..b\": 1}", "{\".a\": 1}", "{\"a.\": 1}",
  };
  g_autoptr(JsonObject) body = test_json_object ("{\"x\": 1}");
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(JsonObject) math = test_json_object ("{\"team\": \"math\"}");
  g_autoptr(JsonNode) one = json_from_string ("1", NULL);
  guint before = requests_sent (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (bad_filters); i++)
    {
      g_autoptr(JsonObject) filters = test_json_object (bad_filters[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(ArangoCursor) cursor = NULL;

      arango_collection_find_async (fixture->people, filters, 0, ARANGO_NO_LIMIT, NULL, NULL, READY);
      cursor = arango_collection_find_finish (fixture->people, WAIT, &error);
      g_assert_null (cursor);
      assert_invalid (fixture, error, before);
    }

  {
    const gint64 windows[][2] = { { -1, ARANGO_NO_LIMIT }, { 0, -2 }, { G_MININT64, 5 } };

    for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(ArangoCursor) cursor = NULL;

        arango_collection_all_async (fixture->people, windows[i][0], windows[i][1], NULL, NULL, READY);
        cursor = arango_collection_all_finish (fixture->people, WAIT, &error);
        g_assert_null (cursor);
        assert_invalid (fixture, error, before);
      }
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ArangoCursor) cursor = NULL;

    arango_collection_find_in_range_async (fixture->people, "born", one, NULL, 0, ARANGO_NO_LIMIT,
                                           NULL, NULL, READY);
    cursor = arango_collection_find_in_range_finish (fixture->people, WAIT, &error);
    assert_invalid (fixture, error, before);
    g_clear_error (&error);
    arango_collection_find_in_range_async (fixture->people, "", one, one, 0, ARANGO_NO_LIMIT,
                                           NULL, NULL, READY);
    cursor = arango_collection_find_in_range_finish (fixture->people, WAIT, &error);
    assert_invalid (fixture, error, before);
  }

  {
    struct {
      JsonObject *filters;
      JsonObject *body;
      gint64 limit;
      ArangoDocumentFlags flags;
    } changes[] = {
      { NULL, body, ARANGO_NO_LIMIT, ARANGO_DOCUMENT_FLAGS_NONE },
      { empty, body, ARANGO_NO_LIMIT, ARANGO_DOCUMENT_FLAGS_NONE },
      { math, NULL, ARANGO_NO_LIMIT, ARANGO_DOCUMENT_FLAGS_NONE },
      { math, body, -3, ARANGO_DOCUMENT_FLAGS_NONE },
      { math, body, ARANGO_NO_LIMIT, ARANGO_DOCUMENT_FLAGS_RETURN_NEW },
    };

    for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
      {
        g_autoptr(GError) error = NULL;

        arango_collection_update_match_async (fixture->people, changes[i].filters, changes[i].body,
                                              changes[i].limit, changes[i].flags, NULL, READY);
        g_assert_cmpint (arango_collection_update_match_finish (fixture->people, WAIT, &error), ==, -1);
        assert_invalid (fixture, error, before);
      }
  }

  {
    g_autoptr(GError) error = NULL;

    /* Only waitForSync applies to a replacement and a removal. */
    arango_collection_replace_match_async (fixture->people, math, body, ARANGO_NO_LIMIT,
                                           ARANGO_DOCUMENT_FLAGS_REMOVE_NULL, NULL, READY);
    g_assert_cmpint (arango_collection_replace_match_finish (fixture->people, WAIT, &error), ==, -1);
    assert_invalid (fixture, error, before);
    g_clear_error (&error);
    arango_collection_delete_match_async (fixture->people, empty, ARANGO_NO_LIMIT,
                                          ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
    g_assert_cmpint (arango_collection_delete_match_finish (fixture->people, WAIT, &error), ==, -1);
    assert_invalid (fixture, error, before);
    g_clear_error (&error);
    arango_collection_delete_match_async (fixture->people, math, ARANGO_NO_LIMIT,
                                          ARANGO_DOCUMENT_FLAGS_REPLACE_OBJECTS, NULL, READY);
    g_assert_cmpint (arango_collection_delete_match_finish (fixture->people, WAIT, &error), ==, -1);
    assert_invalid (fixture, error, before);
  }

  {
    const char *texts[][4] = {
      { "bio", "", "by-text", "text_en" },
      { "bio", "logic", NULL, "text_en" },
      { "bio", "logic", "by-text", "" },
      { "bio..x", "logic", "by-text", "text_en" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(ArangoCursor) cursor = NULL;

        arango_collection_find_by_text_async (fixture->people, texts[i][0], texts[i][1], texts[i][2],
                                              texts[i][3], ARANGO_NO_LIMIT, NULL, NULL, READY);
        cursor = arango_collection_find_by_text_finish (fixture->people, WAIT, &error);
        assert_invalid (fixture, error, before);
      }
  }
}

static const char * const two_fields[] = { "lat", "lng", NULL };
static const char * const nested_fields[] = { "where.lat", "where.lng", NULL };
static const char * const pair_field[] = { "pair", NULL };
static const char * const geo_field[] = { "geo", NULL };

typedef struct
{
  const char * const *location;
  gboolean geo_json;
} Layout;

/* The coordinates of every city as two attributes, nested ones, a
 * [latitude, longitude] pair and GeoJSON: the answers are the same. */
static const Layout layouts[] = {
  { two_fields, FALSE },
  { nested_fields, FALSE },
  { pair_field, FALSE },
  { geo_field, TRUE },
};

/* Metres between two places on a sphere of 6371 km, as the haversine
 * formula gives them. */
static gdouble
haversine (gdouble latitude1,
           gdouble longitude1,
           gdouble latitude2,
           gdouble longitude2)
{
  gdouble p1 = latitude1 * G_PI / 180, p2 = latitude2 * G_PI / 180;
  gdouble dp = p2 - p1, dl = (longitude2 - longitude1) * G_PI / 180;
  gdouble a = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);

  return 6371000.0 * 2 * atan2 (sqrt (a), sqrt (1 - a));
}

static void
test_near (Fixture       *fixture,
           gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      g_autoptr(ArangoCursor) cursor = NULL;
      g_autoptr(JsonArray) nearest = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *order = NULL;
      g_autofree char *all = NULL;

      arango_collection_find_near_async (fixture->cities, layouts[i].location, layouts[i].geo_json,
                                         52.52, 13.405, 3, "distance", NULL, NULL, READY);
      cursor = arango_collection_find_near_finish (fixture->cities, WAIT, &error);
      g_assert_no_error (error);
      nearest = drain (cursor);
      order = keys_of (nearest, FALSE);
      g_assert_cmpstr (order, ==, "berlin,potsdam,north-bow");
      g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (nearest, 0),
                                                        "distance"), ==, 0);
      for (guint j = 1; j < 3; j++)
        {
          JsonObject *city = json_array_get_object_element (nearest, j);
          gdouble expected = haversine (52.52, 13.405, json_object_get_double_member (city, "lat"),
                                        json_object_get_double_member (city, "lng"));

          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (city, "distance"),
                                          expected, 1e-6);
        }
      g_clear_object (&cursor);

      /* Every city that has a place, nearest first, and nothing added. */
      arango_collection_find_near_async (fixture->cities, layouts[i].location, layouts[i].geo_json,
                                         52.52, 13.405, ARANGO_NO_LIMIT, NULL, NULL, NULL, READY);
      cursor = arango_collection_find_near_finish (fixture->cities, WAIT, &error);
      g_assert_no_error (error);
      g_clear_pointer (&nearest, json_array_unref);
      nearest = drain (cursor);
      all = keys_of (nearest, FALSE);
      g_assert_cmpstr (all, ==, "berlin,potsdam,north-bow,hamburg,munich,south-bow,paris");
      g_assert_false (json_object_has_member (json_array_get_object_element (nearest, 0), "distance"));
    }
}

static char *
in_radius (Fixture *fixture,
           guint    layout,
           gdouble  radius)
{
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;

  arango_collection_find_in_radius_async (fixture->cities, layouts[layout].location,
                                          layouts[layout].geo_json, 52.52, 13.405, radius,
                                          NULL, NULL, NULL, READY);
  cursor = arango_collection_find_in_radius_finish (fixture->cities, WAIT, &error);
  g_assert_no_error (error);
  return cursor_keys (cursor, FALSE);
}

static void
test_radius (Fixture       *fixture,
             gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      g_autofree char *close = in_radius (fixture, i, 300000);
      g_autofree char *here = in_radius (fixture, i, 0);
      g_autofree char *potsdam = in_radius (fixture, i, haversine (52.52, 13.405, 52.3906, 13.0645) + 1);

      g_assert_cmpstr (close, ==, "berlin,potsdam,north-bow,hamburg");
      g_assert_cmpstr (here, ==, "berlin");
      g_assert_cmpstr (potsdam, ==, "berlin,potsdam");
    }

  {
    g_autoptr(ArangoCursor) cursor = NULL;
    g_autoptr(JsonArray) found = NULL;
    g_autoptr(GError) error = NULL;
    JsonObject *potsdam;

    arango_collection_find_in_radius_async (fixture->cities, two_fields, FALSE, 52.52, 13.405,
                                            30000, "metres", NULL, NULL, READY);
    cursor = arango_collection_find_in_radius_finish (fixture->cities, WAIT, &error);
    g_assert_no_error (error);
    found = drain (cursor);
    g_assert_cmpuint (json_array_get_length (found), ==, 2);
    potsdam = json_array_get_object_element (found, 1);
    g_assert_cmpstr (json_object_get_string_member (potsdam, "_key"), ==, "potsdam");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (potsdam, "metres"),
                                    haversine (52.52, 13.405, 52.3906, 13.0645), 1e-6);
  }
}

static char *
in_box (Fixture *fixture,
        guint    layout,
        gdouble  latitude1,
        gdouble  longitude1,
        gdouble  latitude2,
        gdouble  longitude2,
        gint64   skip,
        gint64   limit)
{
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;

  arango_collection_find_in_box_async (fixture->cities, layouts[layout].location,
                                       layouts[layout].geo_json, latitude1, longitude1,
                                       latitude2, longitude2, skip, limit, NULL, NULL, READY);
  cursor = arango_collection_find_in_box_finish (fixture->cities, WAIT, &error);
  g_assert_no_error (error);
  return cursor_keys (cursor, limit == ARANGO_NO_LIMIT);
}

/* The box's northern and southern edges are arcs of great circles, which
 * bow towards the pole: 54.01 N lies inside the box up to 54 N at its
 * middle, 47.01 N outside the one from 47 N. */
static void
test_box (Fixture       *fixture,
          gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      g_autofree char *germany = in_box (fixture, i, 47, 9, 54, 14, 0, ARANGO_NO_LIMIT);
      g_autofree char *swapped = in_box (fixture, i, 54, 14, 47, 9, 0, ARANGO_NO_LIMIT);
      g_autofree char *window = in_box (fixture, i, 47, 9, 54, 14, 1, 2);
      g_autofree char *france = in_box (fixture, i, 48, 2, 49, 3, 0, ARANGO_NO_LIMIT);

      g_assert_cmpstr (germany, ==, "berlin,hamburg,munich,north-bow,potsdam");
      g_assert_cmpstr (swapped, ==, germany);
      g_assert_cmpstr (window, ==, "potsdam,hamburg");
      g_assert_cmpstr (france, ==, "paris");
    }
}

static void
assert_geo_refused (Fixture            *fixture,
                    const char * const *location,
                    gboolean            geo_json,
                    gdouble             latitude,
                    gdouble             longitude,
                    gdouble             radius,
                    const char         *distance_field)
{
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;
  guint before = requests_sent (fixture);

  arango_collection_find_in_radius_async (fixture->cities, location, geo_json, latitude, longitude,
                                          radius, distance_field, NULL, NULL, READY);
  cursor = arango_collection_find_in_radius_finish (fixture->cities, WAIT, &error);
  g_assert_null (cursor);
  assert_invalid (fixture, error, before);
}

static void
test_geo_refused (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char * const three[] = { "a", "b", "c", NULL };
  const char * const none[] = { NULL };
  const char * const bad_path[] = { "where..lat", "lng", NULL };
  guint before = requests_sent (fixture);

  assert_geo_refused (fixture, two_fields, FALSE, 90.5, 0, 10, NULL);
  assert_geo_refused (fixture, two_fields, FALSE, -91, 0, 10, NULL);
  assert_geo_refused (fixture, two_fields, FALSE, 0, 180.5, 10, NULL);
  assert_geo_refused (fixture, two_fields, FALSE, NAN, 0, 10, NULL);
  assert_geo_refused (fixture, two_fields, FALSE, 0, INFINITY, 10, NULL);
  assert_geo_refused (fixture, two_fields, FALSE, 0, 0, -1, NULL);
  assert_geo_refused (fixture, two_fields, FALSE, 0, 0, NAN, NULL);
  assert_geo_refused (fixture, two_fields, FALSE, 0, 0, 10, "");
  assert_geo_refused (fixture, NULL, FALSE, 0, 0, 10, NULL);
  assert_geo_refused (fixture, none, FALSE, 0, 0, 10, NULL);
  assert_geo_refused (fixture, three, FALSE, 0, 0, 10, NULL);
  assert_geo_refused (fixture, two_fields, TRUE, 0, 0, 10, NULL);
  assert_geo_refused (fixture, bad_path, FALSE, 0, 0, 10, NULL);

  {
    const gdouble boxes[][4] = {
      { 10, 0, 10, 5 },        /* no height */
      { 10, 5, 20, 5 },        /* no width */
      { 10, -100, 20, 100 },   /* 200 degrees wide */
      { 10, -90, 20, 90 },     /* half the earth */
      { 10, 0, 95, 5 },        /* no such latitude */
    };

    for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
      {
        g_autoptr(ArangoCursor) cursor = NULL;
        g_autoptr(GError) error = NULL;

        arango_collection_find_in_box_async (fixture->cities, pair_field, FALSE, boxes[i][0],
                                             boxes[i][1], boxes[i][2], boxes[i][3], 0,
                                             ARANGO_NO_LIMIT, NULL, NULL, READY);
        cursor = arango_collection_find_in_box_finish (fixture->cities, WAIT, &error);
        assert_invalid (fixture, error, before);
      }
  }

  {
    g_autoptr(ArangoCursor) cursor = NULL;
    g_autoptr(GError) error = NULL;

    arango_collection_find_near_async (fixture->cities, geo_field, TRUE, 0, 0, -7, NULL, NULL,
                                       NULL, READY);
    cursor = arango_collection_find_near_finish (fixture->cities, WAIT, &error);
    assert_invalid (fixture, error, before);
  }
}

/* find_by_text() needs an inverted index and ArangoSearch, which the
 * emulator has not: it refuses the query as not implemented. */
static void
test_by_text (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *bind_vars = NULL;

  arango_collection_find_by_text_async (fixture->people, "bio", "logic machines", "by-text",
                                        "text_en", 10, NULL, NULL, READY);
  cursor = arango_collection_find_by_text_finish (fixture->people, WAIT, &error);
  g_assert_null (cursor);
  test_assert_refused (&error, 501, ARANGO_SERVER_ERROR_NOT_IMPLEMENTED,
                       "not implemented: FOR … SEARCH / OPTIONS is not supported by the emulator");

  body = last_body (fixture);
  g_assert_cmpstr (json_object_get_string_member (body, "query"), ==,
                   "FOR doc IN @@collection OPTIONS { indexHint: @index, forceIndexHint: true }"
                   " FILTER ANALYZER(TOKENS(@text, @analyzer) ALL == doc.@attribute0, @analyzer)"
                   " LIMIT @limit RETURN doc");
  bind_vars = bind_vars_text (body);
  g_assert_cmpstr (bind_vars, ==,
                   "{\"@collection\":\"people\",\"attribute0\":\"bio\",\"text\":\"logic machines\","
                   "\"index\":\"by-text\",\"analyzer\":\"text_en\",\"limit\":10}");
}

/* The blocking forms share the async code path. */
static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(JsonObject) math = test_json_object ("{\"team\": \"math\"}");
  g_autoptr(JsonObject) body = test_json_object ("{\"x\": 1}");
  g_autoptr(JsonNode) low = json_from_string ("1900", NULL);
  g_autoptr(JsonNode) high = json_from_string ("2000", NULL);
  g_autoptr(ArangoCursor) found = NULL;
  g_autoptr(ArangoCursor) all = NULL;
  g_autoptr(ArangoCursor) range = NULL;
  g_autoptr(ArangoCursor) near = NULL;
  g_autoptr(ArangoCursor) radius = NULL;
  g_autoptr(ArangoCursor) box = NULL;
  g_autoptr(ArangoCursor) text = NULL;
  g_autoptr(JsonObject) random = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *found_keys = NULL;
  g_autofree char *all_keys = NULL;
  g_autofree char *range_keys = NULL;
  g_autofree char *near_keys = NULL;
  g_autofree char *radius_keys = NULL;
  g_autofree char *box_keys = NULL;

  found = arango_collection_find_sync (fixture->people, math, 0, 2, NULL, NULL, &error);
  g_assert_no_error (error);
  found_keys = cursor_keys (found, FALSE);
  g_assert_cmpstr (found_keys, ==, "ada,alan");
  all = arango_collection_all_sync (fixture->people, 5, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  all_keys = cursor_keys (all, FALSE);
  g_assert_cmpstr (all_keys, ==, "trick");
  range = arango_collection_find_in_range_sync (fixture->people, "born", low, high, 0,
                                                ARANGO_NO_LIMIT, NULL, NULL, &error);
  g_assert_no_error (error);
  range_keys = cursor_keys (range, TRUE);
  g_assert_cmpstr (range_keys, ==, "alan,edsger,grace");
  keys = arango_collection_keys_sync (fixture->people, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (keys), ==, 6);
  ids = arango_collection_ids_sync (fixture->people, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ids[1], ==, "people/alan");
  random = arango_collection_random_sync (fixture->people, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (random);

  near = arango_collection_find_near_sync (fixture->cities, geo_field, TRUE, 48.86, 2.35, 1,
                                           NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  near_keys = cursor_keys (near, FALSE);
  g_assert_cmpstr (near_keys, ==, "paris");
  radius = arango_collection_find_in_radius_sync (fixture->cities, pair_field, FALSE, 48.14,
                                                  11.58, 1000, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  radius_keys = cursor_keys (radius, FALSE);
  g_assert_cmpstr (radius_keys, ==, "munich");
  box = arango_collection_find_in_box_sync (fixture->cities, two_fields, FALSE, 53, 9, 54, 10, 0,
                                            ARANGO_NO_LIMIT, NULL, NULL, &error);
  g_assert_no_error (error);
  box_keys = cursor_keys (box, FALSE);
  g_assert_cmpstr (box_keys, ==, "hamburg");
  text = arango_collection_find_by_text_sync (fixture->people, "bio", "logic", "by-text",
                                              "text_en", ARANGO_NO_LIMIT, NULL, NULL, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_NOT_IMPLEMENTED);
  g_clear_error (&error);

  g_assert_cmpint (arango_collection_update_match_sync (fixture->people, math, body, ARANGO_NO_LIMIT,
                                                        ARANGO_DOCUMENT_FLAGS_NONE, NULL, &error),
                   ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (arango_collection_replace_match_sync (fixture->people, body, math, 1,
                                                         ARANGO_DOCUMENT_FLAGS_NONE, NULL, &error),
                   ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (arango_collection_delete_match_sync (fixture->people, math, ARANGO_NO_LIMIT,
                                                        ARANGO_DOCUMENT_FLAGS_NONE, NULL, &error),
                   ==, 3);
  g_assert_no_error (error);
}

/* Every result of a query, with the query's warnings as text. */
static JsonArray *
query_results (Fixture     *fixture,
               const char  *aql,
               const char  *bind_vars,
               char       **warnings)
{
  g_autoptr(JsonObject) vars = bind_vars != NULL ? test_json_object (bind_vars) : NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *results;

  cursor = arango_database_query_sync (fixture->database, aql, vars, NULL, NULL, &error);
  g_assert_no_error (error);
  results = drain (cursor);
  if (warnings != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (node, arango_cursor_get_warnings (cursor));
      *warnings = json_to_string (node, FALSE);
    }
  return results;
}

static JsonNode *
query_first (Fixture     *fixture,
             const char  *aql,
             const char  *bind_vars,
             char       **warnings)
{
  g_autoptr(JsonArray) results = query_results (fixture, aql, bind_vars, warnings);

  g_assert_cmpuint (json_array_get_length (results), >, 0);
  return json_node_copy (json_array_get_element (results, 0));
}

static char *
query_text (Fixture     *fixture,
            const char  *aql,
            const char  *bind_vars,
            char       **warnings)
{
  g_autoptr(JsonNode) first = query_first (fixture, aql, bind_vars, warnings);

  return json_to_string (first, FALSE);
}

static void
query_refused (Fixture    *fixture,
               const char *aql,
               const char *bind_vars,
               guint       status,
               gint        code,
               const char *message)
{
  g_autoptr(JsonObject) vars = bind_vars != NULL ? test_json_object (bind_vars) : NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;

  cursor = arango_database_query_sync (fixture->database, aql, vars, NULL, NULL, &error);
  g_assert_null (cursor);
  test_assert_refused (&error, status, code, message);
}

/* The AQL functions the simple queries run, as the emulator evaluates
 * them: the server's results, warnings and refusals. */
static void
test_aql_geo_functions (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(JsonNode) distances = query_first (fixture,
                                               "RETURN [GEO_DISTANCE([0, 0], [0, 1]),"
                                               " GEO_DISTANCE({type: 'Point', coordinates: [0, 0]}, [1, 0], 'sphere')]",
                                               NULL, NULL);
  g_autofree char *warnings = NULL;
  g_autofree char *bad = query_text (fixture, "RETURN GEO_DISTANCE([0, 0], [200, 0])", NULL, &warnings);
  g_autofree char *polygon = query_text (fixture, "RETURN GEO_POLYGON([[0, 0], [1, 0], [1, 1], [0, 0]])",
                                         NULL, NULL);
  g_autofree char *short_warnings = NULL;
  g_autofree char *short_loop = query_text (fixture, "RETURN GEO_POLYGON([[0, 0], [1, 0], [1, 1]])",
                                            NULL, &short_warnings);
  g_autofree char *open_warnings = NULL;
  g_autofree char *open_loop = query_text (fixture, "RETURN GEO_POLYGON([[0, 0], [1, 0], [1, 1], [0, 1]])",
                                           NULL, &open_warnings);
  g_autofree char *scalar_warnings = NULL;
  g_autofree char *scalar = query_text (fixture, "RETURN GEO_POLYGON('x')", NULL, &scalar_warnings);
  g_autofree char *sides = query_text (fixture,
                                       "LET ccw = GEO_POLYGON([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]])"
                                       " LET cw = GEO_POLYGON([[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]])"
                                       " RETURN [GEO_CONTAINS(ccw, [1, 1]), GEO_CONTAINS(ccw, [5, 5]),"
                                       " GEO_CONTAINS(cw, [1, 1]), GEO_CONTAINS(cw, {type: 'Point', coordinates: [5, 5]})]",
                                       NULL, NULL);
  g_autofree char *not_object_warnings = NULL;
  g_autofree char *not_object = query_text (fixture, "RETURN GEO_CONTAINS([1], [1, 1])", NULL,
                                            &not_object_warnings);
  JsonArray *pair = json_node_get_array (distances);
  gdouble degree = 6371000.0 * G_PI / 180;

  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (pair, 0), degree, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (pair, 1), degree, 1e-6);
  g_assert_cmpstr (bad, ==, "null");
  g_assert_cmpstr (warnings, ==,
                   "[{\"code\":10,\"message\":\"in function 'GEO_DISTANCE()': Bad coordinates [200,0]\"}]");
  g_assert_cmpstr (polygon, ==, "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}");
  g_assert_cmpstr (short_loop, ==, "null");
  g_assert_cmpstr (short_warnings, ==,
                   "[{\"code\":10,\"message\":\"in function 'GEO_POLYGON()': "
                   "Invalid loop in polygon, must have at least 4 vertices\"}]");
  g_assert_cmpstr (open_loop, ==, "null");
  g_assert_cmpstr (open_warnings, ==,
                   "[{\"code\":10,\"message\":\"in function 'GEO_POLYGON()': Loop not closed\"}]");
  g_assert_cmpstr (scalar, ==, "null");
  g_assert_cmpstr (scalar_warnings, ==,
                   "[{\"code\":1563,\"message\":\"in function 'GEO_POLYGON()': array expected\"}]");
  /* The inside of a polygon is on the left of its edges. */
  g_assert_cmpstr (sides, ==, "[true,false,false,true]");
  g_assert_cmpstr (not_object, ==, "null");
  g_assert_cmpstr (not_object_warnings, ==,
                   "[{\"code\":1542,\"message\":\"in function 'GEO_CONTAINS()': Expecting GeoJSON object\"}]");

  query_refused (fixture, "RETURN GEO_DISTANCE([0, 0], [1, 1], 'wgs84')", NULL, 501,
                 ARANGO_SERVER_ERROR_NOT_IMPLEMENTED,
                 "AQL: not implemented: GEO_DISTANCE() of the wgs84 ellipsoid is not supported"
                 " by the emulator (while executing)");
}

static void
test_aql_merge_and_rand (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autofree char *warnings = NULL;
  g_autofree char *merged = query_text (fixture,
                                        "RETURN [MERGE({a: 1, b: 2}, {b: 3, c: 4}), MERGE([{a: 1}, {a: 2, b: 1}]),"
                                        " MERGE({a: 1}, 2)]", NULL, &warnings);
  g_autoptr(JsonArray) draws = query_results (fixture, "FOR i IN 1..40 RETURN RAND()", NULL, NULL);
  gboolean varied = FALSE;

  g_assert_cmpstr (merged, ==, "[{\"a\":1,\"b\":3,\"c\":4},{\"a\":2,\"b\":1},null]");
  g_assert_cmpstr (warnings, ==,
                   "[{\"code\":1542,\"message\":\"invalid argument type in call to function 'MERGE()'\"}]");

  g_assert_cmpuint (json_array_get_length (draws), ==, 40);
  for (guint i = 0; i < 40; i++)
    {
      gdouble draw = json_array_get_double_element (draws, i);

      g_assert_cmpfloat (draw, >=, 0);
      g_assert_cmpfloat (draw, <, 1);
      varied |= draw != json_array_get_double_element (draws, 0);
    }
  g_assert_true (varied);
}

static char *
query_all_text (Fixture    *fixture,
                const char *aql,
                const char *bind_vars)
{
  g_autoptr(JsonArray) results = query_results (fixture, aql, bind_vars, NULL);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  json_node_set_array (node, results);
  return json_to_string (node, FALSE);
}

/* `x.@p` takes a name or an array of names for a nested attribute;
 * anything else is refused before the query runs, rows or no rows. */
static void
test_aql_bound_attribute_paths (Fixture       *fixture,
                                gconstpointer  user_data)
{
  const char *aql = "FOR x IN [{a: {b: 1}, c: 3}, {a: 2}] RETURN x.@p";
  const char *bad[] = { "\"\"", "[]", "[\"a\", \"\"]", "[\"a\", 1]", "1", "null" };
  g_autofree char *nested = query_all_text (fixture, aql, "{\"p\": [\"a\", \"b\"]}");
  g_autofree char *plain = query_all_text (fixture, aql, "{\"p\": \"c\"}");

  g_assert_cmpstr (nested, ==, "[1,null]");
  g_assert_cmpstr (plain, ==, "[3,null]");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *vars = g_strdup_printf ("{\"p\": %s}", bad[i]);

      query_refused (fixture, "FOR x IN [] RETURN x.@p", vars, 400,
                     ARANGO_SERVER_ERROR_QUERY_BIND_PARAMETER_TYPE,
                     "bind parameter 'p' has an invalid value or type");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/simple/find", test_find);
  ADD ("/simple/find/binds-values", test_find_binds_values);
  ADD ("/simple/all", test_all);
  ADD ("/simple/find-in-range", test_find_in_range);
  ADD ("/simple/keys-and-ids", test_keys_and_ids);
  ADD ("/simple/random", test_random);
  ADD ("/simple/update-match", test_update_match);
  ADD ("/simple/replace-and-delete-match", test_replace_and_delete_match);
  ADD ("/simple/in-transaction", test_in_transaction);
  ADD ("/simple/refused", test_refused);
  ADD ("/simple/near", test_near);
  ADD ("/simple/radius", test_radius);
  ADD ("/simple/box", test_box);
  ADD ("/simple/geo-refused", test_geo_refused);
  ADD ("/simple/by-text", test_by_text);
  ADD ("/simple/sync", test_sync);
  ADD ("/simple/aql/geo-functions", test_aql_geo_functions);
  ADD ("/simple/aql/merge-and-rand", test_aql_merge_and_rand);
  ADD ("/simple/aql/bound-attribute-paths", test_aql_bound_attribute_paths);

#undef ADD

  return g_test_run ();
}
