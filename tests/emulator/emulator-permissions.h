/* emulator-permissions.h: what a user may do with a collection
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-ast.h"
#include "emulator-request.h"

G_BEGIN_DECLS

/* How a transaction uses a collection (the server's AccessMode). */
typedef enum {
  EMU_ACCESS_READ,
  EMU_ACCESS_WRITE,
  EMU_ACCESS_EXCLUSIVE,
} EmuAccessMode;

/* Before the handler of the route @pattern runs: FALSE after replying
 * with the server's refusal. */
gboolean emu_permissions_authorize_route (EmuRequest    *req,
                                          const char    *pattern);

/* A transaction's use of @collection; FALSE after replying. */
gboolean emu_permissions_check_use       (EmuRequest    *req,
                                          EmuCollection *collection,
                                          EmuAccessMode  mode);

/* The collections @query reads and writes; FALSE with @error set. */
gboolean emu_permissions_check_query     (EmuRequest    *req,
                                          EmuAqlQuery   *query,
                                          JsonNode      *bind_vars,
                                          EmuAqlError   *error);

/* GraphManager::checkCreateGraphPermissions for a graph over the
 * collections named in @edge_collections and @vertex_collections;
 * FALSE after replying. */
gboolean emu_permissions_check_graph_create (EmuRequest  *req,
                                             EmuDatabase *database,
                                             GPtrArray   *edge_collections,
                                             GPtrArray   *vertex_collections);

/* GraphManager::checkDropGraphPermissions, @dropped the collections the
 * removal drops with the graph; FALSE after replying. */
gboolean emu_permissions_check_graph_drop   (EmuRequest  *req,
                                             GPtrArray   *dropped);

/* Collections::lookup: an existing @collection the user may not read is
 * 403/11 "No access to collection '<c>'"; FALSE after replying. */
gboolean emu_permissions_check_lookup    (EmuRequest    *req,
                                          const char    *collection);

/* Collections::create: "rw" on the database, else 403/11 "cannot create
 * collection in <db>: forbidden"; FALSE after replying. */
gboolean emu_permissions_check_create_collection (EmuRequest *req);

/* GraphOperations::checkEdgeDefinitionPermissions over @collections, the
 * sorted names of an edge definition's collections; FALSE after replying. */
gboolean emu_permissions_check_edge_definition (EmuRequest  *req,
                                                EmuDatabase *database,
                                                GPtrArray   *collections);

/* GraphOperations::hasRWPermissionsFor: "rw" on @collection, whatever
 * the database's level; FALSE after replying. */
gboolean emu_permissions_check_graph_collection_write (EmuRequest *req,
                                                       const char *collection);

/* The creator of a collection gets "rw" on it, as the server grants it. */
void     emu_permissions_grant_creator   (EmuRequest    *req,
                                          const char    *collection);

G_END_DECLS
