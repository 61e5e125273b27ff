/* emulator-gharial-elements.c: vertices and edges of a graph,
 * /_api/gharial/{graph}/vertex|edge/{collection}[/{key}]
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/HttpGharial{Add,Get,Modify,Replace,Delete}Vertex and
 * {Add,Get,Patch,Put,Delete}Edge_single.json. The document sits under
 * "vertex" or "edge" (only _id, _key, _rev, _oldRev for writes), with
 * "new" and "old" beside it when asked for; an etag carries the revision.
 * Inserts answer 201 with waitForSync, else 202; changes and removals 200
 * or 202. As in the server, only inserts check that the collection
 * belongs to the graph; edges must join vertices of the graph's vertex
 * collections that exist, and removing a vertex removes its edges in
 * every edge collection that may hold some.
 */

#include <string.h>

#include "emulator-docops.h"
#include "emulator-documents.h"
#include "emulator-graphs.h"
#include "emulator-permissions.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-transactions.h"

typedef enum {
  KIND_VERTEX,
  KIND_EDGE,
} Kind;

typedef struct {
  EmuRequestScope  scope;
  EmuGraph        *graph;
  EmuCollection   *collection;
  Kind             kind;
  EmuDocOptions    options;
  gboolean         wait_for_sync;
} Call;

static const char *
kind_name (Kind kind)
{
  return kind == KIND_VERTEX ? "vertex" : "edge";
}

