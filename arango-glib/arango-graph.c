/* arango-graph.c: a named graph, its collections, vertices and edges
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-collection-private.h"
#include "arango-database-private.h"
#include "arango-error.h"
#include "arango-graph-private.h"
#include "arango-request-private.h"
#include "arango-sync-private.h"

/**
 * ArangoGraph:
 *
 * A named graph of a database (ArangoDB's "general graph"): its edge
 * definitions say which edge collection joins which vertex collections,
 * and orphan collections hold vertices no edge definition names. Get one
 * with arango_database_get_graph() (nothing is sent) or
 * arango_database_create_graph_async().
 *
 * Vertices and edges written through a graph are checked by the server
 * against its definition: an edge must join existing vertices of the
 * graph's vertex collections, and removing a vertex removes its edges.
 * In Python:
 *
 * ```python
 * graph = db.get_graph("social")
 * alice = Json.from_string('{"_key": "alice"}')
 * graph.insert_vertex_async("people", alice, Arango.DocumentFlags.NONE, None, on_vertex, None)
 * # later, with two vertices stored:
 * graph.link_async("knows", "people/alice", "people/bob", None,
 *                  Arango.DocumentFlags.NONE, None, on_edge, None)
 * ```
 *
 * Vertex and edge calls take the same #ArangoDocumentFlags as the
 * document calls of #ArangoCollection, but only `RETURN_NEW`,
 * `RETURN_OLD`, `WAIT_FOR_SYNC`, `CHECK_REV` and `REMOVE_NULL`: the graph
 * API has no overwrite modes, no silent mode and always merges objects.
 * Arguments that cannot be right fail with %ARANGO_ERROR_INVALID_ARGUMENT
 * before anything is sent.
 */

struct _ArangoGraph
{
  GObject parent_instance;

  ArangoDatabase *database;
  ArangoContext *context;
  char *name;
};

