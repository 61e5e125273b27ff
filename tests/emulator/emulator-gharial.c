/* emulator-gharial.c: graphs and their collections, /_api/gharial
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/HttpGharial{Create,List,GetGraph,Drop,AddVertexCol,
 * RemoveVertexCollection*,AddEdgeCol,ReplaceEdgeCol,EdgeDefinitionRemove,
 * ListVertex,ListEdge}_single.json. Creating a graph answers 201 with
 * waitForSync, else 202; changing its definitions always 202, dropping it
 * 202 (the server never reports the synchronous case there). Collections
 * a graph names are created when missing. SmartGraphs, EnterpriseGraphs
 * and SatelliteGraphs: emulator-gharial-enterprise.c.
 */

#include <string.h>

#include "emulator-graphs.h"
#include "emulator-permissions.h"
#include "emulator-replication-limits.h"
#include "emulator-reply.h"
#include "emulator-router.h"

static void
reply_graph (EmuRequest  *req,
             guint        status,
             EmuDocument *document)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (status);
  g_autofree char *etag = g_strdup_printf ("\"%s\"", emu_document_rev (document));

  emu_json_add_node (builder, "graph", document->body);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, status, builder);
  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Etag", etag);
}

static void
create_collection (EmuRequest  *req,
                   EmuDatabase *database,
                   EmuGraph    *graph,
                   const char  *name,
                   guint        type)
{
  emu_graph_configure_collection (graph, emu_state_create_collection (req->state, database, name, type, FALSE));
  /* Collections::create, which the graph's creation calls. */
  emu_permissions_grant_creator (req, name);
}

/* The edge collections of the graph, sorted. */
static GPtrArray *
edge_collections (EmuGraph *graph)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < graph->edge_definitions->len; i++)
    emu_string_set_add (names,
                        ((EmuEdgeDefinition *) g_ptr_array_index (graph->edge_definitions, i))->collection);
  return names;
}

/* GraphManager::ensureAllCollections: looks the graph's collections up
 * (the edge collections, then the vertex collections, each in sorted
 * order, refusing those the user may not read), checks their types (an
 * edge definition's must be an edge collection, an orphan a document
 * collection) and creates the missing ones, which takes "rw" on the
 * database. FALSE after replying. */
static gboolean
ensure_collections (EmuRequest  *req,
                    EmuDatabase *database,
                    EmuGraph    *graph)
{
  g_autoptr(GPtrArray) edges = edge_collections (graph);
  g_autoptr(GPtrArray) vertices = emu_graph_vertex_collections (graph);
  gboolean missing = FALSE;

  for (guint i = 0; i < edges->len; i++)
    {
      const char *name = g_ptr_array_index (edges, i);
      EmuCollection *collection = emu_database_lookup_collection (database, name);

      missing |= collection == NULL;
      if (collection == NULL)
        continue;
      if (!emu_permissions_check_lookup (req, name))
        return FALSE;
      if (collection->type != 3)
        {
          g_autofree char *message = g_strdup_printf ("Collection: '%s' is not an edge collection",
                                                      name);

          emu_graph_reply_error (req, EMU_ERROR_GRAPH_EDGE_DEFINITION_IS_DOCUMENT, message);
          return FALSE;
        }
    }
  for (guint i = 0; i < vertices->len; i++)
    {
      const char *name = g_ptr_array_index (vertices, i);

      if (emu_database_lookup_collection (database, name) == NULL)
        missing = TRUE;
      else if (!emu_permissions_check_lookup (req, name))
        return FALSE;
    }
  for (guint i = 0; i < graph->orphans->len; i++)
    {
      EmuCollection *collection = emu_database_lookup_collection (database, g_ptr_array_index (graph->orphans, i));

      if (collection != NULL && collection->type != 2)
        {
          emu_graph_reply_error (req, EMU_ERROR_GRAPH_WRONG_COLLECTION_TYPE_VERTEX, NULL);
          return FALSE;
        }
    }
  if (missing && !emu_permissions_check_create_collection (req))
    return FALSE;

  for (guint i = 0; i < edges->len; i++)
    if (emu_database_lookup_collection (database, g_ptr_array_index (edges, i)) == NULL)
      create_collection (req, database, graph, g_ptr_array_index (edges, i), 3);
  for (guint i = 0; i < vertices->len; i++)
    if (emu_database_lookup_collection (database, g_ptr_array_index (vertices, i)) == NULL)
      create_collection (req, database, graph, g_ptr_array_index (vertices, i), 2);
  return TRUE;
}

