/* arango-collection.c: documents and indexes of one collection
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-collection-private.h"
#include "arango-document-private.h"
#include "arango-error.h"
#include "arango-request-private.h"
#include "arango-sync-private.h"

/**
 * ArangoCollection:
 *
 * One collection of a database: its documents, its indexes and its
 * settings. Get one with arango_database_get_collection() (no request is
 * sent) or arango_database_create_collection_async().
 *
 * Documents go in and come out as json-glib types. In Python:
 *
 * ```python
 * doc = Json.from_string('{"_key": "ada", "born": 1815}')
 * users.insert_async(doc, Arango.DocumentFlags.RETURN_NEW, None, on_inserted, None)
 * # in on_inserted(users, result, _):
 * meta = users.insert_finish(result)        # Json.Object: _id, _key, _rev, new
 * print(Json.to_string(Json.Node.alloc().init_object(meta), False))
 * ```
 *
 * A key is either the document key ("ada") or its id ("users/ada");
 * arguments that cannot be right (an empty key, a key with characters
 * ArangoDB refuses, an id of another collection, a document that is not a
 * JSON object) fail with %ARANGO_ERROR_INVALID_ARGUMENT before anything is
 * sent. A collection taken from an #ArangoTransaction sends every request
 * inside that transaction.
 */

struct _ArangoCollection
{
  GObject parent_instance;

  ArangoContext *context;
  char *name;
  gboolean allow_dirty_read;
  gboolean last_read_potentially_dirty;
};

