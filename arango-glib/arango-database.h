/* arango-database.h: one database, with its credentials
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <gio/gio.h>

#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

#define ARANGO_TYPE_DATABASE (arango_database_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoDatabase, arango_database, ARANGO, DATABASE, GObject)

ARANGO_AVAILABLE_IN_ALL
const char    *arango_database_get_name     (ArangoDatabase *self);
ARANGO_AVAILABLE_IN_ALL
const char    *arango_database_get_username (ArangoDatabase *self);
ARANGO_AVAILABLE_IN_ALL
ArangoClient  *arango_database_get_client   (ArangoDatabase *self);
ARANGO_AVAILABLE_IN_ALL
ArangoCluster *arango_database_get_cluster  (ArangoDatabase *self);

G_END_DECLS
