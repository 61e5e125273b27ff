/* arango-graph-elements.c: vertices and edges of a named graph
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Written through /_api/gharial/{graph}/vertex|edge/{collection}, so that
 * the server checks them against the graph's definition; listed per
 * vertex through /_api/edges.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-document-private.h"
#include "arango-error.h"
#include "arango-graph-private.h"
#include "arango-request-private.h"
#include "arango-sync-private.h"

#define ELEMENT_FLAGS (ARANGO_DOCUMENT_FLAGS_RETURN_NEW | ARANGO_DOCUMENT_FLAGS_RETURN_OLD | \
                       ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC | ARANGO_DOCUMENT_FLAGS_CHECK_REV | \
                       ARANGO_DOCUMENT_FLAGS_REMOVE_NULL)

static gboolean
check_element_flags (ArangoDocumentFlags   flags,
                     GError              **error)
{
  if ((flags & ~ELEMENT_FLAGS) == 0)
    return TRUE;
  g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                       _("Graph calls take only the flags RETURN_NEW, RETURN_OLD, WAIT_FOR_SYNC, CHECK_REV and REMOVE_NULL"));
  return FALSE;
}

static void
add_if_match (ArangoRequest *request,
              const char    *rev)
{
  g_autofree char *quoted = NULL;

  if (rev == NULL)
    return;
  quoted = g_strdup_printf ("\"%s\"", rev);
  arango_request_add_header (request, "If-Match", quoted);
}

static void
copy_members (JsonObject *to,
              JsonObject *from)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, from);
  while (json_object_iter_next (&iter, &name, &value))
    json_object_set_member (to, name, json_node_copy (value));
}

/* What a vertex or edge write answers: the "vertex" or "edge" member with
 * "new" and "old" beside it, merged into one object as the document
 * calls return it. */
static void
reply_element (GTask          *task,
               ArangoResponse *response,
               gconstpointer   member)
{
  JsonObject *body = response->body && JSON_NODE_HOLDS_OBJECT (response->body)
                       ? json_node_get_object (response->body) : NULL;
  JsonNode *element = body ? json_object_get_member (body, member) : NULL;
  static const char * const beside[] = { "new", "old" };
  JsonObject *result;

  if (element == NULL || !JSON_NODE_HOLDS_OBJECT (element))
    {
      arango_task_return_invalid_reply (task, response, member);
      return;
    }
  result = json_object_new ();
  copy_members (result, json_node_get_object (element));
  for (guint i = 0; i < G_N_ELEMENTS (beside); i++)
    {
      JsonNode *value = json_object_get_member (body, beside[i]);

      if (value != NULL)
        json_object_set_member (result, beside[i], json_node_copy (value));
    }
  g_task_return_pointer (task, result, (GDestroyNotify) json_object_unref);
}

/* Inserts, updates and replacements of one vertex or edge ("what"). */
static void
write_element (ArangoGraph         *self,
               const char          *what,
               const char          *method,
               const char          *collection,
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

  if (!arango_graph_check_collection_name (collection, &error) ||
      !arango_document_check_object (collection, document, !is_insert, &key, &rev, &error) ||
      !check_element_flags (flags, &error))
    {
      g_task_report_error (self, callback, user_data, source_tag, error);
      return;
    }

  request = arango_graph_request (self, method, what, collection, is_insert ? NULL : key);
  arango_document_add_options (request, flags & ~ARANGO_DOCUMENT_FLAGS_CHECK_REV);
  if (flags & ARANGO_DOCUMENT_FLAGS_CHECK_REV)
    add_if_match (request, rev);
  arango_request_take_json_body (request, json_node_copy (document));
  arango_graph_call (self, request, reply_element, what, source_tag, cancellable, callback, user_data);
}

/* Reads, existence checks and removals of one vertex or edge by key. */
static ArangoRequest *
keyed_element_request (ArangoGraph  *self,
                       const char   *what,
                       const char   *method,
                       const char   *collection,
                       const char   *key_or_id,
                       const char   *rev,
                       GError      **error)
{
  g_autofree char *key = NULL;
  ArangoRequest *request;

  if (!arango_graph_check_collection_name (collection, error) ||
      (key = arango_document_resolve_key (collection, key_or_id, error)) == NULL)
    return NULL;

  request = arango_graph_request (self, method, what, collection, key);
  add_if_match (request, rev);
  return request;
}