static void
call_clear (Call *call)
{
  g_clear_pointer (&call->graph, emu_graph_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Call, call_clear)

/* An insert only goes into a collection of the graph. */
static gboolean
check_insert_target (EmuRequest *req,
                     Call       *call,
                     const char *name)
{
  if (call->kind == KIND_EDGE)
    {
      if (emu_graph_find_edge_definition (call->graph, name) == NULL)
        {
          emu_graph_reply_error (req, EMU_ERROR_GRAPH_EDGE_COLLECTION_NOT_USED, NULL);
          return FALSE;
        }
      return TRUE;
    }

  if (!emu_graph_has_vertex_collection (call->graph, name))
    {
      emu_graph_reply_error (req, EMU_ERROR_GRAPH_REFERENCED_VERTEX_COLLECTION_NOT_USED, NULL);
      return FALSE;
    }
  if (emu_database_lookup_collection (call->scope.database, name) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s vertex collection does not exist or is not part of the graph",
                                                  name);

      emu_graph_reply_error (req, EMU_ERROR_GRAPH_VERTEX_COL_DOES_NOT_EXIST, message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
call_init (Call       *call,
           EmuRequest *req,
           Kind        kind,
           gboolean    is_insert,
           gboolean    writes)
{
  const char *name = emu_request_get_param (req, "collection");
  EmuDatabase *database;

  call->kind = kind;
  call->graph = emu_graph_from_request (req, &database);
  if (call->graph == NULL || !emu_request_scope_init (&call->scope, req))
    return FALSE;
  if (is_insert && !check_insert_target (req, call, name))
    return FALSE;

  call->collection = emu_database_lookup_collection (call->scope.database, name);
  if (call->collection == NULL)
    {
      emu_reply_arango_errorf (req->msg, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND,
                               "collection or view not found: %s", name);
      return FALSE;
    }
  if (writes && !emu_request_scope_can_write (&call->scope, req, call->collection))
    return FALSE;

  emu_doc_options_init (&call->options);
  call->options.return_new = emu_request_get_query_bool (req, "returnNew", FALSE);
  call->options.return_old = emu_request_get_query_bool (req, "returnOld", FALSE);
  call->options.keep_null = emu_request_get_query_bool (req, "keepNull", TRUE);
  call->wait_for_sync = emu_request_get_query_bool (req, "waitForSync", FALSE) ||
                        call->collection->wait_for_sync;
  return TRUE;
}

static void
set_etag (EmuRequest *req,
          const char *rev)
{
  g_autofree char *etag = g_strdup_printf ("\"%s\"", rev);

  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Etag", etag);
}

/* A failed write: a revision conflict is a 412 naming the stored
 * document, as the document API answers it. */
static gboolean
reply_failure (EmuRequest   *req,
               Call         *call,
               EmuDocResult *result)
{
  if (result->error_num == 0)
    return FALSE;
  if (result->error_num == EMU_ERROR_ARANGO_CONFLICT && result->current != NULL)
    emu_documents_reply_precondition_failed (req, call->collection, result->current,
                                             emu_doc_result_message (result));
  else
    emu_reply_arango_error (req->msg, result->error_num, emu_doc_result_message (result));
  return TRUE;
}

/* {error, code, vertex|edge: {_id, _key, _rev[, _oldRev]}, old?, new?} */
static void
reply_written (EmuRequest   *req,
               Call         *call,
               guint         status,
               EmuDocResult *result)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (status);
  JsonObject *written = json_node_get_object (result->result);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_builder_set_member_name (builder, kind_name (call->kind));
  json_builder_begin_object (builder);
  json_object_iter_init (&iter, written);
  while (json_object_iter_next (&iter, &name, &value))
    if (!g_str_equal (name, "old") && !g_str_equal (name, "new"))
      emu_json_add_node (builder, name, value);
  json_builder_end_object (builder);
  if (json_object_has_member (written, "old"))
    emu_json_add_node (builder, "old", json_object_get_member (written, "old"));
  if (json_object_has_member (written, "new"))
    emu_json_add_node (builder, "new", json_object_get_member (written, "new"));
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, status, builder);
  set_etag (req, result->rev);
}

static gboolean
split_handle (const char  *handle,
              char       **collection,
              const char **key)
{
  const char *slash = strchr (handle, '/');

  if (slash == NULL)
    return FALSE;
  *collection = g_strndup (handle, slash - handle);
  *key = slash + 1;
  return TRUE;
}

static gboolean
vertex_exists (Call       *call,
               const char *collection_name,
               const char *key)
{
  EmuCollection *collection = emu_database_lookup_collection (call->scope.database, collection_name);

  return collection != NULL && emu_view_lookup (&call->scope.view, collection, key) != NULL;
}

/* A collection that does not exist is the caller's 404. */
static gboolean
may_use (EmuRequest    *req,
         Call          *call,
         const char    *name,
         EmuAccessMode  mode)
{
  EmuCollection *collection = emu_database_lookup_collection (call->scope.database, name);

  return collection == NULL || emu_permissions_check_use (req, collection, mode);
}

/* _from and _to must name existing vertices of the graph's vertex
 * collections; an update may leave both out. */
static gboolean
validate_edge (EmuRequest *req,
               Call       *call,
               JsonNode   *body,
               gboolean    is_update)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  const char *from = object ? emu_json_get_string (object, "_from") : NULL;
  const char *to = object ? emu_json_get_string (object, "_to") : NULL;
  g_autofree char *from_collection = NULL;
  g_autofree char *to_collection = NULL;
  const char *from_key, *to_key;

  if (from == NULL || to == NULL)
    {
      if (is_update)
        return TRUE;
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_INVALID_EDGE_ATTRIBUTE, NULL);
      return FALSE;
    }
  if (!split_handle (from, &from_collection, &from_key) ||
      !split_handle (to, &to_collection, &to_key))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_INVALID_EDGE_ATTRIBUTE, NULL);
      return FALSE;
    }

  if (!emu_graph_uses_vertex_collection (call->graph, from_collection) ||
      !emu_graph_uses_vertex_collection (call->graph, to_collection))
    {
      gboolean bad_from = !emu_graph_uses_vertex_collection (call->graph, from_collection);
      g_autofree char *message = g_strdup_printf ("referenced %s collection '%s' is not part of the graph",
                                                  bad_from ? "_from" : "_to",
                                                  bad_from ? from_collection : to_collection);

      emu_graph_reply_error (req, EMU_ERROR_GRAPH_REFERENCED_VERTEX_COLLECTION_NOT_USED, message);
      return FALSE;
    }
  /* The edge's transaction reads the vertex collections. */
  if (!may_use (req, call, from_collection, EMU_ACCESS_READ) ||
      !may_use (req, call, to_collection, EMU_ACCESS_READ))
    return FALSE;
  if (!vertex_exists (call, from_collection, from_key) ||
      !vertex_exists (call, to_collection, to_key))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DOCUMENT_NOT_FOUND, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
handle_insert (EmuRequest *req,
               Kind        kind)
{
  g_auto(Call) call = { 0 };
  g_autoptr(JsonNode) body = NULL;
  EmuDocResult result = { 0 };

  if (!call_init (&call, req, kind, TRUE, TRUE) ||
      (body = emu_request_parse_body (req)) == NULL ||
      !emu_permissions_check_use (req, call.collection, EMU_ACCESS_WRITE))
    return;
  if (kind == KIND_EDGE && !validate_edge (req, &call, body, FALSE))
    return;

  emu_doc_insert (req->state, &call.scope.view, call.collection, body, &call.options, &result);
  if (!reply_failure (req, &call, &result))
    reply_written (req, &call, call.wait_for_sync ? SOUP_STATUS_CREATED : SOUP_STATUS_ACCEPTED,
                   &result);
  emu_doc_result_clear (&result);
}

