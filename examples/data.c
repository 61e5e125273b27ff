/* data.c: the data API of arango-glib, from a new collection to stream
 * transactions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: arango-data-demo [--user USER] [--password PASSWORD]
 *                         [--collection NAME] [HOSTS]
 *
 * Creates a collection, inserts documents, reads and updates one, runs an
 * AQL query with bind variables batch by batch, runs one stream
 * transaction that commits and one that aborts, and deletes the
 * collection again. HOSTS is one URL or a comma-separated list of
 * coordinator URLs. Without it, the demo starts the ArangoDB emulator with
 * three coordinators and stops it at the end.
 */

#include <locale.h>

#include <arango-glib/arango-glib.h>

#include "demo-emulator.h"
#include "demo-support.h"

#define LABEL_WIDTH 24
#define DEFAULT_COLLECTION "demo_people"

/* The documents, as an application would write them */
static const char * const people[] = {
  "{\"_key\": \"ada\", \"name\": \"Ada Lovelace\", \"born\": 1815, \"field\": \"mathematics\"}",
  "{\"_key\": \"charles\", \"name\": \"Charles Babbage\", \"born\": 1791, \"field\": \"engineering\"}",
  "{\"_key\": \"grace\", \"name\": \"Grace Hopper\", \"born\": 1906, \"field\": \"computing\"}",
  "{\"_key\": \"alan\", \"name\": \"Alan Turing\", \"born\": 1912, \"field\": \"computing\"}",
  "{\"_key\": \"emmy\", \"name\": \"Emmy Noether\", \"born\": 1882, \"field\": \"mathematics\"}",
  "{\"_key\": \"edsger\", \"name\": \"Edsger Dijkstra\", \"born\": 1930, \"field\": \"computing\"}",
  "{\"_key\": \"barbara\", \"name\": \"Barbara Liskov\", \"born\": 1939, \"field\": \"computing\"}",
};

typedef struct
{
  ArangoDatabase *db;
  ArangoCollection *collection;
  const char *name;
  guint n_failed;
} Demo;

static void
demo_clear (Demo *demo)
{
  g_clear_object (&demo->collection);
  g_clear_object (&demo->db);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

/* Returns TRUE when there was no error; otherwise prints it and counts it. */
static gboolean
check (Demo         *demo,
       const char   *label,
       const GError *error)
{
  return demo_check (&demo->n_failed, label, error);
}

/* Counts a result that is not what it should be. */
static gboolean
expect (Demo       *demo,
        const char *label,
        gboolean    condition,
        const char *what)
{
  if (condition)
    return TRUE;

  demo->n_failed++;
  demo_print (label, "UNEXPECTED: %s", what);
  return FALSE;
}

/* JSON as text, compact, with json_to_string() */
static char *
object_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

static char *
array_text (JsonArray *array)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

  return json_to_string (node, FALSE);
}

/* JSON from text, with json_from_string(); the texts are the demo's own. */
static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  if (node == NULL)
    g_error ("Bad JSON in the demo: %s", error->message);
  return node;
}

/* The steps */

static gboolean
open_database (Demo         *demo,
               ArangoClient *client,
               const char   *user,
               const char   *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  arango_client_db_async (client, "_system", user, password, NULL, demo_store_result, &result);
  demo->db = arango_client_db_finish (client, demo_wait_for (&result), &error);
  if (!check (demo, "db _system", error))
    return FALSE;
  g_print ("Database %s as %s\n\n", arango_database_get_name (demo->db), user);
  return TRUE;
}

static gboolean
has_collection (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exists;

  arango_database_has_collection_async (demo->db, demo->name, NULL, demo_store_result, &result);
  exists = arango_database_has_collection_finish (demo->db, demo_wait_for (&result), &error);
  check (demo, "has_collection", error);
  return exists;
}

static gboolean
delete_collection (Demo       *demo,
                   const char *label)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  arango_database_delete_collection_async (demo->db, demo->name, NULL, demo_store_result, &result);
  arango_database_delete_collection_finish (demo->db, demo_wait_for (&result), &error);
  if (!check (demo, label, error))
    return FALSE;
  demo_print (label, "%s", demo->name);
  return TRUE;
}

