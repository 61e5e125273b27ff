/* emulator-documents.c: the /_api/document endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/RestDocumentHandler*_single.json. Writes answer 201 when
 * the collection or the request wants waitForSync, else 202; removals 200
 * or 202. Single-document answers carry etag (and location on writes);
 * a revision conflict is 412 with _id, _key, _rev of the stored document.
 * Array operations report per-document errors in place, counted in
 * x-arango-error-codes.
 */

#include <string.h>

#include "emulator-docops.h"
#include "emulator-documents.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-transactions.h"
#include "emulator-value.h"

typedef enum {
  OP_INSERT,
  OP_UPDATE,
  OP_REPLACE,
  OP_REMOVE,
  OP_READ,
} Operation;

typedef struct {
  EmuRequestScope  scope;
  EmuCollection   *collection;
  EmuDocOptions    options;
  gboolean         wait_for_sync;
  gboolean         silent;
} Call;

/* The revision of an If-Match or If-None-Match header, without the
 * quotes and blanks the server strips; NULL if absent. */
static char *
header_revision (EmuRequest *req,
                 const char *name)
{
  const char *value = emu_request_get_header (req, name);
  g_autofree char *text = NULL;
  gsize length;

  if (value == NULL)
    return NULL;

  text = g_strstrip (g_strdup (value));
  length = strlen (text);
  if (length > 0 && (text[length - 1] == '"' || text[length - 1] == '\''))
    text[--length] = '\0';
  if (length > 0 && (text[0] == '"' || text[0] == '\''))
    return g_strdup (text + 1);
  return g_steal_pointer (&text);
}

static gboolean
call_init (Call       *call,
           EmuRequest *req,
           Operation   operation)
{
  const char *name = emu_request_get_param (req, "collection");
  const char *mode = emu_request_get_query (req, "overwriteMode");

  if (!emu_request_scope_init (&call->scope, req))
    return FALSE;

  call->collection = emu_database_find_collection (call->scope.database, name);
  if (call->collection == NULL)
    {
      emu_reply_arango_errorf (req->msg, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND,
                               "collection or view not found: %s", name);
      return FALSE;
    }
  if (operation == OP_READ ? !emu_request_scope_can_read (&call->scope, req, call->collection)
                           : !emu_request_scope_can_write (&call->scope, req, call->collection))
    return FALSE;

  emu_doc_options_init (&call->options);
  call->options.return_new = emu_request_get_query_bool (req, "returnNew", FALSE);
  call->options.return_old = emu_request_get_query_bool (req, "returnOld", FALSE);
  call->options.keep_null = emu_request_get_query_bool (req, "keepNull", TRUE);
  call->options.merge_objects = emu_request_get_query_bool (req, "mergeObjects", TRUE);
  call->options.ignore_revs = emu_request_get_query_bool (req, "ignoreRevs", TRUE);
  call->silent = emu_request_get_query_bool (req, "silent", FALSE);
  call->wait_for_sync = emu_request_get_query_bool (req, "waitForSync", FALSE) ||
                        call->collection->wait_for_sync;

  if (mode != NULL && g_str_equal (mode, "ignore"))
    call->options.overwrite_mode = EMU_OVERWRITE_IGNORE;
  else if (mode != NULL && g_str_equal (mode, "replace"))
    call->options.overwrite_mode = EMU_OVERWRITE_REPLACE;
  else if (mode != NULL && g_str_equal (mode, "update"))
    call->options.overwrite_mode = EMU_OVERWRITE_UPDATE;
  else if (mode != NULL && g_str_equal (mode, "conflict"))
    call->options.overwrite_mode = EMU_OVERWRITE_CONFLICT;
  else if (emu_request_get_query_bool (req, "overwrite", FALSE))
    call->options.overwrite_mode = EMU_OVERWRITE_REPLACE;

  return TRUE;
}

static guint
success_status (Call      *call,
                Operation  operation)
{
  if (operation == OP_READ)
    return SOUP_STATUS_OK;
  if (operation == OP_REMOVE)
    return call->wait_for_sync ? SOUP_STATUS_OK : SOUP_STATUS_ACCEPTED;
  return call->wait_for_sync ? SOUP_STATUS_CREATED : SOUP_STATUS_ACCEPTED;
}

