/* test-query-model.c: ArangoQueryModel and ArangoDocument against the
 * emulator, without GTK
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every item the model announces gets a weak reference, so the tests can
 * tell that each result became exactly one document, kept once, and that
 * the documents go away with the model.
 */

#include "test-util.h"

#define N_NUMBERS 25

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoQueryModel *model;

  GArray *changes;           /* of Change, in the order of items-changed */
  GArray *loading;           /* of gboolean, at each notify::loading */
  guint error_notifies;
  guint cancel_after;        /* items; 0: never */
  gboolean cancel_on_removal;
  gboolean drop_after_first; /* unref the model in the first items-changed */
} Fixture;

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint documents_alive;
} Change;

static guint documents_alive;

static void
on_document_finalized (gpointer  user_data,
                       GObject  *where_the_object_was)
{
  documents_alive--;
}

/* The model holds its items; this only watches them. */
static void
watch_new_items (GListModel *model,
                 guint       position,
                 guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_object_weak_ref (item, on_document_finalized, NULL);
      documents_alive++;
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) documents = json_array_new ();
  g_autoptr(JsonArray) inserted = NULL;
  g_autoptr(ArangoCollection) numbers = NULL;

  fixture->emulator = emulator_process_start (3, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = arango_client_db_sync (fixture->client, "_system", "root", "", NULL, &error);
  g_assert_no_error (error);
  numbers = arango_database_create_collection_sync (fixture->database, "numbers", NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_NUMBERS; i++)
    {
      JsonObject *document = json_object_new ();
      g_autofree char *key = g_strdup_printf ("n%02u", i);

      json_object_set_string_member (document, "_key", key);
      json_object_set_int_member (document, "value", i);
      json_array_add_object_element (documents, document);
    }
  inserted = arango_collection_insert_many_sync (numbers, documents, ARANGO_DOCUMENT_FLAGS_NONE,
                                                 NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (inserted), ==, N_NUMBERS);

  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  fixture->loading = g_array_new (FALSE, FALSE, sizeof (gboolean));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->model);
  g_assert_cmpuint (documents_alive, ==, 0);
  g_clear_pointer (&fixture->changes, g_array_unref);
  g_clear_pointer (&fixture->loading, g_array_unref);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  Change change;

  watch_new_items (model, position, added);
  change = (Change) { position, removed, added, documents_alive };
  g_array_append_val (fixture->changes, change);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, position + added);

  if ((fixture->cancel_after != 0 && position + added >= fixture->cancel_after) ||
      (fixture->cancel_on_removal && removed > 0))
    arango_query_model_cancel (ARANGO_QUERY_MODEL (model));
  if (fixture->drop_after_first)
    {
      fixture->drop_after_first = FALSE;
      g_clear_object (&fixture->model);
    }
}

static void
on_loading_changed (ArangoQueryModel *model,
                    GParamSpec       *pspec,
                    Fixture          *fixture)
{
  gboolean loading = arango_query_model_get_loading (model);

  g_array_append_val (fixture->loading, loading);
}

static void
on_error_changed (ArangoQueryModel *model,
                  GParamSpec       *pspec,
                  Fixture          *fixture)
{
  fixture->error_notifies++;
}

static void
make_model (Fixture    *fixture,
            const char *aql,
            guint       batch_size)
{
  g_autoptr(ArangoQueryOptions) options = arango_query_options_new ();

  arango_query_options_set_batch_size (options, batch_size);
  fixture->model = arango_query_model_new (fixture->database, aql, NULL, options);
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (on_items_changed), fixture);
  g_signal_connect (fixture->model, "notify::loading", G_CALLBACK (on_loading_changed), fixture);
  g_signal_connect (fixture->model, "notify::error", G_CALLBACK (on_error_changed), fixture);
}

static void
wait_until_loaded (Fixture *fixture)
{
  while (arango_query_model_get_loading (fixture->model))
    g_main_context_iteration (NULL, TRUE);
}

static Change *
change_at (Fixture *fixture,
           guint    index)
{
  g_assert_cmpuint (index, <, fixture->changes->len);
  return &g_array_index (fixture->changes, Change, index);
}

static gboolean
loading_at (Fixture *fixture,
            guint    index)
{
  g_assert_cmpuint (index, <, fixture->loading->len);
  return g_array_index (fixture->loading, gboolean, index);
}

