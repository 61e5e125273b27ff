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

/* The request signals (arango-client-signals.c). Callers check for
 * handlers before building the arguments, to keep requests cheap when
 * nobody listens. */
void        arango_client_class_install_request_signals (GObjectClass *object_class);
gboolean    arango_client_has_request_started_handlers  (ArangoClient *self);
gboolean    arango_client_has_request_finished_handlers (ArangoClient *self);
void        arango_client_emit_request_started  (ArangoClient *self,
                                                 const char   *method,
                                                 const char   *uri);
void        arango_client_emit_request_finished (ArangoClient *self,
                                                 const char   *method,
                                                 const char   *uri,
                                                 guint         status,
                                                 const GError *error,
                                                 gint64        duration);

G_END_DECLS
