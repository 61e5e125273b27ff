/* emulator-router.c: from a request to the handler of its endpoint
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-router.h"

#include <string.h>

#include "emulator-api-calls.h"
#include "emulator-auth.h"
#include "emulator-jobs.h"
#include "emulator-log.h"
#include "emulator-permissions.h"
#include "emulator-reply.h"
#include "emulator-users.h"
#include "emulator-transport.h"

typedef struct {
  char        *method;
  char        *pattern;
  char       **segments;
  guint        n_segments;
  guint        n_literals;
  EmuHandler   handler;
} CompiledRoute;

struct _EmuRouter {
  GPtrArray *routes;   /* CompiledRoute */
};

static void
compiled_route_free (gpointer data)
{
  CompiledRoute *route = data;

  g_free (route->method);
  g_free (route->pattern);
  g_strfreev (route->segments);
  g_free (route);
}

static gboolean
segment_is_parameter (const char *segment)
{
  return g_str_has_prefix (segment, "{") && g_str_has_suffix (segment, "}");
}

EmuRouter *
emu_router_new (void)
{
  EmuRouter *router = g_new0 (EmuRouter, 1);

  router->routes = g_ptr_array_new_with_free_func (compiled_route_free);
  return router;
}

void
emu_router_free (EmuRouter *router)
{
  if (router == NULL)
    return;

  g_ptr_array_unref (router->routes);
  g_free (router);
}

void
emu_router_add_routes (EmuRouter      *router,
                       const EmuRoute *routes,
                       gsize           n_routes)
{
  gsize i;

  for (i = 0; i < n_routes; i++)
    {
      CompiledRoute *route = g_new0 (CompiledRoute, 1);
      g_auto(GStrv) parts = g_strsplit (routes[i].pattern, "/", -1);
      g_autoptr(GPtrArray) segments = g_ptr_array_new ();
      guint j;

      for (j = 0; parts[j] != NULL; j++)
        {
          if (*parts[j] == '\0')
            continue;
          if (!segment_is_parameter (parts[j]))
            route->n_literals++;
          g_ptr_array_add (segments, g_strdup (parts[j]));
        }
      route->n_segments = segments->len;
      g_ptr_array_add (segments, NULL);

      route->method = g_strdup (routes[i].method);
      route->pattern = g_strdup (routes[i].pattern);
      route->segments = (char **) g_ptr_array_free (g_steal_pointer (&segments), FALSE);
      route->handler = routes[i].handler;
      g_ptr_array_add (router->routes, route);
    }
}

/* A pattern ending in "{...}" also matches any segments after it, as the
 * server's prefix handlers do. */
static gboolean
route_is_prefix (CompiledRoute *route)
{
  return route->n_segments > 0 &&
         g_str_equal (route->segments[route->n_segments - 1], EMU_ROUTE_REST);
}

static gboolean
route_matches_path (CompiledRoute *route,
                    char         **segments)
{
  guint n_fixed = route_is_prefix (route) ? route->n_segments - 1 : route->n_segments;
  guint n_segments = g_strv_length (segments);
  guint i;

  if (route_is_prefix (route) ? n_segments < n_fixed : n_segments != n_fixed)
    return FALSE;

  for (i = 0; i < n_fixed; i++)
    if (!segment_is_parameter (route->segments[i]) &&
        !g_str_equal (route->segments[i], segments[i]))
      return FALSE;

  return TRUE;
}

static gboolean
route_matches_method (CompiledRoute *route,
                      const char    *method)
{
  if (g_str_equal (route->method, method))
    return TRUE;

  /* HEAD is a GET whose body libsoup does not send. */
  return g_str_equal (method, "HEAD") && g_str_equal (route->method, "GET");
}

