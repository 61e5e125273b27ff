/* test-transactions.c: the options of stream transactions, and taking up
 * one by its id, against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *accounts;   /* declared for writing */
  ArangoCollection *audit;      /* never declared */
} Fixture;

static const char *write_accounts[] = { "accounts", NULL };

/* Inserts the document of JSON @text; returns its meta data. */
static JsonObject *
insert (ArangoCollection  *collection,
        const char        *text,
        GError           **error)
{
  g_autoptr(JsonNode) document = json_from_string (text, NULL);

  g_assert_nonnull (document);
  return arango_collection_insert_sync (collection, document, ARANGO_DOCUMENT_FLAGS_NONE,
                                        NULL, error);
}

static ArangoCollection *
create_with_document (ArangoDatabase *database,
                      const char     *name,
                      const char     *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meta = NULL;
  ArangoCollection *collection;

  collection = arango_database_create_collection_sync (database, name, NULL, NULL, &error);
  g_assert_no_error (error);
  meta = insert (collection, document, &error);
  g_assert_no_error (error);
  return collection;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start (2, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
  fixture->accounts = create_with_document (fixture->database, "accounts",
                                            "{\"_key\": \"alice\", \"balance\": 10}");
  fixture->audit = create_with_document (fixture->database, "audit",
                                         "{\"_key\": \"first\", \"note\": \"opened\"}");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->audit);
  g_clear_object (&fixture->accounts);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static ArangoTransaction *
begin (Fixture                  *fixture,
       ArangoTransactionOptions *options)
{
  g_autoptr(GError) error = NULL;
  ArangoTransaction *transaction;

  transaction = arango_database_begin_transaction_with_options_sync (fixture->database, NULL,
                                                                     write_accounts, NULL,
                                                                     options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (transaction);
  return transaction;
}

/* The last POST /_api/transaction/begin either coordinator logged. */
static JsonObject *
logged_begin (Fixture *fixture)
{
  JsonObject *found = NULL;

  for (guint index = 0; index < 2; index++)
    {
      g_autoptr(JsonArray) requests = test_logged_requests (fixture->emulator, index);

      for (guint i = 0; i < json_array_get_length (requests); i++)
        {
          JsonObject *request = json_array_get_object_element (requests, i);

          if (g_str_has_suffix (json_object_get_string_member (request, "path"),
                                "/_api/transaction/begin"))
            {
              g_clear_pointer (&found, json_object_unref);
              found = json_object_ref (request);
            }
        }
    }
  g_assert_nonnull (found);
  return found;
}

static JsonObject *
logged_body (JsonObject *request)
{
  return test_json_object (json_object_get_string_member (request, "body"));
}

static void
test_options_defaults_send_nothing (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(ArangoTransactionOptions) options = arango_transaction_options_new ();
  g_autoptr(ArangoTransaction) transaction = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(JsonObject) body = NULL;
  gboolean allow_implicit = FALSE;
  gint lock_timeout = 0;

  g_object_get (options, "allow-implicit", &allow_implicit, "lock-timeout", &lock_timeout, NULL);
  g_assert_true (allow_implicit);
  g_assert_cmpint (lock_timeout, ==, -1);

  transaction = begin (fixture, options);
  request = logged_begin (fixture);
  body = logged_body (request);
  g_assert_cmpuint (json_object_get_size (body), ==, 1);
  g_assert_true (json_object_has_member (body, "collections"));
  g_assert_false (json_object_has_member (json_object_get_object_member (request, "headers"),
                                          "x-arango-allow-dirty-read"));
  g_assert_true (arango_transaction_abort_sync (transaction, NULL, NULL));
}

static void
test_options_are_sent (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(ArangoTransactionOptions) options = NULL;
  g_autoptr(ArangoTransaction) transaction = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(JsonObject) body = NULL;

  options = g_object_new (ARANGO_TYPE_TRANSACTION_OPTIONS,
                          "wait-for-sync", TRUE,
                          "allow-implicit", FALSE,
                          "lock-timeout", 0,
                          "max-transaction-size", G_GUINT64_CONSTANT (1048576),
                          "skip-fast-lock-round", TRUE,
                          "allow-dirty-read", TRUE,
                          NULL);
  transaction = begin (fixture, options);

  request = logged_begin (fixture);
  body = logged_body (request);
  g_assert_true (json_object_get_boolean_member (body, "waitForSync"));
  g_assert_false (json_object_get_boolean_member (body, "allowImplicit"));
  /* 0 is "wait for ever", not the server's default: it is sent. */
  g_assert_cmpint (json_object_get_int_member (body, "lockTimeout"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (body, "maxTransactionSize"), ==, 1048576);
  g_assert_true (json_object_get_boolean_member (body, "skipFastLockRound"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (request, "headers"),
                                                  "x-arango-allow-dirty-read"),
                   ==, "true");
  g_assert_true (arango_transaction_commit_sync (transaction, NULL, NULL));
}

static void
test_allow_implicit (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(ArangoTransactionOptions) strict = NULL;
  g_autoptr(ArangoTransaction) lenient = NULL;
  g_autoptr(ArangoTransaction) transaction = NULL;
  g_autoptr(ArangoCollection) audit = NULL;
  g_autoptr(ArangoCollection) accounts = NULL;
  g_autoptr(ArangoCollection) lenient_audit = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(JsonObject) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count;

  /* By default a transaction reads what it did not declare. */
  lenient = begin (fixture, NULL);
  lenient_audit = arango_transaction_get_collection (lenient, "audit");
  document = arango_collection_get_sync (lenient_audit, "first", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (document, "note"), ==, "opened");
  g_clear_pointer (&document, json_object_unref);

  strict = g_object_new (ARANGO_TYPE_TRANSACTION_OPTIONS, "allow-implicit", FALSE, NULL);
  transaction = begin (fixture, strict);
  audit = arango_transaction_get_collection (transaction, "audit");
  accounts = arango_transaction_get_collection (transaction, "accounts");

  document = arango_collection_get_sync (audit, "first", NULL, NULL, &error);
  g_assert_null (document);
  test_assert_refused (&error, 400, ARANGO_SERVER_ERROR_TRANSACTION_UNREGISTERED_COLLECTION,
                       "unregistered collection used in transaction: audit [read]");

  count = arango_collection_count_sync (audit, NULL, &error);
  g_assert_cmpint (count, ==, -1);
  test_assert_refused (&error, 400, ARANGO_SERVER_ERROR_TRANSACTION_UNREGISTERED_COLLECTION,
                       "unregistered collection used in transaction: audit [read]");

  cursor = arango_transaction_query_sync (transaction, "FOR a IN audit RETURN a", NULL, NULL,
                                          NULL, &error);
  g_assert_null (cursor);
  test_assert_refused (&error, 400, ARANGO_SERVER_ERROR_TRANSACTION_UNREGISTERED_COLLECTION,
                       "unregistered collection used in transaction: audit [read]");

  /* What it declared it reads; writes need the declaration either way. */
  document = arango_collection_get_sync (accounts, "alice", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (document, "balance"), ==, 10);
  g_assert_cmpint (arango_collection_count_sync (accounts, NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_pointer (&document, json_object_unref);
  document = insert (audit, "{\"note\": \"x\"}", &error);
  g_assert_null (document);
  test_assert_refused (&error, 400, ARANGO_SERVER_ERROR_TRANSACTION_UNREGISTERED_COLLECTION,
                       "unregistered collection used in transaction: audit [write]");

  g_assert_true (arango_transaction_abort_sync (transaction, NULL, &error));
  g_assert_true (arango_transaction_abort_sync (lenient, NULL, &error));
  g_assert_no_error (error);
}

static void
test_max_transaction_size (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(ArangoTransactionOptions) options = NULL;
  g_autoptr(ArangoTransaction) transaction = NULL;
  g_autoptr(ArangoCollection) accounts = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *padding = g_strnfill (400, 'x');
  g_autofree char *large = g_strdup_printf ("{\"_key\": \"large\", \"pad\": \"%s\"}", padding);
  g_autoptr(JsonObject) bind_vars = json_object_new ();

  options = g_object_new (ARANGO_TYPE_TRANSACTION_OPTIONS, "max-transaction-size",
                          G_GUINT64_CONSTANT (300), NULL);
  transaction = begin (fixture, options);
  accounts = arango_transaction_get_collection (transaction, "accounts");

  meta = insert (accounts, "{\"_key\": \"bob\", \"balance\": 5}", &error);
  g_assert_no_error (error);
  g_clear_pointer (&meta, json_object_unref);

  meta = insert (accounts, large, &error);
  g_assert_null (meta);
  test_assert_refused (&error, 500, ARANGO_SERVER_ERROR_RESOURCE_LIMIT,
                       "Maximal transaction size limit of 300 bytes is reached");

  /* The same through AQL, named after the node that wrote. */
  json_object_set_string_member (bind_vars, "pad", padding);
  cursor = arango_transaction_query_sync (transaction, "INSERT { pad: @pad } INTO accounts",
                                          bind_vars, NULL, NULL, &error);
  g_assert_null (cursor);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_RESOURCE_LIMIT);
  g_assert_nonnull (strstr (error->message,
                            "AQL: Maximal transaction size limit of 300 bytes is reached [node #"));
  g_clear_error (&error);

  /* The transaction goes on, and keeps what fitted. */
  g_assert_true (arango_transaction_commit_sync (transaction, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (arango_collection_count_sync (fixture->accounts, NULL, &error), ==, 2);
  g_assert_no_error (error);
}

static void
test_dirty_reads (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(ArangoTransactionOptions) options = NULL;
  g_autoptr(ArangoTransaction) dirty = NULL;
  g_autoptr(ArangoTransaction) clean = NULL;
  g_autoptr(ArangoCollection) dirty_accounts = NULL;
  g_autoptr(ArangoCollection) clean_accounts = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(JsonObject) document = NULL;
  g_autoptr(GError) error = NULL;

  clean = begin (fixture, NULL);
  clean_accounts = arango_transaction_get_collection (clean, "accounts");
  document = arango_collection_get_sync (clean_accounts, "alice", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (arango_collection_get_last_read_potentially_dirty (clean_accounts));
  g_clear_pointer (&document, json_object_unref);

  options = g_object_new (ARANGO_TYPE_TRANSACTION_OPTIONS, "allow-dirty-read", TRUE, NULL);
  dirty = begin (fixture, options);
  dirty_accounts = arango_transaction_get_collection (dirty, "accounts");
  document = arango_collection_get_sync (dirty_accounts, "alice", NULL, NULL, &error);
  g_assert_no_error (error);
  /* The document handle did not ask: the transaction did. */
  g_assert_false (arango_collection_get_allow_dirty_read (dirty_accounts));
  g_assert_true (arango_collection_get_last_read_potentially_dirty (dirty_accounts));

  cursor = arango_transaction_query_sync (dirty, "FOR a IN accounts RETURN a.balance", NULL,
                                          NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (arango_cursor_get_potentially_dirty (cursor));

  g_assert_true (arango_transaction_abort_sync (dirty, NULL, NULL));
  g_assert_true (arango_transaction_abort_sync (clean, NULL, NULL));
}

static void
test_fetch (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(ArangoClient) other_client = NULL;
  g_autoptr(ArangoDatabase) other = NULL;
  g_autoptr(ArangoTransaction) transaction = NULL;
  g_autoptr(ArangoTransaction) fetched = NULL;
  g_autoptr(ArangoTransaction) gone = NULL;
  g_autoptr(ArangoCollection) accounts = NULL;
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(JsonObject) outside = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GError) error = NULL;
  GError *not_found = NULL;

  transaction = begin (fixture, NULL);

  /* Another process's client, on the other coordinator. */
  other_client = arango_client_new (emulator_process_get_host (fixture->emulator, 1), &error);
  g_assert_no_error (error);
  other = test_open_database (other_client, "root", "");
  fetched = arango_database_fetch_transaction_sync (other, arango_transaction_get_id (transaction),
                                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (arango_transaction_get_id (fetched), ==, arango_transaction_get_id (transaction));

  accounts = arango_transaction_get_collection (fetched, "accounts");
  meta = insert (accounts, "{\"_key\": \"carol\"}", &error);
  g_assert_no_error (error);
  /* Not visible outside until the commit, which the original handle makes. */
  outside = arango_collection_get_sync (fixture->accounts, "carol", NULL, NULL, &not_found);
  g_assert_null (outside);
  g_assert_error (not_found, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND);
  g_clear_error (&not_found);
  g_assert_true (arango_transaction_commit_sync (transaction, NULL, &error));
  g_assert_no_error (error);
  outside = arango_collection_get_sync (fixture->accounts, "carol", NULL, NULL, &error);
  g_assert_no_error (error);
  status = arango_transaction_status_sync (fetched, NULL, &error);
  g_assert_cmpstr (status, ==, "committed");

  /* A finished transaction is not taken up. */
  gone = arango_database_fetch_transaction_sync (other, arango_transaction_get_id (transaction),
                                                 NULL, &error);
  g_assert_null (gone);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_TRANSACTION_NOT_RUNNING);
  g_assert_nonnull (strstr (error->message, "committed"));
  g_clear_error (&error);

  gone = arango_database_fetch_transaction_sync (other, "4711", NULL, &error);
  g_assert_null (gone);
  test_assert_refused (&error, 404, ARANGO_SERVER_ERROR_TRANSACTION_NOT_FOUND,
                       "transaction not found");
}

static void
test_fetch_refuses_bad_ids (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const char *bad[] = { "", "12a", "../transaction", "-1" };
  guint before = emulator_process_get_request_count (fixture->emulator, 0) +
                 emulator_process_get_request_count (fixture->emulator, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ArangoTransaction) transaction =
        arango_database_fetch_transaction_sync (fixture->database, bad[i], NULL, &error);

      g_assert_null (transaction);
      g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
    }
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0) +
                    emulator_process_get_request_count (fixture->emulator, 1), ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/transaction-options/defaults-send-nothing", test_options_defaults_send_nothing);
  ADD ("/transaction-options/sent", test_options_are_sent);
  ADD ("/transaction-options/allow-implicit", test_allow_implicit);
  ADD ("/transaction-options/max-transaction-size", test_max_transaction_size);
  ADD ("/transaction-options/dirty-reads", test_dirty_reads);
  ADD ("/transaction/fetch", test_fetch);
  ADD ("/transaction/fetch-bad-ids", test_fetch_refuses_bad_ids);

#undef ADD

  return g_test_run ();
}
