/* arango-database-graphs.c: the named graphs of a database
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-graphs.h"
#include "arango-database-private.h"
#include "arango-error.h"
#include "arango-graph-private.h"
#include "arango-request-private.h"
#include "arango-sync-private.h"

static void
call (ArangoDatabase      *self,
      ArangoRequest       *request,
      ArangoReplyFunc      reply_func,
      gconstpointer        reply_data,
      gpointer             source_tag,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  arango_context_call (arango_database_get_context (self), self, request, reply_func, reply_data,
                       source_tag, cancellable, callback, user_data);
}

static ArangoRequest *
gharial_request (ArangoDatabase *self,
                 const char     *method,
                 const char     *name)
{
  return arango_context_request (arango_database_get_context (self), method, "/_api/gharial",
                                 name, NULL);
}

static gboolean
check_graph_name (ArangoDatabase      *self,
                  const char          *name,
                  gpointer             source_tag,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  if (name != NULL && *name != '\0')
    return TRUE;
  g_task_report_new_error (self, callback, user_data, source_tag, ARANGO_ERROR,
                           ARANGO_ERROR_INVALID_ARGUMENT, _("A graph name is required"));
  return FALSE;
}

/**
 * arango_database_get_graph:
 * @self: an #ArangoDatabase
 * @name: a graph name
 *
 * Gets a handle on a named graph of this database. Nothing is sent: a
 * graph that does not exist shows on the first call, as
 * %ARANGO_SERVER_ERROR_GRAPH_NOT_FOUND.
 *
 * Returns: (transfer full): the #ArangoGraph
 */
ArangoGraph *
arango_database_get_graph (ArangoDatabase *self,
                           const char     *name)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return arango_graph_new (self, name);
}

/**
 * arango_database_has_graph_async:
 * @self: an #ArangoDatabase
 * @name: the graph name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Checks whether a named graph exists (`GET /_api/gharial/{graph}`).
 */
void
arango_database_has_graph_async (ArangoDatabase      *self,
                                 const char          *name,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!check_graph_name (self, name, arango_database_has_graph_async, callback, user_data))
    return;
  call (self, gharial_request (self, SOUP_METHOD_GET, name), arango_reply_exists,
        GINT_TO_POINTER (ARANGO_SERVER_ERROR_GRAPH_NOT_FOUND), arango_database_has_graph_async,
        cancellable, callback, user_data);
}

/**
 * arango_database_list_graphs_async:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the named graphs of the database (`GET /_api/gharial`), as
 * python-arango's `graphs()`.
 */
void
arango_database_list_graphs_async (ArangoDatabase      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_DATABASE (self));

  call (self, gharial_request (self, SOUP_METHOD_GET, NULL), arango_reply_array_member, "graphs",
        arango_database_list_graphs_async, cancellable, callback, user_data);
}

/* The handle on the graph the reply describes. */
static void
reply_graph (GTask          *task,
             ArangoResponse *response,
             gconstpointer   unused)
{
  JsonObject *body = response->body && JSON_NODE_HOLDS_OBJECT (response->body)
                       ? json_node_get_object (response->body) : NULL;
  JsonNode *graph = body ? json_object_get_member (body, "graph") : NULL;
  const char *name = graph && JSON_NODE_HOLDS_OBJECT (graph)
                       ? json_object_get_string_member_with_default (json_node_get_object (graph), "name", NULL)
                       : NULL;

  if (name == NULL)
    {
      arango_task_return_invalid_reply (task, response, "graph.name");
      return;
    }
  g_task_return_pointer (task, arango_graph_new (g_task_get_source_object (task), name),
                         g_object_unref);
}

