/* arango-glib.h: the one header to include
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define __ARANGO_GLIB_INSIDE__

#include <arango-glib/arango-version.h>
#include <arango-glib/arango-version-macros.h>
#include <arango-glib/arango-types.h>
#include <arango-glib/arango-enums.h>
#include <arango-glib/arango-enum-types.h>
#include <arango-glib/arango-error.h>
#include <arango-glib/arango-host-resolver.h>
#include <arango-glib/arango-client.h>
#include <arango-glib/arango-database.h>
#include <arango-glib/arango-database-admin.h>
#include <arango-glib/arango-database-users.h>
#include <arango-glib/arango-database-views.h>
#include <arango-glib/arango-database-functions.h>
#include <arango-glib/arango-database-tasks.h>
#include <arango-glib/arango-cluster.h>
#include <arango-glib/arango-cluster-shards.h>
#include <arango-glib/arango-collection.h>
#include <arango-glib/arango-collection-import.h>
#include <arango-glib/arango-collection-shards.h>
#include <arango-glib/arango-collection-admin.h>
#include <arango-glib/arango-collection-find.h>
#include <arango-glib/arango-collection-geo.h>
#include <arango-glib/arango-collection-match.h>
#include <arango-glib/arango-cursor.h>
#include <arango-glib/arango-query-options.h>
#include <arango-glib/arango-transaction.h>
#include <arango-glib/arango-transaction-options.h>
#include <arango-glib/arango-task-options.h>
#include <arango-glib/arango-database-options.h>
#include <arango-glib/arango-database-transactions.h>
#include <arango-glib/arango-graph.h>
#include <arango-glib/arango-database-graphs.h>
#include <arango-glib/arango-document-object.h>
#include <arango-glib/arango-query-model.h>
#include <arango-glib/arango-job.h>
#include <arango-glib/arango-database-jobs.h>
#include <arango-glib/arango-database-backups.h>
#include <arango-glib/arango-http-response.h>
#include <arango-glib/arango-database-request.h>
#include <arango-glib/arango-database-query-admin.h>
#include <arango-glib/arango-database-access.h>
#include <arango-glib/arango-database-token.h>
#include <arango-glib/arango-database-server.h>

#undef __ARANGO_GLIB_INSIDE__