/* If-None-Match equal gives 304, If-Match different 412. */
static void
handle_read (EmuRequest *req,
             Kind        kind)
{
  g_auto(Call) call = { 0 };
  g_autofree char *if_match = NULL;
  g_autofree char *if_none_match = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  EmuDocument *document;

  if (!call_init (&call, req, kind, FALSE, FALSE) ||
      !emu_permissions_check_use (req, call.collection, EMU_ACCESS_READ))
    return;

  document = emu_view_lookup (&call.scope.view, call.collection, emu_request_get_param (req, "key"));
  if (document == NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DOCUMENT_NOT_FOUND, NULL);
      return;
    }
  if_match = emu_documents_header_revision (req, "If-Match");
  if (if_match != NULL && !g_str_equal (if_match, emu_document_rev (document)))
    {
      emu_documents_reply_precondition_failed (req, call.collection, document,
                                               "conflict, _rev values do not match");
      return;
    }
  if_none_match = emu_documents_header_revision (req, "If-None-Match");
  if (if_none_match != NULL && g_str_equal (if_none_match, emu_document_rev (document)))
    {
      emu_reply_empty (req->msg, SOUP_STATUS_NOT_MODIFIED);
      set_etag (req, emu_document_rev (document));
      return;
    }

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_node (builder, kind_name (kind), document->body);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
  set_etag (req, emu_document_rev (document));
}

static void
handle_modify (EmuRequest *req,
               Kind        kind,
               gboolean    replace)
{
  g_auto(Call) call = { 0 };
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *if_match = NULL;
  EmuDocResult result = { 0 };

  if (!call_init (&call, req, kind, FALSE, TRUE) ||
      (body = emu_request_parse_body (req)) == NULL ||
      !emu_permissions_check_use (req, call.collection, EMU_ACCESS_WRITE))
    return;
  if (kind == KIND_EDGE && !validate_edge (req, &call, body, !replace))
    return;

  if_match = emu_documents_header_revision (req, "If-Match");
  emu_doc_modify (req->state, &call.scope.view, call.collection, emu_request_get_param (req, "key"),
                  body, replace, if_match, &call.options, &result);
  if (!reply_failure (req, &call, &result))
    reply_written (req, &call, call.wait_for_sync ? SOUP_STATUS_OK : SOUP_STATUS_ACCEPTED, &result);
  emu_doc_result_clear (&result);
}

static void
remove_edges_of (EmuRequest *req,
                 Call       *call,
                 const char *edge_collection,
                 const char *vertex_id)
{
  EmuCollection *collection = emu_database_lookup_collection (call->scope.database, edge_collection);
  g_autoptr(GPtrArray) documents = NULL;
  EmuDocOptions options;

  if (collection == NULL)
    return;
  emu_doc_options_init (&options);
  documents = emu_view_scan (&call->scope.view, collection);
  for (guint i = 0; i < documents->len; i++)
    {
      EmuDocument *edge = g_ptr_array_index (documents, i);
      JsonObject *object = emu_document_object (edge);
      EmuDocResult result = { 0 };

      if (g_strcmp0 (emu_json_get_string (object, "_from"), vertex_id) != 0 &&
          g_strcmp0 (emu_json_get_string (object, "_to"), vertex_id) != 0)
        continue;
      emu_doc_remove (req->state, &call->scope.view, collection, emu_document_key (edge),
                      NULL, NULL, &options, &result);
      emu_doc_result_clear (&result);
    }
}

/* The edge collections of this graph, and those of every graph whose
 * edge definitions name the collection of the removed document: the
 * removal's transaction writes them all. */
static GPtrArray *
edge_collections_touched (Call *call)
{
  GPtrArray *edge_collections = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) graphs = emu_graph_load_others (call->scope.database, NULL);

  for (guint i = 0; i < call->graph->edge_definitions->len; i++)
    emu_string_set_add (edge_collections,
                        ((EmuEdgeDefinition *) g_ptr_array_index (call->graph->edge_definitions, i))->collection);
  for (guint i = 0; i < graphs->len; i++)
    {
      EmuGraph *other = g_ptr_array_index (graphs, i);

      for (guint j = 0; j < other->edge_definitions->len; j++)
        {
          EmuEdgeDefinition *definition = g_ptr_array_index (other->edge_definitions, j);

          if (emu_string_set_contains (definition->from, call->collection->name) ||
              emu_string_set_contains (definition->to, call->collection->name))
            emu_string_set_add (edge_collections, definition->collection);
        }
    }
  return edge_collections;
}