static gboolean
check_edge_definitions (JsonArray  *edge_definitions,
                        GError    **error)
{
  for (guint i = 0; edge_definitions != NULL && i < json_array_get_length (edge_definitions); i++)
    {
      JsonNode *element = json_array_get_element (edge_definitions, i);

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          json_object_get_string_member_with_default (json_node_get_object (element),
                                                      "collection", NULL) == NULL)
        {
          g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                       _("Edge definition %u is not an object naming its “collection”"), i);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * arango_database_create_graph_async:
 * @self: an #ArangoDatabase
 * @name: the graph name
 * @edge_definitions: (nullable): edge definitions,
 *   JSON objects with `collection`, `from` and `to` (arrays of collection
 *   names)
 * @orphan_collections: (array zero-terminated=1) (nullable): vertex
 *   collections no edge definition names
 * @options: (nullable): further members of the request body, as ArangoDB
 *   names them: `isSmart`, `isDisjoint`, `options` (`numberOfShards`,
 *   `replicationFactor`, `smartGraphAttribute`, `satellites`, …)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Creates a named graph (`POST /_api/gharial`); the collections it names
 * are created when they do not exist. SmartGraphs, EnterpriseGraphs and
 * SatelliteGraphs need the Enterprise Edition.
 */
void
arango_database_create_graph_async (ArangoDatabase      *self,
                                    const char          *name,
                                    JsonArray           *edge_definitions,
                                    const char * const  *orphan_collections,
                                    JsonObject          *options,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GError *error = NULL;
  ArangoRequest *request;
  JsonObject *body;
  JsonArray *orphans;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!check_graph_name (self, name, arango_database_create_graph_async, callback, user_data))
    return;
  if (!check_edge_definitions (edge_definitions, &error))
    {
      g_task_report_error (self, callback, user_data, arango_database_create_graph_async, error);
      return;
    }

  body = json_object_new ();
  if (options != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, options);
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (body, member, json_node_copy (value));
    }
  json_object_set_string_member (body, "name", name);
  json_object_set_array_member (body, "edgeDefinitions",
                                edge_definitions ? json_array_ref (edge_definitions) : json_array_new ());
  orphans = json_array_new ();
  for (gsize i = 0; orphan_collections != NULL && orphan_collections[i] != NULL; i++)
    json_array_add_string_element (orphans, orphan_collections[i]);
  json_object_set_array_member (body, "orphanCollections", orphans);

  request = gharial_request (self, SOUP_METHOD_POST, NULL);
  arango_request_take_json_object (request, body);
  call (self, request, reply_graph, NULL, arango_database_create_graph_async,
        cancellable, callback, user_data);
}

/**
 * arango_database_delete_graph_async:
 * @self: an #ArangoDatabase
 * @name: the graph name
 * @drop_collections: whether to drop the graph's collections too (those no
 *   other graph uses)
 * @ignore_missing: whether a graph that does not exist is no error
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Deletes a named graph (`DELETE /_api/gharial/{graph}`); its collections
 * stay unless @drop_collections is set.
 */
void
arango_database_delete_graph_async (ArangoDatabase      *self,
                                    const char          *name,
                                    gboolean             drop_collections,
                                    gboolean             ignore_missing,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));

  if (!check_graph_name (self, name, arango_database_delete_graph_async, callback, user_data))
    return;
  request = gharial_request (self, SOUP_METHOD_DELETE, name);
  if (drop_collections)
    arango_request_add_query (request, "dropCollections", "true");
  if (ignore_missing)
    call (self, request, arango_reply_exists, GINT_TO_POINTER (ARANGO_SERVER_ERROR_GRAPH_NOT_FOUND),
          arango_database_delete_graph_async, cancellable, callback, user_data);
  else
    call (self, request, arango_reply_true, NULL, arango_database_delete_graph_async,
          cancellable, callback, user_data);
}

/**
 * arango_database_has_graph_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_has_graph_async().
 *
 * Returns: %TRUE if the graph exists; %FALSE if not, or with an error
 */
gboolean
arango_database_has_graph_finish (ArangoDatabase  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_has_graph_async, error);
}

/**
 * arango_database_has_graph_sync:
 * @self: an #ArangoDatabase
 * @name: the graph name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_has_graph_async().
 *
 * Returns: %TRUE if the graph exists; %FALSE if not, or with an error
 */