static void
set_etag (EmuRequest *req,
          const char *rev)
{
  g_autofree char *etag = g_strdup_printf ("\"%s\"", rev);

  emu_reply_set_header (req->msg, "Etag", etag);
}

/* 412 with the stored document's identity, in the key order of
 * 3.12/RestDocumentHandlerUpdateDocumentIfMatchOther_single.json. */
static void
reply_precondition_failed (EmuRequest    *req,
                           EmuCollection *collection,
                           EmuDocument   *current,
                           const char    *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = g_strdup_printf ("%s/%s", collection->name, emu_document_key (current));

  json_builder_begin_object (builder);
  emu_json_add_boolean (builder, "error", TRUE);
  emu_json_add_int (builder, "code", SOUP_STATUS_PRECONDITION_FAILED);
  emu_json_add_int (builder, "errorNum", EMU_ERROR_ARANGO_CONFLICT);
  emu_json_add_string (builder, "errorMessage", message);
  emu_json_add_string (builder, "_id", id);
  emu_json_add_string (builder, "_key", emu_document_key (current));
  emu_json_add_string (builder, "_rev", emu_document_rev (current));
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_PRECONDITION_FAILED, builder);
  set_etag (req, emu_document_rev (current));
}

static void
reply_single (EmuRequest   *req,
              Call         *call,
              Operation     operation,
              EmuDocResult *result)
{
  g_autofree char *database = NULL;
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *location = NULL;

  if (result->error_num == EMU_ERROR_ARANGO_CONFLICT && result->current != NULL)
    {
      reply_precondition_failed (req, call->collection, result->current,
                                 emu_doc_result_message (result));
      return;
    }
  if (result->error_num != 0)
    {
      emu_reply_arango_error (req->msg, result->error_num, emu_doc_result_message (result));
      return;
    }

  if (call->silent)
    {
      g_autoptr(JsonNode) empty = emu_value_take_object (json_object_new ());

      emu_reply_json (req->msg, success_status (call, operation), empty);
      return;
    }

  emu_reply_json (req->msg, success_status (call, operation), result->result);
  set_etag (req, result->rev);
  database = g_uri_escape_string (req->database, NULL, FALSE);
  name = g_uri_escape_string (call->collection->name, NULL, FALSE);
  key = g_uri_escape_string (result->key, NULL, FALSE);
  location = g_strdup_printf ("/_db/%s/_api/document/%s/%s", database, name, key);
  emu_reply_set_header (req->msg, "Location", location);
}

static void
run_one (EmuRequest   *req,
         Call         *call,
         Operation     operation,
         const char   *key,
         JsonNode     *input,
         const char   *if_match,
         EmuDocResult *result)
{
  EmuState *state = req->state;

  switch (operation)
    {
    case OP_INSERT:
      emu_doc_insert (state, &call->scope.view, call->collection, input, &call->options, result);
      break;
    case OP_UPDATE:
    case OP_REPLACE:
      emu_doc_modify (state, &call->scope.view, call->collection, key, input,
                      operation == OP_REPLACE, if_match, &call->options, result);
      break;
    case OP_REMOVE:
      emu_doc_remove (state, &call->scope.view, call->collection, key, input, if_match,
                      &call->options, result);
      break;
    case OP_READ:
    default:
      g_assert_not_reached ();
    }
}

static void
handle_single (EmuRequest *req,
               Operation   operation)
{
  Call call;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *if_match = NULL;
  EmuDocResult result = { 0 };

  if (!call_init (&call, req, operation))
    return;
  if (operation != OP_REMOVE && (body = emu_request_parse_body (req)) == NULL)
    return;

  if_match = header_revision (req, "If-Match");
  run_one (req, &call, operation, emu_request_get_param (req, "key"), body, if_match, &result);
  reply_single (req, &call, operation, &result);
  emu_doc_result_clear (&result);
}