static gboolean
create_collection (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Left over from an earlier run against a real server? */
  if (has_collection (demo) && !delete_collection (demo, "delete leftover"))
    return FALSE;

  arango_database_create_collection_async (demo->db, demo->name, NULL, NULL,
                                           demo_store_result, &result);
  demo->collection = arango_database_create_collection_finish (demo->db, demo_wait_for (&result),
                                                               &error);
  if (!check (demo, "create_collection", error))
    return FALSE;
  demo_print ("create_collection", "%s", arango_collection_get_name (demo->collection));
  return TRUE;
}

static gboolean
insert_people (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) document = parse (people[i]);
      g_autoptr(JsonObject) meta = NULL;
      g_autofree char *text = NULL;

      arango_collection_insert_async (demo->collection, document,
                                      ARANGO_DOCUMENT_FLAGS_RETURN_NEW, NULL,
                                      demo_store_result, &result);
      meta = arango_collection_insert_finish (demo->collection, demo_wait_for (&result), &error);
      if (!check (demo, "insert", error) ||
          !expect (demo, "insert", json_object_has_member (meta, "new"), "no “new” in the result"))
        return FALSE;
      text = object_text (json_object_get_object_member (meta, "new"));
      demo_print ("insert", "%s", text);
    }
  return TRUE;
}

static gboolean
get_one (Demo       *demo,
         const char *key,
         char      **rev)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) document = NULL;
  g_autofree char *label = g_strdup_printf ("get %s", key);
  g_autofree char *text = NULL;

  arango_collection_get_async (demo->collection, key, NULL, NULL, demo_store_result, &result);
  document = arango_collection_get_finish (demo->collection, demo_wait_for (&result), &error);
  if (!check (demo, label, error))
    return FALSE;
  text = object_text (document);
  demo_print (label, "%s", text);
  if (rev != NULL)
    *rev = g_strdup (json_object_get_string_member (document, "_rev"));
  return TRUE;
}

static gboolean
update_one (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) change = parse ("{\"_key\": \"ada\", \"known for\": \"the first program\"}");
  g_autoptr(JsonObject) meta = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *text = NULL;

  if (!get_one (demo, "ada", &rev))
    return FALSE;

  /* Merges the new attribute into the stored document */
  arango_collection_update_async (demo->collection, change, ARANGO_DOCUMENT_FLAGS_RETURN_NEW,
                                  NULL, demo_store_result, &result);
  meta = arango_collection_update_finish (demo->collection, demo_wait_for (&result), &error);
  if (!check (demo, "update ada", error))
    return FALSE;
  demo_print ("update ada", "_rev %s → %s",
                json_object_get_string_member (meta, "_oldRev"),
                json_object_get_string_member (meta, "_rev"));
  text = object_text (json_object_get_object_member (meta, "new"));
  demo_print ("", "%s", text);
  return expect (demo, "update ada",
                 g_strcmp0 (json_object_get_string_member (meta, "_oldRev"), rev) == 0,
                 "_oldRev is not the revision read before");
}

static gboolean
count_is (Demo       *demo,
          gint64      expected)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;

  arango_collection_count_async (demo->collection, NULL, demo_store_result, &result);
  n = arango_collection_count_finish (demo->collection, demo_wait_for (&result), &error);
  if (!check (demo, "count", error))
    return FALSE;
  demo_print ("count", "%" G_GINT64_FORMAT " documents", n);
  return expect (demo, "count", n == expected, "not the number of documents stored");
}