G_DEFINE_FINAL_TYPE (ArangoGraph, arango_graph, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
arango_graph_finalize (GObject *object)
{
  ArangoGraph *self = ARANGO_GRAPH (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->context, arango_context_unref);
  g_free (self->name);

  G_OBJECT_CLASS (arango_graph_parent_class)->finalize (object);
}

static void
arango_graph_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ArangoGraph *self = ARANGO_GRAPH (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_graph_class_init (ArangoGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = arango_graph_finalize;
  object_class->get_property = arango_graph_get_property;

  /**
   * ArangoGraph:name: (getter get_name)
   *
   * The graph name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoGraph:database: (getter get_database)
   *
   * The database the graph belongs to.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, ARANGO_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arango_graph_init (ArangoGraph *self)
{
}

ArangoGraph *
arango_graph_new (ArangoDatabase *database,
                  const char     *name)
{
  ArangoGraph *self = g_object_new (ARANGO_TYPE_GRAPH, NULL);

  self->database = g_object_ref (database);
  self->context = arango_context_ref (arango_database_get_context (database));
  self->name = g_strdup (name);
  return self;
}

/**
 * arango_graph_get_name: (get-property name)
 * @self: an #ArangoGraph
 *
 * Gets the graph name.
 *
 * Returns: the name
 */
const char *
arango_graph_get_name (ArangoGraph *self)
{
  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  return self->name;
}

/**
 * arango_graph_get_database: (get-property database)
 * @self: an #ArangoGraph
 *
 * Gets the database the graph belongs to.
 *
 * Returns: (transfer none): the #ArangoDatabase
 */
ArangoDatabase *
arango_graph_get_database (ArangoGraph *self)
{
  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  return self->database;
}

ArangoContext *
arango_graph_get_context (ArangoGraph *self)
{
  return self->context;
}

/* /_api/gharial/{graph}[/{what}[/{collection}[/{key}]]] */
ArangoRequest *
arango_graph_request (ArangoGraph *self,
                      const char  *method,
                      const char  *what,
                      const char  *collection,
                      const char  *key)
{
  return arango_context_request (self->context, method, "/_api/gharial", self->name,
                                 what, collection, key, NULL);
}

void
arango_graph_call (ArangoGraph         *self,
                   ArangoRequest       *request,
                   ArangoReplyFunc      reply_func,
                   gconstpointer        reply_data,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  arango_context_call (self->context, self, request, reply_func, reply_data, source_tag,
                       cancellable, callback, user_data);
}

gboolean
arango_graph_check_collection_name (const char  *name,
                                    GError     **error)
{
  if (name != NULL && *name != '\0')
    return TRUE;
  g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                       _("A collection name is required"));
  return FALSE;
}

/* A call whose result is a handle on the collection it names (its name
 * outlives the caller's string as the task data of an outer task). */
static void
on_collection_reply (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ArangoGraph *self = ARANGO_GRAPH (source);
  GError *error = NULL;

  if (!arango_call_finish_boolean (self, result, g_task_get_source_tag (task), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, arango_collection_new (self->context, g_task_get_task_data (task)),
                         g_object_unref);
}

static void
call_for_collection (ArangoGraph         *self,
                     ArangoRequest       *request,
                     const char          *collection,
                     gpointer             source_tag,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_strdup (collection), g_free);
  arango_graph_call (self, request, arango_reply_true, NULL, source_tag, cancellable, on_collection_reply, task);
}

/* "Does the graph have it?": the server's list of names, searched. */
static void
on_names_reply (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_auto(GStrv) names = NULL;
  GError *error = NULL;

  names = arango_call_finish_pointer (source, result, g_task_get_source_tag (task), &error);
  if (names == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, g_strv_contains ((const char * const *) names,
                                                g_task_get_task_data (task)));
}

static void
call_for_membership (ArangoGraph         *self,
                     const char          *what,
                     const char          *name,
                     gpointer             source_tag,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;

  if (name == NULL)
    {
      g_task_report_new_error (self, callback, user_data, source_tag, ARANGO_ERROR,
                               ARANGO_ERROR_INVALID_ARGUMENT, _("A collection name is required"));
      return;
    }
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_strdup (name), g_free);
  arango_graph_call (self, arango_graph_request (self, SOUP_METHOD_GET, what, NULL, NULL), arango_reply_strv_member,
                     "collections", source_tag, cancellable, on_names_reply, task);
}

static JsonArray *
strv_to_array (const char * const *names)
{
  JsonArray *array = json_array_new ();

  for (gsize i = 0; names != NULL && names[i] != NULL; i++)
    json_array_add_string_element (array, names[i]);
  return array;
}

static JsonNode *
edge_definition (const char         *edge_collection,
                 const char * const *from,
                 const char * const *to)
{
  JsonObject *definition = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (definition, "collection", edge_collection);
  json_object_set_array_member (definition, "from", strv_to_array (from));
  json_object_set_array_member (definition, "to", strv_to_array (to));
  json_node_take_object (node, definition);
  return node;
}

/**
 * arango_graph_properties_async:
 * @self: an #ArangoGraph
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the graph's definition (`GET /_api/gharial/{graph}`).
 */
void
arango_graph_properties_async (ArangoGraph         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  arango_graph_call (self, arango_graph_request (self, SOUP_METHOD_GET, NULL, NULL, NULL), arango_reply_object_member,
                     "graph", arango_graph_properties_async, cancellable, callback, user_data);
}

/**
 * arango_graph_vertex_collections_async:
 * @self: an #ArangoGraph
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Lists the graph's vertex collections, those of its edge definitions and
 * its orphans (`GET /_api/gharial/{graph}/vertex`).
 */
void
arango_graph_vertex_collections_async (ArangoGraph         *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  arango_graph_call (self, arango_graph_request (self, SOUP_METHOD_GET, "vertex", NULL, NULL), arango_reply_strv_member,
                     "collections", arango_graph_vertex_collections_async, cancellable, callback, user_data);
}

/**
 * arango_graph_has_vertex_collection_async:
 * @self: an #ArangoGraph
 * @name: a vertex collection name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Checks whether the graph has a vertex collection, in an edge definition
 * or as an orphan.
 */
void
arango_graph_has_vertex_collection_async (ArangoGraph         *self,
                                          const char          *name,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  call_for_membership (self, "vertex", name, arango_graph_has_vertex_collection_async,
                       cancellable, callback, user_data);
}

/**
 * arango_graph_create_vertex_collection_async:
 * @self: an #ArangoGraph
 * @name: a vertex collection name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Adds an orphan vertex collection to the graph, creating the collection
 * when it does not exist (`POST /_api/gharial/{graph}/vertex`).
 */
void
arango_graph_create_vertex_collection_async (ArangoGraph         *self,
                                             const char          *name,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  GError *error = NULL;
  ArangoRequest *request;
  JsonObject *body;

  g_return_if_fail (ARANGO_IS_GRAPH (self));

  if (!arango_graph_check_collection_name (name, &error))
    {
      g_task_report_error (self, callback, user_data, arango_graph_create_vertex_collection_async, error);
      return;
    }
  request = arango_graph_request (self, SOUP_METHOD_POST, "vertex", NULL, NULL);
  body = json_object_new ();
  json_object_set_string_member (body, "collection", name);
  arango_request_take_json_object (request, body);
  call_for_collection (self, request, name, arango_graph_create_vertex_collection_async,
                       cancellable, callback, user_data);
}

/**
 * arango_graph_delete_vertex_collection_async:
 * @self: an #ArangoGraph
 * @name: a vertex collection name
 * @purge: whether to drop the collection too (when no other graph uses it)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Removes an orphan collection from the graph
 * (`DELETE /_api/gharial/{graph}/vertex/{collection}`). A collection an edge
 * definition names leaves the graph with that definition.
 */
void
arango_graph_delete_vertex_collection_async (ArangoGraph         *self,
                                             const char          *name,
                                             gboolean             purge,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  GError *error = NULL;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_GRAPH (self));

  if (!arango_graph_check_collection_name (name, &error))
    {
      g_task_report_error (self, callback, user_data, arango_graph_delete_vertex_collection_async, error);
      return;
    }
  request = arango_graph_request (self, SOUP_METHOD_DELETE, "vertex", name, NULL);
  arango_request_add_query (request, "dropCollection", purge ? "true" : "false");
  arango_graph_call (self, request, arango_reply_true, NULL, arango_graph_delete_vertex_collection_async,
                     cancellable, callback, user_data);
}