static void
read_element (ArangoGraph         *self,
              const char          *what,
              const char          *collection,
              const char          *key,
              const char          *rev,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GError *error = NULL;
  ArangoRequest *request = keyed_element_request (self, what, SOUP_METHOD_GET, collection, key, rev, &error);

  if (request == NULL)
    {
      g_task_report_error (self, callback, user_data, source_tag, error);
      return;
    }
  arango_graph_call (self, request, reply_element, what, source_tag, cancellable, callback, user_data);
}

static void
check_element (ArangoGraph         *self,
               const char          *what,
               const char          *collection,
               const char          *key,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GError *error = NULL;
  ArangoRequest *request = keyed_element_request (self, what, SOUP_METHOD_GET, collection, key, NULL, &error);

  if (request == NULL)
    {
      g_task_report_error (self, callback, user_data, source_tag, error);
      return;
    }
  arango_graph_call (self, request, arango_reply_exists, GINT_TO_POINTER (ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND),
                     source_tag, cancellable, callback, user_data);
}

static void
delete_element (ArangoGraph         *self,
                const char          *what,
                const char          *collection,
                const char          *key,
                const char          *rev,
                ArangoDocumentFlags  flags,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GError *error = NULL;
  ArangoRequest *request = NULL;

  if (check_element_flags (flags, &error))
    request = keyed_element_request (self, what, SOUP_METHOD_DELETE, collection, key, rev, &error);
  if (request == NULL)
    {
      g_task_report_error (self, callback, user_data, source_tag, error);
      return;
    }
  arango_document_add_options (request, flags & ~ARANGO_DOCUMENT_FLAGS_CHECK_REV);
  arango_graph_call (self, request, arango_reply_object, NULL, source_tag, cancellable, callback, user_data);
}

/**
 * arango_graph_insert_vertex_async:
 * @self: an #ArangoGraph
 * @collection: a vertex collection of the graph
 * @vertex: the vertex, a JSON object; `_key` is optional
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Inserts a vertex (`POST /_api/gharial/{graph}/vertex/{collection}`).
 */
void
arango_graph_insert_vertex_async (ArangoGraph         *self,
                                  const char          *collection,
                                  JsonNode            *vertex,
                                  ArangoDocumentFlags  flags,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  write_element (self, "vertex", SOUP_METHOD_POST, collection, vertex, flags,
                 arango_graph_insert_vertex_async, cancellable, callback, user_data);
}

/**
 * arango_graph_vertex_async:
 * @self: an #ArangoGraph
 * @collection: the vertex collection
 * @key: the vertex key or id
 * @rev: (nullable): the revision the stored vertex must have
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads a vertex (`GET /_api/gharial/{graph}/vertex/{collection}/{key}`).
 */
void
arango_graph_vertex_async (ArangoGraph         *self,
                           const char          *collection,
                           const char          *key,
                           const char          *rev,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  read_element (self, "vertex", collection, key, rev, arango_graph_vertex_async,
                cancellable, callback, user_data);
}

/**
 * arango_graph_has_vertex_async:
 * @self: an #ArangoGraph
 * @collection: the vertex collection
 * @key: the vertex key or id
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Checks whether a vertex exists
 * (`GET /_api/gharial/{graph}/vertex/{collection}/{key}`).
 */
void
arango_graph_has_vertex_async (ArangoGraph         *self,
                               const char          *collection,
                               const char          *key,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  check_element (self, "vertex", collection, key, arango_graph_has_vertex_async,
                 cancellable, callback, user_data);
}

/**
 * arango_graph_update_vertex_async:
 * @self: an #ArangoGraph
 * @collection: the vertex collection
 * @vertex: the attributes to change, a JSON object with `_key` or `_id`
 *   (and `_rev` for %ARANGO_DOCUMENT_FLAGS_CHECK_REV)
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Updates (merges into) a vertex
 * (`PATCH /_api/gharial/{graph}/vertex/{collection}/{key}`).
 */
void
arango_graph_update_vertex_async (ArangoGraph         *self,
                                  const char          *collection,
                                  JsonNode            *vertex,
                                  ArangoDocumentFlags  flags,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  write_element (self, "vertex", "PATCH", collection, vertex, flags,
                 arango_graph_update_vertex_async, cancellable, callback, user_data);
}

