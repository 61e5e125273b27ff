/* test-views.c: arangosearch and search-alias views, and analyzers,
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
  ArangoCollection *books;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->emulator = emulator_process_start (2, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");

  arango_database_create_collection_async (fixture->database, "books", NULL, NULL, READY);
  fixture->books = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->books);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static JsonObject *
create_view (Fixture     *fixture,
             const char  *name,
             const char  *properties,
             GError     **error)
{
  g_autoptr(JsonObject) given = properties != NULL ? test_json_object (properties) : NULL;

  arango_database_create_view_async (fixture->database, name, "arangosearch", given, NULL, READY);
  return arango_database_create_view_finish (fixture->database, WAIT, error);
}

static JsonObject *
view_links (JsonObject *view)
{
  return json_object_get_object_member (view, "links");
}

static void
test_arangosearch (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) read = NULL;
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(JsonObject) replaced = NULL;
  g_autoptr(JsonObject) renamed = NULL;
  g_autoptr(JsonObject) patch = test_json_object ("{\"cleanupIntervalStep\": 12, \"links\": {\"books\": null}}");
  g_autoptr(JsonObject) put = test_json_object ("{\"links\": {\"books\": {\"includeAllFields\": true}}}");
  g_autoptr(JsonArray) views = NULL;
  JsonObject *link;

  created = create_view (fixture, "catalog",
                         "{\"commitIntervalMsec\": 666, \"links\": {\"books\": {\"fields\": {\"title\": {\"analyzers\": [\"text_en\"]}}}}}",
                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (created, "name"), ==, "catalog");
  g_assert_cmpstr (json_object_get_string_member (created, "type"), ==, "arangosearch");
  g_assert_cmpint (json_object_get_int_member (created, "commitIntervalMsec"), ==, 666);
  link = json_object_get_object_member (view_links (created), "books");
  g_assert_nonnull (link);
  g_assert_false (json_object_get_boolean_member (link, "includeAllFields"));

  arango_database_views_async (fixture->database, NULL, READY);
  views = arango_database_views_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (views), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (views, 0), "name"),
                   ==, "catalog");

  /* By id as well as by name. */
  arango_database_view_async (fixture->database, json_object_get_string_member (created, "id"),
                              NULL, READY);
  read = arango_database_view_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (read, "name"), ==, "catalog");
  g_assert_true (json_object_has_member (view_links (read), "books"));
  g_assert_false (json_object_has_member (read, "error"));

  /* A patch changes what it names and drops links set to null. */
  arango_database_update_view_async (fixture->database, "catalog", patch, NULL, READY);
  updated = arango_database_update_view_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (updated, "cleanupIntervalStep"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (updated, "commitIntervalMsec"), ==, 666);
  g_assert_cmpuint (json_object_get_size (view_links (updated)), ==, 0);

  /* A replacement returns what it leaves out to the defaults. */
  arango_database_replace_view_async (fixture->database, "catalog", put, NULL, READY);
  replaced = arango_database_replace_view_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (replaced, "cleanupIntervalStep"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (replaced, "commitIntervalMsec"), ==, 1000);
  link = json_object_get_object_member (view_links (replaced), "books");
  g_assert_true (json_object_get_boolean_member (link, "includeAllFields"));

  arango_database_rename_view_async (fixture->database, "catalog", "shelf", NULL, READY);
  g_assert_true (arango_database_rename_view_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  arango_database_view_async (fixture->database, "catalog", NULL, READY);
  g_assert_null (arango_database_view_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  g_clear_error (&error);
  arango_database_view_async (fixture->database, "shelf", NULL, READY);
  renamed = arango_database_view_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (view_links (renamed), "books"),
                                                 "includeAllFields"));

  arango_database_delete_view_async (fixture->database, "shelf", FALSE, NULL, READY);
  g_assert_true (arango_database_delete_view_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  arango_database_delete_view_async (fixture->database, "shelf", FALSE, NULL, READY);
  g_assert_false (arango_database_delete_view_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  g_clear_error (&error);
  arango_database_delete_view_async (fixture->database, "shelf", TRUE, NULL, READY);
  g_assert_false (arango_database_delete_view_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
}

static void
test_view_errors (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) first = create_view (fixture, "catalog", NULL, &error);

  g_assert_no_error (error);

  g_assert_null (create_view (fixture, "catalog", NULL, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);

  /* Views and collections share their names. */
  g_assert_null (create_view (fixture, "books", NULL, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);

  g_assert_null (create_view (fixture, "9lives", NULL, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_ILLEGAL_NAME);
  g_clear_error (&error);

  g_assert_null (create_view (fixture, "shelf", "{\"links\": {\"missing\": {}}}", &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  g_clear_error (&error);

  arango_database_create_view_async (fixture->database, "shelf", "materialized", NULL, NULL, READY);
  g_assert_null (arango_database_create_view_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_BAD_PARAMETER);
  g_clear_error (&error);

  g_assert_null (create_view (fixture, "", NULL, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_database_rename_view_async (fixture->database, "catalog", "", NULL, READY);
  g_assert_false (arango_database_rename_view_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_database_rename_view_async (fixture->database, "catalog", "books", NULL, READY);
  g_assert_false (arango_database_rename_view_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DUPLICATE_NAME);
}

/* Dropping a collection drops the links to it. */
static void
test_dropped_collection (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) created = create_view (fixture, "catalog", "{\"links\": {\"books\": {}}}", &error);
  g_autoptr(JsonObject) read = NULL;

  g_assert_no_error (error);
  g_assert_true (json_object_has_member (view_links (created), "books"));

  arango_database_delete_collection_async (fixture->database, "books", NULL, READY);
  g_assert_true (arango_database_delete_collection_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);

  arango_database_view_async (fixture->database, "catalog", NULL, READY);
  read = arango_database_view_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (view_links (read)), ==, 0);
}

static void
test_search_alias (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) title_index = test_json_object ("{\"type\": \"inverted\", \"name\": \"inv_title\", \"fields\": [\"title\"]}");
  g_autoptr(JsonObject) text_index = test_json_object ("{\"type\": \"inverted\", \"name\": \"inv_text\", \"fields\": [\"text\"]}");
  g_autoptr(JsonObject) with_title = test_json_object ("{\"indexes\": [{\"collection\": \"books\", \"index\": \"inv_title\"}]}");
  g_autoptr(JsonObject) add_text = test_json_object ("{\"indexes\": [{\"collection\": \"books\", \"index\": \"inv_text\"}]}");
  g_autoptr(JsonObject) missing = test_json_object ("{\"indexes\": [{\"collection\": \"books\", \"index\": \"nope\"}]}");
  g_autoptr(JsonObject) index = NULL;
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(JsonObject) replaced = NULL;

  arango_collection_add_index_async (fixture->books, title_index, NULL, READY);
  index = arango_collection_add_index_finish (fixture->books, WAIT, &error);
  g_assert_no_error (error);
  g_clear_pointer (&index, json_object_unref);
  arango_collection_add_index_async (fixture->books, text_index, NULL, READY);
  index = arango_collection_add_index_finish (fixture->books, WAIT, &error);
  g_assert_no_error (error);

  arango_database_create_search_alias_view_async (fixture->database, "search", with_title, NULL, READY);
  created = arango_database_create_search_alias_view_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (created, "type"), ==, "search-alias");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (created, "indexes")), ==, 1);

  /* A patch adds indexes, a replacement sets them. */
  arango_database_update_view_async (fixture->database, "search", add_text, NULL, READY);
  updated = arango_database_update_view_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (updated, "indexes")), ==, 2);

  arango_database_replace_view_async (fixture->database, "search", add_text, NULL, READY);
  replaced = arango_database_replace_view_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (replaced, "indexes")), ==, 1);

  arango_database_update_view_async (fixture->database, "search", missing, NULL, READY);
  g_assert_null (arango_database_update_view_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_INDEX_NOT_FOUND);
}