/* Changes to the definitions are written to _graphs in a transaction,
 * which "ro" on the database refuses (403/1004 "read only: _graphs
 * [write]"); FALSE after replying. */
static gboolean
may_store (EmuRequest  *req,
           EmuDatabase *database)
{
  return emu_permissions_check_use (req, emu_database_lookup_collection (database, "_graphs"),
                                    EMU_ACCESS_WRITE);
}

/* An edge collection is defined the same way in every graph that uses it. */
static gboolean
check_edge_definition_conflicts (EmuRequest        *req,
                                 EmuDatabase       *database,
                                 EmuEdgeDefinition *definition,
                                 const char        *graph_name)
{
  g_autoptr(GPtrArray) others = emu_graph_load_others (database, graph_name);

  for (guint i = 0; i < others->len; i++)
    {
      EmuEdgeDefinition *existing = emu_graph_find_edge_definition (g_ptr_array_index (others, i),
                                                                    definition->collection);

      if (existing != NULL && !emu_edge_definition_equal (existing, definition))
        {
          g_autofree char *message = g_strdup_printf ("%s edge collection already used in edge def",
                                                      definition->collection);

          emu_graph_reply_error (req, EMU_ERROR_GRAPH_COLLECTION_USE_IN_MULTI_GRAPHS, message);
          return FALSE;
        }
    }
  return TRUE;
}

/* Appends @definition (taking it) unless the graph has that collection. */
static gboolean
add_edge_definition (EmuRequest        *req,
                     EmuDatabase       *database,
                     EmuGraph          *graph,
                     EmuEdgeDefinition *definition)
{
  g_autoptr(EmuEdgeDefinition) owned = definition;

  if (emu_graph_find_edge_definition (graph, definition->collection) != NULL)
    {
      emu_graph_reply_error (req, EMU_ERROR_GRAPH_COLLECTION_MULTI_USE, NULL);
      return FALSE;
    }
  if (!check_edge_definition_conflicts (req, database, definition, graph->name))
    return FALSE;
  g_ptr_array_add (graph->edge_definitions, g_steal_pointer (&owned));
  return TRUE;
}

/* An optional array member: FALSE (and the error reply) when it is
 * something else; *array stays NULL when absent. */
static gboolean
optional_array (EmuRequest  *req,
                JsonNode    *node,
                int          error_num,
                JsonArray  **array)
{
  *array = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      emu_graph_reply_error (req, error_num, NULL);
      return FALSE;
    }
  *array = json_node_get_array (node);
  return TRUE;
}

static gboolean
parse_graph_body (EmuRequest  *req,
                  EmuDatabase *database,
                  JsonObject  *body,
                  EmuGraph    *graph)
{
  JsonArray *definitions, *orphans;

  if (!optional_array (req, json_object_get_member (body, "edgeDefinitions"),
                       EMU_ERROR_GRAPH_CREATE_MALFORMED_EDGE_DEFINITION, &definitions) ||
      !optional_array (req, json_object_get_member (body, "orphanCollections"),
                       EMU_ERROR_GRAPH_CREATE_MALFORMED_ORPHAN_LIST, &orphans))
    return FALSE;

  for (guint i = 0; definitions != NULL && i < json_array_get_length (definitions); i++)
    {
      EmuEdgeDefinition *definition = emu_edge_definition_parse (json_array_get_element (definitions, i));

      if (definition == NULL)
        {
          emu_graph_reply_error (req, EMU_ERROR_GRAPH_CREATE_MALFORMED_EDGE_DEFINITION, NULL);
          return FALSE;
        }
      if (!add_edge_definition (req, database, graph, definition))
        return FALSE;
    }

  for (guint i = 0; orphans != NULL && i < json_array_get_length (orphans); i++)
    {
      JsonNode *element = json_array_get_element (orphans, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        {
          emu_graph_reply_error (req, EMU_ERROR_GRAPH_CREATE_MALFORMED_ORPHAN_LIST, NULL);
          return FALSE;
        }
      if (!emu_graph_uses_vertex_collection (graph, json_node_get_string (element)))
        emu_string_set_add (graph->orphans, json_node_get_string (element));
    }
  return TRUE;
}

static JsonObject *
object_body (EmuRequest *req,
             JsonNode   *body)
{
  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_BAD_PARAMETER, "expecting JSON object body");
      return NULL;
    }
  return json_node_get_object (body);
}