G_DEFINE_FINAL_TYPE (ArangoCollection, arango_collection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TRANSACTION_ID,
  PROP_ALLOW_DIRTY_READ,
  PROP_LAST_READ_POTENTIALLY_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
arango_collection_finalize (GObject *object)
{
  ArangoCollection *self = ARANGO_COLLECTION (object);

  g_clear_pointer (&self->context, arango_context_unref);
  g_free (self->name);

  G_OBJECT_CLASS (arango_collection_parent_class)->finalize (object);
}

static void
arango_collection_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ArangoCollection *self = ARANGO_COLLECTION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TRANSACTION_ID:
      g_value_set_string (value, self->context->transaction_id);
      break;
    case PROP_ALLOW_DIRTY_READ:
      g_value_set_boolean (value, self->allow_dirty_read);
      break;
    case PROP_LAST_READ_POTENTIALLY_DIRTY:
      g_value_set_boolean (value, self->last_read_potentially_dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_collection_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ArangoCollection *self = ARANGO_COLLECTION (object);

  switch (prop_id)
    {
    case PROP_ALLOW_DIRTY_READ:
      arango_collection_set_allow_dirty_read (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_collection_class_init (ArangoCollectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = arango_collection_finalize;
  object_class->get_property = arango_collection_get_property;
  object_class->set_property = arango_collection_set_property;

  /**
   * ArangoCollection:name: (getter get_name)
   *
   * The collection name; arango_collection_rename_async() changes it.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCollection:transaction-id: (getter get_transaction_id)
   *
   * The stream transaction this handle's requests run in, or %NULL.
   */
  properties[PROP_TRANSACTION_ID] =
    g_param_spec_string ("transaction-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCollection:allow-dirty-read: (getter get_allow_dirty_read) (setter set_allow_dirty_read)
   *
   * Whether document reads through this handle (get, has, get_many) may
   * be answered by a follower that has not caught up yet
   * (`x-arango-allow-dirty-read: true`). Such reads spread the load over
   * more servers; #ArangoCollection:last-read-potentially-dirty tells
   * whether a reply may be stale. Off by default.
   */
  properties[PROP_ALLOW_DIRTY_READ] =
    g_param_spec_boolean ("allow-dirty-read", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCollection:last-read-potentially-dirty: (getter get_last_read_potentially_dirty)
   *
   * Whether the reply of the last document read (get or get_many) through
   * this handle that finished may be dirty
   * (`x-arango-potential-dirty-read`). It is set before the read's
   * callback runs, so the callback can check it; with several reads in
   * flight it describes the one that finished last. A `has` call sends
   * the dirty-read header too but leaves this alone: it only learns
   * whether a key exists.
   */
  properties[PROP_LAST_READ_POTENTIALLY_DIRTY] =
    g_param_spec_boolean ("last-read-potentially-dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arango_collection_init (ArangoCollection *self)
{
}

ArangoCollection *
arango_collection_new (ArangoContext *context,
                       const char    *name)
{
  ArangoCollection *self = g_object_new (ARANGO_TYPE_COLLECTION, NULL);

  self->context = arango_context_ref (context);
  self->name = g_strdup (name);
  return self;
}

ArangoContext *
arango_collection_get_context (ArangoCollection *self)
{
  return self->context;
}

/**
 * arango_collection_get_name: (get-property name)
 * @self: an #ArangoCollection
 *
 * Gets the collection name.
 *
 * Returns: the name
 */
const char *
arango_collection_get_name (ArangoCollection *self)
{
  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  return self->name;
}

/**
 * arango_collection_get_transaction_id: (get-property transaction-id)
 * @self: an #ArangoCollection
 *
 * Gets the stream transaction this handle's requests run in.
 *
 * Returns: (nullable): the transaction id, or %NULL outside a transaction
 */
const char *
arango_collection_get_transaction_id (ArangoCollection *self)
{
  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  return self->context->transaction_id;
}

static void
report (ArangoCollection    *self,
        gpointer             source_tag,
        GAsyncReadyCallback  callback,
        gpointer             user_data,
        GError              *error)
{
  g_task_report_error (self, callback, user_data, source_tag, error);
}


/* /_api/document/{collection}[/{key}] */
static ArangoRequest *
document_request (ArangoCollection *self,
                  const char       *method,
                  const char       *key)
{
  return arango_context_request (self->context, method, "/_api/document",
                                 self->name, key, NULL);
}

/* /_api/collection/{collection}/{what} */
static ArangoRequest *
collection_request (ArangoCollection *self,
                    const char       *method,
                    const char       *what)
{
  return arango_context_request (self->context, method, "/_api/collection",
                                 self->name, what, NULL);
}

static gboolean
check_array_of_objects (JsonArray  *documents,
                        gboolean    allow_strings,
                        GError    **error)
{
  if (documents == NULL)
    {
      g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           _("A list of documents is required"));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonNode *element = json_array_get_element (documents, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        continue;
      if (allow_strings && json_node_get_value_type (element) == G_TYPE_STRING)
        continue;
      g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                   allow_strings ? _("Item %u of the list is neither a document nor a key")
                                 : _("Item %u of the list is not a JSON object"),
                   i);
      return FALSE;
    }
  return TRUE;
}



/* Writes of one document: insert (no key needed), update and replace. */
static void
write_document (ArangoCollection    *self,
                const char          *method,
                JsonNode            *document,
                ArangoDocumentFlags  flags,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  gboolean is_insert = g_str_equal (method, SOUP_METHOD_POST);
  g_autofree char *key = NULL;
  g_autofree char *rev = NULL;
  GError *error = NULL;
  ArangoRequest *request;

  if (!arango_document_check_object (self->name, document, !is_insert, &key, &rev, &error) ||
      !arango_document_check_flags (flags, is_insert, &error))
    {
      report (self, source_tag, callback, user_data, error);
      return;
    }

  request = document_request (self, method, is_insert ? NULL : key);
  arango_document_add_options (request, flags & ~ARANGO_DOCUMENT_FLAGS_CHECK_REV);
  if ((flags & ARANGO_DOCUMENT_FLAGS_CHECK_REV) && rev != NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", rev);

      arango_request_add_header (request, "If-Match", quoted);
    }
  arango_request_take_json_body (request, json_node_copy (document));
  arango_context_call (self->context, self, request, arango_reply_body_object, NULL, source_tag, cancellable,
                       callback, user_data);
}

/* Writes of many documents at once: per-document errors come back inside
 * the array, as ArangoDB reports them. */
static void
write_documents (ArangoCollection    *self,
                 const char          *method,
                 JsonArray           *documents,
                 ArangoDocumentFlags  flags,
                 gboolean             keys_allowed,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  gboolean is_insert = g_str_equal (method, SOUP_METHOD_POST);
  GError *error = NULL;
  ArangoRequest *request;

  if (!check_array_of_objects (documents, keys_allowed, &error) ||
      !arango_document_check_flags (flags, is_insert, &error))
    {
      report (self, source_tag, callback, user_data, error);
      return;
    }

  request = document_request (self, method, NULL);
  arango_document_add_options (request, flags);
  arango_request_set_json_array (request, documents);
  arango_context_call (self->context, self, request, arango_reply_body_array, NULL, source_tag, cancellable,
                       callback, user_data);
}

/* Calls on one document by key: get, has, delete. */
static ArangoRequest *
keyed_request (ArangoCollection  *self,
               const char        *method,
               const char        *key_or_id,
               const char        *rev,
               GError           **error)
{
  g_autofree char *key = arango_document_resolve_key (self->name, key_or_id, error);
  ArangoRequest *request;

  if (key == NULL)
    return NULL;

  request = document_request (self, method, key);
  if (rev != NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", rev);

      arango_request_add_header (request, "If-Match", quoted);
    }
  return request;
}


/* Document reads: they may allow dirty reads, and remember whether the
 * reply may be dirty before the caller's callback runs. */
static ArangoRequest *
prepare_read (ArangoCollection *self,
              ArangoRequest    *request)
{
  if (request && self->allow_dirty_read)
    arango_request_add_header (request, "x-arango-allow-dirty-read", "true");
  return request;
}

static void
note_read_reply (GTask          *task,
                 ArangoResponse *response)
{
  ArangoCollection *self = g_task_get_source_object (task);
  gboolean dirty = arango_response_is_potentially_dirty (response);

  if (self->last_read_potentially_dirty == dirty)
    return;
  self->last_read_potentially_dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_READ_POTENTIALLY_DIRTY]);
}

static void
reply_read_object (GTask *task, ArangoResponse *response, gconstpointer data)
{
  note_read_reply (task, response);
  arango_reply_body_object (task, response, data);
}

static void
reply_read_variant (GTask *task, ArangoResponse *response, gconstpointer type)
{
  note_read_reply (task, response);
  arango_reply_json_text_variant (task, response, type);
}

static void
reply_read_array (GTask *task, ArangoResponse *response, gconstpointer data)
{
  note_read_reply (task, response);
  arango_reply_body_array (task, response, data);
}

static void
reply_renamed (GTask          *task,
               ArangoResponse *response,
               gconstpointer   unused)
{
  ArangoCollection *self = g_task_get_source_object (task);
  JsonObject *body = response->body && JSON_NODE_HOLDS_OBJECT (response->body)
                       ? json_node_get_object (response->body) : NULL;
  const char *name = body ? json_object_get_string_member_with_default (body, "name", NULL) : NULL;

  if (name == NULL)
    {
      arango_task_return_invalid_reply (task, response, "name");
      return;
    }
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_task_return_boolean (task, TRUE);
}

/**
 * arango_collection_insert_async:
 * @self: an #ArangoCollection
 * @document: the document, a JSON object; `_key` is optional
 * @flags: options; an `OVERWRITE` flag decides what happens when the key exists
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Inserts a document (`POST /_api/document/{collection}`).
 */
void
arango_collection_insert_async (ArangoCollection    *self,
                                JsonNode            *document,
                                ArangoDocumentFlags  flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  write_document (self, SOUP_METHOD_POST, document, flags,
                  arango_collection_insert_async, cancellable, callback, user_data);
}

/**
 * arango_collection_insert_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_insert_async().
 *
 * Returns: (transfer full): `_id`, `_key` and `_rev` of the stored document, and
 *   `new`/`old` when asked for; %NULL with an error, e.g.
 *   %ARANGO_SERVER_ERROR_UNIQUE_CONSTRAINT_VIOLATED
 */
JsonObject *
arango_collection_insert_finish (ArangoCollection  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_insert_async, error);
}

/**
 * arango_collection_insert_sync:
 * @self: an #ArangoCollection
 * @document: the document, a JSON object; `_key` is optional
 * @flags: options; an `OVERWRITE` flag decides what happens when the key exists
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_insert_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `_id`, `_key` and `_rev` of the stored document, and
 *   `new`/`old` when asked for; %NULL with an error, e.g.
 *   %ARANGO_SERVER_ERROR_UNIQUE_CONSTRAINT_VIOLATED
 */
JsonObject *
arango_collection_insert_sync (ArangoCollection    *self,
                               JsonNode            *document,
                               ArangoDocumentFlags  flags,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_insert_async (self, document, flags, cancellable, arango_sync_call_done, call);
  return arango_collection_insert_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_insert_many_async:
 * @self: an #ArangoCollection
 * @documents: the documents, JSON objects
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Inserts several documents in one request. Documents the server refuses
 * do not fail the call: their places in the result hold an error object
 * (`error`, `errorNum`, `errorMessage`).
 */
void
arango_collection_insert_many_async (ArangoCollection    *self,
                                     JsonArray           *documents,
                                     ArangoDocumentFlags  flags,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  write_documents (self, SOUP_METHOD_POST, documents, flags, FALSE,
                   arango_collection_insert_many_async, cancellable, callback,
                   user_data);
}

/**
 * arango_collection_insert_many_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_insert_many_async().
 *
 * Returns: (transfer full): one result or error object per document, in
 *   order; %NULL with an error
 */
JsonArray *
arango_collection_insert_many_finish (ArangoCollection  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_insert_many_async, error);
}

/**
 * arango_collection_insert_many_sync:
 * @self: an #ArangoCollection
 * @documents: the documents, JSON objects
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_insert_many_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): one result or error object per document, in
 *   order; %NULL with an error
 */
JsonArray *
arango_collection_insert_many_sync (ArangoCollection    *self,
                                    JsonArray           *documents,
                                    ArangoDocumentFlags  flags,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_insert_many_async (self, documents, flags, cancellable,
                                       arango_sync_call_done, call);
  return arango_collection_insert_many_finish (self, arango_sync_call_wait (call), error);
}

/* GET of one document, in either form: @as_json_text leaves the reply's
 * text for @reply to read. */
static void
read_document (ArangoCollection    *self,
               const char          *key,
               const char          *rev,
               gboolean             as_json_text,
               ArangoReplyFunc      reply,
               gconstpointer        reply_data,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GError *error = NULL;
  ArangoRequest *request = prepare_read (self, keyed_request (self, SOUP_METHOD_GET, key, rev, &error));

  if (request == NULL)
    {
      report (self, source_tag, callback, user_data, error);
      return;
    }
  if (as_json_text)
    arango_request_keep_json_text (request);
  arango_context_call (self->context, self, request, reply, reply_data, source_tag,
                       cancellable, callback, user_data);
}

/**
 * arango_collection_get_async:
 * @self: an #ArangoCollection
 * @key: the document key or id
 * @rev: (nullable): the revision the document must have, or %NULL
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads a document (`GET /_api/document/{collection}/{key}`).
 */
void
arango_collection_get_async (ArangoCollection    *self,
                             const char          *key,
                             const char          *rev,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  read_document (self, key, rev, FALSE, reply_read_object, NULL, arango_collection_get_async,
                 cancellable, callback, user_data);
}

/**
 * arango_collection_get_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_get_async().
 *
 * Returns: (transfer full): the document, or %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND or, when @rev differs,
 *   %ARANGO_SERVER_ERROR_CONFLICT
 */
JsonObject *
arango_collection_get_finish (ArangoCollection  *self,
                              GAsyncResult      *result,
                              GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_get_async, error);
}

/**
 * arango_collection_get_sync:
 * @self: an #ArangoCollection
 * @key: the document key or id
 * @rev: (nullable): the revision the document must have, or %NULL
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_get_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the document, or %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND or, when @rev differs,
 *   %ARANGO_SERVER_ERROR_CONFLICT
 */
JsonObject *
arango_collection_get_sync (ArangoCollection    *self,
                            const char          *key,
                            const char          *rev,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_get_async (self, key, rev, cancellable, arango_sync_call_done, call);
  return arango_collection_get_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_get_variant_async:
 * @self: an #ArangoCollection
 * @key: the document key or id
 * @rev: (nullable): the revision the document must have, or %NULL
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads a document (`GET /_api/document/{collection}/{key}`) as
 * arango_collection_get_async() does, and hands it over as a #GVariant of
 * type `a{sv}`: each member a variant, an object `a{sv}`, an array `av`,
 * a string `s`, an integer `x` (beyond 64 bits a double, `d`), any other
 * number `d`, a boolean `b`, and null the empty maybe `mv`, the mapping
 * of arango_cursor_next_batch_variant_async().
 *
 * The document is written straight from the reply into one block of
 * memory, where a #JsonObject takes a hash table and several allocations
 * per member to build and to free: for a small document this form costs
 * about a tenth of the whole read less (doc/performance.md). Read it
 * with g_variant_lookup() in C, `unpack()` in Python (a `dict`),
 * `recursiveUnpack()` in JavaScript (an object). Members keep the
 * server's order, `_key`, `_id` and `_rev` first.
 *
 * A GVariant cannot nest as deeply as JSON: a document nested more than
 * about 40 levels of objects or 60 of arrays deep fails with
 * %ARANGO_ERROR_INVALID_REPLY; arango_collection_get_async() reads it.
 *
 * ```c
 * g_autoptr(GVariant) document = arango_collection_get_variant_finish (collection, result, &error);
 * const char *name;
 *
 * if (document != NULL && g_variant_lookup (document, "name", "&s", &name))
 *   g_print ("%s\n", name);
 * ```
 */
void
arango_collection_get_variant_async (ArangoCollection    *self,
                                     const char          *key,
                                     const char          *rev,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  read_document (self, key, rev, TRUE, reply_read_variant, "a{sv}",
                 arango_collection_get_variant_async, cancellable, callback, user_data);
}

/**
 * arango_collection_get_variant_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_get_variant_async().
 *
 * Returns: (transfer full): the document, of type `a{sv}`, or %NULL with
 *   an error such as %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND or, when
 *   @rev differs, %ARANGO_SERVER_ERROR_CONFLICT
 */
GVariant *
arango_collection_get_variant_finish (ArangoCollection  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_get_variant_async, error);
}

/**
 * arango_collection_get_variant_sync:
 * @self: an #ArangoCollection
 * @key: the document key or id
 * @rev: (nullable): the revision the document must have, or %NULL
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_get_variant_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the document, of type `a{sv}`, or %NULL with
 *   an error such as %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND or, when
 *   @rev differs, %ARANGO_SERVER_ERROR_CONFLICT
 */
GVariant *
arango_collection_get_variant_sync (ArangoCollection    *self,
                                    const char          *key,
                                    const char          *rev,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_get_variant_async (self, key, rev, cancellable, arango_sync_call_done, call);
  return arango_collection_get_variant_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_has_async:
 * @self: an #ArangoCollection
 * @key: the document key or id
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Checks whether a document exists (`HEAD /_api/document/{collection}/{key}`).
 */
void
arango_collection_has_async (ArangoCollection    *self,
                             const char          *key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  GError *error = NULL;
  ArangoRequest *request = prepare_read (self, keyed_request (self, SOUP_METHOD_HEAD, key, NULL, &error));

  if (request == NULL)
    {
      report (self, arango_collection_has_async, callback, user_data, error);
      return;
    }
  /* arango_reply_exists itself: the call layer knows it by its address
   * and answers FALSE for the missing code. */
  arango_context_call (self->context, self, request, arango_reply_exists,
                       GINT_TO_POINTER (ARANGO_SERVER_ERROR_HTTP_NOT_FOUND),
                       arango_collection_has_async, cancellable, callback, user_data);
}

/**
 * arango_collection_has_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_has_async().
 *
 * Returns: %TRUE if it exists; %FALSE if not, or with an error
 */
gboolean
arango_collection_has_finish (ArangoCollection  *self,
                              GAsyncResult      *result,
                              GError           **error)
{
  return arango_call_finish_boolean (self, result, arango_collection_has_async, error);
}

/**
 * arango_collection_has_sync:
 * @self: an #ArangoCollection
 * @key: the document key or id
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_has_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE if it exists; %FALSE if not, or with an error
 */
gboolean
arango_collection_has_sync (ArangoCollection    *self,
                            const char          *key,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), FALSE);

  call = arango_sync_call_begin ();
  arango_collection_has_async (self, key, cancellable, arango_sync_call_done, call);
  return arango_collection_has_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_update_async:
 * @self: an #ArangoCollection
 * @document: the attributes to change, with `_key` or `_id` (and `_rev`
 *   for %ARANGO_DOCUMENT_FLAGS_CHECK_REV)
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Merges attributes into a stored document
 * (`PATCH /_api/document/{collection}/{key}`).
 */
void
arango_collection_update_async (ArangoCollection    *self,
                                JsonNode            *document,
                                ArangoDocumentFlags  flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  write_document (self, "PATCH", document, flags,
                  arango_collection_update_async, cancellable, callback, user_data);
}

/**
 * arango_collection_update_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_update_async().
 *
 * Returns: (transfer full): `_id`, `_key`, `_rev` and `_oldRev`, with `new`/`old`
 *   when asked for; %NULL with an error
 */
JsonObject *
arango_collection_update_finish (ArangoCollection  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_update_async, error);
}

/**
 * arango_collection_update_sync:
 * @self: an #ArangoCollection
 * @document: the attributes to change, with `_key` or `_id` (and `_rev`
 *   for %ARANGO_DOCUMENT_FLAGS_CHECK_REV)
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_update_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `_id`, `_key`, `_rev` and `_oldRev`, with `new`/`old`
 *   when asked for; %NULL with an error
 */
JsonObject *
arango_collection_update_sync (ArangoCollection    *self,
                               JsonNode            *document,
                               ArangoDocumentFlags  flags,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_update_async (self, document, flags, cancellable, arango_sync_call_done, call);
  return arango_collection_update_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_replace_async:
 * @self: an #ArangoCollection
 * @document: the new document, with `_key` or `_id` (and `_rev` for
 *   %ARANGO_DOCUMENT_FLAGS_CHECK_REV)
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Replaces a stored document (`PUT /_api/document/{collection}/{key}`).
 */
void
arango_collection_replace_async (ArangoCollection    *self,
                                 JsonNode            *document,
                                 ArangoDocumentFlags  flags,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  write_document (self, SOUP_METHOD_PUT, document, flags,
                  arango_collection_replace_async, cancellable, callback, user_data);
}

/**
 * arango_collection_replace_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_replace_async().
 *
 * Returns: (transfer full): `_id`, `_key`, `_rev` and `_oldRev`, with `new`/`old`
 *   when asked for; %NULL with an error
 */
JsonObject *
arango_collection_replace_finish (ArangoCollection  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_replace_async, error);
}

/**
 * arango_collection_replace_sync:
 * @self: an #ArangoCollection
 * @document: the new document, with `_key` or `_id` (and `_rev` for
 *   %ARANGO_DOCUMENT_FLAGS_CHECK_REV)
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_replace_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `_id`, `_key`, `_rev` and `_oldRev`, with `new`/`old`
 *   when asked for; %NULL with an error
 */
JsonObject *
arango_collection_replace_sync (ArangoCollection    *self,
                                JsonNode            *document,
                                ArangoDocumentFlags  flags,
                                GCancellable        *cancellable,
                                GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_replace_async (self, document, flags, cancellable, arango_sync_call_done, call);
  return arango_collection_replace_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_delete_async:
 * @self: an #ArangoCollection
 * @key: the document key or id
 * @rev: (nullable): the revision the document must have, or %NULL
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Deletes a document (`DELETE /_api/document/{collection}/{key}`).
 */
void
arango_collection_delete_async (ArangoCollection    *self,
                                const char          *key,
                                const char          *rev,
                                ArangoDocumentFlags  flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  GError *error = NULL;
  ArangoRequest *request;

  if (!arango_document_check_flags (flags, FALSE, &error) ||
      (request = keyed_request (self, SOUP_METHOD_DELETE, key, rev, &error)) == NULL)
    {
      report (self, arango_collection_delete_async, callback, user_data, error);
      return;
    }
  arango_document_add_options (request, flags & ~ARANGO_DOCUMENT_FLAGS_CHECK_REV);
  arango_context_call (self->context, self, request, arango_reply_body_object, NULL, arango_collection_delete_async,
                       cancellable, callback, user_data);
}

/**
 * arango_collection_delete_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_delete_async().
 *
 * Returns: (transfer full): `_id`, `_key` and `_rev`, with `old` when asked
 *   for; %NULL with an error
 */
JsonObject *
arango_collection_delete_finish (ArangoCollection  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_delete_async, error);
}

/**
 * arango_collection_delete_sync:
 * @self: an #ArangoCollection
 * @key: the document key or id
 * @rev: (nullable): the revision the document must have, or %NULL
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_delete_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `_id`, `_key` and `_rev`, with `old` when asked
 *   for; %NULL with an error
 */
JsonObject *
arango_collection_delete_sync (ArangoCollection    *self,
                               const char          *key,
                               const char          *rev,
                               ArangoDocumentFlags  flags,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_delete_async (self, key, rev, flags, cancellable, arango_sync_call_done, call);
  return arango_collection_delete_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_get_many_async:
 * @self: an #ArangoCollection
 * @keys: keys (strings) or documents with `_key`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads several documents in one request
 * (`PUT /_api/document/{collection}?onlyget=true`).
 */
void
arango_collection_get_many_async (ArangoCollection    *self,
                                  JsonArray           *keys,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  GError *error = NULL;
  ArangoRequest *request;

  if (!check_array_of_objects (keys, TRUE, &error))
    {
      report (self, arango_collection_get_many_async, callback, user_data, error);
      return;
    }
  request = prepare_read (self, document_request (self, SOUP_METHOD_PUT, NULL));
  arango_request_add_query (request, "onlyget", "true");
  /* A read, even though it is a PUT: safe to send again. */
  arango_request_set_idempotent (request, TRUE);
  arango_request_set_json_array (request, keys);
  arango_context_call (self->context, self, request, reply_read_array, NULL, arango_collection_get_many_async,
                       cancellable, callback, user_data);
}

/**
 * arango_collection_get_many_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_get_many_async().
 *
 * Returns: (transfer full): one document or error object per key, in
 *   order; %NULL with an error
 */
JsonArray *
arango_collection_get_many_finish (ArangoCollection  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_get_many_async, error);
}

/**
 * arango_collection_get_many_sync:
 * @self: an #ArangoCollection
 * @keys: keys (strings) or documents with `_key`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_get_many_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): one document or error object per key, in
 *   order; %NULL with an error
 */
JsonArray *
arango_collection_get_many_sync (ArangoCollection    *self,
                                 JsonArray           *keys,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_get_many_async (self, keys, cancellable, arango_sync_call_done, call);
  return arango_collection_get_many_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_update_many_async:
 * @self: an #ArangoCollection
 * @documents: the changes, each with `_key`
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Updates several documents in one request.
 */
void
arango_collection_update_many_async (ArangoCollection    *self,
                                     JsonArray           *documents,
                                     ArangoDocumentFlags  flags,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  write_documents (self, "PATCH", documents, flags, FALSE,
                   arango_collection_update_many_async, cancellable, callback,
                   user_data);
}

/**
 * arango_collection_update_many_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_update_many_async().
 *
 * Returns: (transfer full): one result or error object per document, in
 *   order; %NULL with an error
 */
JsonArray *
arango_collection_update_many_finish (ArangoCollection  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_update_many_async, error);
}

/**
 * arango_collection_update_many_sync:
 * @self: an #ArangoCollection
 * @documents: the changes, each with `_key`
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_update_many_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): one result or error object per document, in
 *   order; %NULL with an error
 */
JsonArray *
arango_collection_update_many_sync (ArangoCollection    *self,
                                    JsonArray           *documents,
                                    ArangoDocumentFlags  flags,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_update_many_async (self, documents, flags, cancellable,
                                       arango_sync_call_done, call);
  return arango_collection_update_many_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_replace_many_async:
 * @self: an #ArangoCollection
 * @documents: the new documents, each with `_key`
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Replaces several documents in one request.
 */
void
arango_collection_replace_many_async (ArangoCollection    *self,
                                      JsonArray           *documents,
                                      ArangoDocumentFlags  flags,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  write_documents (self, SOUP_METHOD_PUT, documents, flags, FALSE,
                   arango_collection_replace_many_async, cancellable, callback,
                   user_data);
}

/**
 * arango_collection_replace_many_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_replace_many_async().
 *
 * Returns: (transfer full): one result or error object per document, in
 *   order; %NULL with an error
 */
JsonArray *
arango_collection_replace_many_finish (ArangoCollection  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_replace_many_async, error);
}

/**
 * arango_collection_replace_many_sync:
 * @self: an #ArangoCollection
 * @documents: the new documents, each with `_key`
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_replace_many_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): one result or error object per document, in
 *   order; %NULL with an error
 */
JsonArray *
arango_collection_replace_many_sync (ArangoCollection    *self,
                                     JsonArray           *documents,
                                     ArangoDocumentFlags  flags,
                                     GCancellable        *cancellable,
                                     GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_replace_many_async (self, documents, flags, cancellable,
                                        arango_sync_call_done, call);
  return arango_collection_replace_many_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_delete_many_async:
 * @self: an #ArangoCollection
 * @documents: keys (strings) or documents with `_key`
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Deletes several documents in one request.
 */
void
arango_collection_delete_many_async (ArangoCollection    *self,
                                     JsonArray           *documents,
                                     ArangoDocumentFlags  flags,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  write_documents (self, SOUP_METHOD_DELETE, documents, flags, TRUE,
                   arango_collection_delete_many_async, cancellable, callback,
                   user_data);
}

/**
 * arango_collection_delete_many_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_delete_many_async().
 *
 * Returns: (transfer full): one result or error object per document, in
 *   order; %NULL with an error
 */
JsonArray *
arango_collection_delete_many_finish (ArangoCollection  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_delete_many_async, error);
}

/**
 * arango_collection_delete_many_sync:
 * @self: an #ArangoCollection
 * @documents: keys (strings) or documents with `_key`
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_delete_many_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): one result or error object per document, in
 *   order; %NULL with an error
 */
JsonArray *
arango_collection_delete_many_sync (ArangoCollection    *self,
                                    JsonArray           *documents,
                                    ArangoDocumentFlags  flags,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_delete_many_async (self, documents, flags, cancellable,
                                       arango_sync_call_done, call);
  return arango_collection_delete_many_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_import_bulk_async:
 * @self: an #ArangoCollection
 * @documents: the documents, JSON objects
 * @options: (nullable): import options as ArangoDB names them, e.g.
 *   `onDuplicate` ("error", "update", "replace", "ignore"), `overwrite`,
 *   `complete`, `details`, `fromPrefix`, `toPrefix`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Imports many documents at once (`POST /_api/import?type=list`).
 */
void
arango_collection_import_bulk_async (ArangoCollection    *self,
                                     JsonArray           *documents,
                                     JsonObject          *options,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  GError *error = NULL;
  ArangoRequest *request;

  if (!check_array_of_objects (documents, FALSE, &error))
    {
      report (self, arango_collection_import_bulk_async, callback, user_data, error);
      return;
    }
  request = arango_context_request (self->context, SOUP_METHOD_POST, "/_api/import", NULL);
  arango_request_add_query (request, "collection", self->name);
  arango_request_add_query (request, "type", "list");
  arango_request_add_query_options (request, options);
  arango_request_set_json_array (request, documents);
  arango_context_call (self->context, self, request, arango_reply_object, NULL, arango_collection_import_bulk_async,
                       cancellable, callback, user_data);
}

/**
 * arango_collection_import_bulk_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_import_bulk_async().
 *
 * Returns: (transfer full): `created`, `errors`, `empty`, `updated`, `ignored`
 *   (and `details` when asked for); %NULL with an error
 */
JsonObject *
arango_collection_import_bulk_finish (ArangoCollection  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_import_bulk_async, error);
}

/**
 * arango_collection_import_bulk_sync:
 * @self: an #ArangoCollection
 * @documents: the documents, JSON objects
 * @options: (nullable): import options as ArangoDB names them, e.g.
 *   `onDuplicate` ("error", "update", "replace", "ignore"), `overwrite`,
 *   `complete`, `details`, `fromPrefix`, `toPrefix`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_import_bulk_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `created`, `errors`, `empty`, `updated`, `ignored`
 *   (and `details` when asked for); %NULL with an error
 */
JsonObject *
arango_collection_import_bulk_sync (ArangoCollection    *self,
                                    JsonArray           *documents,
                                    JsonObject          *options,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_import_bulk_async (self, documents, options, cancellable,
                                       arango_sync_call_done, call);
  return arango_collection_import_bulk_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_count_async:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Counts the documents (`GET /_api/collection/{collection}/count`).
 */
void
arango_collection_count_async (ArangoCollection    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  arango_context_call (self->context, self, collection_request (self, SOUP_METHOD_GET, "count"),
                       arango_reply_int_member, "count", arango_collection_count_async,
                       cancellable, callback, user_data);
}

/**
 * arango_collection_count_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_count_async().
 *
 * Returns: the number of documents, or -1 with an error
 */
gint64
arango_collection_count_finish (ArangoCollection  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  return arango_call_finish_int (self, result, arango_collection_count_async, error);
}

/**
 * arango_collection_count_sync:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_count_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: the number of documents, or -1 with an error
 */
gint64
arango_collection_count_sync (ArangoCollection  *self,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), -1);

  call = arango_sync_call_begin ();
  arango_collection_count_async (self, cancellable, arango_sync_call_done, call);
  return arango_collection_count_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_truncate_async:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Removes every document (`PUT /_api/collection/{collection}/truncate`).
 */
void
arango_collection_truncate_async (ArangoCollection    *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  arango_context_call (self->context, self, collection_request (self, SOUP_METHOD_PUT, "truncate"),
                       arango_reply_true, NULL, arango_collection_truncate_async,
                       cancellable, callback, user_data);
}

/**
 * arango_collection_truncate_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_truncate_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_collection_truncate_finish (ArangoCollection  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  return arango_call_finish_boolean (self, result, arango_collection_truncate_async, error);
}

/**
 * arango_collection_truncate_sync:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_truncate_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_collection_truncate_sync (ArangoCollection    *self,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), FALSE);

  call = arango_sync_call_begin ();
  arango_collection_truncate_async (self, cancellable, arango_sync_call_done, call);
  return arango_collection_truncate_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_properties_async:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the collection's properties
 * (`GET /_api/collection/{collection}/properties`).
 */
void
arango_collection_properties_async (ArangoCollection    *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  arango_context_call (self->context, self, collection_request (self, SOUP_METHOD_GET, "properties"),
                       arango_reply_object, NULL, arango_collection_properties_async,
                       cancellable, callback, user_data);
}

/**
 * arango_collection_properties_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_properties_async().
 *
 * Returns: (transfer full): `name`, `type`, `waitForSync`, `keyOptions`, …;
 *   %NULL with an error
 */
JsonObject *
arango_collection_properties_finish (ArangoCollection  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_properties_async, error);
}

/**
 * arango_collection_properties_sync:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_properties_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): `name`, `type`, `waitForSync`, `keyOptions`, …;
 *   %NULL with an error
 */
JsonObject *
arango_collection_properties_sync (ArangoCollection    *self,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_properties_async (self, cancellable, arango_sync_call_done, call);
  return arango_collection_properties_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_configure_async:
 * @self: an #ArangoCollection
 * @properties: the properties to change, e.g. `waitForSync`, `schema`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Changes the collection's properties
 * (`PUT /_api/collection/{collection}/properties`).
 */
void
arango_collection_configure_async (ArangoCollection    *self,
                                   JsonObject          *properties,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  ArangoRequest *request;

  if (properties == NULL)
    {
      report (self, arango_collection_configure_async, callback, user_data,
              g_error_new_literal (ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                                   _("The properties to change are required")));
      return;
    }
  request = collection_request (self, SOUP_METHOD_PUT, "properties");
  arango_request_set_json_object (request, properties);
  arango_context_call (self->context, self, request, arango_reply_object, NULL, arango_collection_configure_async,
                       cancellable, callback, user_data);
}

/**
 * arango_collection_configure_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_configure_async().
 *
 * Returns: (transfer full): the properties after the change; %NULL with an
 *   error
 */
JsonObject *
arango_collection_configure_finish (ArangoCollection  *self,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_configure_async, error);
}

/**
 * arango_collection_configure_sync:
 * @self: an #ArangoCollection
 * @properties: the properties to change, e.g. `waitForSync`, `schema`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_configure_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the properties after the change; %NULL with an
 *   error
 */
JsonObject *
arango_collection_configure_sync (ArangoCollection    *self,
                                  JsonObject          *properties,
                                  GCancellable        *cancellable,
                                  GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_configure_async (self, properties, cancellable, arango_sync_call_done, call);
  return arango_collection_configure_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_rename_async:
 * @self: an #ArangoCollection
 * @new_name: the new name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Renames the collection (`PUT /_api/collection/{collection}/rename`);
 * on success #ArangoCollection:name changes too.
 */
void
arango_collection_rename_async (ArangoCollection    *self,
                                const char          *new_name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  g_autoptr(JsonObject) body = NULL;
  ArangoRequest *request;

  if (new_name == NULL || *new_name == '\0' || strchr (new_name, '/') != NULL)
    {
      report (self, arango_collection_rename_async, callback, user_data,
              g_error_new (ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                           _("“%s” is not a valid collection name"),
                           new_name ? new_name : "(null)"));
      return;
    }
  body = json_object_new ();
  json_object_set_string_member (body, "name", new_name);
  request = collection_request (self, SOUP_METHOD_PUT, "rename");
  arango_request_take_json_object (request, g_steal_pointer (&body));
  arango_context_call (self->context, self, request, reply_renamed, NULL, arango_collection_rename_async,
                       cancellable, callback, user_data);
}

/**
 * arango_collection_rename_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_rename_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_collection_rename_finish (ArangoCollection  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  return arango_call_finish_boolean (self, result, arango_collection_rename_async, error);
}

/**
 * arango_collection_rename_sync:
 * @self: an #ArangoCollection
 * @new_name: the new name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_rename_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_collection_rename_sync (ArangoCollection    *self,
                               const char          *new_name,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), FALSE);

  call = arango_sync_call_begin ();
  arango_collection_rename_async (self, new_name, cancellable, arango_sync_call_done, call);
  return arango_collection_rename_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_indexes_async:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the collection's indexes (`GET /_api/index?collection=`).
 */
void
arango_collection_indexes_async (ArangoCollection    *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  ArangoRequest *request = arango_context_request (self->context, SOUP_METHOD_GET,
                                                   "/_api/index", NULL);

  arango_request_add_query (request, "collection", self->name);
  arango_context_call (self->context, self, request, arango_reply_array_member, "indexes",
                       arango_collection_indexes_async, cancellable, callback, user_data);
}

/**
 * arango_collection_indexes_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_indexes_async().
 *
 * Returns: (transfer full): the index descriptions; %NULL with an error
 */
JsonArray *
arango_collection_indexes_finish (ArangoCollection  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_indexes_async, error);
}

/**
 * arango_collection_indexes_sync:
 * @self: an #ArangoCollection
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_indexes_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the index descriptions; %NULL with an error
 */
JsonArray *
arango_collection_indexes_sync (ArangoCollection    *self,
                                GCancellable        *cancellable,
                                GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_indexes_async (self, cancellable, arango_sync_call_done, call);
  return arango_collection_indexes_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_add_index_async:
 * @self: an #ArangoCollection
 * @definition: the index, as ArangoDB describes it, e.g.
 *   `{"type": "persistent", "fields": ["email"], "unique": true}`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Creates an index, or finds the same one (`POST /_api/index?collection=`).
 */
void
arango_collection_add_index_async (ArangoCollection    *self,
                                   JsonObject          *definition,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  ArangoRequest *request;

  if (definition == NULL)
    {
      report (self, arango_collection_add_index_async, callback, user_data,
              g_error_new_literal (ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                                   _("An index definition is required")));
      return;
    }
  request = arango_context_request (self->context, SOUP_METHOD_POST, "/_api/index", NULL);
  arango_request_add_query (request, "collection", self->name);
  arango_request_set_json_object (request, definition);
  arango_context_call (self->context, self, request, arango_reply_object, NULL, arango_collection_add_index_async,
                       cancellable, callback, user_data);
}

/**
 * arango_collection_add_index_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_add_index_async().
 *
 * Returns: (transfer full): the index description, with `id` and `isNewlyCreated`;
 *   %NULL with an error
 */
JsonObject *
arango_collection_add_index_finish (ArangoCollection  *self,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_add_index_async, error);
}

/**
 * arango_collection_add_index_sync:
 * @self: an #ArangoCollection
 * @definition: the index, as ArangoDB describes it, e.g.
 *   `{"type": "persistent", "fields": ["email"], "unique": true}`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_add_index_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the index description, with `id` and `isNewlyCreated`;
 *   %NULL with an error
 */
JsonObject *
arango_collection_add_index_sync (ArangoCollection    *self,
                                  JsonObject          *definition,
                                  GCancellable        *cancellable,
                                  GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_add_index_async (self, definition, cancellable, arango_sync_call_done, call);
  return arango_collection_add_index_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_delete_index_async:
 * @self: an #ArangoCollection
 * @index_id: the index id, "collection/123" or "123"
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Deletes an index (`DELETE /_api/index/{collection}/{id}`).
 */
void
arango_collection_delete_index_async (ArangoCollection    *self,
                                      const char          *index_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  const char *number;

  if (index_id == NULL || *index_id == '\0')
    {
      report (self, arango_collection_delete_index_async, callback, user_data,
              g_error_new_literal (ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                                   _("An index id is required")));
      return;
    }
  number = strrchr (index_id, '/');
  number = number ? number + 1 : index_id;
  arango_context_call (self->context, self,
                       arango_context_request (self->context, SOUP_METHOD_DELETE, "/_api/index",
                                      self->name, number, NULL),
                       arango_reply_true, NULL, arango_collection_delete_index_async,
                       cancellable, callback, user_data);
}

/**
 * arango_collection_delete_index_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_delete_index_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_collection_delete_index_finish (ArangoCollection  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return arango_call_finish_boolean (self, result, arango_collection_delete_index_async, error);
}

/**
 * arango_collection_delete_index_sync:
 * @self: an #ArangoCollection
 * @index_id: the index id, "collection/123" or "123"
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_delete_index_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_collection_delete_index_sync (ArangoCollection    *self,
                                     const char          *index_id,
                                     GCancellable        *cancellable,
                                     GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), FALSE);

  call = arango_sync_call_begin ();
  arango_collection_delete_index_async (self, index_id, cancellable, arango_sync_call_done, call);
  return arango_collection_delete_index_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_get_allow_dirty_read: (get-property allow-dirty-read)
 * @self: an #ArangoCollection
 *
 * Tells whether document reads through this handle allow dirty reads.
 *
 * Returns: %TRUE if they do
 */
gboolean
arango_collection_get_allow_dirty_read (ArangoCollection *self)
{
  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), FALSE);

  return self->allow_dirty_read;
}

/**
 * arango_collection_set_allow_dirty_read: (set-property allow-dirty-read)
 * @self: an #ArangoCollection
 * @allow: whether followers may answer document reads
 *
 * Lets the document reads of this handle (get, has, get_many) be answered
 * by followers, which may lag behind the leader.
 */
void
arango_collection_set_allow_dirty_read (ArangoCollection *self,
                                        gboolean          allow)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));

  allow = !!allow;
  if (self->allow_dirty_read == allow)
    return;
  self->allow_dirty_read = allow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_DIRTY_READ]);
}

/**
 * arango_collection_get_last_read_potentially_dirty: (get-property last-read-potentially-dirty)
 * @self: an #ArangoCollection
 *
 * Tells whether the last document read that finished may have returned
 * dirty data. Call it from that read's callback.
 *
 * Returns: %TRUE if the server said the reply may be dirty
 */
gboolean
arango_collection_get_last_read_potentially_dirty (ArangoCollection *self)
{
  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), FALSE);

  return self->last_read_potentially_dirty;
}