static void
reply_edge_definitions (GTask          *task,
                        ArangoResponse *response,
                        gconstpointer   unused)
{
  JsonObject *body = response->body && JSON_NODE_HOLDS_OBJECT (response->body)
                       ? json_node_get_object (response->body) : NULL;
  JsonNode *graph = body ? json_object_get_member (body, "graph") : NULL;
  JsonNode *definitions = graph && JSON_NODE_HOLDS_OBJECT (graph)
                            ? json_object_get_member (json_node_get_object (graph), "edgeDefinitions")
                            : NULL;

  if (definitions == NULL || !JSON_NODE_HOLDS_ARRAY (definitions))
    {
      arango_task_return_invalid_reply (task, response, "edgeDefinitions");
      return;
    }
  g_task_return_pointer (task, json_array_ref (json_node_get_array (definitions)),
                         (GDestroyNotify) json_array_unref);
}

/**
 * arango_graph_edge_definitions_async:
 * @self: an #ArangoGraph
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Reads the graph's edge definitions (`GET /_api/gharial/{graph}`).
 */
void
arango_graph_edge_definitions_async (ArangoGraph         *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  arango_graph_call (self, arango_graph_request (self, SOUP_METHOD_GET, NULL, NULL, NULL), reply_edge_definitions,
                     NULL, arango_graph_edge_definitions_async, cancellable, callback, user_data);
}

/**
 * arango_graph_has_edge_definition_async:
 * @self: an #ArangoGraph
 * @edge_collection: an edge collection name
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Checks whether the graph has an edge definition for a collection
 * (`GET /_api/gharial/{graph}/edge`).
 */
void
arango_graph_has_edge_definition_async (ArangoGraph         *self,
                                        const char          *edge_collection,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  call_for_membership (self, "edge", edge_collection, arango_graph_has_edge_definition_async,
                       cancellable, callback, user_data);
}

/* POST …/edge and PUT …/edge/{collection}: the collections are created
 * when missing. */
static void
write_edge_definition (ArangoGraph         *self,
                       const char          *method,
                       const char          *edge_collection,
                       const char * const  *from,
                       const char * const  *to,
                       gpointer             source_tag,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  gboolean is_create = g_str_equal (method, SOUP_METHOD_POST);
  GError *error = NULL;
  ArangoRequest *request;

  if (!arango_graph_check_collection_name (edge_collection, &error))
    {
      g_task_report_error (self, callback, user_data, source_tag, error);
      return;
    }
  request = arango_graph_request (self, method, "edge", is_create ? NULL : edge_collection, NULL);
  arango_request_take_json_body (request, edge_definition (edge_collection, from, to));
  call_for_collection (self, request, edge_collection, source_tag, cancellable, callback, user_data);
}

/**
 * arango_graph_create_edge_definition_async:
 * @self: an #ArangoGraph
 * @edge_collection: the edge collection of the definition
 * @from_vertex_collections: (array zero-terminated=1) (nullable): the
 *   collections edges start in
 * @to_vertex_collections: (array zero-terminated=1) (nullable): the
 *   collections edges end in
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Adds an edge definition to the graph (`POST /_api/gharial/{graph}/edge`);
 * vertex collections it names stop being orphans.
 */