/* On a Coordinator the graph's options are checked as the collections'
 * settings would be (GraphManager::buildGraphFromInput), before its
 * definitions are read; FALSE after replying. */
static gboolean
check_replication (EmuRequest *req,
                   JsonObject *body)
{
  JsonNode *node = json_object_get_member (body, "options");
  g_autofree char *message = NULL;
  int error_num;

  if (req->state->single_server || node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      (error_num = emu_replication_check_options (req->state, json_node_get_object (node),
                                                  &message)) == 0)
    return TRUE;
  emu_graph_reply_error (req, error_num, message);
  return FALSE;
}

static void
handle_create (EmuRequest *req)
{
  g_autoptr(JsonNode) body = emu_request_parse_body (req);
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  g_autoptr(EmuGraph) graph = NULL;
  g_autoptr(EmuGraph) existing = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(GPtrArray) vertices = NULL;
  JsonObject *object;
  const char *name;
  EmuDocument *document;

  if (body == NULL || (object = object_body (req, body)) == NULL)
    return;

  name = emu_json_get_string (object, "name");
  if (name == NULL || *name == '\0')
    {
      emu_graph_reply_error (req, EMU_ERROR_GRAPH_CREATE_MISSING_NAME, NULL);
      return;
    }
  existing = emu_graph_load (database, name);
  if (existing != NULL)
    {
      emu_graph_reply_error (req, EMU_ERROR_GRAPH_DUPLICATE, NULL);
      return;
    }
  if (!check_replication (req, object))
    return;
  graph = emu_graph_new (name);
  if (!parse_graph_body (req, database, object, graph) ||
      !emu_graph_parse_enterprise (req, object, graph))
    return;
  edges = edge_collections (graph);
  vertices = emu_graph_vertex_collections (graph);
  if (!emu_permissions_check_graph_create (req, database, edges, vertices) ||
      !ensure_collections (req, database, graph))
    return;
  emu_graph_note_initial_id (req->state, database, graph);

  document = emu_graph_store (req->state, database, graph);
  reply_graph (req, emu_request_get_query_bool (req, "waitForSync", FALSE)
                      ? SOUP_STATUS_CREATED : SOUP_STATUS_ACCEPTED,
               document);
}