static void
add_error_object (JsonBuilder *builder,
                  int          error_num,
                  const char  *message,
                  GHashTable  *counts,
                  GPtrArray   *order)
{
  gpointer key = GINT_TO_POINTER (error_num);

  json_builder_begin_object (builder);
  emu_json_add_boolean (builder, "error", TRUE);
  emu_json_add_int (builder, "errorNum", error_num);
  emu_json_add_string (builder, "errorMessage", message);
  json_builder_end_object (builder);

  if (!g_hash_table_contains (counts, key))
    g_ptr_array_add (order, key);
  g_hash_table_insert (counts, key,
                       GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, key)) + 1));
}

/* x-arango-error-codes: {"<errorNum>":<count>, …} */
static void
set_error_codes (EmuRequest *req,
                 GHashTable *counts,
                 GPtrArray  *order)
{
  g_autoptr(GString) text = g_string_new ("{");
  guint i;

  if (order->len == 0)
    return;

  for (i = 0; i < order->len; i++)
    {
      gpointer key = g_ptr_array_index (order, i);

      g_string_append_printf (text, "%s\"%d\":%d", i > 0 ? "," : "",
                              GPOINTER_TO_INT (key),
                              GPOINTER_TO_INT (g_hash_table_lookup (counts, key)));
    }
  g_string_append_c (text, '}');
  emu_reply_set_header (req->msg, "X-Arango-Error-Codes", text->str);
}

static void
read_one (Call         *call,
          JsonNode     *input,
          EmuDocument **document,
          int          *error_num)
{
  g_autofree char *key = emu_doc_input_key (call->collection, input, error_num);
  EmuDocument *current;
  const char *expected;

  *document = NULL;
  if (key == NULL)
    return;

  current = emu_view_lookup (&call->scope.view, call->collection, key);
  if (current == NULL)
    {
      *error_num = EMU_ERROR_ARANGO_DOCUMENT_NOT_FOUND;
      return;
    }

  expected = !call->options.ignore_revs && JSON_NODE_HOLDS_OBJECT (input)
    ? emu_json_get_string (json_node_get_object (input), "_rev")
    : NULL;
  if (expected != NULL && !g_str_equal (expected, emu_document_rev (current)))
    {
      *error_num = EMU_ERROR_ARANGO_CONFLICT;
      return;
    }

  *document = current;
}

static void
handle_many (EmuRequest *req,
             Call       *call,
             Operation   operation,
             JsonArray  *inputs)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  gboolean wrote = FALSE;
  guint i;

  json_builder_begin_array (builder);
  for (i = 0; i < json_array_get_length (inputs); i++)
    {
      JsonNode *input = json_array_get_element (inputs, i);
      EmuDocResult result = { 0 };

      if (operation == OP_READ)
        {
          EmuDocument *document;
          int error_num = 0;

          read_one (call, input, &document, &error_num);
          if (document != NULL)
            json_builder_add_value (builder, json_node_copy (document->body));
          else
            add_error_object (builder, error_num, error_num == EMU_ERROR_ARANGO_CONFLICT
                                                    ? "conflict, _rev values do not match"
                                                    : emu_error_message (error_num),
                              counts, order);
          continue;
        }

      run_one (req, call, operation, NULL, input, NULL, &result);
      if (result.error_num != 0)
        add_error_object (builder, result.error_num, emu_doc_result_message (&result),
                          counts, order);
      else if (!call->silent)
        json_builder_add_value (builder, json_node_copy (result.result));
      wrote = wrote || result.written;
      emu_doc_result_clear (&result);
    }
  json_builder_end_array (builder);

  /* The collection's waitForSync only applies to a write that happened:
   * when every item failed, nothing was synced and the answer is 202
   * (3.12/RestDocumentHandlerDeleteDocumentRevConflictMulti_single.json). */
  if (!wrote)
    call->wait_for_sync = emu_request_get_query_bool (req, "waitForSync", FALSE);

  /* silent: {} when everything worked, else only the errors. */
  if (call->silent && order->len == 0)
    {
      g_autoptr(JsonNode) empty = emu_value_take_object (json_object_new ());

      emu_reply_json (req->msg, success_status (call, operation), empty);
      return;
    }

  emu_reply_builder (req->msg, success_status (call, operation), builder);
  set_error_codes (req, counts, order);
}

