/* test-tasks.c: server tasks against the emulator, which answers as a
 * server without JavaScript: every call is refused with 501/9; bad
 * arguments are refused before anything is sent
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

#define NO_JAVASCRIPT "JavaScript operations are disabled"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  /* One coordinator, so that its request log holds every request. */
  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static guint
count_requests (Fixture *fixture)
{
  g_autoptr(JsonArray) requests = test_logged_requests (fixture->emulator, 0);

  return json_array_get_length (requests);
}

/* The body of the last request the coordinator served. */
static JsonObject *
last_body (Fixture *fixture)
{
  g_autoptr(JsonArray) requests = test_logged_requests (fixture->emulator, 0);
  JsonObject *last = json_array_get_object_element (requests, json_array_get_length (requests) - 1);

  return test_json_object (json_object_get_string_member (last, "body"));
}

/* Asserts that *error is the library's own refusal of an argument, and
 * clears it. */
static void
assert_invalid (GError **error)
{
  g_assert_error (*error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (error);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) tasks = NULL;
  g_autoptr(JsonObject) task = NULL;
  g_autoptr(JsonObject) created = NULL;

  arango_database_tasks_async (fixture->database, NULL, READY);
  tasks = arango_database_tasks_finish (fixture->database, WAIT, &error);
  g_assert_null (tasks);
  test_assert_refused (&error, 501, ARANGO_SERVER_ERROR_NOT_IMPLEMENTED, NO_JAVASCRIPT);

  arango_database_task_async (fixture->database, "nightly", NULL, READY);
  task = arango_database_task_finish (fixture->database, WAIT, &error);
  g_assert_null (task);
  test_assert_refused (&error, 501, ARANGO_SERVER_ERROR_NOT_IMPLEMENTED, NO_JAVASCRIPT);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "GET", "/_api/tasks/nightly"), ==, 1);

  arango_database_create_task_async (fixture->database, "print(params)", NULL, NULL, READY);
  created = arango_database_create_task_finish (fixture->database, WAIT, &error);
  g_assert_null (created);
  test_assert_refused (&error, 501, ARANGO_SERVER_ERROR_NOT_IMPLEMENTED, NO_JAVASCRIPT);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "POST", "/_api/tasks"), ==, 1);

  /* A refusal is no missing task: ignore_missing does not hide it. */
  g_assert_false (arango_database_delete_task_sync (fixture->database, "nightly", TRUE, NULL, &error));
  test_assert_refused (&error, 501, ARANGO_SERVER_ERROR_NOT_IMPLEMENTED, NO_JAVASCRIPT);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "DELETE", "/_api/tasks/nightly"), ==, 1);

  g_assert_null (arango_database_tasks_sync (fixture->database, NULL, &error));
  test_assert_refused (&error, 501, ARANGO_SERVER_ERROR_NOT_IMPLEMENTED, NO_JAVASCRIPT);
}

static void
test_create_request (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) params = json_from_string ("{\"days\": 7}", &error);
  g_autoptr(ArangoTaskOptions) options = NULL;
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) sent = NULL;
  g_autoptr(JsonObject) sent_plain = NULL;

  g_assert_no_error (error);
  options = g_object_new (ARANGO_TYPE_TASK_OPTIONS,
                          "id", "cleanup",
                          "name", "Cleanup",
                          "params", params,
                          "period", 60.0,
                          "offset", 1.5,
                          NULL);
  created = arango_database_create_task_sync (fixture->database, "print(params)", options, NULL, &error);
  g_assert_null (created);
  test_assert_refused (&error, 501, ARANGO_SERVER_ERROR_NOT_IMPLEMENTED, NO_JAVASCRIPT);

  /* The caller's id makes it a PUT to the task's own path. */
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "PUT", "/_api/tasks/cleanup"), ==, 1);
  sent = last_body (fixture);
  g_assert_cmpstr (json_object_get_string_member (sent, "command"), ==, "print(params)");
  g_assert_cmpstr (json_object_get_string_member (sent, "name"), ==, "Cleanup");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (sent, "params"), "days"), ==, 7);
  g_assert_cmpfloat (json_object_get_double_member (sent, "period"), ==, 60.0);
  g_assert_cmpfloat (json_object_get_double_member (sent, "offset"), ==, 1.5);

  /* Defaults are not sent: a period of 0 would be refused by a server. */
  g_assert_null (arango_database_create_task_sync (fixture->database, "print(1)", NULL, NULL, &error));
  test_assert_refused (&error, 501, ARANGO_SERVER_ERROR_NOT_IMPLEMENTED, NO_JAVASCRIPT);
  sent_plain = last_body (fixture);
  g_assert_cmpuint (json_object_get_size (sent_plain), ==, 1);
  g_assert_true (json_object_has_member (sent_plain, "command"));
}

static void
test_bad_arguments (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoTaskOptions) empty_id = g_object_new (ARANGO_TYPE_TASK_OPTIONS, "id", "", NULL);
  guint before = count_requests (fixture);

  arango_database_task_async (fixture->database, "", NULL, READY);
  g_assert_null (arango_database_task_finish (fixture->database, WAIT, &error));
  assert_invalid (&error);

  arango_database_task_async (fixture->database, NULL, NULL, READY);
  g_assert_null (arango_database_task_finish (fixture->database, WAIT, &error));
  assert_invalid (&error);

  arango_database_create_task_async (fixture->database, "", NULL, NULL, READY);
  g_assert_null (arango_database_create_task_finish (fixture->database, WAIT, &error));
  assert_invalid (&error);

  g_assert_null (arango_database_create_task_sync (fixture->database, "print(1)", empty_id, NULL, &error));
  assert_invalid (&error);

  arango_database_delete_task_async (fixture->database, "", TRUE, NULL, READY);
  g_assert_false (arango_database_delete_task_finish (fixture->database, WAIT, &error));
  assert_invalid (&error);

  g_assert_cmpuint (count_requests (fixture), ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/tasks/refused", test_refused);
  ADD ("/tasks/create-request", test_create_request);
  ADD ("/tasks/bad-arguments", test_bad_arguments);

  return g_test_run ();
}