static void
handle_list (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  g_autoptr(GPtrArray) documents = emu_graph_documents (database);
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);

  json_builder_set_member_name (builder, "graphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < documents->len; i++)
    json_builder_add_value (builder, json_node_copy (((EmuDocument *) g_ptr_array_index (documents, i))->body));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_get (EmuRequest *req)
{
  EmuDatabase *database;
  g_autoptr(EmuGraph) graph = emu_graph_from_request (req, &database);
  g_autoptr(JsonBuilder) builder = NULL;
  EmuCollection *graphs;

  if (graph == NULL)
    return;
  graphs = emu_database_lookup_collection (database, "_graphs");
  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_node (builder, "graph",
                     ((EmuDocument *) g_hash_table_lookup (graphs->documents, graph->name))->body);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static gboolean
used_by_other_graph (EmuDatabase *database,
                     const char  *collection,
                     const char  *graph_name)
{
  g_autoptr(GPtrArray) others = emu_graph_load_others (database, graph_name);

  for (guint i = 0; i < others->len; i++)
    {
      EmuGraph *other = g_ptr_array_index (others, i);

      if (emu_graph_find_edge_definition (other, collection) != NULL ||
          emu_graph_has_vertex_collection (other, collection))
        return TRUE;
    }
  return FALSE;
}

static void
drop_collection_unless_shared (EmuDatabase *database,
                               const char  *name,
                               const char  *graph_name)
{
  EmuCollection *collection = emu_database_lookup_collection (database, name);

  if (collection != NULL && !used_by_other_graph (database, name, graph_name))
    emu_database_drop_collection (database, collection);
}

/* What dropping the graph with dropCollections drops: its collections
 * that exist and no other graph uses. */
static GPtrArray *
collections_dropped_with (EmuDatabase *database,
                          EmuGraph    *graph)
{
  g_autoptr(GPtrArray) edges = edge_collections (graph);
  g_autoptr(GPtrArray) vertices = emu_graph_vertex_collections (graph);
  GPtrArray *lists[] = { edges, vertices };
  GPtrArray *dropped = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (guint j = 0; j < lists[i]->len; j++)
      {
        EmuCollection *collection = emu_database_lookup_collection (database,
                                                                    g_ptr_array_index (lists[i], j));

        if (collection != NULL && !used_by_other_graph (database, collection->name, graph->name) &&
            !g_ptr_array_find (dropped, collection, NULL))
          g_ptr_array_add (dropped, collection);
      }
  return dropped;
}

static void
handle_drop (EmuRequest *req)
{
  EmuDatabase *database;
  g_autoptr(EmuGraph) graph = emu_graph_from_request (req, &database);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  g_autoptr(GPtrArray) names = NULL;

  if (graph == NULL)
    return;

  dropped = emu_request_get_query_bool (req, "dropCollections", FALSE)
    ? collections_dropped_with (database, graph) : g_ptr_array_new ();
  names = g_ptr_array_new ();
  for (guint i = 0; i < dropped->len; i++)
    g_ptr_array_add (names, ((EmuCollection *) g_ptr_array_index (dropped, i))->name);
  if (!emu_permissions_check_graph_drop (req, names))
    return;

  emu_graph_remove (database, graph->name);
  for (guint i = 0; i < dropped->len; i++)
    emu_database_drop_collection (database, g_ptr_array_index (dropped, i));

  builder = emu_json_begin_ok (SOUP_STATUS_ACCEPTED);
  emu_json_add_boolean (builder, "removed", TRUE);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_ACCEPTED, builder);
}

static void
reply_collections (EmuRequest *req,
                   GPtrArray  *names)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);

  json_builder_set_member_name (builder, "collections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < names->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (names, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_list_vertex_collections (EmuRequest *req)
{
  EmuDatabase *database;
  g_autoptr(EmuGraph) graph = emu_graph_from_request (req, &database);
  g_autoptr(GPtrArray) names = NULL;

  if (graph == NULL)
    return;
  names = emu_graph_vertex_collections (graph);
  reply_collections (req, names);
}

static void
handle_list_edge_collections (EmuRequest *req)
{
  EmuDatabase *database;
  g_autoptr(EmuGraph) graph = emu_graph_from_request (req, &database);
  g_autoptr(GPtrArray) names = NULL;

  if (graph == NULL)
    return;
  names = edge_collections (graph);
  reply_collections (req, names);
}

static void
handle_add_vertex_collection (EmuRequest *req)
{
  EmuDatabase *database;
  g_autoptr(EmuGraph) graph = emu_graph_from_request (req, &database);
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;
  const char *name;

  if (graph == NULL || (body = emu_request_parse_body (req)) == NULL ||
      (object = object_body (req, body)) == NULL)
    return;

  name = emu_json_get_string (object, "collection");
  if (name == NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_BAD_PARAMETER, "expecting \"collection\" parameter");
      return;
    }
  if (emu_string_set_contains (graph->orphans, name))
    {
      emu_graph_reply_error (req, EMU_ERROR_GRAPH_COLLECTION_USED_IN_ORPHANS, NULL);
      return;
    }
  if (emu_graph_uses_vertex_collection (graph, name))
    {
      g_autofree char *message = g_strdup_printf ("%s collection already used in edge def", name);

      emu_graph_reply_error (req, EMU_ERROR_GRAPH_COLLECTION_USED_IN_EDGE_DEF, message);
      return;
    }

  emu_string_set_add (graph->orphans, name);
  if (!ensure_collections (req, database, graph) || !may_store (req, database))
    return;
  reply_graph (req, SOUP_STATUS_ACCEPTED, emu_graph_store (req->state, database, graph));
}

