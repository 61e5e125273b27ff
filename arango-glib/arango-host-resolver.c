/* arango-host-resolver.c: choosing the coordinator for each request
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-enums.h"
#include "arango-error.h"
#include "arango-host-resolver.h"

/**
 * ArangoHostResolver:
 *
 * Picks the coordinator that gets the next request of an #ArangoClient.
 *
 * A client has one resolver, shared by all its databases, so the rotation
 * is client-wide. Four strategies are built in:
 *
 * - round robin (the default): host 0, then 1, 2, … and around again;
 * - random: any host, skipping the ones that just failed;
 * - fallback: stay on one host until it fails, then move to the next;
 * - periodic: move to the next host every N requests, or when it fails.
 *
 * To write your own, derive from #ArangoHostResolver and override
 * `pick_host`. It is called once for every attempt of a request and is
 * told which hosts already failed for that request. In Python (PyGObject
 * 3.42 passes the length of `failed_hosts` as well):
 *
 * ```python
 * class FirstHealthy(Arango.HostResolver):
 *     def do_pick_host(self, n_hosts, failed_hosts, n_failed_hosts):
 *         return next((i for i in range(n_hosts) if i not in failed_hosts), 0)
 * ```
 *
 * Requests that must stay on one coordinator (cursor batches, stream
 * transactions, async job results) do not ask the resolver again.
 */

G_DEFINE_TYPE (ArangoHostResolver, arango_host_resolver, G_TYPE_OBJECT)

static gboolean
is_failed (guint        index,
           const guint *failed_hosts,
           guint        n_failed_hosts)
{
  for (guint i = 0; i < n_failed_hosts; i++)
    if (failed_hosts[i] == index)
      return TRUE;
  return FALSE;
}

/* Moves on from @start to the first host that has not failed; when every
 * host failed, the one right after @start. */
static guint
next_healthy (guint        start,
              guint        n_hosts,
              const guint *failed_hosts,
              guint        n_failed_hosts)
{
  for (guint step = 1; step <= n_hosts; step++)
    {
      guint candidate = (start + step) % n_hosts;

      if (!is_failed (candidate, failed_hosts, n_failed_hosts))
        return candidate;
    }
  return (start + 1) % n_hosts;
}

static guint
arango_host_resolver_real_pick_host (ArangoHostResolver *self,
                                     guint               n_hosts,
                                     const guint        *failed_hosts,
                                     guint               n_failed_hosts)
{
  return 0;
}

static void
arango_host_resolver_class_init (ArangoHostResolverClass *klass)
{
  klass->pick_host = arango_host_resolver_real_pick_host;
}

static void
arango_host_resolver_init (ArangoHostResolver *self)
{
}

/**
 * arango_host_resolver_pick_host: (virtual pick_host)
 * @self: an #ArangoHostResolver
 * @n_hosts: how many hosts the client has (at least 1)
 * @failed_hosts: (array length=n_failed_hosts) (nullable): indexes of the
 *   hosts that already failed for this request
 * @n_failed_hosts: the length of @failed_hosts
 *
 * Picks the host for the next attempt of a request. The client calls this;
 * programs only call it to test their own resolvers.
 *
 * Returns: an index below @n_hosts
 */
guint
arango_host_resolver_pick_host (ArangoHostResolver *self,
                                guint               n_hosts,
                                const guint        *failed_hosts,
                                guint               n_failed_hosts)
{
  guint index;

  g_return_val_if_fail (ARANGO_IS_HOST_RESOLVER (self), 0);
  g_return_val_if_fail (n_hosts > 0, 0);

  index = ARANGO_HOST_RESOLVER_GET_CLASS (self)->pick_host (self, n_hosts,
                                                            failed_hosts,
                                                            n_failed_hosts);
  /* A resolver written by an application may get the range wrong; wrapping
   * keeps the client working instead of failing every request. */
  if (index >= n_hosts)
    {
      g_debug ("%s picked host %u of %u; using %u",
               G_OBJECT_TYPE_NAME (self), index, n_hosts, index % n_hosts);
      index %= n_hosts;
    }
  return index;
}

