/* emulator-transactions.c: stream transactions, and requests that run in one
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/RestTransactionBeginSingle_single.json (201),
 * RestTransactionGet_single.json, RestTransactionBeginAbort_single.json
 * (PUT = commit), RestTransactionBeginCommit_single.json (DELETE = abort),
 * RestTransactionsGet_single.json, RestTransactionBeginNonExisting_single.json.
 * Finished transactions stay as tombstones, as the server's transaction
 * manager keeps them: committing twice is fine, committing an aborted one
 * is 400/1653 "transaction was already aborted".
 *
 * Of the begin options (transaction::Options::fromVelocyPack, which
 * skips a value of the wrong type), allowImplicit: false refuses reads of
 * undeclared collections with 400/1652 as TransactionState::
 * addCollectionInternal does, maxTransactionSize refuses the write that
 * would go over it (emulator-docops.c), and an x-arango-allow-dirty-read
 * header on the begin request marks the replies of the transaction's
 * reads as potentially dirty. waitForSync, lockTimeout and
 * skipFastLockRound are taken and have no effect: the emulator keeps no
 * disk and takes no locks, so it never times out waiting for one.
 */

#include "emulator-transactions.h"

#include "emulator-permissions.h"
#include "emulator-reply.h"
#include "emulator-router.h"

/* --transaction.streaming-idle-timeout */
#define IDLE_TIMEOUT_USEC (60 * G_USEC_PER_SEC)
/* How long the manager keeps a finished transaction's tombstone. */
#define TOMBSTONE_USEC (600 * G_USEC_PER_SEC)

static void
emu_transaction_free (gpointer data)
{
  EmuTransaction *transaction = data;

  g_free (transaction->id);
  g_free (transaction->database);
  g_free (transaction->owner);
  g_ptr_array_unref (transaction->writable);
  g_ptr_array_unref (transaction->declared);
  g_clear_pointer (&transaction->overlay, emu_overlay_free);
  g_free (transaction);
}

static GHashTable *
transactions_of (EmuState *state)
{
  if (state->transactions == NULL)
    state->transactions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 emu_transaction_free);
  return state->transactions;
}

static void
finish (EmuTransaction *transaction,
        EmuTrxStatus    status)
{
  transaction->status = status;
  transaction->last_used = g_get_monotonic_time ();
  g_clear_pointer (&transaction->overlay, emu_overlay_free);
}

/* Idle running transactions are aborted, old tombstones dropped. */
static void
expire_transactions (EmuState *state)
{
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, transactions_of (state));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      EmuTransaction *transaction = value;

      if (transaction->status == EMU_TRX_RUNNING &&
          now - transaction->last_used > IDLE_TIMEOUT_USEC)
        {
          finish (transaction, EMU_TRX_ABORTED);
          transaction->expired = TRUE;
        }
      else if (transaction->status != EMU_TRX_RUNNING && !transaction->expired &&
               now - transaction->last_used > TOMBSTONE_USEC)
        {
          g_hash_table_iter_remove (&iter);
        }
    }
}

/* The transaction id of @text as the server reads it (StringUtils::uint64):
 * its leading digits; 0 when there are none. */
static guint64
parse_id (const char *text)
{
  return g_ascii_isdigit (text[0]) ? g_ascii_strtoull (text, NULL, 10) : 0;
}

static EmuTransaction *
lookup (EmuRequest *req,
        const char *id)
{
  EmuTransaction *transaction;

  expire_transactions (req->state);
  transaction = g_hash_table_lookup (transactions_of (req->state), id);
  if (transaction == NULL || !g_str_equal (transaction->database, req->database))
    return NULL;
  return transaction;
}