/**
 * arango_graph_replace_vertex_async:
 * @self: an #ArangoGraph
 * @collection: the vertex collection
 * @vertex: the new vertex, a JSON object with `_key` or `_id` (and `_rev`
 *   for %ARANGO_DOCUMENT_FLAGS_CHECK_REV)
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Replaces a vertex (`PUT /_api/gharial/{graph}/vertex/{collection}/{key}`).
 */
void
arango_graph_replace_vertex_async (ArangoGraph         *self,
                                   const char          *collection,
                                   JsonNode            *vertex,
                                   ArangoDocumentFlags  flags,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  write_element (self, "vertex", SOUP_METHOD_PUT, collection, vertex, flags,
                 arango_graph_replace_vertex_async, cancellable, callback, user_data);
}

/**
 * arango_graph_delete_vertex_async:
 * @self: an #ArangoGraph
 * @collection: the vertex collection
 * @key: the vertex key or id
 * @rev: (nullable): the revision the stored vertex must have
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Removes a vertex and the edges that start or end at it
 * (`DELETE /_api/gharial/{graph}/vertex/{collection}/{key}`).
 */
void
arango_graph_delete_vertex_async (ArangoGraph         *self,
                                  const char          *collection,
                                  const char          *key,
                                  const char          *rev,
                                  ArangoDocumentFlags  flags,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  delete_element (self, "vertex", collection, key, rev, flags, arango_graph_delete_vertex_async,
                  cancellable, callback, user_data);
}

/**
 * arango_graph_insert_edge_async:
 * @self: an #ArangoGraph
 * @collection: an edge collection of the graph
 * @edge: the edge, a JSON object with `_from` and `_to`; `_key` is
 *   optional
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Inserts an edge (`POST /_api/gharial/{graph}/edge/{collection}`); both
 * vertices must exist in vertex collections of the graph.
 */
void
arango_graph_insert_edge_async (ArangoGraph         *self,
                                const char          *collection,
                                JsonNode            *edge,
                                ArangoDocumentFlags  flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  write_element (self, "edge", SOUP_METHOD_POST, collection, edge, flags,
                 arango_graph_insert_edge_async, cancellable, callback, user_data);
}

/**
 * arango_graph_edge_async:
 * @self: an #ArangoGraph
 * @collection: the edge collection
 * @key: the edge key or id
 * @rev: (nullable): the revision the stored edge must have
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads an edge (`GET /_api/gharial/{graph}/edge/{collection}/{key}`).
 */
void
arango_graph_edge_async (ArangoGraph         *self,
                         const char          *collection,
                         const char          *key,
                         const char          *rev,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  read_element (self, "edge", collection, key, rev, arango_graph_edge_async,
                cancellable, callback, user_data);
}

/**
 * arango_graph_has_edge_async:
 * @self: an #ArangoGraph
 * @collection: the edge collection
 * @key: the edge key or id
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Checks whether an edge exists
 * (`GET /_api/gharial/{graph}/edge/{collection}/{key}`).
 */
void
arango_graph_has_edge_async (ArangoGraph         *self,
                             const char          *collection,
                             const char          *key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  check_element (self, "edge", collection, key, arango_graph_has_edge_async,
                 cancellable, callback, user_data);
}

/**
 * arango_graph_update_edge_async:
 * @self: an #ArangoGraph
 * @collection: the edge collection
 * @edge: the attributes to change, a JSON object with `_key` or `_id`
 *   (and `_rev` for %ARANGO_DOCUMENT_FLAGS_CHECK_REV)
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Updates (merges into) an edge
 * (`PATCH /_api/gharial/{graph}/edge/{collection}/{key}`); new `_from` or
 * `_to` values are checked as for an insert.
 */
void
arango_graph_update_edge_async (ArangoGraph         *self,
                                const char          *collection,
                                JsonNode            *edge,
                                ArangoDocumentFlags  flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  write_element (self, "edge", "PATCH", collection, edge, flags,
                 arango_graph_update_edge_async, cancellable, callback, user_data);
}

/**
 * arango_graph_replace_edge_async:
 * @self: an #ArangoGraph
 * @collection: the edge collection
 * @edge: the new edge, a JSON object with `_key` or `_id`, `_from` and
 *   `_to` (and `_rev` for %ARANGO_DOCUMENT_FLAGS_CHECK_REV)
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Replaces an edge (`PUT /_api/gharial/{graph}/edge/{collection}/{key}`).
 */