static gboolean
run_query (Demo *demo)
{
  const char *aql = "FOR p IN @@people FILTER p.born >= @after SORT p.born "
                    "RETURN {name: p.name, born: p.born}";
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) bind_vars = json_object_new ();
  g_autoptr(ArangoQueryOptions) options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS,
                                                        "batch-size", 2, "count", TRUE,
                                                        NULL);
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autofree char *bind_text = NULL;
  gint64 seen = 0;

  json_object_set_string_member (bind_vars, "@people", demo->name);
  json_object_set_int_member (bind_vars, "after", 1850);
  bind_text = object_text (bind_vars);

  demo_print ("query", "%s", aql);
  demo_print ("  bind variables", "%s", bind_text);
  demo_print ("  options", "batch size %u, count",
                arango_query_options_get_batch_size (options));

  arango_database_query_async (demo->db, aql, bind_vars, options, NULL, demo_store_result, &result);
  cursor = arango_database_query_finish (demo->db, demo_wait_for (&result), &error);
  if (!check (demo, "query", error))
    return FALSE;
  demo_print ("  count", "%" G_GINT64_FORMAT " results", arango_cursor_get_count (cursor));

  /* One batch after the other, until there are no more */
  for (guint n = 1;; n++)
    {
      g_autoptr(GAsyncResult) batch_result = NULL;
      g_autoptr(JsonArray) batch = NULL;
      g_autofree char *label = g_strdup_printf ("  batch %u", n);
      g_autofree char *text = NULL;

      arango_cursor_next_batch_async (cursor, NULL, demo_store_result, &batch_result);
      batch = arango_cursor_next_batch_finish (cursor, demo_wait_for (&batch_result), &error);
      if (!check (demo, label, error))
        return FALSE;
      if (batch == NULL)
        break;
      seen += json_array_get_length (batch);
      text = array_text (batch);
      demo_print (label, "%s", text);
    }
  demo_print ("  end", "%" G_GINT64_FORMAT " results, has more: %s", seen,
                arango_cursor_get_has_more (cursor) ? "yes" : "no");
  return expect (demo, "query", seen == arango_cursor_get_count (cursor),
                 "the batches do not add up to the count");
}

static gboolean
has_document (Demo             *demo,
              ArangoCollection *collection,
              const char       *key,
              const char       *label,
              gboolean          expected)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found;

  arango_collection_has_async (collection, key, NULL, demo_store_result, &result);
  found = arango_collection_has_finish (collection, demo_wait_for (&result), &error);
  if (!check (demo, label, error))
    return FALSE;
  demo_print (label, "%s", found ? "yes" : "no");
  return expect (demo, label, found == expected,
                 expected ? "it should be there" : "it should not be there");
}

/* Begins a transaction writing the collection, inserts one document in
 * it and shows where it is visible; then commits or aborts. */
static gboolean
run_transaction (Demo       *demo,
                 const char *document_text,
                 const char *key,
                 gboolean    commit)
{
  const char *write[] = { demo->name, NULL };
  const char *title = commit ? "transaction (commits)" : "transaction (aborts)";
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) insert_result = NULL;
  g_autoptr(GAsyncResult) end_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoTransaction) transaction = NULL;
  g_autoptr(ArangoCollection) inside = NULL;
  g_autoptr(JsonNode) document = parse (document_text);
  g_autoptr(JsonObject) meta = NULL;
  g_autofree char *inside_label = g_strdup_printf ("  inside sees %s", key);
  g_autofree char *outside_label = g_strdup_printf ("  outside sees %s", key);
  gboolean ok = TRUE;

  arango_database_begin_transaction_async (demo->db, NULL, write, NULL, NULL,
                                           demo_store_result, &result);
  transaction = arango_database_begin_transaction_finish (demo->db, demo_wait_for (&result), &error);
  if (!check (demo, title, error))
    return FALSE;
  demo_print (title, "id %s", arango_transaction_get_id (transaction));

  /* A collection handle whose calls run inside the transaction */
  inside = arango_transaction_get_collection (transaction, demo->name);
  arango_collection_insert_async (inside, document, ARANGO_DOCUMENT_FLAGS_NONE, NULL,
                                  demo_store_result, &insert_result);
  meta = arango_collection_insert_finish (inside, demo_wait_for (&insert_result), &error);
  if (!check (demo, "  insert", error))
    return FALSE;
  demo_print ("  insert", "%s", json_object_get_string_member (meta, "_id"));

  ok &= has_document (demo, inside, key, inside_label, TRUE);
  ok &= has_document (demo, demo->collection, key, outside_label, FALSE);

  if (commit)
    {
      arango_transaction_commit_async (transaction, NULL, demo_store_result, &end_result);
      arango_transaction_commit_finish (transaction, demo_wait_for (&end_result), &error);
    }
  else
    {
      arango_transaction_abort_async (transaction, NULL, demo_store_result, &end_result);
      arango_transaction_abort_finish (transaction, demo_wait_for (&end_result), &error);
    }
  if (!check (demo, commit ? "  commit" : "  abort", error))
    return FALSE;
  demo_print (commit ? "  commit" : "  abort", "done");

  ok &= has_document (demo, demo->collection, key, outside_label, commit);
  return ok;
}