gboolean
emu_request_scope_init (EmuRequestScope *scope,
                        EmuRequest      *req)
{
  const char *id = emu_request_get_header (req, "x-arango-trx-id");

  scope->database = emu_state_lookup_database (req->state, req->database);
  scope->transaction = NULL;
  emu_view_init (&scope->view, scope->database, NULL, NULL);

  if (id == NULL)
    return TRUE;
  /* RestVocbaseBaseHandler::createTransaction */
  if (parse_id (id) == 0)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "invalid transaction ID");
      return FALSE;
    }

  scope->transaction = lookup (req, id);
  if (scope->transaction != NULL && scope->transaction->expired)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_TRANSACTION_ABORTED, NULL);
      return FALSE;
    }
  if (scope->transaction == NULL || scope->transaction->status != EMU_TRX_RUNNING)
    {
      emu_reply_arango_errorf (req->msg, EMU_ERROR_TRANSACTION_NOT_FOUND,
                               "transaction '%s' not found", id);
      return FALSE;
    }

  scope->transaction->last_used = g_get_monotonic_time ();
  emu_view_init (&scope->view, scope->database, scope->transaction->overlay, NULL);
  scope->view.budget = &scope->transaction->budget;
  return TRUE;
}

static gboolean
contains (GPtrArray  *ids,
          const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      return TRUE;
  return FALSE;
}

/* TransactionState::addCollectionInternal's refusal: "[read]" or "[write]". */
static void
reply_unregistered (EmuRequest *req,
                    const char *name,
                    const char *access)
{
  emu_reply_arango_errorf (req->msg, EMU_ERROR_TRANSACTION_UNREGISTERED_COLLECTION,
                           "%s: %s [%s]",
                           emu_error_message (EMU_ERROR_TRANSACTION_UNREGISTERED_COLLECTION),
                           name, access);
}

/* A stream transaction writes only to the collections it declared for
 * writing (reads of others are added lazily). */
gboolean
emu_request_scope_can_write (EmuRequestScope *scope,
                             EmuRequest      *req,
                             EmuCollection   *collection)
{
  if (scope->transaction == NULL || contains (scope->transaction->writable, collection->id))
    return TRUE;

  reply_unregistered (req, collection->name, "write");
  return FALSE;
}

/* A reply to a read in a transaction that allows dirty reads says it may
 * be dirty, as RestDocumentHandler and RestCursorHandler do. */
static void
note_read (EmuRequestScope *scope,
           EmuRequest      *req)
{
  if (scope->transaction->dirty_reads)
    emu_reply_set_header (req->msg, "X-Arango-Potential-Dirty-Read", "true");
}

/* Reads of collections the transaction did not declare need
 * allowImplicit. */
gboolean
emu_request_scope_can_read (EmuRequestScope *scope,
                            EmuRequest      *req,
                            EmuCollection   *collection)
{
  if (scope->transaction == NULL)
    return TRUE;
  if (!scope->transaction->allow_implicit &&
      !contains (scope->transaction->declared, collection->id))
    {
      reply_unregistered (req, collection->name, "read");
      return FALSE;
    }
  note_read (scope, req);
  return TRUE;
}

/* The same for the collections an AQL query reads (@data_sources, by
 * name), which the query adds to the transaction as it starts; only a
 * query that @modifies nothing reads from followers. */
gboolean
emu_request_scope_can_query (EmuRequestScope *scope,
                             EmuRequest      *req,
                             char           **data_sources,
                             gboolean         modifies)
{
  if (scope->transaction == NULL)
    return TRUE;
  for (guint i = 0; !scope->transaction->allow_implicit && data_sources[i] != NULL; i++)
    {
      EmuCollection *collection = emu_database_lookup_collection (scope->database,
                                                                  data_sources[i]);

      if (collection != NULL && !contains (scope->transaction->declared, collection->id))
        {
          reply_unregistered (req, collection->name, "read");
          return FALSE;
        }
    }
  if (!modifies)
    note_read (scope, req);
  return TRUE;
}

static const char *
status_name (EmuTrxStatus status)
{
  switch (status)
    {
    case EMU_TRX_COMMITTED:
      return "committed";
    case EMU_TRX_ABORTED:
      return "aborted";
    case EMU_TRX_RUNNING:
    default:
      return "running";
    }
}

static void
reply_status (EmuRequest     *req,
              guint           code,
              EmuTransaction *transaction)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  emu_json_add_int (builder, "code", code);
  emu_json_add_boolean (builder, "error", FALSE);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "id", transaction->id);
  emu_json_add_string (builder, "status", status_name (transaction->status));
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, code, builder);
}