void
arango_graph_create_edge_definition_async (ArangoGraph         *self,
                                           const char          *edge_collection,
                                           const char * const  *from_vertex_collections,
                                           const char * const  *to_vertex_collections,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  write_edge_definition (self, SOUP_METHOD_POST, edge_collection, from_vertex_collections,
                         to_vertex_collections, arango_graph_create_edge_definition_async,
                         cancellable, callback, user_data);
}

/**
 * arango_graph_replace_edge_definition_async:
 * @self: an #ArangoGraph
 * @edge_collection: the edge collection of the definition
 * @from_vertex_collections: (array zero-terminated=1) (nullable): the
 *   collections edges start in
 * @to_vertex_collections: (array zero-terminated=1) (nullable): the
 *   collections edges end in
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Replaces the edge definition of a collection
 * (`PUT /_api/gharial/{graph}/edge/{collection}`), in every graph that
 * has it; vertex collections no edge definition names any more become
 * orphans.
 */
void
arango_graph_replace_edge_definition_async (ArangoGraph         *self,
                                            const char          *edge_collection,
                                            const char * const  *from_vertex_collections,
                                            const char * const  *to_vertex_collections,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_GRAPH (self));

  write_edge_definition (self, SOUP_METHOD_PUT, edge_collection, from_vertex_collections,
                         to_vertex_collections, arango_graph_replace_edge_definition_async,
                         cancellable, callback, user_data);
}

/**
 * arango_graph_delete_edge_definition_async:
 * @self: an #ArangoGraph
 * @edge_collection: the edge collection of the definition
 * @purge: whether to drop the edge collection too (when no other graph
 *   uses it)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Removes an edge definition from the graph
 * (`DELETE /_api/gharial/{graph}/edge/{collection}`); its vertex
 * collections stay in the graph, as orphans if nothing else names them.
 */
void
arango_graph_delete_edge_definition_async (ArangoGraph         *self,
                                           const char          *edge_collection,
                                           gboolean             purge,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  GError *error = NULL;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_GRAPH (self));

  if (!arango_graph_check_collection_name (edge_collection, &error))
    {
      g_task_report_error (self, callback, user_data, arango_graph_delete_edge_definition_async, error);
      return;
    }
  request = arango_graph_request (self, SOUP_METHOD_DELETE, "edge", edge_collection, NULL);
  arango_request_add_query (request, "dropCollections", purge ? "true" : "false");
  arango_graph_call (self, request, arango_reply_true, NULL, arango_graph_delete_edge_definition_async,
                     cancellable, callback, user_data);
}

/**
 * arango_graph_properties_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_properties_async().
 *
 * Returns: (transfer full): the graph's definition as stored (`name`,
 *   `edgeDefinitions`, `orphanCollections`, `_rev`, …), or %NULL with an
 *   error such as %ARANGO_SERVER_ERROR_GRAPH_NOT_FOUND
 */
JsonObject *
arango_graph_properties_finish (ArangoGraph   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_properties_async, error);
}

/**
 * arango_graph_properties_sync:
 * @self: an #ArangoGraph
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_properties_async().
 *
 * Returns: (transfer full): the graph's definition as stored (`name`,
 *   `edgeDefinitions`, `orphanCollections`, `_rev`, …), or %NULL with an
 *   error such as %ARANGO_SERVER_ERROR_GRAPH_NOT_FOUND
 */
JsonObject *
arango_graph_properties_sync (ArangoGraph   *self,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_properties_async (self, cancellable, arango_sync_call_done, call);
  return arango_graph_properties_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_vertex_collections_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_vertex_collections_async().
 *
 * Returns: (transfer full): the names of the vertex collections, orphans
 *   included, or %NULL with an error
 */
GStrv
arango_graph_vertex_collections_finish (ArangoGraph   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_vertex_collections_async, error);
}

/**
 * arango_graph_vertex_collections_sync:
 * @self: an #ArangoGraph
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_vertex_collections_async().
 *
 * Returns: (transfer full): the names of the vertex collections, orphans
 *   included, or %NULL with an error
 */
