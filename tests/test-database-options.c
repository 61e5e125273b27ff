/* test-database-options.c: the options of a new database, and the
 * defaults they give its collections, against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *system;
} Fixture;

/* user_data: the emulator's command line, NULL-terminated. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start_with_args (user_data);
  fixture->client = test_client_new (fixture->emulator);
  fixture->system = test_open_database (fixture->client, "root", "");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->system);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static const char *cluster_args[] = { "--coordinators", "1", "--dbservers", "3", NULL };
static const char *single_args[] = { "--coordinators", "1", "--single", NULL };

static gboolean
create (Fixture                *fixture,
        const char             *name,
        ArangoDatabaseOptions  *options,
        GError                **error)
{
  return arango_database_create_database_with_options_sync (fixture->system, name, NULL, options,
                                                            NULL, error);
}

/* GET /_api/database/current of database @name. */
static JsonObject *
properties_of (Fixture    *fixture,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) database = arango_client_db_sync (fixture->client, name, "root", "",
                                                              NULL, &error);
  JsonObject *properties;

  g_assert_no_error (error);
  properties = arango_database_properties_sync (database, NULL, &error);
  g_assert_no_error (error);
  return properties;
}

/* The properties of a new collection @collection of database @name,
 * created with the JSON @options. */
static JsonObject *
new_collection (Fixture    *fixture,
                const char *name,
                const char *collection,
                const char *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) database = arango_client_db_sync (fixture->client, name, "root", "",
                                                              NULL, &error);
  g_autoptr(JsonObject) object = options != NULL ? test_json_object (options) : NULL;
  g_autoptr(ArangoCollection) created = NULL;
  JsonObject *properties;

  g_assert_no_error (error);
  created = arango_database_create_collection_sync (database, collection, object, NULL, &error);
  g_assert_no_error (error);
  properties = arango_collection_properties_sync (created, NULL, &error);
  g_assert_no_error (error);
  return properties;
}

/* The "options" of the last POST /_api/database, NULL when it had none. */
static JsonObject *
sent_options (Fixture *fixture)
{
  g_autoptr(JsonArray) requests = test_logged_requests (fixture->emulator, 0);

  for (guint i = json_array_get_length (requests); i > 0; i--)
    {
      JsonObject *request = json_array_get_object_element (requests, i - 1);

      if (g_str_equal (json_object_get_string_member (request, "method"), "POST") &&
          g_str_has_suffix (json_object_get_string_member (request, "path"), "/_api/database"))
        {
          g_autoptr(JsonObject) body =
            test_json_object (json_object_get_string_member (request, "body"));
          JsonNode *options = json_object_get_member (body, "options");

          return options != NULL ? json_object_ref (json_node_get_object (options)) : NULL;
        }
    }
  g_assert_not_reached ();
}

static void
test_defaults (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(ArangoDatabaseOptions) options = arango_database_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) properties = NULL;
  g_autoptr(JsonObject) collection = NULL;
  g_autoptr(JsonObject) sent = NULL;
  g_autofree char *sharding = NULL;
  guint replication_factor = 1;
  gboolean satellite = TRUE;

  g_object_get (options, "replication-factor", &replication_factor, "sharding", &sharding,
                "satellite", &satellite, NULL);
  g_assert_cmpuint (replication_factor, ==, 0);
  g_assert_null (sharding);
  g_assert_false (satellite);

  g_assert_true (create (fixture, "plain", options, &error));
  g_assert_no_error (error);
  sent = sent_options (fixture);
  g_assert_null (sent);

  /* A Coordinator reports the cluster defaults. */
  properties = properties_of (fixture, "plain");
  g_assert_cmpstr (json_object_get_string_member (properties, "name"), ==, "plain");
  g_assert_false (json_object_get_boolean_member (properties, "isSystem"));
  g_assert_cmpstr (json_object_get_string_member (properties, "sharding"), ==, "");
  g_assert_cmpint (json_object_get_int_member (properties, "replicationFactor"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (properties, "writeConcern"), ==, 1);

  collection = new_collection (fixture, "plain", "things", NULL);
  g_assert_cmpint (json_object_get_int_member (collection, "replicationFactor"), ==, 1);
  g_assert_false (json_object_has_member (collection, "distributeShardsLike"));
}

