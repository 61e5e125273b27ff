/* arango-cluster-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-cluster.h"
#include "arango-context-private.h"

G_BEGIN_DECLS

ArangoCluster *arango_cluster_new             (ArangoContext *context);
char         **arango_cluster_parse_endpoints (JsonNode      *body);
ArangoContext *arango_cluster_get_context     (ArangoCluster *self);

G_END_DECLS
