/* emulator-graphs.c: named graphs stored in _graphs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A graph document holds what GET /_api/gharial/{graph} answers under
 * "graph" (3.12/HttpGharialGetGraph_single.json): _key, edgeDefinitions
 * (from and to sorted, as the server keeps them in sets), sorted
 * orphanCollections, _rev, _id and name.
 */

#include <string.h>

#include "emulator-graphs.h"
#include "emulator-reply.h"
#include "emulator-value.h"

#define GRAPHS_COLLECTION "_graphs"

static const struct {
  int         number;
  guint       status;
  const char *message;
} graph_errors[] = {
  { EMU_ERROR_NO_SMART_GRAPH_ATTRIBUTE, 400, "smart graph attribute not given" },
  { EMU_ERROR_ILLEGAL_SMART_GRAPH_ATTRIBUTE, 400, "attribute cannot be used as smart graph attribute" },
  { EMU_ERROR_GRAPH_COLLECTION_MULTI_USE, 400, "multi use of edge collection in edge def" },
  { EMU_ERROR_GRAPH_COLLECTION_USE_IN_MULTI_GRAPHS, 400, "edge collection already used in edge def" },
  { EMU_ERROR_GRAPH_CREATE_MISSING_NAME, 400, "missing graph name" },
  { EMU_ERROR_GRAPH_CREATE_MALFORMED_EDGE_DEFINITION, 400, "malformed edge definition" },
  { EMU_ERROR_GRAPH_NOT_FOUND, 404, "graph '%s' not found" },
  { EMU_ERROR_GRAPH_DUPLICATE, 409, "graph already exists" },
  { EMU_ERROR_GRAPH_VERTEX_COL_DOES_NOT_EXIST, 404, "vertex collection does not exist or is not part of the graph" },
  { EMU_ERROR_GRAPH_WRONG_COLLECTION_TYPE_VERTEX, 400, "collection not a vertex collection" },
  { EMU_ERROR_GRAPH_NOT_IN_ORPHAN_COLLECTION, 400, "collection is not in list of orphan collections" },
  { EMU_ERROR_GRAPH_COLLECTION_USED_IN_EDGE_DEF, 400, "collection already used in edge def" },
  { EMU_ERROR_GRAPH_EDGE_COLLECTION_NOT_USED, 404, "edge collection not used in graph" },
  { EMU_ERROR_GRAPH_COLLECTION_USED_IN_ORPHANS, 400, "collection used in orphans" },
  { EMU_ERROR_GRAPH_CREATE_MALFORMED_ORPHAN_LIST, 400, "malformed orphan list" },
  /* Not in the server's status table, hence 500. */
  { EMU_ERROR_GRAPH_EDGE_DEFINITION_IS_DOCUMENT, 500, "edge definition collection is a document collection" },
  { EMU_ERROR_GRAPH_REFERENCED_VERTEX_COLLECTION_NOT_USED, 400, "referenced vertex collection is not part of the graph" },
};

void
emu_graph_reply_error (EmuRequest *req,
                       int         error_num,
                       const char *message)
{
  for (guint i = 0; i < G_N_ELEMENTS (graph_errors); i++)
    if (graph_errors[i].number == error_num)
      {
        emu_reply_error (req->msg, graph_errors[i].status, error_num,
                         message != NULL ? message : graph_errors[i].message);
        return;
      }
  emu_reply_arango_error (req->msg, error_num, message);
}

void
emu_graph_reply_not_found (EmuRequest *req,
                           const char *name)
{
  g_autofree char *message = g_strdup_printf ("graph '%s' not found", name);

  emu_graph_reply_error (req, EMU_ERROR_GRAPH_NOT_FOUND, message);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
emu_string_set_contains (GPtrArray  *set,
                         const char *name)
{
  for (guint i = 0; i < set->len; i++)
    if (g_str_equal (g_ptr_array_index (set, i), name))
      return TRUE;
  return FALSE;
}

/* Adds @name to the sorted @set; FALSE if it was there. */
gboolean
emu_string_set_add (GPtrArray  *set,
                    const char *name)
{
  if (emu_string_set_contains (set, name))
    return FALSE;
  g_ptr_array_add (set, g_strdup (name));
  g_ptr_array_sort (set, compare_strings);
  return TRUE;
}

static GPtrArray *
string_set_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

void
emu_edge_definition_free (EmuEdgeDefinition *definition)
{
  g_free (definition->collection);
  g_ptr_array_unref (definition->from);
  g_ptr_array_unref (definition->to);
  g_free (definition);
}

EmuGraph *
emu_graph_new (const char *name)
{
  EmuGraph *graph = g_new0 (EmuGraph, 1);

  graph->name = g_strdup (name);
  graph->edge_definitions = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_edge_definition_free);
  graph->orphans = string_set_new ();
  return graph;
}