void
arango_graph_replace_edge_async (ArangoGraph         *self,
                                 const char          *collection,
                                 JsonNode            *edge,
                                 ArangoDocumentFlags  flags,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  write_element (self, "edge", SOUP_METHOD_PUT, collection, edge, flags,
                 arango_graph_replace_edge_async, cancellable, callback, user_data);
}

/**
 * arango_graph_delete_edge_async:
 * @self: an #ArangoGraph
 * @collection: the edge collection
 * @key: the edge key or id
 * @rev: (nullable): the revision the stored edge must have
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Removes an edge (`DELETE /_api/gharial/{graph}/edge/{collection}/{key}`).
 */
void
arango_graph_delete_edge_async (ArangoGraph         *self,
                                const char          *collection,
                                const char          *key,
                                const char          *rev,
                                ArangoDocumentFlags  flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  delete_element (self, "edge", collection, key, rev, flags, arango_graph_delete_edge_async,
                  cancellable, callback, user_data);
}

/**
 * arango_graph_link_async:
 * @self: an #ArangoGraph
 * @collection: an edge collection of the graph
 * @from_id: the id of the vertex the edge starts at
 * @to_id: the id of the vertex the edge ends at
 * @data: (nullable): further attributes of the edge
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Inserts an edge between two vertices, a shorthand for
 * arango_graph_insert_edge_async().
 */
void
arango_graph_link_async (ArangoGraph         *self,
                         const char          *collection,
                         const char          *from_id,
                         const char          *to_id,
                         JsonObject          *data,
                         ArangoDocumentFlags  flags,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(JsonNode) edge = NULL;
  JsonObject *object;

  g_return_if_fail (ARANGO_IS_GRAPH (self));

  if (from_id == NULL || strchr (from_id, '/') == NULL ||
      to_id == NULL || strchr (to_id, '/') == NULL)
    {
      g_task_report_new_error (self, callback, user_data, arango_graph_link_async, ARANGO_ERROR,
                               ARANGO_ERROR_INVALID_ARGUMENT,
                               _("An edge joins two vertex ids such as “people/alice”"));
      return;
    }

  object = json_object_new ();
  if (data != NULL)
    copy_members (object, data);
  json_object_set_string_member (object, "_from", from_id);
  json_object_set_string_member (object, "_to", to_id);
  edge = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  write_element (self, "edge", SOUP_METHOD_POST, collection, edge, flags,
                 arango_graph_link_async, cancellable, callback, user_data);
}

/**
 * arango_graph_edges_async:
 * @self: an #ArangoGraph
 * @edge_collection: the edge collection
 * @vertex_id: the id of the vertex
 * @direction: which edges of the vertex
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the edges of a vertex in one edge collection
 * (`GET /_api/edges/{collection}?vertex=…&direction=…`).
 */
void
arango_graph_edges_async (ArangoGraph         *self,
                          const char          *edge_collection,
                          const char          *vertex_id,
                          ArangoEdgeDirection  direction,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GError *error = NULL;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_GRAPH (self));

  if (!arango_graph_check_collection_name (edge_collection, &error))
    {
      g_task_report_error (self, callback, user_data, arango_graph_edges_async, error);
      return;
    }
  if (vertex_id == NULL || strchr (vertex_id, '/') == NULL ||
      (direction != ARANGO_EDGE_DIRECTION_ANY && direction != ARANGO_EDGE_DIRECTION_OUT &&
       direction != ARANGO_EDGE_DIRECTION_IN))
    {
      g_task_report_new_error (self, callback, user_data, arango_graph_edges_async, ARANGO_ERROR,
                               ARANGO_ERROR_INVALID_ARGUMENT,
                               _("Edges are listed for a vertex id such as “people/alice” in one direction"));
      return;
    }

  request = arango_context_request (arango_graph_get_context (self), SOUP_METHOD_GET, "/_api/edges", edge_collection, NULL);
  arango_request_add_query (request, "vertex", vertex_id);
  if (direction == ARANGO_EDGE_DIRECTION_OUT)
    arango_request_add_query (request, "direction", "out");
  else if (direction == ARANGO_EDGE_DIRECTION_IN)
    arango_request_add_query (request, "direction", "in");
  arango_graph_call (self, request, arango_reply_array_member, "edges", arango_graph_edges_async,
                     cancellable, callback, user_data);
}

