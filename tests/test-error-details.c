/* test-error-details.c: a server error's HTTP status, error number and
 * server message, over real HTTP against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *missing;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

/* One coordinator, so that a fault always hits the next request. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
  fixture->missing = arango_database_get_collection (fixture->database, "missing");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->missing);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

/* @fault: a fault kind for every request from now on, or NULL. */
static GError *
count_missing (Fixture    *fixture,
               const char *fault)
{
  GError *error = NULL;

  if (fault != NULL)
    emulator_process_set_fault (fixture->emulator, 0, fault, 0, 0);

  arango_collection_count_async (fixture->missing, NULL, READY);
  g_assert_cmpint (arango_collection_count_finish (fixture->missing, WAIT, &error), ==, -1);
  g_assert_nonnull (error);
  return error;
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  user_data)
{
  GError *error = count_missing (fixture, NULL);

  test_assert_refused (&error, 404, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND,
                       "collection or view not found");
}

/* A proxy's error page has no errorNum: the status is the code too, and
 * the server said nothing of its own. */
static void
test_without_error_number (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = count_missing (fixture, "bad-gateway");

  g_assert_error (error, ARANGO_SERVER_ERROR, 502);
  g_assert_cmpstr (error->message, ==, "[HTTP 502] Bad Gateway");
  test_assert_details (error, 502, -1, NULL);
}

/* The message adds the stored revision; the server message is the
 * server's alone. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(ArangoCollection) items = NULL;
  g_autoptr(JsonNode) document = json_from_string ("{\"_key\": \"k\"}", NULL);
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(JsonObject) stale = NULL;
  g_autoptr(GError) error = NULL;

  arango_database_create_collection_async (fixture->database, "items", NULL, NULL, READY);
  items = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  arango_collection_insert_async (items, document, 0, NULL, READY);
  meta = arango_collection_insert_finish (items, WAIT, &error);
  g_assert_no_error (error);

  arango_collection_get_async (items, "k", "_not-it---", NULL, READY);
  stale = arango_collection_get_finish (items, WAIT, &error);
  g_assert_null (stale);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, json_object_get_string_member (meta, "_rev")));
  test_assert_details (error, 412, ARANGO_SERVER_ERROR_CONFLICT,
                       "conflict, _rev values do not match");
}

/* Errors the library did not make from a reply have no details, in
 * whatever domain. */
static void
test_not_a_server_error (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) client_error = NULL;
  g_autoptr(GError) io_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no");
  g_autoptr(GError) by_hand = g_error_new_literal (ARANGO_SERVER_ERROR, 1203, "made elsewhere");
  g_autoptr(GError) copied = NULL;

  arango_client_new ("ftp://nowhere", &client_error);
  g_assert_error (client_error, ARANGO_ERROR, ARANGO_ERROR_INVALID_HOST);
  test_assert_details (client_error, 0, -1, NULL);
  test_assert_details (io_error, 0, -1, NULL);
  test_assert_details (by_hand, 0, -1, NULL);
  copied = g_error_copy (by_hand);
  test_assert_details (copied, 0, -1, NULL);
}

/* g_error_copy(), as GValue and the query model use it, and
 * g_prefix_error() keep the details. */
static void
test_copy (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = count_missing (fixture, NULL);
  g_autoptr(GError) copy = g_error_copy (error);
  g_auto(GValue) value = G_VALUE_INIT;
  const GError *boxed;

  g_clear_error (&error);
  g_assert_error (copy, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  test_assert_details (copy, 404, 1203, "collection or view not found");

  g_value_init (&value, G_TYPE_ERROR);
  g_value_set_boxed (&value, copy);
  boxed = g_value_get_boxed (&value);
  g_assert_true (boxed != copy);
  test_assert_details (boxed, 404, 1203, "collection or view not found");

  g_prefix_error (&copy, "Counting: ");
  test_assert_details (copy, 404, 1203, "collection or view not found");
}

static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (arango_collection_count_sync (fixture->missing, NULL, &error), ==, -1);
  test_assert_refused (&error, 404, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND,
                       "collection or view not found");

  emulator_process_set_fault (fixture->emulator, 0, "bad-gateway", 1, 0);
  g_assert_cmpint (arango_collection_count_sync (fixture->missing, NULL, &error), ==, -1);
  g_assert_error (error, ARANGO_SERVER_ERROR, 502);
  test_assert_details (error, 502, -1, NULL);
}

/* A 503 goes to another coordinator, so the error that ends the tries is
 * the library's, not the server's. */
static void
test_unavailable (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = count_missing (fixture, "unavailable");

  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_HOSTS_UNAVAILABLE);
  test_assert_details (error, 0, -1, NULL);
}

/* The upload id of the transfer a status request asks about: the body of
 * the last request the coordinator logged. */
static char *
last_upload_id (EmulatorProcess *emulator)
{
  g_autoptr(JsonArray) requests = test_logged_requests (emulator, 0);
  JsonObject *last = json_array_get_object_element (requests, json_array_get_length (requests) - 1);
  g_autoptr(JsonObject) body = test_json_object (json_object_get_string_member (last, "body"));

  return g_strdup (json_object_get_string_member (body, "uploadId"));
}

/* Someone else aborts the upload while it runs. */
static void
abort_upload (goffset  done,
              goffset  total,
              gpointer user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *id = last_upload_id (fixture->emulator);
  g_autofree char *text = g_strdup_printf ("{\"uploadId\": \"%s\", \"abort\": true}", id);
  g_autoptr(JsonNode) body = json_from_string (text, NULL);
  g_autoptr(ArangoHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = arango_database_request_sync (fixture->database, "POST", "/_admin/backup/upload",
                                           NULL, NULL, body, ARANGO_REQUEST_FLAGS_NONE,
                                           NULL, &error);
  g_assert_no_error (error);
}

/* The server reports a failed transfer in a successful status reply:
 * that reply's status, no error number, the library's code. */
static void
test_backup_transfer (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(JsonObject) backup = NULL;
  g_autoptr(GError) error = NULL;

  arango_database_create_backup_async (fixture->database, "aborted", NULL, NULL, READY);
  backup = arango_database_create_backup_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);

  arango_database_upload_backup_async (fixture->database,
                                       json_object_get_string_member (backup, "id"),
                                       "local://tmp/backups", NULL, abort_upload, fixture, NULL,
                                       NULL, READY);
  g_assert_false (arango_database_upload_backup_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_FAILED_TO_UPLOAD_BACKUP);
  test_assert_details (error, 200, -1, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/error-details/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("not-found", test_not_found);
  ADD ("without-error-number", test_without_error_number);
  ADD ("conflict", test_conflict);
  ADD ("not-a-server-error", test_not_a_server_error);
  ADD ("copy", test_copy);
  ADD ("sync", test_sync);
  ADD ("unavailable", test_unavailable);
  ADD ("backup-transfer", test_backup_transfer);
#undef ADD

  return g_test_run ();
}
