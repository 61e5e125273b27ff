/* arango-graph-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-context-private.h"
#include "arango-database.h"
#include "arango-graph.h"

G_BEGIN_DECLS

ArangoGraph   *arango_graph_new                   (ArangoDatabase       *database,
                                                  const char           *name);
ArangoContext *arango_graph_get_context           (ArangoGraph          *self);
ArangoRequest *arango_graph_request               (ArangoGraph          *self,
                                                  const char           *method,
                                                  const char           *what,
                                                  const char           *collection,
                                                  const char           *key);
void           arango_graph_call                  (ArangoGraph          *self,
                                                  ArangoRequest        *request,
                                                  ArangoReplyFunc       reply_func,
                                                  gconstpointer         reply_data,
                                                  gpointer              source_tag,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean       arango_graph_check_collection_name (const char           *name,
                                                  GError              **error);

G_END_DECLS
