/* emulator-gharial-enterprise.c: SmartGraphs, EnterpriseGraphs and
 * SatelliteGraphs, as the Enterprise Edition the emulator identifies as
 * creates them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/HttpGharialCreate{Smart,DisjointSmart,SmartWithSatellites,
 * Enterprise,Satellite}_single.json. "isSmart" makes a SmartGraph, or an
 * EnterpriseGraph when no smartGraphAttribute is given; a replicationFactor
 * of "satellite" a SatelliteGraph. The graph document then carries its
 * sharding (numberOfShards … isSatellite, before the edge definitions) and
 * its smart members (initial … isDisjoint, after the orphans); the
 * collections the graph creates take its numberOfShards, replicationFactor
 * and writeConcern. The smart attribute's check on document keys and the
 * satellite replication of collections are not emulated.
 */

#include <string.h>

#include "emulator-graphs.h"
#include "emulator-reply.h"

/* The graph document's members, in the order the server writes them. */
static const char * const leading_members[] = {
  "numberOfShards", "replicationFactor", "minReplicationFactor",
  "writeConcern", "isSmart", "isSatellite",
};
static const char * const trailing_members[] = {
  "initial", "initialCid", "smartGraphAttribute", "isDisjoint",
};

static JsonObject *
options_member (JsonObject *body)
{
  JsonNode *node = json_object_get_member (body, "options");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
is_satellite_request (JsonObject *options)
{
  return options != NULL &&
         g_strcmp0 (emu_json_get_string (options, "replicationFactor"), "satellite") == 0;
}

static gint64
option_count (JsonObject *options,
              const char *name,
              gint64      default_value)
{
  gdouble value;

  if (emu_json_get_number (options, name, &value) && value >= 1)
    return (gint64) value;
  return default_value;
}

/* The first vertex collection of the graph: the prototype the server
 * distributes the others like. */
static const char *
initial_collection (EmuGraph *graph)
{
  if (graph->edge_definitions->len > 0)
    {
      EmuEdgeDefinition *first = g_ptr_array_index (graph->edge_definitions, 0);

      if (first->from->len > 0)
        return g_ptr_array_index (first->from, 0);
    }
  return graph->orphans->len > 0 ? g_ptr_array_index (graph->orphans, 0) : NULL;
}

/* FALSE (and the error reply) for an attribute that cannot shard by:
 * anything but a non-empty string naming no system attribute. */
static gboolean
check_smart_attribute (EmuRequest *req,
                       JsonObject *options,
                       const char **attribute)
{
  JsonNode *node = options != NULL ? json_object_get_member (options, "smartGraphAttribute") : NULL;

  *attribute = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0' || *json_node_get_string (node) == '_')
    {
      emu_graph_reply_error (req, EMU_ERROR_ILLEGAL_SMART_GRAPH_ATTRIBUTE, NULL);
      return FALSE;
    }
  *attribute = json_node_get_string (node);
  return TRUE;
}

static void
set_satellite_sharding (JsonObject *properties)
{
  json_object_set_int_member (properties, "numberOfShards", 1);
  json_object_set_string_member (properties, "replicationFactor", "satellite");
  json_object_set_boolean_member (properties, "isSmart", FALSE);
  json_object_set_boolean_member (properties, "isSatellite", TRUE);
}

static void
set_smart_sharding (JsonObject *properties,
                    JsonObject *options)
{
  gint64 write_concern = option_count (options, "writeConcern",
                                       option_count (options, "minReplicationFactor", 1));

  json_object_set_int_member (properties, "numberOfShards", option_count (options, "numberOfShards", 1));
  json_object_set_int_member (properties, "replicationFactor", option_count (options, "replicationFactor", 1));
  json_object_set_int_member (properties, "minReplicationFactor", write_concern);
  json_object_set_int_member (properties, "writeConcern", write_concern);
  json_object_set_boolean_member (properties, "isSmart", TRUE);
  json_object_set_boolean_member (properties, "isSatellite", FALSE);
}

/* Called once the graph's definitions are parsed: sets graph->properties
 * for an Enterprise graph; FALSE (and the error reply) for bad options. */
gboolean
emu_graph_parse_enterprise (EmuRequest *req,
                            JsonObject *body,
                            EmuGraph   *graph)
{
  JsonObject *options = options_member (body);
  gboolean satellite = is_satellite_request (options);
  gboolean smart = emu_json_get_boolean (body, "isSmart", FALSE);
  gboolean disjoint = options != NULL && emu_json_get_boolean (options, "isDisjoint", FALSE);
  g_autoptr(JsonObject) properties = NULL;
  const char *attribute;
  const char *initial = initial_collection (graph);

  if (!smart && !satellite)
    return TRUE;
  if (!check_smart_attribute (req, options, &attribute))
    return FALSE;
  if (disjoint && attribute == NULL)
    {
      emu_graph_reply_error (req, EMU_ERROR_NO_SMART_GRAPH_ATTRIBUTE, NULL);
      return FALSE;
    }

  properties = json_object_new ();
  if (smart)
    set_smart_sharding (properties, options);
  else
    set_satellite_sharding (properties);
  if (initial != NULL)
    json_object_set_string_member (properties, "initial", initial);
  if (smart && attribute != NULL)
    json_object_set_string_member (properties, "smartGraphAttribute", attribute);
  if (smart)
    json_object_set_boolean_member (properties, "isDisjoint", disjoint);

  g_clear_pointer (&graph->properties, json_object_unref);
  graph->properties = g_steal_pointer (&properties);
  return TRUE;
}

/* Before 3.12 the document also holds the initial collection's id
 * (3.11/HttpGharialCreateSmart_single.json); called once the graph's
 * collections exist. */
void
emu_graph_note_initial_id (EmuState    *state,
                           EmuDatabase *database,
                           EmuGraph    *graph)
{
  const char *initial;
  EmuCollection *collection;

  if (graph->properties == NULL || emu_state_version_at_least (state, 3, 12, 0))
    return;
  initial = json_object_get_string_member_with_default (graph->properties, "initial", NULL);
  collection = initial != NULL ? emu_database_lookup_collection (database, initial) : NULL;
  if (collection != NULL)
    json_object_set_int_member (graph->properties, "initialCid",
                                g_ascii_strtoll (collection->id, NULL, 10));
}

/* A collection the graph creates takes the graph's sharding. */
void
emu_graph_configure_collection (EmuGraph      *graph,
                                EmuCollection *collection)
{
  JsonNode *replication;

  if (graph->properties == NULL)
    return;
  if (json_object_has_member (graph->properties, "numberOfShards"))
    collection->number_of_shards = json_object_get_int_member (graph->properties, "numberOfShards");
  replication = json_object_get_member (graph->properties, "replicationFactor");
  if (replication != NULL && json_node_get_value_type (replication) == G_TYPE_INT64)
    collection->replication_factor = json_node_get_int (replication);
  if (json_object_has_member (graph->properties, "writeConcern"))
    collection->write_concern = json_object_get_int_member (graph->properties, "writeConcern");
}

static void
add_members (EmuGraph           *graph,
             JsonBuilder        *builder,
             const char * const *names,
             gsize               n_names)
{
  if (graph->properties == NULL)
    return;
  for (gsize i = 0; i < n_names; i++)
    if (json_object_has_member (graph->properties, names[i]))
      emu_json_add_node (builder, names[i], json_object_get_member (graph->properties, names[i]));
}

void
emu_graph_add_leading_properties (EmuGraph    *graph,
                                  JsonBuilder *builder)
{
  add_members (graph, builder, leading_members, G_N_ELEMENTS (leading_members));
}

void
emu_graph_add_trailing_properties (EmuGraph    *graph,
                                   JsonBuilder *builder)
{
  add_members (graph, builder, trailing_members, G_N_ELEMENTS (trailing_members));
}

static void
copy_members (JsonObject         *from,
              JsonObject         *to,
              const char * const *names,
              gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    if (json_object_has_member (from, names[i]))
      json_object_set_member (to, names[i], json_node_copy (json_object_get_member (from, names[i])));
}

/* Takes the Enterprise members back from a stored graph document. */
void
emu_graph_load_properties (EmuGraph   *graph,
                           JsonObject *document)
{
  if (!json_object_has_member (document, "isSmart") &&
      !json_object_has_member (document, "isSatellite"))
    return;
  g_clear_pointer (&graph->properties, json_object_unref);
  graph->properties = json_object_new ();
  copy_members (document, graph->properties, leading_members, G_N_ELEMENTS (leading_members));
  copy_members (document, graph->properties, trailing_members, G_N_ELEMENTS (trailing_members));
}
