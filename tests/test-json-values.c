/* test-json-values.c: numbers and strings a request body carries, over
 * real HTTP to the emulator and back
 *
 * json-glib 1.6 writes 1e22 as "1e+22.0", which the server refuses; the
 * library writes its own JSON. The documents here are built with json-glib's
 * setters, not parsed, so that each value is exactly the one meant.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *values;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static const struct
{
  const char *name;
  double value;
} doubles[] = {
  { "big", 1e22 },
  { "small", 1e-7 },
  { "least", 5e-324 },
  { "huge", 1e300 },
  { "tenth", 0.1 },
  { "third", 1.0 / 3.0 },
  { "negative", -2.5e-300 },
};

/* Quotes, backslashes, every kind of control character, non-ASCII and
 * a character outside the BMP. */
static const char *const strings[] = {
  "say \"hi\"",
  "C:\\path\\to",
  "\b\f\n\r\t",
  "\x01\x1f\x7f",
  "Ünïcödé — 日本語",
  "\xf0\x9f\x98\x80 emoji",
  "",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");

  arango_database_create_collection_async (fixture->database, "values", NULL, NULL, READY);
  fixture->values = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->values);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static JsonObject *
get (Fixture    *fixture,
     const char *key)
{
  g_autoptr(GError) error = NULL;
  JsonObject *document;

  arango_collection_get_async (fixture->values, key, NULL, NULL, READY);
  document = arango_collection_get_finish (fixture->values, WAIT, &error);
  g_assert_no_error (error);
  return document;
}

/* Inserts @object and reads it back. */
static JsonObject *
store (Fixture    *fixture,
       JsonObject *object,
       const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonObject) meta = NULL;

  json_object_set_string_member (object, "_key", key);
  arango_collection_insert_async (fixture->values, document, ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
  meta = arango_collection_insert_finish (fixture->values, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (meta);
  return get (fixture, key);
}

static void
test_numbers (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonObject) stored = NULL;
  const gint64 beyond_doubles = (G_GINT64_CONSTANT (1) << 53) + 1;

  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    json_object_set_double_member (object, doubles[i].name, doubles[i].value);
  json_object_set_double_member (object, "minus-zero", -0.0);
  json_object_set_double_member (object, "integral", 100.0);
  json_object_set_int_member (object, "beyond-doubles", beyond_doubles);
  json_object_set_int_member (object, "least-int", G_MININT64);

  stored = store (fixture, object, "numbers");
  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      JsonNode *member = json_object_get_member (stored, doubles[i].name);

      g_assert_nonnull (member);
      g_assert_true (json_node_get_value_type (member) == G_TYPE_DOUBLE);
      g_assert_true (json_node_get_double (member) == doubles[i].value);
    }
  /* The server writes a double without its fraction ("100", "-0") as the
   * emulator does, so these come back as the equal integers. */
  g_assert_cmpfloat (json_object_get_double_member (stored, "integral"), ==, 100.0);
  g_assert_cmpfloat (json_object_get_double_member (stored, "minus-zero"), ==, 0.0);
  g_assert_cmpint (json_object_get_int_member (stored, "beyond-doubles"), ==, beyond_doubles);
  g_assert_true (json_node_get_value_type (json_object_get_member (stored, "beyond-doubles")) == G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (stored, "least-int"), ==, G_MININT64);
}

static void
test_strings (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(JsonArray) list = json_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *name = g_strdup_printf ("s%u %s", i, strings[i]);

      /* Member names are escaped as values are. */
      json_object_set_string_member (object, name, strings[i]);
      json_array_add_string_element (list, strings[i]);
    }
  json_object_set_array_member (object, "list", json_array_ref (list));
  json_object_set_object_member (object, "empty", json_object_new ());
  json_object_set_array_member (object, "none", json_array_new ());
  json_object_set_null_member (object, "nothing");

  stored = store (fixture, object, "strings");
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *name = g_strdup_printf ("s%u %s", i, strings[i]);

      g_assert_cmpstr (json_object_get_string_member (stored, name), ==, strings[i]);
    }
  g_assert_true (json_array_equal (json_object_get_array_member (stored, "list"), list));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (stored, "empty")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (stored, "none")), ==, 0);
  g_assert_true (json_object_get_null_member (stored, "nothing"));
}

static guint
request_count (Fixture *fixture)
{
  return emulator_process_get_request_count (fixture->emulator, 0);
}

static void
assert_refused (GError     **error,
                const char  *what)
{
  g_assert_error (*error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr ((*error)->message, what));
  g_clear_error (error);
}

/* NaN and the infinities have no JSON form: the call fails, and nothing
 * reaches the server. */
static void
test_non_finite_refused (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const struct
  {
    double value;
    const char *name;
  } refused[] = {
    { NAN, "NaN" },
    { INFINITY, "Infinity" },
    { -INFINITY, "-Infinity" },
  };
  guint before = request_count (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) inner = json_object_new ();
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonNode) document = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonArray) many = json_array_new ();
      g_autoptr(JsonObject) result = NULL;
      g_autoptr(JsonArray) results = NULL;

      json_object_set_double_member (inner, "bad", refused[i].value);
      json_object_set_object_member (object, "nested", json_object_ref (inner));
      json_node_set_object (document, object);
      json_array_add_object_element (many, json_object_ref (object));

      arango_collection_insert_async (fixture->values, document, ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
      result = arango_collection_insert_finish (fixture->values, WAIT, &error);
      g_assert_null (result);
      assert_refused (&error, refused[i].name);

      arango_collection_insert_many_async (fixture->values, many, ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
      results = arango_collection_insert_many_finish (fixture->values, WAIT, &error);
      g_assert_null (results);
      assert_refused (&error, refused[i].name);

      result = arango_collection_insert_sync (fixture->values, document, ARANGO_DOCUMENT_FLAGS_NONE,
                                              NULL, &error);
      g_assert_null (result);
      assert_refused (&error, refused[i].name);
    }
  g_assert_cmpuint (request_count (fixture), ==, before);
}

