/* test-aql-functions.c: AQL user functions against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The emulator answers as a server without JavaScript: it lists and
 * removes the functions stored in _aqlfunctions, which the tests fill
 * through the document API, and refuses to register one. A successful
 * registration is checked against the recorded server
 * (tests/fidelity/client_decode.py).
 */

#include <string.h>

#include "test-util.h"

#define CELSIUS_CODE "function (celsius) { return celsius * 1.8 + 32; }"

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

/* Stores a function as the server does: a document of _aqlfunctions
 * keyed by the upper-case name. */
static void
store_function (Fixture    *fixture,
                const char *name,
                const char *code)
{
  g_autoptr(ArangoCollection) functions = arango_database_get_collection (fixture->database,
                                                                          "_aqlfunctions");
  g_autofree char *key = g_ascii_strup (name, -1);
  g_autoptr(JsonNode) document = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (object, "_key", key);
  json_object_set_string_member (object, "name", name);
  json_object_set_string_member (object, "code", code);
  json_object_set_boolean_member (object, "isDeterministic", TRUE);
  json_node_set_object (document, object);

  stored = arango_collection_insert_sync (functions, document, ARANGO_DOCUMENT_FLAGS_NONE,
                                          NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
}

static JsonArray *
list_functions (Fixture    *fixture,
                const char *function_namespace)
{
  g_autoptr(GError) error = NULL;
  JsonArray *functions;

  arango_database_aql_functions_async (fixture->database, function_namespace, NULL, READY);
  functions = arango_database_aql_functions_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (functions);
  return functions;
}

static gint64
delete_function (Fixture     *fixture,
                 const char  *name,
                 gboolean     group,
                 gboolean     ignore_missing,
                 GError     **error)
{
  arango_database_delete_aql_function_async (fixture->database, name, group, ignore_missing,
                                             NULL, READY);
  return arango_database_delete_aql_function_finish (fixture->database, WAIT, error);
}

static gboolean
create_function (Fixture     *fixture,
                 const char  *name,
                 const char  *code,
                 GError     **error)
{
  arango_database_create_aql_function_async (fixture->database, name, code, TRUE, NULL, READY);
  return arango_database_create_aql_function_finish (fixture->database, WAIT, error);
}

static guint
requests_to_function_api (Fixture *fixture)
{
  g_autoptr(JsonArray) requests = test_logged_requests (fixture->emulator, 0);
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);

      if (strstr (json_object_get_string_member (request, "path"), "/_api/aqlfunction") != NULL)
        count++;
    }
  return count;
}

static void
test_list_empty (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(JsonArray) all = list_functions (fixture, NULL);
  g_autoptr(JsonArray) none = list_functions (fixture, "myfunctions");

  g_assert_cmpuint (json_array_get_length (all), ==, 0);
  g_assert_cmpuint (json_array_get_length (none), ==, 0);
}