/**
 * arango_graph_insert_vertex_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_insert_vertex_async().
 *
 * Returns: (transfer full): `_id`, `_key` and `_rev` of the new vertex, and
 *   `new` when asked for; %NULL with an error
 */
JsonObject *
arango_graph_insert_vertex_finish (ArangoGraph   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_insert_vertex_async, error);
}

/**
 * arango_graph_insert_vertex_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @vertex: the vertex, a JSON object
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_insert_vertex_async().
 *
 * Returns: (transfer full): `_id`, `_key` and `_rev` of the new vertex, and
 *   `new` when asked for; %NULL with an error
 */
JsonObject *
arango_graph_insert_vertex_sync (ArangoGraph          *self,
                                 const char           *collection,
                                 JsonNode             *vertex,
                                 ArangoDocumentFlags   flags,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_insert_vertex_async (self, collection, vertex, flags, cancellable, arango_sync_call_done, call);
  return arango_graph_insert_vertex_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_vertex_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_vertex_async().
 *
 * Returns: (transfer full): the vertex, or %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND or, when @rev is not the stored
 *   revision, %ARANGO_SERVER_ERROR_CONFLICT
 */
JsonObject *
arango_graph_vertex_finish (ArangoGraph   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_vertex_async, error);
}

/**
 * arango_graph_vertex_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @key: the key or id
 * @rev: (nullable): the revision the stored document must have
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_vertex_async().
 *
 * Returns: (transfer full): the vertex, or %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND or, when @rev is not the stored
 *   revision, %ARANGO_SERVER_ERROR_CONFLICT
 */
JsonObject *
arango_graph_vertex_sync (ArangoGraph   *self,
                          const char    *collection,
                          const char    *key,
                          const char    *rev,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_vertex_async (self, collection, key, rev, cancellable, arango_sync_call_done, call);
  return arango_graph_vertex_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_has_vertex_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_has_vertex_async().
 *
 * Returns: %TRUE if the vertex exists; %FALSE if not, or with an error
 */
gboolean
arango_graph_has_vertex_finish (ArangoGraph   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return arango_call_finish_boolean (self, result, arango_graph_has_vertex_async, error);
}

/**
 * arango_graph_has_vertex_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @key: the key or id
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_has_vertex_async().
 *
 * Returns: %TRUE if the vertex exists; %FALSE if not, or with an error
 */
gboolean
arango_graph_has_vertex_sync (ArangoGraph   *self,
                              const char    *collection,
                              const char    *key,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), FALSE);

  call = arango_sync_call_begin ();
  arango_graph_has_vertex_async (self, collection, key, cancellable, arango_sync_call_done, call);
  return arango_graph_has_vertex_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_update_vertex_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_update_vertex_async().
 *
 * Returns: (transfer full): `_id`, `_key`, `_rev` and `_oldRev`, and
 *   `new`/`old` when asked for; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_CONFLICT
 */
JsonObject *
arango_graph_update_vertex_finish (ArangoGraph   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_update_vertex_async, error);
}

/**
 * arango_graph_update_vertex_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @vertex: the vertex, a JSON object
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_update_vertex_async().
 *
 * Returns: (transfer full): `_id`, `_key`, `_rev` and `_oldRev`, and
 *   `new`/`old` when asked for; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_CONFLICT
 */
JsonObject *
arango_graph_update_vertex_sync (ArangoGraph          *self,
                                 const char           *collection,
                                 JsonNode             *vertex,
                                 ArangoDocumentFlags   flags,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_update_vertex_async (self, collection, vertex, flags, cancellable, arango_sync_call_done, call);
  return arango_graph_update_vertex_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_replace_vertex_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_replace_vertex_async().
 *
 * Returns: (transfer full): `_id`, `_key`, `_rev` and `_oldRev`, and
 *   `new`/`old` when asked for; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_CONFLICT
 */
JsonObject *
arango_graph_replace_vertex_finish (ArangoGraph   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_replace_vertex_async, error);
}

/**
 * arango_graph_replace_vertex_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @vertex: the vertex, a JSON object
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_replace_vertex_async().
 *
 * Returns: (transfer full): `_id`, `_key`, `_rev` and `_oldRev`, and
 *   `new`/`old` when asked for; %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_CONFLICT
 */