/* "read", "write", "exclusive": a name or an array of names, used in
 * @mode. Adds the collection ids to @ids; FALSE after replying with the
 * error. */
static gboolean
collect_names (EmuRequest    *req,
               EmuDatabase   *database,
               JsonObject    *collections,
               const char    *access,
               EmuAccessMode  mode,
               GPtrArray     *ids)
{
  JsonNode *node = json_object_get_member (collections, access);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint i;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_ptr_array_add (names, (gpointer) json_node_get_string (node));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element) ||
              json_node_get_value_type (element) != G_TYPE_STRING)
            {
              emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST,
                               EMU_ERROR_BAD_PARAMETER, NULL);
              return FALSE;
            }
          g_ptr_array_add (names, (gpointer) json_node_get_string (element));
        }
    }
  else
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER, NULL);
      return FALSE;
    }

  for (i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      EmuCollection *collection = emu_database_lookup_collection (database, name);

      if (collection == NULL)
        {
          emu_reply_arango_errorf (req->msg, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND,
                                   "collection or view not found: %s", name);
          return FALSE;
        }
      if (!emu_permissions_check_use (req, collection, mode))
        return FALSE;
      if (ids != NULL)
        g_ptr_array_add (ids, g_strdup (collection->id));
    }

  return TRUE;
}

/* transaction::Options::fromVelocyPack: the options it knows, of the
 * right type; others are left at their defaults. */
static void
read_options (EmuTransaction *transaction,
              EmuRequest     *req,
              JsonObject     *options)
{
  const char *dirty = emu_request_get_header (req, "x-arango-allow-dirty-read");
  gdouble size;

  transaction->allow_implicit = emu_json_get_boolean (options, "allowImplicit", TRUE);
  transaction->budget.limit = G_MAXUINT64;
  if (emu_json_get_number (options, "maxTransactionSize", &size) && size >= 0)
    transaction->budget.limit = size < (gdouble) G_MAXUINT64 ? (guint64) size : G_MAXUINT64;
  if (dirty != NULL && g_ascii_strcasecmp (dirty, "true") == 0)
    transaction->dirty_reads = TRUE;
}

static void
handle_begin (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  g_autoptr(JsonNode) body = emu_request_parse_body (req);
  g_autoptr(GPtrArray) writable = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) declared = g_ptr_array_new_with_free_func (g_free);
  EmuTransaction *transaction;
  JsonNode *collections;

  if (body == NULL)
    return;

  collections = JSON_NODE_HOLDS_OBJECT (body)
    ? json_object_get_member (json_node_get_object (body), "collections")
    : NULL;
  if (collections == NULL || !JSON_NODE_HOLDS_OBJECT (collections))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER, NULL);
      return;
    }

  if (!collect_names (req, database, json_node_get_object (collections), "read",
                      EMU_ACCESS_READ, declared) ||
      !collect_names (req, database, json_node_get_object (collections), "write",
                      EMU_ACCESS_WRITE, writable) ||
      !collect_names (req, database, json_node_get_object (collections), "exclusive",
                      EMU_ACCESS_EXCLUSIVE, writable))
    return;

  expire_transactions (req->state);
  transaction = g_new0 (EmuTransaction, 1);
  transaction->id = emu_state_next_id (req->state);
  transaction->database = g_strdup (req->database);
  transaction->owner = g_strdup (req->coordinator != NULL ? req->coordinator->server_id : "");
  transaction->status = EMU_TRX_RUNNING;
  for (guint i = 0; i < writable->len; i++)
    g_ptr_array_add (declared, g_strdup (g_ptr_array_index (writable, i)));
  transaction->writable = g_steal_pointer (&writable);
  transaction->declared = g_steal_pointer (&declared);
  read_options (transaction, req, json_node_get_object (body));
  transaction->overlay = emu_overlay_new ();
  transaction->last_used = g_get_monotonic_time ();
  g_hash_table_insert (transactions_of (req->state), transaction->id, transaction);

  reply_status (req, SOUP_STATUS_CREATED, transaction);
}