/* The namespace filter travels as ?namespace=, as python-arango sends it. */
static void
test_list_and_delete (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) all = NULL;
  g_autoptr(JsonArray) temperature = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_autofree char *query = NULL;
  JsonObject *function;

  store_function (fixture, "temperature::celsius", CELSIUS_CODE);
  store_function (fixture, "temperature::kelvin", "function (c) { return c + 273.15; }");
  store_function (fixture, "strings::shout", "function (s) { return s.toUpperCase(); }");

  all = list_functions (fixture, NULL);
  g_assert_cmpuint (json_array_get_length (all), ==, 3);

  temperature = list_functions (fixture, "temperature");
  query = test_last_query (fixture->emulator, 0);
  g_assert_cmpstr (query, ==, "namespace=temperature");
  g_assert_cmpuint (json_array_get_length (temperature), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      function = json_array_get_object_element (temperature, i);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (function, "name"),
                                       "temperature::"));
      g_assert_true (json_object_get_boolean_member (function, "isDeterministic"));
      if (g_str_equal (json_object_get_string_member (function, "name"), "temperature::celsius"))
        g_assert_cmpstr (json_object_get_string_member (function, "code"), ==, CELSIUS_CODE);
    }

  g_assert_cmpint (delete_function (fixture, "temperature::celsius", FALSE, FALSE, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (delete_function (fixture, "temperature", TRUE, FALSE, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_pointer (&query, g_free);
  query = test_last_query (fixture->emulator, 0);
  g_assert_cmpstr (query, ==, "group=true");
  /* A namespace without functions is no error. */
  g_assert_cmpint (delete_function (fixture, "temperature", TRUE, FALSE, &error), ==, 0);
  g_assert_no_error (error);

  after = list_functions (fixture, NULL);
  g_assert_cmpuint (json_array_get_length (after), ==, 1);
  function = json_array_get_object_element (after, 0);
  g_assert_cmpstr (json_object_get_string_member (function, "name"), ==, "strings::shout");
}

/* As the recorded server answers RestAqlfunctionDeleteFails. */
static void
test_delete_refused (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (delete_function (fixture, "myfunction::x::y", FALSE, FALSE, &error), ==, -1);
  test_assert_refused (&error, 404, ARANGO_SERVER_ERROR_QUERY_FUNCTION_NOT_FOUND,
                       "no AQL user function with name 'myfunction::x::y' found");

  g_assert_cmpint (delete_function (fixture, "nonamespace", FALSE, FALSE, &error), ==, -1);
  test_assert_refused (&error, 400, ARANGO_SERVER_ERROR_QUERY_FUNCTION_INVALID_NAME,
                       "error deleting AQL user function: 'nonamespace' is not a valid name");
}

/* python-arango's delete_function(ignore_missing=True): the server is
 * asked, and its "not found" counts no function removed. Other refusals
 * stay errors, and a function that exists still goes. */
static void
test_delete_missing_ignored (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  guint before = requests_to_function_api (fixture);

  g_assert_cmpint (delete_function (fixture, "myfunction::x::y", FALSE, TRUE, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (arango_database_delete_aql_function_sync (fixture->database,
                                                             "myfunction::x::y", FALSE, TRUE,
                                                             NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (requests_to_function_api (fixture), ==, before + 2);

  g_assert_cmpint (delete_function (fixture, "nonamespace", FALSE, TRUE, &error), ==, -1);
  test_assert_refused (&error, 400, ARANGO_SERVER_ERROR_QUERY_FUNCTION_INVALID_NAME,
                       "error deleting AQL user function: 'nonamespace' is not a valid name");

  store_function (fixture, "temperature::celsius", CELSIUS_CODE);
  g_assert_cmpint (delete_function (fixture, "temperature::celsius", FALSE, TRUE, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (delete_function (fixture, "temperature::celsius", FALSE, FALSE, &error), ==, -1);
  test_assert_refused (&error, 404, ARANGO_SERVER_ERROR_QUERY_FUNCTION_NOT_FOUND,
                       "no AQL user function with name 'temperature::celsius' found");
}

/* A server without JavaScript cannot check the code, so it refuses; the
 * request is the one a real server takes. */
static void
test_create_refused (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) requests = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonArray) functions = NULL;
  JsonObject *request;

  g_assert_false (create_function (fixture, "temperature::celsius", CELSIUS_CODE, &error));
  test_assert_refused (&error, 500, ARANGO_SERVER_ERROR_DISABLED,
                       "JavaScript operations are not available");

  requests = test_logged_requests (fixture->emulator, 0);
  request = json_array_get_object_element (requests, json_array_get_length (requests) - 1);
  g_assert_cmpstr (json_object_get_string_member (request, "method"), ==, "POST");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (request, "path"),
                                   "/_api/aqlfunction"));
  body = test_json_object (json_object_get_string_member (request, "body"));
  g_assert_cmpstr (json_object_get_string_member (body, "name"), ==, "temperature::celsius");
  g_assert_cmpstr (json_object_get_string_member (body, "code"), ==, CELSIUS_CODE);
  g_assert_true (json_object_get_boolean_member (body, "isDeterministic"));

  functions = list_functions (fixture, NULL);
  g_assert_cmpuint (json_array_get_length (functions), ==, 0);
}

static void
test_bad_arguments (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (create_function (fixture, NULL, CELSIUS_CODE, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (create_function (fixture, "", CELSIUS_CODE, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (create_function (fixture, "temperature::celsius", "", &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_cmpint (delete_function (fixture, NULL, FALSE, FALSE, &error), ==, -1);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* An empty group name would be DELETE /_api/aqlfunction: refused too. */
  g_assert_cmpint (delete_function (fixture, "", TRUE, TRUE, &error), ==, -1);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_cmpuint (requests_to_function_api (fixture), ==, 0);
}

static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) functions = NULL;

  store_function (fixture, "temperature::celsius", CELSIUS_CODE);
  functions = arango_database_aql_functions_sync (fixture->database, "temperature", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (functions), ==, 1);

  g_assert_false (arango_database_create_aql_function_sync (fixture->database, "temperature::k",
                                                            "function (c) { return c; }", FALSE,
                                                            NULL, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DISABLED);
  g_clear_error (&error);

  g_assert_cmpint (arango_database_delete_aql_function_sync (fixture->database,
                                                             "temperature::celsius", FALSE,
                                                             FALSE, NULL, &error), ==, 1);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/aql-functions/list-empty", test_list_empty);
  ADD ("/aql-functions/list-and-delete", test_list_and_delete);
  ADD ("/aql-functions/delete-refused", test_delete_refused);
  ADD ("/aql-functions/delete-missing-ignored", test_delete_missing_ignored);
  ADD ("/aql-functions/create-refused", test_create_refused);
  ADD ("/aql-functions/bad-arguments", test_bad_arguments);
  ADD ("/aql-functions/sync", test_sync);

#undef ADD

  return g_test_run ();
}