GStrv
arango_graph_vertex_collections_sync (ArangoGraph   *self,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_vertex_collections_async (self, cancellable, arango_sync_call_done, call);
  return arango_graph_vertex_collections_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_has_vertex_collection_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_has_vertex_collection_async().
 *
 * Returns: %TRUE if the graph has that vertex collection; %FALSE if not, or
 *   with an error
 */
gboolean
arango_graph_has_vertex_collection_finish (ArangoGraph   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return arango_call_finish_boolean (self, result, arango_graph_has_vertex_collection_async, error);
}

/**
 * arango_graph_has_vertex_collection_sync:
 * @self: an #ArangoGraph
 * @name: a vertex collection name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_has_vertex_collection_async().
 *
 * Returns: %TRUE if the graph has that vertex collection; %FALSE if not, or
 *   with an error
 */
gboolean
arango_graph_has_vertex_collection_sync (ArangoGraph   *self,
                                         const char    *name,
                                         GCancellable  *cancellable,
                                         GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), FALSE);

  call = arango_sync_call_begin ();
  arango_graph_has_vertex_collection_async (self, name, cancellable, arango_sync_call_done, call);
  return arango_graph_has_vertex_collection_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_create_vertex_collection_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_create_vertex_collection_async().
 *
 * Returns: (transfer full): the vertex collection, or %NULL with an error
 *   such as 1938 (already an orphan of the graph) or 1929 (already in an
 *   edge definition)
 */
ArangoCollection *
arango_graph_create_vertex_collection_finish (ArangoGraph   *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_create_vertex_collection_async, error);
}

/**
 * arango_graph_create_vertex_collection_sync:
 * @self: an #ArangoGraph
 * @name: a vertex collection name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_create_vertex_collection_async().
 *
 * Returns: (transfer full): the vertex collection, or %NULL with an error
 *   such as 1938 (already an orphan of the graph) or 1929 (already in an
 *   edge definition)
 */
ArangoCollection *
arango_graph_create_vertex_collection_sync (ArangoGraph   *self,
                                            const char    *name,
                                            GCancellable  *cancellable,
                                            GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_create_vertex_collection_async (self, name, cancellable, arango_sync_call_done, call);
  return arango_graph_create_vertex_collection_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_delete_vertex_collection_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_delete_vertex_collection_async().
 *
 * Returns: %TRUE, or %FALSE with an error such as 1928 (not an orphan
 *   collection of the graph)
 */
gboolean
arango_graph_delete_vertex_collection_finish (ArangoGraph   *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return arango_call_finish_boolean (self, result, arango_graph_delete_vertex_collection_async, error);
}

/**
 * arango_graph_delete_vertex_collection_sync:
 * @self: an #ArangoGraph
 * @name: a vertex collection name
 * @purge: whether to drop the collection too (when no other graph uses it)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_delete_vertex_collection_async().
 *
 * Returns: %TRUE, or %FALSE with an error such as 1928 (not an orphan
 *   collection of the graph)
 */
gboolean
arango_graph_delete_vertex_collection_sync (ArangoGraph   *self,
                                            const char    *name,
                                            gboolean       purge,
                                            GCancellable  *cancellable,
                                            GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), FALSE);

  call = arango_sync_call_begin ();
  arango_graph_delete_vertex_collection_async (self, name, purge, cancellable, arango_sync_call_done, call);
  return arango_graph_delete_vertex_collection_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_edge_definitions_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_edge_definitions_async().
 *
 * Returns: (transfer full): the edge definitions,
 *   objects with `collection`, `from` and `to`, or %NULL with an error
 */
JsonArray *
arango_graph_edge_definitions_finish (ArangoGraph   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_edge_definitions_async, error);
}

/**
 * arango_graph_edge_definitions_sync:
 * @self: an #ArangoGraph
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_edge_definitions_async().
 *
 * Returns: (transfer full): the edge definitions,
 *   objects with `collection`, `from` and `to`, or %NULL with an error
 */
JsonArray *
arango_graph_edge_definitions_sync (ArangoGraph   *self,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_edge_definitions_async (self, cancellable, arango_sync_call_done, call);
  return arango_graph_edge_definitions_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_has_edge_definition_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_has_edge_definition_async().
 *
 * Returns: %TRUE if the graph has an edge definition for that collection;
 *   %FALSE if not, or with an error
 */
gboolean
arango_graph_has_edge_definition_finish (ArangoGraph   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return arango_call_finish_boolean (self, result, arango_graph_has_edge_definition_async, error);
}

/**
 * arango_graph_has_edge_definition_sync:
 * @self: an #ArangoGraph
 * @edge_collection: the edge collection of the definition
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_has_edge_definition_async().
 *
 * Returns: %TRUE if the graph has an edge definition for that collection;
 *   %FALSE if not, or with an error
 */
gboolean
arango_graph_has_edge_definition_sync (ArangoGraph   *self,
                                       const char    *edge_collection,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), FALSE);

  call = arango_sync_call_begin ();
  arango_graph_has_edge_definition_async (self, edge_collection, cancellable, arango_sync_call_done, call);
  return arango_graph_has_edge_definition_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_create_edge_definition_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_create_edge_definition_async().
 *
 * Returns: (transfer full): the edge collection, or %NULL with an error
 *   such as 1920 (the graph has it already) or 1921 (another graph defines
 *   it otherwise)
 */