static void
handle_remove (EmuRequest *req,
               Kind        kind)
{
  g_auto(Call) call = { 0 };
  g_autofree char *if_match = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) edge_collections = NULL;
  g_autofree char *id = NULL;
  const char *key = emu_request_get_param (req, "key");
  EmuDocResult result = { 0 };
  guint status;

  if (!call_init (&call, req, kind, FALSE, TRUE) ||
      !emu_permissions_check_use (req, call.collection, EMU_ACCESS_WRITE))
    return;
  edge_collections = edge_collections_touched (&call);
  for (guint i = 0; i < edge_collections->len; i++)
    if (!may_use (req, &call, g_ptr_array_index (edge_collections, i), EMU_ACCESS_WRITE))
      return;

  if_match = emu_documents_header_revision (req, "If-Match");
  emu_doc_remove (req->state, &call.scope.view, call.collection, key, NULL, if_match,
                  &call.options, &result);
  if (reply_failure (req, &call, &result))
    {
      emu_doc_result_clear (&result);
      return;
    }
  id = g_strdup_printf ("%s/%s", call.collection->name, key);
  for (guint i = 0; i < edge_collections->len; i++)
    remove_edges_of (req, &call, g_ptr_array_index (edge_collections, i), id);

  status = call.wait_for_sync ? SOUP_STATUS_OK : SOUP_STATUS_ACCEPTED;
  builder = emu_json_begin_ok (status);
  emu_json_add_boolean (builder, "removed", TRUE);
  if (json_object_has_member (json_node_get_object (result.result), "old"))
    emu_json_add_node (builder, "old", json_object_get_member (json_node_get_object (result.result), "old"));
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, status, builder);
  emu_doc_result_clear (&result);
}

static void handle_insert_vertex (EmuRequest *req) { handle_insert (req, KIND_VERTEX); }
static void handle_insert_edge (EmuRequest *req) { handle_insert (req, KIND_EDGE); }
static void handle_read_vertex (EmuRequest *req) { handle_read (req, KIND_VERTEX); }
static void handle_read_edge (EmuRequest *req) { handle_read (req, KIND_EDGE); }
static void handle_update_vertex (EmuRequest *req) { handle_modify (req, KIND_VERTEX, FALSE); }
static void handle_update_edge (EmuRequest *req) { handle_modify (req, KIND_EDGE, FALSE); }
static void handle_replace_vertex (EmuRequest *req) { handle_modify (req, KIND_VERTEX, TRUE); }
static void handle_replace_edge (EmuRequest *req) { handle_modify (req, KIND_EDGE, TRUE); }
static void handle_remove_vertex (EmuRequest *req) { handle_remove (req, KIND_VERTEX); }
static void handle_remove_edge (EmuRequest *req) { handle_remove (req, KIND_EDGE); }

static const EmuRoute element_routes[] = {
  { "POST", "/_api/gharial/{graph}/vertex/{collection}", handle_insert_vertex },
  { "GET", "/_api/gharial/{graph}/vertex/{collection}/{key}", handle_read_vertex },
  { "PATCH", "/_api/gharial/{graph}/vertex/{collection}/{key}", handle_update_vertex },
  { "PUT", "/_api/gharial/{graph}/vertex/{collection}/{key}", handle_replace_vertex },
  { "DELETE", "/_api/gharial/{graph}/vertex/{collection}/{key}", handle_remove_vertex },
  { "POST", "/_api/gharial/{graph}/edge/{collection}", handle_insert_edge },
  { "GET", "/_api/gharial/{graph}/edge/{collection}/{key}", handle_read_edge },
  { "PATCH", "/_api/gharial/{graph}/edge/{collection}/{key}", handle_update_edge },
  { "PUT", "/_api/gharial/{graph}/edge/{collection}/{key}", handle_replace_edge },
  { "DELETE", "/_api/gharial/{graph}/edge/{collection}/{key}", handle_remove_edge },
};

void
emu_gharial_elements_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, element_routes, G_N_ELEMENTS (element_routes));
}
