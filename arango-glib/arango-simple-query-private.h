/* arango-simple-query-private.h: the AQL behind a collection's simple
 * queries, with every value a bind parameter
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A simple query (find, keys, random, the range, geo and text finders,
 * the *_match calls) is fixed AQL text chosen by the call, with the
 * collection, attribute names and values passed as bind parameters, never
 * written into the text. It runs through POST /_api/cursor like any
 * query.
 */

#pragma once

#include "arango-collection.h"
#include "arango-connection-private.h"
#include "arango-query-options.h"

G_BEGIN_DECLS

/* What `LIMIT` takes when only a number to skip is given. */
#define ARANGO_SIMPLE_QUERY_ALL G_MAXINT64

typedef struct _ArangoSimpleQuery ArangoSimpleQuery;

ArangoSimpleQuery *arango_simple_query_new       (ArangoCollection  *collection);
void               arango_simple_query_free      (ArangoSimpleQuery *self);

void               arango_simple_query_append    (ArangoSimpleQuery *self,
                                                  const char        *aql);
void               arango_simple_query_bind      (ArangoSimpleQuery *self,
                                                  const char        *name,
                                                  JsonNode          *value);
void               arango_simple_query_bind_double (ArangoSimpleQuery *self,
                                                    const char        *name,
                                                    gdouble            value);
void               arango_simple_query_bind_int  (ArangoSimpleQuery *self,
                                                  const char        *name,
                                                  gint64             value);
void               arango_simple_query_bind_boolean (ArangoSimpleQuery *self,
                                                     const char        *name,
                                                     gboolean           value);
void               arango_simple_query_bind_string (ArangoSimpleQuery *self,
                                                    const char        *name,
                                                    const char        *value);
char              *arango_simple_query_bind_attribute (ArangoSimpleQuery *self,
                                                       const char        *path);
void               arango_simple_query_filter_equal (ArangoSimpleQuery *self,
                                                     JsonObject        *filters);
void               arango_simple_query_limit     (ArangoSimpleQuery *self,
                                                  gint64             skip,
                                                  gint64             limit);

void               arango_simple_query_run_cursor (ArangoSimpleQuery   *self,
                                                   ArangoQueryOptions  *options,
                                                   gpointer             source_tag,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
void               arango_simple_query_run       (ArangoSimpleQuery   *self,
                                                  ArangoQueryOptions  *options,
                                                  ArangoReplyFunc      reply_func,
                                                  gconstpointer        reply_data,
                                                  gpointer             source_tag,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);

/* Checks made before anything is sent; each reports
 * ARANGO_ERROR_INVALID_ARGUMENT to @callback and returns FALSE. */
gboolean           arango_simple_query_check_path    (ArangoCollection    *collection,
                                                      const char          *path,
                                                      gpointer             source_tag,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean           arango_simple_query_check_filters (ArangoCollection    *collection,
                                                      JsonObject          *filters,
                                                      gboolean             required,
                                                      gpointer             source_tag,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean           arango_simple_query_check_window  (ArangoCollection    *collection,
                                                      gint64               skip,
                                                      gint64               limit,
                                                      gpointer             source_tag,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArangoSimpleQuery, arango_simple_query_free)

G_END_DECLS