JsonObject *
arango_graph_replace_vertex_sync (ArangoGraph          *self,
                                  const char           *collection,
                                  JsonNode             *vertex,
                                  ArangoDocumentFlags   flags,
                                  GCancellable         *cancellable,
                                  GError              **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_replace_vertex_async (self, collection, vertex, flags, cancellable, arango_sync_call_done, call);
  return arango_graph_replace_vertex_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_delete_vertex_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_delete_vertex_async().
 *
 * Returns: (transfer full): `removed` (%TRUE) and `old` when asked for;
 *   %NULL with an error such as %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND
 */
JsonObject *
arango_graph_delete_vertex_finish (ArangoGraph   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_delete_vertex_async, error);
}

/**
 * arango_graph_delete_vertex_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @key: the key or id
 * @rev: (nullable): the revision the stored document must have
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_delete_vertex_async().
 *
 * Returns: (transfer full): `removed` (%TRUE) and `old` when asked for;
 *   %NULL with an error such as %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND
 */
JsonObject *
arango_graph_delete_vertex_sync (ArangoGraph          *self,
                                 const char           *collection,
                                 const char           *key,
                                 const char           *rev,
                                 ArangoDocumentFlags   flags,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_delete_vertex_async (self, collection, key, rev, flags, cancellable, arango_sync_call_done, call);
  return arango_graph_delete_vertex_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_insert_edge_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_insert_edge_async().
 *
 * Returns: (transfer full): `_id`, `_key` and `_rev` of the new edge, and
 *   `new` when asked for; %NULL with an error such as 1947 (a vertex
 *   collection the graph does not have) or
 *   %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND (a vertex that does not exist)
 */
JsonObject *
arango_graph_insert_edge_finish (ArangoGraph   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_insert_edge_async, error);
}

/**
 * arango_graph_insert_edge_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @edge: the edge, a JSON object
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_insert_edge_async().
 *
 * Returns: (transfer full): `_id`, `_key` and `_rev` of the new edge, and
 *   `new` when asked for; %NULL with an error such as 1947 (a vertex
 *   collection the graph does not have) or
 *   %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND (a vertex that does not exist)
 */
JsonObject *
arango_graph_insert_edge_sync (ArangoGraph          *self,
                               const char           *collection,
                               JsonNode             *edge,
                               ArangoDocumentFlags   flags,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_insert_edge_async (self, collection, edge, flags, cancellable, arango_sync_call_done, call);
  return arango_graph_insert_edge_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_edge_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_edge_async().
 *
 * Returns: (transfer full): the edge, or %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND or
 *   %ARANGO_SERVER_ERROR_CONFLICT
 */
JsonObject *
arango_graph_edge_finish (ArangoGraph   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_edge_async, error);
}

/**
 * arango_graph_edge_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @key: the key or id
 * @rev: (nullable): the revision the stored document must have
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_edge_async().
 *
 * Returns: (transfer full): the edge, or %NULL with an error such as
 *   %ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND or
 *   %ARANGO_SERVER_ERROR_CONFLICT
 */
JsonObject *
arango_graph_edge_sync (ArangoGraph   *self,
                        const char    *collection,
                        const char    *key,
                        const char    *rev,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_edge_async (self, collection, key, rev, cancellable, arango_sync_call_done, call);
  return arango_graph_edge_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_has_edge_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_has_edge_async().
 *
 * Returns: %TRUE if the edge exists; %FALSE if not, or with an error
 */
gboolean
arango_graph_has_edge_finish (ArangoGraph   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return arango_call_finish_boolean (self, result, arango_graph_has_edge_async, error);
}

/**
 * arango_graph_has_edge_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @key: the key or id
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_has_edge_async().
 *
 * Returns: %TRUE if the edge exists; %FALSE if not, or with an error
 */
gboolean
arango_graph_has_edge_sync (ArangoGraph   *self,
                            const char    *collection,
                            const char    *key,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), FALSE);

  call = arango_sync_call_begin ();
  arango_graph_has_edge_async (self, collection, key, cancellable, arango_sync_call_done, call);
  return arango_graph_has_edge_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_update_edge_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_update_edge_async().
 *
 * Returns: (transfer full): `_id`, `_key`, `_rev` and `_oldRev`, and
 *   `new`/`old` when asked for; %NULL with an error
 */
JsonObject *
arango_graph_update_edge_finish (ArangoGraph   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_update_edge_async, error);
}