static void
handle_remove_vertex_collection (EmuRequest *req)
{
  EmuDatabase *database;
  g_autoptr(EmuGraph) graph = emu_graph_from_request (req, &database);
  const char *name = emu_request_get_param (req, "collection");
  EmuDocument *document;

  if (graph == NULL)
    return;
  if (!emu_string_set_contains (graph->orphans, name))
    {
      emu_graph_reply_error (req, EMU_ERROR_GRAPH_NOT_IN_ORPHAN_COLLECTION, NULL);
      return;
    }
  /* An orphan that exists is taken out only with "rw" on it, whether it
   * is dropped or not. */
  if ((emu_database_lookup_collection (database, name) != NULL &&
       !emu_permissions_check_graph_collection_write (req, name)) ||
      !may_store (req, database))
    return;
  for (guint i = graph->orphans->len; i > 0; i--)
    if (g_str_equal (g_ptr_array_index (graph->orphans, i - 1), name))
      g_ptr_array_remove_index (graph->orphans, i - 1);

  document = emu_graph_store (req->state, database, graph);
  if (emu_request_get_query_bool (req, "dropCollection", FALSE))
    drop_collection_unless_shared (database, name, graph->name);
  reply_graph (req, SOUP_STATUS_ACCEPTED, document);
}

static void
handle_add_edge_definition (EmuRequest *req)
{
  EmuDatabase *database;
  g_autoptr(EmuGraph) graph = emu_graph_from_request (req, &database);
  g_autoptr(JsonNode) body = NULL;
  EmuEdgeDefinition *definition;

  if (graph == NULL || (body = emu_request_parse_body (req)) == NULL)
    return;

  definition = emu_edge_definition_parse (body);
  if (definition == NULL)
    {
      emu_graph_reply_error (req, EMU_ERROR_GRAPH_CREATE_MALFORMED_EDGE_DEFINITION, NULL);
      return;
    }
  if (!add_edge_definition (req, database, graph, definition))
    return;
  emu_graph_settle_orphans (graph, NULL);
  if (!ensure_collections (req, database, graph) || !may_store (req, database))
    return;
  reply_graph (req, SOUP_STATUS_ACCEPTED, emu_graph_store (req->state, database, graph));
}

/* The server changes an edge collection's definition in every graph that
 * has it. */
static void
replace_in_other_graphs (EmuRequest        *req,
                         EmuDatabase       *database,
                         EmuEdgeDefinition *definition,
                         const char        *graph_name)
{
  g_autoptr(GPtrArray) others = emu_graph_load_others (database, graph_name);

  for (guint i = 0; i < others->len; i++)
    {
      EmuGraph *other = g_ptr_array_index (others, i);
      g_autoptr(GPtrArray) previous = NULL;
      EmuEdgeDefinition *existing;

      existing = emu_graph_find_edge_definition (other, definition->collection);
      if (existing == NULL)
        continue;
      previous = emu_graph_vertex_collections (other);
      g_ptr_array_unref (existing->from);
      g_ptr_array_unref (existing->to);
      existing->from = g_ptr_array_ref (definition->from);
      existing->to = g_ptr_array_ref (definition->to);
      emu_graph_settle_orphans (other, previous);
      emu_graph_store (req->state, database, other);
    }
}

/* The collections of @definition, sorted: its edge collection, and
 * those it connects. */
static GPtrArray *
definition_collections (EmuEdgeDefinition *definition)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  emu_string_set_add (names, definition->collection);
  for (guint i = 0; i < definition->from->len; i++)
    emu_string_set_add (names, g_ptr_array_index (definition->from, i));
  for (guint i = 0; i < definition->to->len; i++)
    emu_string_set_add (names, g_ptr_array_index (definition->to, i));
  return names;
}

static gboolean
check_definition_access (EmuRequest        *req,
                         EmuDatabase       *database,
                         EmuEdgeDefinition *definition)
{
  g_autoptr(GPtrArray) names = definition_collections (definition);

  return emu_permissions_check_edge_definition (req, database, names);
}

/* GraphManager::findOrCreateCollectionsByEdgeDefinition: the edge
 * collection, then the vertex collections; the permission check before
 * made sure the user may. */
static void
create_definition_collections (EmuRequest        *req,
                               EmuDatabase       *database,
                               EmuGraph          *graph,
                               EmuEdgeDefinition *definition)
{
  g_autoptr(GPtrArray) names = definition_collections (definition);

  if (emu_database_lookup_collection (database, definition->collection) == NULL)
    create_collection (req, database, graph, definition->collection, 3);
  for (guint i = 0; i < names->len; i++)
    if (emu_database_lookup_collection (database, g_ptr_array_index (names, i)) == NULL)
      create_collection (req, database, graph, g_ptr_array_index (names, i), 2);
}