static void
test_collection_defaults (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(ArangoDatabaseOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) sent = NULL;
  g_autoptr(JsonObject) properties = NULL;
  g_autoptr(JsonObject) defaulted = NULL;
  g_autoptr(JsonObject) chosen = NULL;

  options = g_object_new (ARANGO_TYPE_DATABASE_OPTIONS,
                          "replication-factor", 3, "write-concern", 2, "sharding", "flexible",
                          NULL);
  g_assert_true (create (fixture, "replicated", options, &error));
  g_assert_no_error (error);

  sent = sent_options (fixture);
  g_assert_cmpuint (json_object_get_size (sent), ==, 3);
  g_assert_cmpint (json_object_get_int_member (sent, "replicationFactor"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (sent, "writeConcern"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (sent, "sharding"), ==, "flexible");

  /* "flexible" is the default way of sharding, kept as "". */
  properties = properties_of (fixture, "replicated");
  g_assert_cmpstr (json_object_get_string_member (properties, "sharding"), ==, "");
  g_assert_cmpint (json_object_get_int_member (properties, "replicationFactor"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (properties, "writeConcern"), ==, 2);

  defaulted = new_collection (fixture, "replicated", "defaulted", NULL);
  g_assert_cmpint (json_object_get_int_member (defaulted, "replicationFactor"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (defaulted, "writeConcern"), ==, 2);

  chosen = new_collection (fixture, "replicated", "chosen",
                           "{\"replicationFactor\": 2, \"writeConcern\": 1, \"numberOfShards\": 4}");
  g_assert_cmpint (json_object_get_int_member (chosen, "replicationFactor"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (chosen, "writeConcern"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (chosen, "numberOfShards"), ==, 4);
}

static void
test_one_shard (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(ArangoDatabaseOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) properties = NULL;
  g_autoptr(JsonObject) collection = NULL;

  options = g_object_new (ARANGO_TYPE_DATABASE_OPTIONS, "sharding", "single", NULL);
  g_assert_true (create (fixture, "compact", options, &error));
  g_assert_no_error (error);

  properties = properties_of (fixture, "compact");
  g_assert_cmpstr (json_object_get_string_member (properties, "sharding"), ==, "single");

  /* Its collections have one shard, placed as _graphs's, whatever they ask. */
  collection = new_collection (fixture, "compact", "everything", "{\"numberOfShards\": 5}");
  g_assert_cmpint (json_object_get_int_member (collection, "numberOfShards"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (collection, "distributeShardsLike"), ==, "_graphs");
}

static void
test_satellite (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(ArangoDatabaseOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) sent = NULL;
  g_autoptr(JsonObject) properties = NULL;
  g_autoptr(JsonObject) ordinary = NULL;

  /* The write concern is for the collections that name their own
   * replication factor. */
  options = g_object_new (ARANGO_TYPE_DATABASE_OPTIONS,
                          "satellite", TRUE, "write-concern", 2, NULL);
  g_assert_true (create (fixture, "everywhere", options, &error));
  g_assert_no_error (error);

  sent = sent_options (fixture);
  g_assert_cmpuint (json_object_get_size (sent), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (sent, "replicationFactor"), ==, "satellite");
  g_assert_cmpint (json_object_get_int_member (sent, "writeConcern"), ==, 2);

  properties = properties_of (fixture, "everywhere");
  g_assert_cmpstr (json_object_get_string_member (properties, "replicationFactor"), ==,
                   "satellite");
  g_assert_cmpint (json_object_get_int_member (properties, "writeConcern"), ==, 2);

  ordinary = new_collection (fixture, "everywhere", "ordinary", "{\"replicationFactor\": 3}");
  g_assert_cmpint (json_object_get_int_member (ordinary, "replicationFactor"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (ordinary, "writeConcern"), ==, 2);

  /* Unset again, it sends nothing. */
  g_object_set (options, "satellite", FALSE, "write-concern", 0, NULL);
  g_assert_true (create (fixture, "nowhere", options, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sent, json_object_unref);
  sent = sent_options (fixture);
  g_assert_null (sent);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(ArangoDatabaseOptions) wide = NULL;
  g_autoptr(ArangoDatabaseOptions) too_many = NULL;
  g_autoptr(ArangoDatabaseOptions) inverted = NULL;
  g_autoptr(ArangoDatabaseOptions) both = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  /* The server would take an unknown sharding for "": refused here. */
  wide = g_object_new (ARANGO_TYPE_DATABASE_OPTIONS, "sharding", "wide", NULL);
  before = emulator_process_get_request_count (fixture->emulator, 0);
  g_assert_false (create (fixture, "wide", wide, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "wide"));
  g_clear_error (&error);
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0), ==, before);

  /* Both are "replicationFactor": which one is meant is not guessed. */
  both = g_object_new (ARANGO_TYPE_DATABASE_OPTIONS,
                       "satellite", TRUE, "replication-factor", 2, NULL);
  g_assert_false (create (fixture, "both", both, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "satellite"));
  g_clear_error (&error);
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0), ==, before);

  too_many = g_object_new (ARANGO_TYPE_DATABASE_OPTIONS, "replication-factor", 4, NULL);
  g_assert_false (create (fixture, "big", too_many, &error));
  test_assert_refused (&error, 400, ARANGO_SERVER_ERROR_CLUSTER_INSUFFICIENT_DBSERVERS,
                       "the number of current DB-Servers is lower than the requested "
                       "replicationFactor/writeConcern");

  inverted = g_object_new (ARANGO_TYPE_DATABASE_OPTIONS,
                           "replication-factor", 2, "write-concern", 3, NULL);
  g_assert_false (create (fixture, "inverted", inverted, &error));
  test_assert_refused (&error, 400, ARANGO_SERVER_ERROR_BAD_PARAMETER,
                       "replicationFactor cannot be smaller than writeConcern (2 < 3)");

  /* Without options it is the old call. */
  g_assert_true (arango_database_create_database_with_options_sync (fixture->system, "bare", NULL,
                                                                    NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_single_server (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(ArangoDatabaseOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) properties = NULL;
  g_autoptr(JsonObject) collection = NULL;

  /* A single server takes the options and shows none of them. */
  options = g_object_new (ARANGO_TYPE_DATABASE_OPTIONS,
                          "replication-factor", 3, "sharding", "single", NULL);
  g_assert_true (create (fixture, "alone", options, &error));
  g_assert_no_error (error);
  properties = properties_of (fixture, "alone");
  g_assert_false (json_object_has_member (properties, "sharding"));
  g_assert_false (json_object_has_member (properties, "replicationFactor"));
  g_assert_cmpstr (json_object_get_string_member (properties, "path"), ==, "none");

  /* Nor a satellite database, whose collections are ordinary ones. */
  g_clear_object (&options);
  g_clear_pointer (&properties, json_object_unref);
  options = g_object_new (ARANGO_TYPE_DATABASE_OPTIONS, "satellite", TRUE, NULL);
  g_assert_true (create (fixture, "orbit", options, &error));
  g_assert_no_error (error);
  properties = properties_of (fixture, "orbit");
  g_assert_false (json_object_has_member (properties, "replicationFactor"));
  collection = new_collection (fixture, "orbit", "things", NULL);
  g_assert_false (json_object_has_member (collection, "replicationFactor"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, args, func) \
  g_test_add (path, Fixture, args, fixture_set_up, func, fixture_tear_down)

  ADD ("/database-options/defaults", cluster_args, test_defaults);
  ADD ("/database-options/collection-defaults", cluster_args, test_collection_defaults);
  ADD ("/database-options/one-shard", cluster_args, test_one_shard);
  ADD ("/database-options/satellite", cluster_args, test_satellite);
  ADD ("/database-options/refusals", cluster_args, test_refusals);
  ADD ("/database-options/single-server", single_args, test_single_server);

#undef ADD

  return g_test_run ();
}