ArangoCollection *
arango_graph_create_edge_definition_finish (ArangoGraph   *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_create_edge_definition_async, error);
}

/**
 * arango_graph_create_edge_definition_sync:
 * @self: an #ArangoGraph
 * @edge_collection: the edge collection of the definition
 * @from_vertex_collections: (array zero-terminated=1) (nullable): the
 *   collections edges start in
 * @to_vertex_collections: (array zero-terminated=1) (nullable): the
 *   collections edges end in
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_create_edge_definition_async().
 *
 * Returns: (transfer full): the edge collection, or %NULL with an error
 *   such as 1920 (the graph has it already) or 1921 (another graph defines
 *   it otherwise)
 */
ArangoCollection *
arango_graph_create_edge_definition_sync (ArangoGraph         *self,
                                          const char          *edge_collection,
                                          const char * const  *from_vertex_collections,
                                          const char * const  *to_vertex_collections,
                                          GCancellable        *cancellable,
                                          GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_create_edge_definition_async (self, edge_collection, from_vertex_collections, to_vertex_collections, cancellable, arango_sync_call_done, call);
  return arango_graph_create_edge_definition_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_replace_edge_definition_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_replace_edge_definition_async().
 *
 * Returns: (transfer full): the edge collection, or %NULL with an error
 *   such as 1930 (not an edge collection of the graph)
 */
ArangoCollection *
arango_graph_replace_edge_definition_finish (ArangoGraph   *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_graph_replace_edge_definition_async, error);
}

/**
 * arango_graph_replace_edge_definition_sync:
 * @self: an #ArangoGraph
 * @edge_collection: the edge collection of the definition
 * @from_vertex_collections: (array zero-terminated=1) (nullable): the
 *   collections edges start in
 * @to_vertex_collections: (array zero-terminated=1) (nullable): the
 *   collections edges end in
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_replace_edge_definition_async().
 *
 * Returns: (transfer full): the edge collection, or %NULL with an error
 *   such as 1930 (not an edge collection of the graph)
 */
ArangoCollection *
arango_graph_replace_edge_definition_sync (ArangoGraph         *self,
                                           const char          *edge_collection,
                                           const char * const  *from_vertex_collections,
                                           const char * const  *to_vertex_collections,
                                           GCancellable        *cancellable,
                                           GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), NULL);

  call = arango_sync_call_begin ();
  arango_graph_replace_edge_definition_async (self, edge_collection, from_vertex_collections, to_vertex_collections, cancellable, arango_sync_call_done, call);
  return arango_graph_replace_edge_definition_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_graph_delete_edge_definition_finish:
 * @self: an #ArangoGraph
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_graph_delete_edge_definition_async().
 *
 * Returns: %TRUE, or %FALSE with an error such as 1930 (not an edge
 *   collection of the graph)
 */
gboolean
arango_graph_delete_edge_definition_finish (ArangoGraph   *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return arango_call_finish_boolean (self, result, arango_graph_delete_edge_definition_async, error);
}

/**
 * arango_graph_delete_edge_definition_sync:
 * @self: an #ArangoGraph
 * @edge_collection: the edge collection of the definition
 * @purge: whether to drop the collection too (when no other graph uses it)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_graph_delete_edge_definition_async().
 *
 * Returns: %TRUE, or %FALSE with an error such as 1930 (not an edge
 *   collection of the graph)
 */
gboolean
arango_graph_delete_edge_definition_sync (ArangoGraph   *self,
                                          const char    *edge_collection,
                                          gboolean       purge,
                                          GCancellable  *cancellable,
                                          GError       **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_GRAPH (self), FALSE);

  call = arango_sync_call_begin ();
  arango_graph_delete_edge_definition_async (self, edge_collection, purge, cancellable, arango_sync_call_done, call);
  return arango_graph_delete_edge_definition_finish (self, arango_sync_call_wait (call), error);
}