static void
handle_replace_edge_definition (EmuRequest *req)
{
  EmuDatabase *database;
  g_autoptr(EmuGraph) graph = emu_graph_from_request (req, &database);
  const char *name = emu_request_get_param (req, "collection");
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(EmuEdgeDefinition) definition = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  EmuEdgeDefinition *existing;

  if (graph == NULL || (body = emu_request_parse_body (req)) == NULL)
    return;

  definition = emu_edge_definition_parse (body);
  if (definition == NULL)
    {
      emu_graph_reply_error (req, EMU_ERROR_GRAPH_CREATE_MALFORMED_EDGE_DEFINITION, NULL);
      return;
    }
  existing = emu_graph_find_edge_definition (graph, name);
  if (existing == NULL)
    {
      emu_graph_reply_error (req, EMU_ERROR_GRAPH_EDGE_COLLECTION_NOT_USED, NULL);
      return;
    }
  if (!check_definition_access (req, database, definition))
    return;
  /* The server makes the new definition's collections before it sees
   * that the definition names another edge collection. */
  create_definition_collections (req, database, graph, definition);
  if (!g_str_equal (definition->collection, name))
    {
      emu_graph_reply_error (req, EMU_ERROR_GRAPH_EDGE_COLLECTION_NOT_USED, NULL);
      return;
    }
  if (!may_store (req, database))
    return;

  previous = emu_graph_vertex_collections (graph);
  g_ptr_array_unref (existing->from);
  g_ptr_array_unref (existing->to);
  existing->from = g_ptr_array_ref (definition->from);
  existing->to = g_ptr_array_ref (definition->to);
  emu_graph_settle_orphans (graph, previous);
  if (!ensure_collections (req, database, graph))
    return;
  replace_in_other_graphs (req, database, definition, graph->name);
  reply_graph (req, SOUP_STATUS_ACCEPTED, emu_graph_store (req->state, database, graph));
}

static void
handle_remove_edge_definition (EmuRequest *req)
{
  EmuDatabase *database;
  g_autoptr(EmuGraph) graph = emu_graph_from_request (req, &database);
  const char *name = emu_request_get_param (req, "collection");
  gboolean drop = emu_request_get_query_bool (req, "dropCollections", FALSE);
  g_autoptr(GPtrArray) previous = NULL;
  EmuEdgeDefinition *existing;
  EmuDocument *document;

  if (graph == NULL)
    return;
  existing = emu_graph_find_edge_definition (graph, name);
  if (existing == NULL)
    {
      emu_graph_reply_error (req, EMU_ERROR_GRAPH_EDGE_COLLECTION_NOT_USED, NULL);
      return;
    }
  if ((drop && !emu_permissions_check_graph_collection_write (req, name)) ||
      !may_store (req, database))
    return;

  previous = emu_graph_vertex_collections (graph);
  g_ptr_array_remove (graph->edge_definitions, existing);
  emu_graph_settle_orphans (graph, previous);
  document = emu_graph_store (req->state, database, graph);
  if (drop)
    drop_collection_unless_shared (database, name, graph->name);
  reply_graph (req, SOUP_STATUS_ACCEPTED, document);
}

static const EmuRoute gharial_routes[] = {
  { "GET", "/_api/gharial", handle_list },
  { "POST", "/_api/gharial", handle_create },
  { "GET", "/_api/gharial/{graph}", handle_get },
  { "DELETE", "/_api/gharial/{graph}", handle_drop },
  { "GET", "/_api/gharial/{graph}/vertex", handle_list_vertex_collections },
  { "POST", "/_api/gharial/{graph}/vertex", handle_add_vertex_collection },
  { "DELETE", "/_api/gharial/{graph}/vertex/{collection}", handle_remove_vertex_collection },
  { "GET", "/_api/gharial/{graph}/edge", handle_list_edge_collections },
  { "POST", "/_api/gharial/{graph}/edge", handle_add_edge_definition },
  { "PUT", "/_api/gharial/{graph}/edge/{collection}", handle_replace_edge_definition },
  { "DELETE", "/_api/gharial/{graph}/edge/{collection}", handle_remove_edge_definition },
};

void
emu_gharial_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, gharial_routes, G_N_ELEMENTS (gharial_routes));
}