/* The collection-level routes take one document or an array of them. */
static void
handle_collection (EmuRequest *req,
                   Operation   operation)
{
  Call call;
  g_autoptr(JsonNode) body = NULL;

  if (!call_init (&call, req, operation) || (body = emu_request_parse_body (req)) == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (body))
    {
      handle_many (req, &call, operation, json_node_get_array (body));
    }
  else if (operation == OP_INSERT)
    {
      EmuDocResult result = { 0 };

      run_one (req, &call, operation, NULL, body, NULL, &result);
      reply_single (req, &call, operation, &result);
      emu_doc_result_clear (&result);
    }
  else
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DOCUMENT_TYPE_INVALID, NULL);
    }
}

static void
handle_insert (EmuRequest *req)
{
  handle_collection (req, OP_INSERT);
}

static void
handle_replace_many (EmuRequest *req)
{
  handle_collection (req, emu_request_get_query_bool (req, "onlyget", FALSE) ? OP_READ
                                                                            : OP_REPLACE);
}

static void
handle_update_many (EmuRequest *req)
{
  handle_collection (req, OP_UPDATE);
}

static void
handle_remove_many (EmuRequest *req)
{
  handle_collection (req, OP_REMOVE);
}

/* GET and HEAD: If-None-Match equal gives 304, If-Match different 412. */
static void
handle_read (EmuRequest *req)
{
  Call call;
  g_autofree char *if_match = NULL;
  g_autofree char *if_none_match = NULL;
  EmuDocument *document;

  if (!call_init (&call, req, OP_READ))
    return;

  document = emu_view_lookup (&call.scope.view, call.collection, emu_request_get_param (req, "key"));
  if (document == NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DOCUMENT_NOT_FOUND, NULL);
      return;
    }

  if_none_match = header_revision (req, "If-None-Match");
  if (if_none_match != NULL && g_str_equal (if_none_match, emu_document_rev (document)))
    {
      emu_reply_empty (req->msg, SOUP_STATUS_NOT_MODIFIED);
      set_etag (req, emu_document_rev (document));
      return;
    }

  if_match = header_revision (req, "If-Match");
  if (if_match != NULL && !g_str_equal (if_match, emu_document_rev (document)))
    {
      reply_precondition_failed (req, call.collection, document,
                                 "conflict, _rev values do not match");
      return;
    }

  emu_reply_json (req->msg, SOUP_STATUS_OK, document->body);
  set_etag (req, emu_document_rev (document));
}

static void
handle_update (EmuRequest *req)
{
  handle_single (req, OP_UPDATE);
}

static void
handle_replace (EmuRequest *req)
{
  handle_single (req, OP_REPLACE);
}

static void
handle_remove (EmuRequest *req)
{
  handle_single (req, OP_REMOVE);
}

static const EmuRoute document_routes[] = {
  { "POST", "/_api/document/{collection}", handle_insert },
  { "PUT", "/_api/document/{collection}", handle_replace_many },
  { "PATCH", "/_api/document/{collection}", handle_update_many },
  { "DELETE", "/_api/document/{collection}", handle_remove_many },
  { "GET", "/_api/document/{collection}/{key}", handle_read },
  { "PUT", "/_api/document/{collection}/{key}", handle_replace },
  { "PATCH", "/_api/document/{collection}/{key}", handle_update },
  { "DELETE", "/_api/document/{collection}/{key}", handle_remove },
};

void
emu_documents_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, document_routes, G_N_ELEMENTS (document_routes));
}

/* For the other families that read and write single documents (gharial). */
char *
emu_documents_header_revision (EmuRequest *req,
                               const char *name)
{
  return header_revision (req, name);
}

void
emu_documents_reply_precondition_failed (EmuRequest    *req,
                                         EmuCollection *collection,
                                         EmuDocument   *current,
                                         const char    *message)
{
  reply_precondition_failed (req, collection, current, message);
}