void
emu_graph_free (EmuGraph *graph)
{
  g_free (graph->name);
  g_ptr_array_unref (graph->edge_definitions);
  g_ptr_array_unref (graph->orphans);
  g_clear_pointer (&graph->properties, json_object_unref);
  g_free (graph);
}

/* A JSON array of strings into a sorted set; NULL if it is anything else. */
static GPtrArray *
parse_string_set (JsonNode *node)
{
  g_autoptr(GPtrArray) set = string_set_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        return NULL;
      emu_string_set_add (set, json_node_get_string (element));
    }
  return g_steal_pointer (&set);
}

/* {"collection", "from", "to"} as a request gives it; NULL if malformed. */
EmuEdgeDefinition *
emu_edge_definition_parse (JsonNode *node)
{
  JsonObject *object;
  const char *collection;
  g_autoptr(GPtrArray) from = NULL;
  g_autoptr(GPtrArray) to = NULL;
  EmuEdgeDefinition *definition;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  collection = emu_json_get_string (object, "collection");
  from = parse_string_set (json_object_get_member (object, "from"));
  to = parse_string_set (json_object_get_member (object, "to"));
  if (collection == NULL || *collection == '\0' || from == NULL || to == NULL)
    return NULL;

  definition = g_new0 (EmuEdgeDefinition, 1);
  definition->collection = g_strdup (collection);
  definition->from = g_steal_pointer (&from);
  definition->to = g_steal_pointer (&to);
  return definition;
}

static gboolean
string_sets_equal (GPtrArray *a,
                   GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

gboolean
emu_edge_definition_equal (EmuEdgeDefinition *a,
                           EmuEdgeDefinition *b)
{
  return g_str_equal (a->collection, b->collection) &&
         string_sets_equal (a->from, b->from) &&
         string_sets_equal (a->to, b->to);
}

EmuEdgeDefinition *
emu_graph_find_edge_definition (EmuGraph   *graph,
                                const char *collection)
{
  for (guint i = 0; i < graph->edge_definitions->len; i++)
    {
      EmuEdgeDefinition *definition = g_ptr_array_index (graph->edge_definitions, i);

      if (g_str_equal (definition->collection, collection))
        return definition;
    }
  return NULL;
}

/* In the from or to list of an edge definition. */
gboolean
emu_graph_uses_vertex_collection (EmuGraph   *graph,
                                  const char *collection)
{
  for (guint i = 0; i < graph->edge_definitions->len; i++)
    {
      EmuEdgeDefinition *definition = g_ptr_array_index (graph->edge_definitions, i);

      if (emu_string_set_contains (definition->from, collection) ||
          emu_string_set_contains (definition->to, collection))
        return TRUE;
    }
  return FALSE;
}

gboolean
emu_graph_has_vertex_collection (EmuGraph   *graph,
                                 const char *collection)
{
  return emu_graph_uses_vertex_collection (graph, collection) ||
         emu_string_set_contains (graph->orphans, collection);
}

/* Every vertex collection, orphans included, sorted. */
GPtrArray *
emu_graph_vertex_collections (EmuGraph *graph)
{
  GPtrArray *set = string_set_new ();

  for (guint i = 0; i < graph->edge_definitions->len; i++)
    {
      EmuEdgeDefinition *definition = g_ptr_array_index (graph->edge_definitions, i);

      for (guint j = 0; j < definition->from->len; j++)
        emu_string_set_add (set, g_ptr_array_index (definition->from, j));
      for (guint j = 0; j < definition->to->len; j++)
        emu_string_set_add (set, g_ptr_array_index (definition->to, j));
    }
  for (guint i = 0; i < graph->orphans->len; i++)
    emu_string_set_add (set, g_ptr_array_index (graph->orphans, i));
  return set;
}

/* After the edge definitions changed: collections now in an edge
 * definition stop being orphans, and vertex collections of @previous no
 * edge definition uses any more become orphans, so the graph keeps them. */
void
emu_graph_settle_orphans (EmuGraph  *graph,
                          GPtrArray *previous_vertices)
{
  for (guint i = graph->orphans->len; i > 0; i--)
    if (emu_graph_uses_vertex_collection (graph, g_ptr_array_index (graph->orphans, i - 1)))
      g_ptr_array_remove_index (graph->orphans, i - 1);

  for (guint i = 0; previous_vertices != NULL && i < previous_vertices->len; i++)
    {
      const char *name = g_ptr_array_index (previous_vertices, i);

      if (!emu_graph_uses_vertex_collection (graph, name))
        emu_string_set_add (graph->orphans, name);
    }
}

static EmuCollection *
graphs_collection (EmuDatabase *database)
{
  return emu_database_lookup_collection (database, GRAPHS_COLLECTION);
}

static EmuGraph *
graph_from_document (EmuDocument *document)
{
  JsonObject *object = emu_document_object (document);
  g_autoptr(EmuGraph) graph = emu_graph_new (emu_document_key (document));
  JsonNode *definitions = json_object_get_member (object, "edgeDefinitions");
  g_autoptr(GPtrArray) orphans = parse_string_set (json_object_get_member (object, "orphanCollections"));

  if (definitions != NULL && JSON_NODE_HOLDS_ARRAY (definitions))
    {
      JsonArray *array = json_node_get_array (definitions);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          EmuEdgeDefinition *definition = emu_edge_definition_parse (json_array_get_element (array, i));

          if (definition != NULL)
            g_ptr_array_add (graph->edge_definitions, definition);
        }
    }
  if (orphans != NULL)
    {
      g_ptr_array_unref (graph->orphans);
      graph->orphans = g_steal_pointer (&orphans);
    }
  emu_graph_load_properties (graph, object);
  return g_steal_pointer (&graph);
}