static int
run_demo (const char *hosts,
          const char *user,
          const char *password,
          const char *name)
{
  g_auto(Demo) demo = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoClient) client = NULL;
  g_auto(GStrv) urls = NULL;
  g_autofree char *url_list = NULL;
  g_autofree char *ada_id = g_strdup_printf ("%s/ada", name);
  gboolean ok;

  client = arango_client_new (hosts, &error);
  if (client == NULL)
    {
      g_printerr ("Bad host list: %s (%s, code %d)\n", error->message,
                  g_quark_to_string (error->domain), error->code);
      return 2;
    }
  urls = arango_client_get_hosts (client);
  url_list = g_strjoinv (", ", urls);
  g_print ("Client for %s\n", url_list);

  demo.name = name;
  if (!open_database (&demo, client, user, password))
    return 1;

  ok = create_collection (&demo);
  ok = ok && insert_people (&demo);
  ok = ok && count_is (&demo, G_N_ELEMENTS (people));
  ok = ok && update_one (&demo);
  ok = ok && get_one (&demo, ada_id, NULL);   /* by id this time */
  if (ok)
    g_print ("\n");
  ok = ok && run_query (&demo);
  if (ok)
    g_print ("\n");
  ok = ok && run_transaction (&demo, "{\"_key\": \"linus\", \"name\": \"Linus Torvalds\", \"born\": 1969}",
                              "linus", TRUE);
  ok = ok && run_transaction (&demo, "{\"_key\": \"nobody\", \"name\": \"Never Stored\", \"born\": 2000}",
                              "nobody", FALSE);
  ok = ok && count_is (&demo, G_N_ELEMENTS (people) + 1);
  if (ok)
    g_print ("\n");

  /* Clean up, even after a failed step */
  if (demo.collection != NULL)
    delete_collection (&demo, "delete_collection");

  if (demo.n_failed > 0 || !ok)
    {
      g_print ("\n%u steps failed\n", MAX (demo.n_failed, 1));
      return 1;
    }
  g_print ("\nEverything worked\n");
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  g_autofree char *collection = NULL;
  g_autofree char *hosts = NULL;
  g_autoptr(GSubprocess) emulator = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "user", 'u', 0, G_OPTION_ARG_STRING, &user, "User name (default root)", "USER" },
    { "password", 'p', 0, G_OPTION_ARG_STRING, &password, "Password (default empty)", "PASSWORD" },
    { "collection", 'c', 0, G_OPTION_ARG_STRING, &collection,
      "The collection to create and delete again (default " DEFAULT_COLLECTION ")", "NAME" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  demo_set_label_width (LABEL_WIDTH);

  context = g_option_context_new ("[HOSTS]");
  g_option_context_set_summary (context,
                                "Runs the data calls of arango-glib against HOSTS, one URL\n"
                                "or a comma-separated list of coordinator URLs: a collection,\n"
                                "documents, an AQL query, stream transactions. Without HOSTS,\n"
                                "starts the ArangoDB emulator with three coordinators.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc > 2)
    {
      g_printerr ("Give the hosts as one comma-separated argument\n");
      return 2;
    }

  if (user == NULL)
    user = g_strdup ("root");
  if (password == NULL)
    password = g_strdup ("");
  if (collection == NULL)
    collection = g_strdup (DEFAULT_COLLECTION);

  if (argc == 2)
    hosts = g_strdup (argv[1]);
  else
    {
      hosts = demo_emulator_start (&emulator, user, password, &error);
      if (hosts == NULL)
        {
          g_printerr ("Could not start the emulator: %s\n", error->message);
          return 1;
        }
    }

  status = run_demo (hosts, user, password, collection);

  if (emulator != NULL)
    demo_emulator_stop (emulator);
  return status;
}