static void
test_analyzers (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char * const features[] = { "frequency", "norm", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) upper = test_json_object ("{\"locale\": \"en\", \"case\": \"upper\"}");
  g_autoptr(JsonObject) lower = test_json_object ("{\"locale\": \"en\", \"case\": \"lower\"}");
  g_autoptr(JsonArray) analyzers = NULL;
  g_autoptr(JsonObject) text_en = NULL;
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) read = NULL;
  g_autoptr(JsonObject) view = NULL;
  gboolean found_identity = FALSE;

  arango_database_analyzers_async (fixture->database, NULL, READY);
  analyzers = arango_database_analyzers_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (analyzers); i++)
    found_identity |= g_str_equal (json_object_get_string_member (json_array_get_object_element (analyzers, i), "name"),
                                   "identity");
  g_assert_true (found_identity);

  arango_database_analyzer_async (fixture->database, "text_en", NULL, READY);
  text_en = arango_database_analyzer_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (text_en, "type"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (text_en, "properties"), "locale"),
                   ==, "en");

  arango_database_create_analyzer_async (fixture->database, "shout", "norm", upper, features, NULL, READY);
  created = arango_database_create_analyzer_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (created, "name"), ==, "_system::shout");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (created, "features")), ==, 2);

  /* The same definition again is fine; another one is not. */
  arango_database_create_analyzer_async (fixture->database, "shout", "norm", upper, features, NULL, READY);
  again = arango_database_create_analyzer_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  arango_database_create_analyzer_async (fixture->database, "shout", "norm", lower, features, NULL, READY);
  g_assert_null (arango_database_create_analyzer_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_BAD_PARAMETER);
  g_clear_error (&error);

  arango_database_analyzer_async (fixture->database, "_system::shout", NULL, READY);
  read = arango_database_analyzer_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (read, "type"), ==, "norm");

  /* In use by a view: only forced deletion works. */
  view = create_view (fixture, "loud", "{\"links\": {\"books\": {\"analyzers\": [\"shout\"]}}}", &error);
  g_assert_no_error (error);
  arango_database_delete_analyzer_async (fixture->database, "shout", FALSE, FALSE, NULL, READY);
  g_assert_false (arango_database_delete_analyzer_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CONFLICT);
  g_clear_error (&error);
  arango_database_delete_analyzer_async (fixture->database, "shout", TRUE, FALSE, NULL, READY);
  g_assert_true (arango_database_delete_analyzer_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);

  arango_database_analyzer_async (fixture->database, "shout", NULL, READY);
  g_assert_null (arango_database_analyzer_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND);
  g_clear_error (&error);

  arango_database_delete_analyzer_async (fixture->database, "shout", FALSE, FALSE, NULL, READY);
  g_assert_false (arango_database_delete_analyzer_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND);
  g_clear_error (&error);
  arango_database_delete_analyzer_async (fixture->database, "shout", FALSE, TRUE, NULL, READY);
  g_assert_false (arango_database_delete_analyzer_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);

  arango_database_delete_analyzer_async (fixture->database, "identity", TRUE, FALSE, NULL, READY);
  g_assert_false (arango_database_delete_analyzer_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_FORBIDDEN);
  g_clear_error (&error);

  arango_database_create_analyzer_async (fixture->database, "", "norm", NULL, NULL, NULL, READY);
  g_assert_null (arango_database_create_analyzer_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_database_create_analyzer_async (fixture->database, "bad", "norm", NULL,
                                         (const char * const[]) { "colour", NULL }, NULL, READY);
  g_assert_null (arango_database_create_analyzer_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_BAD_PARAMETER);
}

static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) view = NULL;
  g_autoptr(JsonArray) views = NULL;
  g_autoptr(JsonObject) analyzer = NULL;

  view = arango_database_create_view_sync (fixture->database, "catalog", "arangosearch", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (view, "name"), ==, "catalog");

  views = arango_database_views_sync (fixture->database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (views), ==, 1);

  analyzer = arango_database_create_analyzer_sync (fixture->database, "plain", "identity", NULL, NULL,
                                                   NULL, &error);
  g_assert_no_error (error);
  g_assert_true (arango_database_delete_analyzer_sync (fixture->database, "plain", FALSE, FALSE,
                                                       NULL, &error));
  g_assert_no_error (error);
  g_assert_true (arango_database_delete_view_sync (fixture->database, "catalog", FALSE, NULL, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/views/arangosearch", test_arangosearch);
  ADD ("/views/errors", test_view_errors);
  ADD ("/views/dropped-collection", test_dropped_collection);
  ADD ("/views/search-alias", test_search_alias);
  ADD ("/views/analyzers", test_analyzers);
  ADD ("/views/sync", test_sync);

#undef ADD

  return g_test_run ();
}