/* How many DELETE /_api/cursor/… requests reached any coordinator. */
static guint
cursor_deletes (Fixture *fixture)
{
  guint n = 0;

  for (guint i = 0; i < emulator_process_get_n_hosts (fixture->emulator); i++)
    {
      g_autofree char *path = g_strdup_printf ("/_control/coordinators/%u/requests", i);
      g_autoptr(JsonNode) log = emulator_process_control (fixture->emulator, "GET", path, NULL);
      JsonArray *requests = json_object_get_array_member (json_node_get_object (log), "requests");

      for (guint j = 0; j < json_array_get_length (requests); j++)
        {
          JsonObject *request = json_array_get_object_element (requests, j);

          if (g_str_equal (json_object_get_string_member (request, "method"), "DELETE") &&
              strstr (json_object_get_string_member (request, "path"), "/_api/cursor/") != NULL)
            n++;
        }
    }
  return n;
}

/* The DELETE goes out from the default main context without anybody
 * waiting for it: turn the context until the emulator logged it. */
static void
wait_for_cursor_delete (Fixture *fixture)
{
  while (cursor_deletes (fixture) == 0)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (G_USEC_PER_SEC / 100);
    }
}

static void
test_batches (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(ArangoDocument) first = NULL;
  g_autoptr(ArangoDocument) again = NULL;
  g_autoptr(ArangoDocument) last = NULL;
  guint n_items = 0;

  make_model (fixture, "FOR n IN numbers SORT n.value RETURN n", 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->model)) == ARANGO_TYPE_DOCUMENT);
  g_assert_false (arango_query_model_get_loading (fixture->model));

  arango_query_model_load (fixture->model);
  g_assert_true (arango_query_model_get_loading (fixture->model));
  arango_query_model_load (fixture->model);   /* a no-op while loading */
  wait_until_loaded (fixture);

  g_assert_cmpuint (fixture->changes->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      Change *change = change_at (fixture, i);

      g_assert_cmpuint (change->position, ==, i * 10);
      g_assert_cmpuint (change->removed, ==, 0);
      g_assert_cmpuint (change->added, ==, i < 2 ? 10 : 5);
      /* Each batch added one document per result, and none went away */
      g_assert_cmpuint (change->documents_alive, ==, change->position + change->added);
    }
  g_assert_cmpuint (fixture->loading->len, ==, 2);
  g_assert_true (loading_at (fixture, 0));
  g_assert_false (loading_at (fixture, 1));
  g_assert_cmpuint (fixture->error_notifies, ==, 0);
  g_assert_null (arango_query_model_get_error (fixture->model));

  g_object_get (fixture->model, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, N_NUMBERS);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->model), N_NUMBERS));

  /* get_item hands out the same document, not a new one */
  first = g_list_model_get_item (G_LIST_MODEL (fixture->model), 0);
  again = g_list_model_get_item (G_LIST_MODEL (fixture->model), 0);
  g_assert_true (first == again);
  g_assert_cmpstr (arango_document_get_key (first), ==, "n00");
  g_assert_cmpstr (arango_document_get_id (first), ==, "numbers/n00");
  g_assert_nonnull (arango_document_get_rev (first));
  last = g_list_model_get_item (G_LIST_MODEL (fixture->model), N_NUMBERS - 1);
  g_assert_cmpint (json_node_get_int (arango_document_get_member (last, "value")), ==, N_NUMBERS - 1);
  g_assert_cmpuint (documents_alive, ==, N_NUMBERS);

  /* The finished cursor holds nothing on the server: nothing to delete */
  g_assert_cmpuint (cursor_deletes (fixture), ==, 0);
}

static void
test_values_that_are_not_documents (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(ArangoDocument) item = NULL;
  g_autofree char *key = NULL;
  g_autofree char *json = NULL;

  make_model (fixture, "FOR i IN 1..3 RETURN i * 2", 2);
  arango_query_model_load (fixture->model);
  wait_until_loaded (fixture);
  g_assert_null (arango_query_model_get_error (fixture->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 3);

  item = g_list_model_get_item (G_LIST_MODEL (fixture->model), 2);
  g_assert_null (arango_document_get_object (item));
  g_assert_null (arango_document_get_key (item));
  g_assert_null (arango_document_get_id (item));
  g_assert_null (arango_document_get_rev (item));
  g_assert_false (arango_document_has_member (item, "_key"));
  g_assert_null (arango_document_get_member (item, "_key"));
  g_assert_cmpint (json_node_get_int (arango_document_get_value (item)), ==, 6);
  json = arango_document_to_json (item);
  g_assert_cmpstr (json, ==, "6");
  g_object_get (item, "key", &key, NULL);
  g_assert_null (key);
}

static void
test_document_from_object (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCollection) numbers = arango_database_get_collection (fixture->database, "numbers");
  g_autoptr(JsonObject) stored = arango_collection_get_sync (numbers, "n07", NULL, NULL, &error);
  g_autoptr(ArangoDocument) document = NULL;
  g_autofree char *id = NULL;
  g_autofree char *rev = NULL;

  g_assert_no_error (error);
  document = arango_document_new_for_object (stored);
  g_assert_true (arango_document_get_object (document) == stored);
  g_assert_true (arango_document_has_member (document, "value"));
  g_assert_false (arango_document_has_member (document, "missing"));
  g_object_get (document, "id", &id, "rev", &rev, NULL);
  g_assert_cmpstr (id, ==, "numbers/n07");
  g_assert_cmpstr (rev, ==, json_object_get_string_member (stored, "_rev"));
}