EmuGraph *
emu_graph_load (EmuDatabase *database,
                const char  *name)
{
  EmuCollection *collection = graphs_collection (database);
  EmuDocument *document;

  if (collection == NULL || name == NULL)
    return NULL;
  document = g_hash_table_lookup (collection->documents, name);
  return document != NULL ? graph_from_document (document) : NULL;
}

static gint
compare_documents (gconstpointer a,
                   gconstpointer b)
{
  const EmuDocument *first = *(EmuDocument * const *) a;
  const EmuDocument *second = *(EmuDocument * const *) b;

  return first->sequence < second->sequence ? -1 : first->sequence > second->sequence;
}

/* The graph documents of @database, in creation order. */
GPtrArray *
emu_graph_documents (EmuDatabase *database)
{
  EmuCollection *collection = graphs_collection (database);
  GPtrArray *documents = g_ptr_array_new ();

  if (collection != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, collection->documents);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (documents, value);
      g_ptr_array_sort (documents, compare_documents);
    }
  return documents;
}

/* Every graph of @database but @except (nullable), in creation order. */
GPtrArray *
emu_graph_load_others (EmuDatabase *database,
                       const char  *except)
{
  g_autoptr(GPtrArray) documents = emu_graph_documents (database);
  GPtrArray *graphs = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_graph_free);

  for (guint i = 0; i < documents->len; i++)
    {
      EmuDocument *document = g_ptr_array_index (documents, i);

      if (g_strcmp0 (emu_document_key (document), except) != 0)
        g_ptr_array_add (graphs, graph_from_document (document));
    }
  return graphs;
}

static void
add_string_array (JsonBuilder *builder,
                  const char  *name,
                  GPtrArray   *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

/* Writes the graph with a new revision; the stored document is what the
 * replies show under "graph". */
EmuDocument *
emu_graph_store (EmuState    *state,
                 EmuDatabase *database,
                 EmuGraph    *graph)
{
  EmuCollection *collection = graphs_collection (database);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *rev = emu_state_new_rev (state);
  g_autofree char *id = g_strdup_printf (GRAPHS_COLLECTION "/%s", graph->name);
  EmuDocument *document;

  if (collection == NULL)
    collection = emu_state_create_collection (state, database, GRAPHS_COLLECTION, 2, TRUE);

  json_builder_begin_object (builder);
  emu_json_add_string (builder, "_key", graph->name);
  emu_graph_add_leading_properties (graph, builder);
  json_builder_set_member_name (builder, "edgeDefinitions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < graph->edge_definitions->len; i++)
    {
      EmuEdgeDefinition *definition = g_ptr_array_index (graph->edge_definitions, i);

      json_builder_begin_object (builder);
      emu_json_add_string (builder, "collection", definition->collection);
      add_string_array (builder, "from", definition->from);
      add_string_array (builder, "to", definition->to);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_string_array (builder, "orphanCollections", graph->orphans);
  emu_graph_add_trailing_properties (graph, builder);
  emu_json_add_string (builder, "_rev", rev);
  emu_json_add_string (builder, "_id", id);
  emu_json_add_string (builder, "name", graph->name);
  json_builder_end_object (builder);

  document = emu_document_new (state, json_builder_get_root (builder));
  g_hash_table_replace (collection->documents, g_strdup (graph->name), document);
  return document;
}

void
emu_graph_remove (EmuDatabase *database,
                  const char  *name)
{
  EmuCollection *collection = graphs_collection (database);

  if (collection != NULL)
    g_hash_table_remove (collection->documents, name);
}

/* The graph the {graph} segment names, or a 404 1924 reply and NULL. */
EmuGraph *
emu_graph_from_request (EmuRequest   *req,
                        EmuDatabase **database)
{
  const char *name = emu_request_get_param (req, "graph");
  EmuGraph *graph;

  *database = emu_state_lookup_database (req->state, req->database);
  graph = *database != NULL ? emu_graph_load (*database, name) : NULL;
  if (graph == NULL)
    emu_graph_reply_not_found (req, name);
  return graph;
}
