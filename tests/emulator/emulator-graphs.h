/* emulator-graphs.h: named graphs as ArangoDB keeps them, one document
 * per graph in the database's _graphs system collection
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-request.h"
#include "emulator-state.h"
#include "emulator-store.h"

G_BEGIN_DECLS

/* Graph error numbers; texts and statuses in emulator-graphs.c, from
 * ../shared/arango-api/errors.tsv and errornum-http-status.tsv. */
enum {
  EMU_ERROR_NO_SMART_GRAPH_ATTRIBUTE = 4001,
  EMU_ERROR_ILLEGAL_SMART_GRAPH_ATTRIBUTE = 4004,
  EMU_ERROR_GRAPH_COLLECTION_MULTI_USE = 1920,
  EMU_ERROR_GRAPH_COLLECTION_USE_IN_MULTI_GRAPHS = 1921,
  EMU_ERROR_GRAPH_CREATE_MISSING_NAME = 1922,
  EMU_ERROR_GRAPH_CREATE_MALFORMED_EDGE_DEFINITION = 1923,
  EMU_ERROR_GRAPH_NOT_FOUND = 1924,
  EMU_ERROR_GRAPH_DUPLICATE = 1925,
  EMU_ERROR_GRAPH_VERTEX_COL_DOES_NOT_EXIST = 1926,
  EMU_ERROR_GRAPH_WRONG_COLLECTION_TYPE_VERTEX = 1927,
  EMU_ERROR_GRAPH_NOT_IN_ORPHAN_COLLECTION = 1928,
  EMU_ERROR_GRAPH_COLLECTION_USED_IN_EDGE_DEF = 1929,
  EMU_ERROR_GRAPH_EDGE_COLLECTION_NOT_USED = 1930,
  EMU_ERROR_GRAPH_COLLECTION_USED_IN_ORPHANS = 1938,
  EMU_ERROR_GRAPH_CREATE_MALFORMED_ORPHAN_LIST = 1943,
  EMU_ERROR_GRAPH_EDGE_DEFINITION_IS_DOCUMENT = 1944,
  EMU_ERROR_GRAPH_REFERENCED_VERTEX_COLLECTION_NOT_USED = 1947,
};

typedef struct {
  char      *collection;
  GPtrArray *from;        /* char *, sorted */
  GPtrArray *to;          /* char *, sorted */
} EmuEdgeDefinition;

typedef struct {
  char      *name;
  GPtrArray *edge_definitions;  /* EmuEdgeDefinition, in the order given */
  GPtrArray *orphans;           /* char *, sorted */
  /* The Enterprise members of a SmartGraph, EnterpriseGraph or
   * SatelliteGraph (numberOfShards … isDisjoint, emulator-gharial-enterprise.c);
   * NULL for a graph as the Community Edition shapes it. */
  JsonObject *properties;
} EmuGraph;

void               emu_graph_free                 (EmuGraph          *graph);
EmuGraph          *emu_graph_new                  (const char        *name);
EmuGraph          *emu_graph_load                 (EmuDatabase       *database,
                                                   const char        *name);
GPtrArray         *emu_graph_documents            (EmuDatabase       *database);
GPtrArray         *emu_graph_load_others          (EmuDatabase       *database,
                                                   const char        *except);
EmuDocument       *emu_graph_store                (EmuState          *state,
                                                   EmuDatabase       *database,
                                                   EmuGraph          *graph);
void               emu_graph_remove               (EmuDatabase       *database,
                                                   const char        *name);

EmuEdgeDefinition *emu_edge_definition_parse      (JsonNode          *node);
void               emu_edge_definition_free       (EmuEdgeDefinition *definition);
EmuEdgeDefinition *emu_graph_find_edge_definition (EmuGraph          *graph,
                                                   const char        *collection);
gboolean           emu_edge_definition_equal      (EmuEdgeDefinition *a,
                                                   EmuEdgeDefinition *b);
gboolean           emu_graph_uses_vertex_collection (EmuGraph        *graph,
                                                   const char        *collection);
gboolean           emu_graph_has_vertex_collection (EmuGraph         *graph,
                                                   const char        *collection);
GPtrArray         *emu_graph_vertex_collections   (EmuGraph          *graph);
void               emu_graph_settle_orphans       (EmuGraph          *graph,
                                                   GPtrArray         *previous_vertices);
gboolean           emu_string_set_add             (GPtrArray         *set,
                                                   const char        *name);
gboolean           emu_string_set_contains        (GPtrArray         *set,
                                                   const char        *name);

gboolean           emu_graph_parse_enterprise     (EmuRequest        *req,
                                                   JsonObject        *body,
                                                   EmuGraph          *graph);
void               emu_graph_note_initial_id      (EmuState          *state,
                                                   EmuDatabase       *database,
                                                   EmuGraph          *graph);
void               emu_graph_configure_collection (EmuGraph          *graph,
                                                   EmuCollection     *collection);
void               emu_graph_add_leading_properties (EmuGraph        *graph,
                                                   JsonBuilder       *builder);
void               emu_graph_add_trailing_properties (EmuGraph       *graph,
                                                   JsonBuilder       *builder);
void               emu_graph_load_properties      (EmuGraph          *graph,
                                                   JsonObject        *document);

void               emu_graph_reply_error          (EmuRequest        *req,
                                                   int                error_num,
                                                   const char        *message);
void               emu_graph_reply_not_found      (EmuRequest        *req,
                                                   const char        *name);
EmuGraph          *emu_graph_from_request         (EmuRequest        *req,
                                                   EmuDatabase      **database);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmuGraph, emu_graph_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmuEdgeDefinition, emu_edge_definition_free)

G_END_DECLS
