/* arango-types.h: forward declarations of the public types
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _ArangoClient ArangoClient;
typedef struct _ArangoDatabase ArangoDatabase;
typedef struct _ArangoCluster ArangoCluster;
typedef struct _ArangoCollection ArangoCollection;
typedef struct _ArangoCursor ArangoCursor;
typedef struct _ArangoTransaction ArangoTransaction;
typedef struct _ArangoQueryOptions ArangoQueryOptions;
typedef struct _ArangoTransactionOptions ArangoTransactionOptions;
typedef struct _ArangoDatabaseOptions ArangoDatabaseOptions;
typedef struct _ArangoTaskOptions ArangoTaskOptions;
typedef struct _ArangoHostResolver ArangoHostResolver;
typedef struct _ArangoGraph ArangoGraph;
typedef struct _ArangoDocument ArangoDocument;
typedef struct _ArangoQueryModel ArangoQueryModel;

G_END_DECLS