EmuRouteResult
emu_router_route (EmuRouter  *router,
                  EmuRequest *req)
{
  CompiledRoute *best = NULL;
  gboolean path_known = FALSE;
  guint i;

  for (i = 0; i < router->routes->len; i++)
    {
      CompiledRoute *route = g_ptr_array_index (router->routes, i);

      if (!route_matches_path (route, req->segments))
        continue;

      path_known = TRUE;
      if (!route_matches_method (route, req->method))
        continue;

      /* A literal segment wins over a parameter, so that a fixed path
       * next to "{id}" keeps working whatever the registration order. */
      if (best == NULL || route->n_literals > best->n_literals)
        best = route;
    }

  if (best == NULL)
    return path_known ? EMU_ROUTE_WRONG_METHOD : EMU_ROUTE_NOT_FOUND;

  for (i = 0; i < best->n_segments; i++)
    if (segment_is_parameter (best->segments[i]) &&
        !g_str_equal (best->segments[i], EMU_ROUTE_REST))
      {
        const char *segment = best->segments[i];

        g_hash_table_replace (req->params,
                              g_strndup (segment + 1, strlen (segment) - 2),
                              g_strdup (req->segments[i]));
      }

  /* Collection-level access is checked by the endpoint, as the server's
   * handlers do, before the handler's own work. */
  if (emu_permissions_authorize_route (req, best->pattern))
    best->handler (req);
  return EMU_ROUTE_FOUND;
}

void
emu_router_register_families (EmuRouter *router)
{
#define EMU_FAMILY(name) emu_##name##_register_routes (router);
#include "emulator-families.h"
#undef EMU_FAMILY
}

/* What the server's catch-all handler answers for a path nothing else
 * serves. */
void
emu_router_reply_unknown_path (EmuRequest *req)
{
  g_autofree char *message = g_strdup_printf ("unknown path '%s'", req->raw_path);

  emu_reply_error_full (req->msg, EMU_ERROR_STYLE_LEGACY, SOUP_STATUS_NOT_FOUND,
                        EMU_ERROR_HTTP_NOT_FOUND, message);
}

static void
route_request (EmuRequest *req)
{
  switch (emu_router_route (req->state->router, req))
    {
    case EMU_ROUTE_FOUND:
      break;

    case EMU_ROUTE_NOT_FOUND:
      emu_router_reply_unknown_path (req);
      break;

    case EMU_ROUTE_WRONG_METHOD:
    default:
      emu_reply_error (req->msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                       EMU_ERROR_HTTP_METHOD_NOT_ALLOWED, NULL);
      break;
    }
}

void
emu_router_handle_arango (EmuState          *state,
                          EmuCoordinator    *coordinator,
                          SoupServerMessage *msg)
{
  g_autoptr(EmuRequest) req = emu_request_new (state, coordinator, msg);

  emu_debug ("%s %s (database %s)", req->method, req->raw_path, req->database);

  /* Authentication comes before the database lookup: without credentials
   * a client must not learn which databases exist (NOTES.md, section 1). */
  if (!emu_state_auth_enabled (state))
    {
      req->superuser = TRUE;
    }
  else if (!emu_auth_path_is_public (req->path) &&
           !g_str_equal (req->method, "OPTIONS") &&
           !emu_auth_authenticate (state, msg, &req->user, &req->superuser))
    {
      emu_reply_error_full (msg, EMU_ERROR_STYLE_EARLY,
                            SOUP_STATUS_UNAUTHORIZED, EMU_ERROR_FORBIDDEN,
                            "not authorized to execute this request");
      return;
    }

  if (emu_state_lookup_database (state, req->database) == NULL)
    {
      emu_reply_error_full (msg, EMU_ERROR_STYLE_EARLY,
                            SOUP_STATUS_NOT_FOUND,
                            EMU_ERROR_ARANGO_DATABASE_NOT_FOUND, NULL);
      return;
    }

  if (!emu_transport_accept_request (req))
    return;

  /* A user without access to the database is refused as if its
   * credentials were wrong, as the server does. */
  if (req->user != NULL && !req->superuser &&
      !emu_users_may_access_database (state, req->user, req->database, req->path))
    {
      emu_reply_error_full (msg, EMU_ERROR_STYLE_EARLY,
                            SOUP_STATUS_UNAUTHORIZED, EMU_ERROR_FORBIDDEN,
                            "not authorized to execute this request");
      return;
    }

  if (req->coordinator != NULL)
    emu_api_calls_record (req);
  if (!emu_jobs_run_as_job (req, route_request))
    route_request (req);
}