/* Round robin */

#define ARANGO_TYPE_ROUND_ROBIN_RESOLVER (arango_round_robin_resolver_get_type ())
G_DECLARE_FINAL_TYPE (ArangoRoundRobinResolver, arango_round_robin_resolver, ARANGO, ROUND_ROBIN_RESOLVER, ArangoHostResolver)

struct _ArangoRoundRobinResolver
{
  ArangoHostResolver parent_instance;
  guint last;
  gboolean started;
};

G_DEFINE_FINAL_TYPE (ArangoRoundRobinResolver, arango_round_robin_resolver, ARANGO_TYPE_HOST_RESOLVER)

static guint
round_robin_pick_host (ArangoHostResolver *resolver,
                       guint               n_hosts,
                       const guint        *failed_hosts,
                       guint               n_failed_hosts)
{
  ArangoRoundRobinResolver *self = ARANGO_ROUND_ROBIN_RESOLVER (resolver);

  if (!self->started)
    {
      self->started = TRUE;
      self->last = n_hosts - 1;
    }
  self->last = next_healthy (self->last % n_hosts, n_hosts,
                             failed_hosts, n_failed_hosts);
  return self->last;
}

static void
arango_round_robin_resolver_class_init (ArangoRoundRobinResolverClass *klass)
{
  ARANGO_HOST_RESOLVER_CLASS (klass)->pick_host = round_robin_pick_host;
}

static void
arango_round_robin_resolver_init (ArangoRoundRobinResolver *self)
{
}

/* Random */

#define ARANGO_TYPE_RANDOM_RESOLVER (arango_random_resolver_get_type ())
G_DECLARE_FINAL_TYPE (ArangoRandomResolver, arango_random_resolver, ARANGO, RANDOM_RESOLVER, ArangoHostResolver)

struct _ArangoRandomResolver
{
  ArangoHostResolver parent_instance;
};

G_DEFINE_FINAL_TYPE (ArangoRandomResolver, arango_random_resolver, ARANGO_TYPE_HOST_RESOLVER)

