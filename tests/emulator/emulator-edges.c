/* emulator-edges.c: the edges of one vertex, GET /_api/edges/{collection}
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/RestEdgesReadEdges{Any,In,Out}_single.json: "edges" in
 * write order (for "any" the outgoing ones first), then error, code and
 * the statistics of the edge index lookups the server ran (one cursor
 * per direction).
 */

#include <string.h>

#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-transactions.h"

static gboolean
edge_matches (EmuDocument *edge,
              const char  *attribute,
              const char  *vertex)
{
  return g_strcmp0 (emu_json_get_string (emu_document_object (edge), attribute), vertex) == 0;
}

static void
add_stats (JsonBuilder *builder,
           EmuState    *state,
           guint        found,
           guint        cursors)
{
  /* The edge cache counts its misses since 3.11 (3.10/RestEdgesReadEdgesAny_single.json: 0). */
  guint misses = emu_state_version_at_least (state, 3, 11, 0) ? cursors : 0;

  json_builder_set_member_name (builder, "stats");
  json_builder_begin_object (builder);
  emu_json_add_int (builder, "writesExecuted", 0);
  emu_json_add_int (builder, "writesIgnored", 0);
  emu_json_add_int (builder, "documentLookups", found);
  emu_json_add_int (builder, "seeks", 0);
  emu_json_add_int (builder, "scannedFull", 0);
  emu_json_add_int (builder, "scannedIndex", found);
  emu_json_add_int (builder, "searchParallelism", 1);
  emu_json_add_int (builder, "cursorsCreated", cursors);
  emu_json_add_int (builder, "cursorsRearmed", 0);
  emu_json_add_int (builder, "cacheHits", 0);
  emu_json_add_int (builder, "cacheMisses", misses);
  emu_json_add_int (builder, "filtered", 0);
  emu_json_add_int (builder, "httpRequests", 0);
  emu_json_add_double (builder, "executionTime", 0.0001);
  emu_json_add_int (builder, "peakMemoryUsage", 0);
  emu_json_add_int (builder, "intermediateCommits", 0);
  json_builder_end_object (builder);
}

static void
handle_edges (EmuRequest *req)
{
  const char *name = emu_request_get_param (req, "collection");
  const char *vertex = emu_request_get_query (req, "vertex");
  const char *direction = emu_request_get_query (req, "direction");
  gboolean outgoing, incoming;
  EmuRequestScope scope;
  EmuCollection *collection;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  guint found = 0;

  if (!emu_request_scope_init (&scope, req))
    return;
  collection = emu_database_find_collection (scope.database, name);
  if (collection == NULL)
    {
      emu_reply_arango_errorf (req->msg, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND,
                               "collection or view not found: %s", name);
      return;
    }
  if (collection->type != 3)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST,
                       EMU_ERROR_ARANGO_COLLECTION_TYPE_INVALID, NULL);
      return;
    }
  if (vertex == NULL || *vertex == '\0')
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_ARANGO_DOCUMENT_HANDLE_BAD,
                       "illegal document identifier");
      return;
    }
  if (direction == NULL || *direction == '\0' || g_str_equal (direction, "any"))
    outgoing = incoming = TRUE;
  else if (g_str_equal (direction, "out"))
    outgoing = TRUE, incoming = FALSE;
  else if (g_str_equal (direction, "in"))
    outgoing = FALSE, incoming = TRUE;
  else
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                        "<direction> must by any, in, or out, not: %s", direction);
      return;
    }
  if (!emu_request_scope_can_read (&scope, req, collection))
    return;

  edges = emu_view_scan (&scope.view, collection);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "edges");
  json_builder_begin_array (builder);
  for (guint pass = 0; pass < 2; pass++)
    {
      if ((pass == 0 && !outgoing) || (pass == 1 && !incoming))
        continue;
      for (guint i = 0; i < edges->len; i++)
        {
          EmuDocument *edge = g_ptr_array_index (edges, i);

          /* A loop is outgoing and incoming, but listed once. */
          if (pass == 1 && outgoing && edge_matches (edge, "_from", vertex))
            continue;
          if (!edge_matches (edge, pass == 0 ? "_from" : "_to", vertex))
            continue;
          json_builder_add_value (builder, json_node_copy (edge->body));
          found++;
        }
    }
  json_builder_end_array (builder);
  emu_json_add_ok (builder, SOUP_STATUS_OK);
  add_stats (builder, req->state, found, (outgoing ? 1 : 0) + (incoming ? 1 : 0));
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute edges_routes[] = {
  { "GET", "/_api/edges/{collection}", handle_edges },
};

void
emu_edges_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, edges_routes, G_N_ELEMENTS (edges_routes));
}
