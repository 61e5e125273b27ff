/* arango-host-resolver.h: choosing the coordinator for each request
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <glib-object.h>

#include "arango-version-macros.h"

G_BEGIN_DECLS

#define ARANGO_TYPE_HOST_RESOLVER (arango_host_resolver_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (ArangoHostResolver, arango_host_resolver, ARANGO, HOST_RESOLVER, GObject)

/**
 * ArangoHostResolverClass:
 * @parent_class: the parent class
 * @pick_host: picks the index of the host for the next attempt of a
 *   request; @failed_hosts holds the indexes of the hosts that already
 *   failed for this request, so an implementation can skip them
 *
 * The class of a host resolver. Override @pick_host to write your own.
 */
struct _ArangoHostResolverClass
{
  GObjectClass parent_class;

  guint (* pick_host) (ArangoHostResolver *self,
                       guint               n_hosts,
                       const guint        *failed_hosts,
                       guint               n_failed_hosts);

  /*< private >*/
  gpointer padding[8];
};

ARANGO_AVAILABLE_IN_ALL
ArangoHostResolver *arango_host_resolver_new_for_name    (const char *name,
                                                          GError    **error);
ARANGO_AVAILABLE_IN_ALL
ArangoHostResolver *arango_host_resolver_new_round_robin (void);
ARANGO_AVAILABLE_IN_ALL
ArangoHostResolver *arango_host_resolver_new_random      (void);
ARANGO_AVAILABLE_IN_ALL
ArangoHostResolver *arango_host_resolver_new_fallback    (void);
ARANGO_AVAILABLE_IN_ALL
ArangoHostResolver *arango_host_resolver_new_periodic    (guint requests_period);

ARANGO_AVAILABLE_IN_ALL
guint               arango_host_resolver_pick_host       (ArangoHostResolver *self,
                                                          guint               n_hosts,
                                                          const guint        *failed_hosts,
                                                          guint               n_failed_hosts);

G_END_DECLS