static guint
random_pick_host (ArangoHostResolver *resolver,
                  guint               n_hosts,
                  const guint        *failed_hosts,
                  guint               n_failed_hosts)
{
  guint healthy = 0;
  guint chosen;

  for (guint i = 0; i < n_hosts; i++)
    if (!is_failed (i, failed_hosts, n_failed_hosts))
      healthy++;

  if (healthy == 0)
    return g_random_int_range (0, n_hosts);

  /* Draw among the healthy hosts directly, so no redraw loop is needed. */
  chosen = g_random_int_range (0, healthy);
  for (guint i = 0; i < n_hosts; i++)
    {
      if (is_failed (i, failed_hosts, n_failed_hosts))
        continue;
      if (chosen-- == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
arango_random_resolver_class_init (ArangoRandomResolverClass *klass)
{
  ARANGO_HOST_RESOLVER_CLASS (klass)->pick_host = random_pick_host;
}

static void
arango_random_resolver_init (ArangoRandomResolver *self)
{
}

/* Fallback and periodic: both stay on one host; periodic also moves on
 * after a number of requests. */

#define ARANGO_TYPE_STICKY_RESOLVER (arango_sticky_resolver_get_type ())
G_DECLARE_FINAL_TYPE (ArangoStickyResolver, arango_sticky_resolver, ARANGO, STICKY_RESOLVER, ArangoHostResolver)

struct _ArangoStickyResolver
{
  ArangoHostResolver parent_instance;
  guint current;
  guint requests_period; /* 0: only on failure */
  guint requests_on_current;
};

G_DEFINE_FINAL_TYPE (ArangoStickyResolver, arango_sticky_resolver, ARANGO_TYPE_HOST_RESOLVER)

static guint
sticky_pick_host (ArangoHostResolver *resolver,
                  guint               n_hosts,
                  const guint        *failed_hosts,
                  guint               n_failed_hosts)
{
  ArangoStickyResolver *self = ARANGO_STICKY_RESOLVER (resolver);
  gboolean period_over;

  self->current %= n_hosts;
  period_over = self->requests_period > 0 &&
                self->requests_on_current >= self->requests_period;

  if (period_over || is_failed (self->current, failed_hosts, n_failed_hosts))
    {
      guint previous = self->current;

      self->current = next_healthy (self->current, n_hosts,
                                    failed_hosts, n_failed_hosts);
      self->requests_on_current = 0;
      g_debug ("Switching from host %u to host %u", previous, self->current);
    }

  self->requests_on_current++;
  return self->current;
}

static void
arango_sticky_resolver_class_init (ArangoStickyResolverClass *klass)
{
  ARANGO_HOST_RESOLVER_CLASS (klass)->pick_host = sticky_pick_host;
}

static void
arango_sticky_resolver_init (ArangoStickyResolver *self)
{
}

/**
 * arango_host_resolver_new_round_robin:
 *
 * Creates the default resolver: the first request goes to host 0, the next
 * to host 1, and so on around the list. A retry skips the hosts that
 * already failed for that request.
 *
 * Returns: (transfer full): a new #ArangoHostResolver
 */
ArangoHostResolver *
arango_host_resolver_new_round_robin (void)
{
  return g_object_new (ARANGO_TYPE_ROUND_ROBIN_RESOLVER, NULL);
}

/**
 * arango_host_resolver_new_random:
 *
 * Creates a resolver that picks a host at random for each request, among
 * the hosts that have not failed for it.
 *
 * Returns: (transfer full): a new #ArangoHostResolver
 */
ArangoHostResolver *
arango_host_resolver_new_random (void)
{
  return g_object_new (ARANGO_TYPE_RANDOM_RESOLVER, NULL);
}

/**
 * arango_host_resolver_new_fallback:
 *
 * Creates a resolver that sends every request to one host, starting with
 * host 0, and moves on to the next one only when it fails.
 *
 * Returns: (transfer full): a new #ArangoHostResolver
 */
ArangoHostResolver *
arango_host_resolver_new_fallback (void)
{
  return g_object_new (ARANGO_TYPE_STICKY_RESOLVER, NULL);
}

/**
 * arango_host_resolver_new_periodic:
 * @requests_period: how many requests go to one host before the next one
 *   takes over; 0 means 100
 *
 * Creates a resolver that stays on one host for @requests_period requests
 * (or until it fails), then moves to the next one.
 *
 * Returns: (transfer full): a new #ArangoHostResolver
 */
ArangoHostResolver *
arango_host_resolver_new_periodic (guint requests_period)
{
  ArangoStickyResolver *self = g_object_new (ARANGO_TYPE_STICKY_RESOLVER, NULL);

  self->requests_period = requests_period > 0 ? requests_period : 100;
  return ARANGO_HOST_RESOLVER (self);
}

/**
 * arango_host_resolver_new_for_name:
 * @name: "roundrobin", "random", "fallback" or "periodic"
 * @error: return location for a #GError
 *
 * Creates one of the built-in resolvers by the name python-arango and
 * aioarangodb use for it.
 *
 * Returns: (transfer full): a new #ArangoHostResolver, or %NULL with
 *   %ARANGO_ERROR_INVALID_ARGUMENT for any other name
 */
ArangoHostResolver *
arango_host_resolver_new_for_name (const char  *name,
                                   GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_strcmp0 (name, "roundrobin") == 0)
    return arango_host_resolver_new_round_robin ();
  if (g_strcmp0 (name, "random") == 0)
    return arango_host_resolver_new_random ();
  if (g_strcmp0 (name, "fallback") == 0)
    return arango_host_resolver_new_fallback ();
  if (g_strcmp0 (name, "periodic") == 0)
    return arango_host_resolver_new_periodic (0);

  g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
               _("Unknown host resolver “%s”; expected roundrobin, random, fallback or periodic"),
               name ? name : "(null)");
  return NULL;
}