/**
 * arango_graph_update_edge_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @edge: the edge, a JSON object
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_update_edge_async().
 *
 * Returns: (transfer full): `_id`, `_key`, `_rev` and `_oldRev`, and
 *   `new`/`old` when asked for; %NULL with an error
 */
JsonObject *
arango_graph_update_edge_sync (ArangoGraph          *self,
                               const char           *collection,
                               JsonNode             *edge,
                               ArangoDocumentFlags   flags,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_update_edge_async (self, collection, edge, flags, cancellable, arango_sync_call_done, call);
  return arango_graph_update_edge_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_replace_edge_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_replace_edge_async().
 *
 * Returns: (transfer full): `_id`, `_key`, `_rev` and `_oldRev`, and
 *   `new`/`old` when asked for; %NULL with an error
 */
JsonObject *
arango_graph_replace_edge_finish (ArangoGraph   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_replace_edge_async, error);
}

/**
 * arango_graph_replace_edge_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @edge: the edge, a JSON object
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_replace_edge_async().
 *
 * Returns: (transfer full): `_id`, `_key`, `_rev` and `_oldRev`, and
 *   `new`/`old` when asked for; %NULL with an error
 */
JsonObject *
arango_graph_replace_edge_sync (ArangoGraph          *self,
                                const char           *collection,
                                JsonNode             *edge,
                                ArangoDocumentFlags   flags,
                                GCancellable         *cancellable,
                                GError              **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_replace_edge_async (self, collection, edge, flags, cancellable, arango_sync_call_done, call);
  return arango_graph_replace_edge_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_delete_edge_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_delete_edge_async().
 *
 * Returns: (transfer full): `removed` (%TRUE) and `old` when asked for;
 *   %NULL with an error
 */
JsonObject *
arango_graph_delete_edge_finish (ArangoGraph   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_delete_edge_async, error);
}

/**
 * arango_graph_delete_edge_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @key: the key or id
 * @rev: (nullable): the revision the stored document must have
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_delete_edge_async().
 *
 * Returns: (transfer full): `removed` (%TRUE) and `old` when asked for;
 *   %NULL with an error
 */
JsonObject *
arango_graph_delete_edge_sync (ArangoGraph          *self,
                               const char           *collection,
                               const char           *key,
                               const char           *rev,
                               ArangoDocumentFlags   flags,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_delete_edge_async (self, collection, key, rev, flags, cancellable, arango_sync_call_done, call);
  return arango_graph_delete_edge_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_link_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_link_async().
 *
 * Returns: (transfer full): `_id`, `_key` and `_rev` of the new edge, and
 *   `new` when asked for; %NULL with an error
 */
JsonObject *
arango_graph_link_finish (ArangoGraph   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_link_async, error);
}

/**
 * arango_graph_link_sync:
 * @self: an #ArangoGraph
 * @collection: the collection
 * @from_id: the id of the vertex the edge starts at
 * @to_id: the id of the vertex the edge ends at
 * @data: (nullable): further attributes of the edge
 * @flags: options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_link_async().
 *
 * Returns: (transfer full): `_id`, `_key` and `_rev` of the new edge, and
 *   `new` when asked for; %NULL with an error
 */
JsonObject *
arango_graph_link_sync (ArangoGraph          *self,
                        const char           *collection,
                        const char           *from_id,
                        const char           *to_id,
                        JsonObject           *data,
                        ArangoDocumentFlags   flags,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_link_async (self, collection, from_id, to_id, data, flags, cancellable, arango_sync_call_done, call);
  return arango_graph_link_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_edges_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_edges_async().
 *
 * Returns: (transfer full): the edges, each a JSON
 *   object; %NULL with an error
 */
JsonArray *
arango_graph_edges_finish (ArangoGraph   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_edges_async, error);
}

/**
 * arango_graph_edges_sync:
 * @self: an #ArangoGraph
 * @edge_collection: the edge collection of the definition
 * @vertex_id: the id of the vertex
 * @direction: which edges of the vertex
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_edges_async().
 *
 * Returns: (transfer full): the edges, each a JSON
 *   object; %NULL with an error
 */
JsonArray *
arango_graph_edges_sync (ArangoGraph          *self,
                         const char           *edge_collection,
                         const char           *vertex_id,
                         ArangoEdgeDirection   direction,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_edges_async (self, edge_collection, vertex_id, direction, cancellable, arango_sync_call_done, call);
  return arango_graph_edges_finish (self, arango_sync_call_wait (call), error);
}