gboolean
arango_database_has_graph_sync (ArangoDatabase  *self,
                                const char      *name,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_has_graph_async (self, name, cancellable, arango_sync_call_done, call);
  return arango_database_has_graph_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_list_graphs_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_list_graphs_async().
 *
 * Returns: (transfer full): the graphs, each as
 *   arango_graph_properties_async() describes it; %NULL with an error
 */
JsonArray *
arango_database_list_graphs_finish (ArangoDatabase  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_list_graphs_async, error);
}

/**
 * arango_database_list_graphs_sync:
 * @self: an #ArangoDatabase
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_list_graphs_async().
 *
 * Returns: (transfer full): the graphs, each as
 *   arango_graph_properties_async() describes it; %NULL with an error
 */
JsonArray *
arango_database_list_graphs_sync (ArangoDatabase  *self,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_list_graphs_async (self, cancellable, arango_sync_call_done, call);
  return arango_database_list_graphs_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_create_graph_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_create_graph_async().
 *
 * Returns: (transfer full): the new #ArangoGraph, or %NULL with an error
 *   such as %ARANGO_SERVER_ERROR_GRAPH_DUPLICATE
 */
ArangoGraph *
arango_database_create_graph_finish (ArangoDatabase  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_create_graph_async, error);
}

/**
 * arango_database_create_graph_sync:
 * @self: an #ArangoDatabase
 * @name: the graph name
 * @edge_definitions: (nullable): edge definitions,
 *   JSON objects with `collection`, `from` and `to` (arrays of collection
 *   names)
 * @orphan_collections: (array zero-terminated=1) (nullable): vertex
 *   collections no edge definition names
 * @options: (nullable): further members of the request body, as ArangoDB
 *   names them: `isSmart`, `isDisjoint`, `options` (`numberOfShards`,
 *   `replicationFactor`, `smartGraphAttribute`, `satellites`, …)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_create_graph_async().
 *
 * Returns: (transfer full): the new #ArangoGraph, or %NULL with an error
 *   such as %ARANGO_SERVER_ERROR_GRAPH_DUPLICATE
 */
ArangoGraph *
arango_database_create_graph_sync (ArangoDatabase      *self,
                                   const char          *name,
                                   JsonArray           *edge_definitions,
                                   const char * const  *orphan_collections,
                                   JsonObject          *options,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_create_graph_async (self, name, edge_definitions, orphan_collections, options, cancellable, arango_sync_call_done, call);
  return arango_database_create_graph_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_database_delete_graph_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_delete_graph_async().
 *
 * Returns: %TRUE if the graph was deleted; %FALSE if it did not exist and
 *   @ignore_missing was set, or with an error such as
 *   %ARANGO_SERVER_ERROR_GRAPH_NOT_FOUND
 */
gboolean
arango_database_delete_graph_finish (ArangoDatabase  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return arango_call_finish_boolean (self, result, arango_database_delete_graph_async, error);
}

/**
 * arango_database_delete_graph_sync:
 * @self: an #ArangoDatabase
 * @name: the graph name
 * @drop_collections: whether to drop the graph's collections too (those no
 *   other graph uses)
 * @ignore_missing: whether a graph that does not exist is no error
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_delete_graph_async().
 *
 * Returns: %TRUE if the graph was deleted; %FALSE if it did not exist and
 *   @ignore_missing was set, or with an error such as
 *   %ARANGO_SERVER_ERROR_GRAPH_NOT_FOUND
 */
gboolean
arango_database_delete_graph_sync (ArangoDatabase  *self,
                                   const char      *name,
                                   gboolean         drop_collections,
                                   gboolean         ignore_missing,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), FALSE);

  call = arango_sync_call_begin ();
  arango_database_delete_graph_async (self, name, drop_collections, ignore_missing, cancellable, arango_sync_call_done, call);
  return arango_database_delete_graph_finish (self, arango_sync_call_wait (call), error);
}