static void
handle_list (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GHashTableIter iter;
  gpointer value;

  expire_transactions (req->state);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "transactions");
  json_builder_begin_array (builder);
  g_hash_table_iter_init (&iter, transactions_of (req->state));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      EmuTransaction *transaction = value;

      if (transaction->status != EMU_TRX_RUNNING ||
          !g_str_equal (transaction->database, req->database))
        continue;
      json_builder_begin_object (builder);
      emu_json_add_string (builder, "id", transaction->id);
      emu_json_add_string (builder, "state", "running");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* A Coordinator that did not begin the transaction forwards the request
 * to the one that did, which says so in a header (NOTES.md, section 5). */
static EmuTransaction *
lookup_or_reply (EmuRequest *req)
{
  const char *id = emu_request_get_param (req, "id");
  EmuTransaction *transaction;

  /* RestTransactionHandler: "Illegal transaction ID" for a status,
   * "bad transaction ID" for a commit or an abort. */
  if (parse_id (id) == 0)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       g_str_equal (req->method, "GET") ? "Illegal transaction ID"
                                                        : "bad transaction ID");
      return NULL;
    }

  transaction = lookup (req, id);
  if (transaction == NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_TRANSACTION_NOT_FOUND, NULL);
      return NULL;
    }

  if (req->coordinator != NULL && !g_str_equal (transaction->owner, req->coordinator->server_id))
    soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                  "X-Arango-Request-Forwarded-To", transaction->owner);
  return transaction;
}

static void
handle_status (EmuRequest *req)
{
  EmuTransaction *transaction = lookup_or_reply (req);

  if (transaction != NULL)
    reply_status (req, SOUP_STATUS_OK, transaction);
}

/* The manager's updateTransaction: idempotent per outcome; an expired
 * transaction answers 410/1654 once, then is an aborted tombstone. */
static void
finish_request (EmuRequest   *req,
                EmuTrxStatus  status)
{
  EmuTransaction *transaction = lookup_or_reply (req);

  if (transaction == NULL)
    return;

  if (transaction->expired)
    {
      transaction->expired = FALSE;
      transaction->last_used = g_get_monotonic_time ();
      emu_reply_arango_error (req->msg, EMU_ERROR_TRANSACTION_ABORTED, NULL);
      return;
    }

  if (transaction->status != EMU_TRX_RUNNING)
    {
      if (transaction->status == status)
        reply_status (req, SOUP_STATUS_OK, transaction);
      else
        emu_reply_arango_errorf (req->msg, EMU_ERROR_TRANSACTION_DISALLOWED_OPERATION,
                                 "transaction was already %s",
                                 status_name (transaction->status));
      return;
    }

  if (status == EMU_TRX_COMMITTED)
    {
      EmuView committed;

      emu_view_init (&committed, emu_state_lookup_database (req->state, req->database),
                     NULL, NULL);
      emu_view_apply (&committed, transaction->overlay);
    }
  finish (transaction, status);
  reply_status (req, SOUP_STATUS_OK, transaction);
}

static void
handle_commit (EmuRequest *req)
{
  finish_request (req, EMU_TRX_COMMITTED);
}

static void
handle_abort (EmuRequest *req)
{
  finish_request (req, EMU_TRX_ABORTED);
}

/* JavaScript transactions need the server's V8: refused as a 3.12 server
 * without JavaScript (--javascript.enabled false) refuses them. */
static void
handle_javascript (EmuRequest *req)
{
  emu_reply_error (req->msg, SOUP_STATUS_NOT_IMPLEMENTED, EMU_ERROR_NOT_IMPLEMENTED,
                   "JavaScript operations are disabled");
}

static const EmuRoute transaction_routes[] = {
  { "POST", "/_api/transaction/begin", handle_begin },
  { "GET", "/_api/transaction", handle_list },
  { "POST", "/_api/transaction", handle_javascript },
  { "GET", "/_api/transaction/{id}", handle_status },
  { "PUT", "/_api/transaction/{id}", handle_commit },
  { "DELETE", "/_api/transaction/{id}", handle_abort },
};

void
emu_transactions_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, transaction_routes, G_N_ELEMENTS (transaction_routes));
}