/* A string that is not UTF-8 would reach the server as bytes it refuses
 * (or, replaced, as a different string): the call fails instead. */
static void
test_invalid_utf8_refused (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) document = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) result = NULL;
  guint before = request_count (fixture);

  json_object_set_string_member (object, "name", "caf\xe9");
  json_node_set_object (document, object);

  arango_collection_insert_async (fixture->values, document, ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
  result = arango_collection_insert_finish (fixture->values, WAIT, &error);
  g_assert_null (result);
  assert_refused (&error, "UTF-8");
  g_assert_cmpuint (request_count (fixture), ==, before);
}

/* An object nested @depth levels deep, itself the first level: arrays
 * and objects by turns below it, the innermost holding a string. */
static JsonObject *
nested_object (guint depth)
{
  JsonNode *inner = json_node_init_string (json_node_alloc (), "bottom");
  JsonObject *object;

  g_assert_cmpuint (depth, >=, 2);
  for (guint level = depth; level > 1; level--)
    {
      JsonNode *container = json_node_alloc ();

      if (level % 2 == 0)
        {
          g_autoptr(JsonArray) array = json_array_new ();

          json_array_add_element (array, inner);
          json_node_init_array (container, array);
        }
      else
        {
          g_autoptr(JsonObject) down = json_object_new ();

          json_object_set_member (down, "down", inner);
          json_node_init_object (container, down);
        }
      inner = container;
    }
  object = json_object_new ();
  json_object_set_member (object, "down", inner);
  return object;
}

/* The library's reader accepts 512 levels and no more; a body it could
 * not read back is refused before anything is sent, as a NaN is. */
static void
test_too_deep_refused (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = nested_object (513);
  g_autoptr(JsonNode) document = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonArray) many = json_array_new ();
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(JsonArray) results = NULL;
  guint before = request_count (fixture);

  json_object_set_string_member (object, "_key", "too-deep");
  json_array_add_object_element (many, json_object_ref (object));

  arango_collection_insert_async (fixture->values, document, ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
  result = arango_collection_insert_finish (fixture->values, WAIT, &error);
  g_assert_null (result);
  assert_refused (&error, "512 levels");

  arango_collection_insert_many_async (fixture->values, many, ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
  results = arango_collection_insert_many_finish (fixture->values, WAIT, &error);
  g_assert_null (results);
  assert_refused (&error, "512 levels");

  result = arango_collection_insert_sync (fixture->values, document, ARANGO_DOCUMENT_FLAGS_NONE,
                                          NULL, &error);
  g_assert_null (result);
  assert_refused (&error, "512 levels");

  g_assert_cmpuint (request_count (fixture), ==, before);
}

/* As deep as the reader goes: sent, stored and read back the same. The
 * emulator stores any depth; ArangoDB 3.10 and later refuse nesting
 * deeper than about 200 levels with an error of their own, which the
 * library passes on as it does every server error. */
static void
test_deepest_accepted (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(JsonObject) object = nested_object (512);
  g_autoptr(JsonObject) stored = store (fixture, object, "deepest");

  g_assert_true (json_node_equal (json_object_get_member (stored, "down"),
                                  json_object_get_member (object, "down")));
}

/* ArangoDocument's text stays JSON the library reads back: the level
 * below the 512th is written as null. */
static void
test_document_text_too_deep (void)
{
  g_autoptr(JsonObject) object = nested_object (513);
  g_autoptr(ArangoDocument) document = arango_document_new_for_object (object);
  g_autofree char *text = arango_document_to_json (document);
  g_autoptr(GString) expected = g_string_new ("{\"down\":");

  for (guint level = 2; level <= 512; level++)
    g_string_append (expected, level % 2 == 0 ? "[" : "{\"down\":");
  g_string_append (expected, "null");
  for (guint level = 512; level >= 2; level--)
    g_string_append_c (expected, level % 2 == 0 ? ']' : '}');
  g_string_append_c (expected, '}');

  g_assert_cmpstr (text, ==, expected->str);
}

/* ArangoDocument's text is JSON whatever it holds. */
static void
test_document_text (void)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(ArangoDocument) document = NULL;
  g_autofree char *text = NULL;

  json_object_set_double_member (object, "big", 1e22);
  json_object_set_double_member (object, "tenth", 0.1);
  json_object_set_double_member (object, "integral", 100.0);
  json_object_set_double_member (object, "nan", NAN);
  json_object_set_string_member (object, "s", "a\"\\\n\x01é");
  document = arango_document_new_for_object (object);
  text = arango_document_to_json (document);
  g_assert_cmpstr (text, ==,
                   "{\"big\":1e+22,\"tenth\":0.1,\"integral\":100.0,\"nan\":null,"
                   "\"s\":\"a\\\"\\\\\\n\\u0001é\"}");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/json-values/numbers", test_numbers);
  ADD ("/json-values/strings", test_strings);
  ADD ("/json-values/non-finite-refused", test_non_finite_refused);
  ADD ("/json-values/invalid-utf8-refused", test_invalid_utf8_refused);
  ADD ("/json-values/too-deep-refused", test_too_deep_refused);
  ADD ("/json-values/deepest-accepted", test_deepest_accepted);
  g_test_add_func ("/json-values/document-text", test_document_text);
  g_test_add_func ("/json-values/document-text-too-deep", test_document_text_too_deep);

#undef ADD

  return g_test_run ();
}
