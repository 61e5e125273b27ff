/* arango-cursor-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-context-private.h"
#include "arango-cursor-batch-private.h"
#include "arango-cursor.h"
#include "arango-query-options.h"

G_BEGIN_DECLS

ArangoRequest *arango_query_request_new (ArangoContext       *context,
                                         const char          *aql,
                                         JsonObject          *bind_vars,
                                         ArangoQueryOptions  *options,
                                         gboolean            *allow_retry);

void          arango_query_start        (ArangoContext        *context,
                                         gpointer              source_object,
                                         const char           *aql,
                                         JsonObject           *bind_vars,
                                         ArangoQueryOptions   *options,
                                         gpointer              source_tag,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);

ArangoCursor *arango_cursor_new_from_reply (ArangoContext        *context,
                                           ArangoResponse       *response,
                                           gboolean              allow_retry,
                                           GError              **error);

void          arango_cursor_next_batch_start (ArangoCursor        *self,
                                              ArangoBatchForm      form,
                                              gpointer             source_tag,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);

G_END_DECLS
