/* arango-client-private.h: what the connection layer needs of a client
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-client.h"
#include "arango-host-private.h"

G_BEGIN_DECLS

ArangoHost *arango_client_pick_host            (ArangoClient *self,
                                                const GArray *failed_hosts,
                                                guint        *index);
guint       arango_client_get_n_hosts          (ArangoClient *self);
guint       arango_client_get_effective_max_tries (ArangoClient *self);
gboolean    arango_client_is_closed            (ArangoClient *self);
gboolean    arango_client_merge_hosts          (ArangoClient       *self,
                                                const char * const *uris,
                                                gboolean            replace,
                                                GError            **error);
void        arango_client_update_queue_time    (ArangoClient *self,
                                                double        seconds);

G_END_DECLS