static void
test_query_error (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const GError *error;
  GError *property = NULL;

  make_model (fixture, "FOR n IN nowhere RETURN n", 10);
  arango_query_model_load (fixture->model);
  wait_until_loaded (fixture);

  error = arango_query_model_get_error (fixture->model);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  g_assert_cmpuint (fixture->error_notifies, ==, 1);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_cmpuint (fixture->loading->len, ==, 2);
  g_assert_false (loading_at (fixture, 1));

  g_object_get (fixture->model, "error", &property, NULL);
  g_assert_error (property, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  g_assert_cmpuint (arango_server_error_get_http_status (property), ==, 404);
  g_clear_error (&property);
}

static void
test_cancel_and_reload (Fixture       *fixture,
                        gconstpointer  user_data)
{
  make_model (fixture, "FOR n IN numbers SORT n.value RETURN n", 5);
  fixture->cancel_after = 5;
  arango_query_model_load (fixture->model);
  wait_until_loaded (fixture);

  /* The first batch stays; no more come */
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 5);
  g_assert_error (arango_query_model_get_error (fixture->model), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->error_notifies, ==, 1);
  wait_for_cursor_delete (fixture);
  g_assert_cmpuint (fixture->changes->len, ==, 1);

  /* Loading again starts over: the old items go in one change */
  fixture->cancel_after = 0;
  arango_query_model_load (fixture->model);
  g_assert_null (arango_query_model_get_error (fixture->model));
  g_assert_cmpuint (fixture->error_notifies, ==, 2);
  g_assert_cmpuint (change_at (fixture, 1)->position, ==, 0);
  g_assert_cmpuint (change_at (fixture, 1)->removed, ==, 5);
  g_assert_cmpuint (change_at (fixture, 1)->added, ==, 0);
  wait_until_loaded (fixture);
  g_assert_null (arango_query_model_get_error (fixture->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, N_NUMBERS);
  g_assert_cmpuint (fixture->changes->len, ==, 2 + N_NUMBERS / 5);
}

/* A handler of the change that empties the model on reload can already
 * cancel the new run. */
static void
test_cancel_while_reloading (Fixture       *fixture,
                             gconstpointer  user_data)
{
  make_model (fixture, "FOR n IN numbers RETURN n", 10);
  arango_query_model_load (fixture->model);
  wait_until_loaded (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, N_NUMBERS);

  fixture->cancel_on_removal = TRUE;
  arango_query_model_load (fixture->model);
  g_assert_false (arango_query_model_get_loading (fixture->model));
  g_assert_error (arango_query_model_get_error (fixture->model), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 0);

  /* The cancelled query comes back to nobody */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 0);
  g_assert_cmpuint (change_at (fixture, fixture->changes->len - 1)->removed, ==, N_NUMBERS);
}

static void
test_dispose_while_loading (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GWeakRef weak;

  make_model (fixture, "FOR n IN numbers RETURN n", 5);
  g_weak_ref_init (&weak, fixture->model);
  fixture->drop_after_first = TRUE;
  arango_query_model_load (fixture->model);
  while (fixture->model != NULL)
    g_main_context_iteration (NULL, TRUE);

  /* The model is gone with its documents, the cursor deleted on the server */
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  wait_for_cursor_delete (fixture);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  g_assert_cmpuint (documents_alive, ==, 0);
}

static void
test_dispose_before_reply (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GWeakRef weak;

  make_model (fixture, "FOR n IN numbers RETURN n", 5);
  g_weak_ref_init (&weak, fixture->model);
  arango_query_model_load (fixture->model);
  g_clear_object (&fixture->model);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);

  /* The cancelled query finishes without a model to fill */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/query-model/batches", test_batches);
  ADD ("/query-model/values-that-are-not-documents", test_values_that_are_not_documents);
  ADD ("/query-model/document-from-object", test_document_from_object);
  ADD ("/query-model/query-error", test_query_error);
  ADD ("/query-model/cancel-and-reload", test_cancel_and_reload);
  ADD ("/query-model/cancel-while-reloading", test_cancel_while_reloading);
  ADD ("/query-model/dispose-while-loading", test_dispose_while_loading);
  ADD ("/query-model/dispose-before-reply", test_dispose_before_reply);
#undef ADD

  return g_test_run ();
}
