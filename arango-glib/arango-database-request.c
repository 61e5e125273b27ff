/* arango-database-request.c: a request to any endpoint of a database
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-private.h"
#include "arango-database-request.h"
#include "arango-error.h"
#include "arango-http-response-private.h"
#include "arango-request-private.h"
#include "arango-sync-private.h"

static const char * const methods[] = {
  "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
};

/* The method as it goes on the wire, or NULL for one ArangoDB does not
 * take. */
static const char *
known_method (const char *method)
{
  for (guint i = 0; method != NULL && i < G_N_ELEMENTS (methods); i++)
    if (g_ascii_strcasecmp (method, methods[i]) == 0)
      return methods[i];
  return NULL;
}

/* Every byte may stand in a URL's path and query as it is: printable
 * ASCII other than the space, and no fragment. */
static gboolean
is_sendable_path (const char *path)
{
  for (const char *p = path; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || (guchar) *p >= 0x7f || *p == '#')
      return FALSE;
  return TRUE;
}

static gboolean
check_path (ArangoDatabase      *self,
            const char          *path,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  const char *problem = NULL;

  if (path == NULL || *path == '\0')
    problem = _("The request path is empty");
  else if (*path != '/')
    problem = _("The request path must start with “/”");
  else if (!is_sendable_path (path))
    problem = _("The request path has characters that must be escaped (spaces, “#”, control or non-ASCII characters)");

  return arango_check_argument (self, problem == NULL, arango_database_request_async,
                                callback, user_data, problem);
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* In sorted order, so that the same table makes the same request. */
static void
add_pairs (ArangoRequest *request,
           GHashTable    *table,
           void         (*add) (ArangoRequest *, const char *, const char *))
{
  g_autofree const char **names = NULL;
  guint n_names = 0;

  if (table == NULL)
    return;

  names = (const char **) g_hash_table_get_keys_as_array (table, &n_names);
  qsort (names, n_names, sizeof (char *), compare_names);
  for (guint i = 0; i < n_names; i++)
    {
      const char *value = g_hash_table_lookup (table, names[i]);

      add (request, names[i], value ? value : "");
    }
}

static void
reply_http_response (GTask          *task,
                     ArangoResponse *response,
                     gconstpointer   unused)
{
  g_task_return_pointer (task, arango_http_response_new (response), g_object_unref);
}

/**
 * arango_database_request_async:
 * @self: an #ArangoDatabase
 * @method: the HTTP method: `GET`, `HEAD`, `POST`, `PUT`, `PATCH`,
 *   `DELETE` or `OPTIONS`, in any case
 * @path: the path below the database, starting with "/", e.g.
 *   `/_api/version` or the mount point of a Foxx service and a route in
 *   it; escaped, and may end in a query string of its own
 * @query: (nullable) (element-type utf8 utf8): query parameters to add,
 *   name to value (escaped here)
 * @headers: (nullable) (element-type utf8 utf8): request headers, name to
 *   value
 * @body: (nullable): the request body, sent as JSON
 * @flags: whether error replies come back as responses
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the reply is there
 * @user_data: data for @callback
 *
 * Sends a request to any endpoint of the database, for what the library
 * has no call of its own: a Foxx service, an API newer than the library.
 * The library puts `/_db/{name}` before @path, as for every call, and the
 * request takes the same way as every other: the client's host resolver,
 * the failover rules of [Failover](failover.html) (a `GET`, `HEAD` or
 * `OPTIONS` counts as a read, every other method as a write), the
 * credentials of @self (a renewed JWT included), the request timeout and
 * body compression.
 *
 * A reply with a status outside 200–299 fails with the %ARANGO_SERVER_ERROR
 * of its ArangoDB error body, as every call does, unless @flags has
 * %ARANGO_REQUEST_FLAGS_RETURN_ERRORS: then it is a response like any
 * other. A `503` that says the coordinator did not run the request moves it
 * to another coordinator first, either way.
 *
 * The body of the reply may be anything: arango_http_response_get_body()
 * holds it decoded when it is JSON, arango_http_response_get_bytes() as it
 * came. Unless @headers says otherwise, the request accepts any content
 * type and prefers JSON. @headers replace the library's own headers of the
 * same name (`Authorization` included).
 *
 * A bad @method or @path fails with %ARANGO_ERROR_INVALID_ARGUMENT before
 * anything is sent. Through a handle from
 * arango_database_begin_async_execution() the call runs as an async job,
 * like every other call; a job's stored reply must be JSON, and its error
 * replies are always errors.
 */
void
arango_database_request_async (ArangoDatabase      *self,
                               const char          *method,
                               const char          *path,
                               GHashTable          *query,
                               GHashTable          *headers,
                               JsonNode            *body,
                               ArangoRequestFlags   flags,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ArangoContext *context;
  const char *wire_method = known_method (method);
  g_autofree char *base_path = NULL;
  const char *query_string;
  ArangoRequest *request;

  g_return_if_fail (ARANGO_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (wire_method == NULL)
    {
      g_task_report_new_error (self, callback, user_data, arango_database_request_async,
                               ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                               _("Unknown HTTP method “%s”: use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS"),
                               method ? method : "(null)");
      return;
    }
  if (!check_path (self, path, callback, user_data))
    return;

  query_string = strchr (path, '?');
  base_path = query_string ? g_strndup (path, query_string - path) : g_strdup (path);

  context = arango_database_get_context (self);
  request = arango_context_request (context, wire_method, base_path, NULL);
  if (query_string != NULL && query_string[1] != '\0')
    request->query = g_string_new (query_string + 1);
  add_pairs (request, query, arango_request_add_query);

  arango_request_add_header (request, "Accept", "application/json, */*;q=0.8");
  add_pairs (request, headers, arango_request_add_header);

  if (body != NULL)
    arango_request_take_json_body (request, json_node_ref (body));
  arango_request_set_raw_reply (request);
  if (flags & ARANGO_REQUEST_FLAGS_RETURN_ERRORS)
    arango_request_keep_errors (request);

  arango_context_call (context, self, request, reply_http_response, NULL,
                       arango_database_request_async, cancellable, callback, user_data);
}

/**
 * arango_database_request_finish:
 * @self: an #ArangoDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_database_request_async().
 *
 * Returns: (transfer full): the reply, or %NULL with @error set
 */
ArangoHttpResponse *
arango_database_request_finish (ArangoDatabase  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  return arango_call_finish_pointer (self, result, arango_database_request_async, error);
}

/**
 * arango_database_request_sync:
 * @self: an #ArangoDatabase
 * @method: the HTTP method: `GET`, `HEAD`, `POST`, `PUT`, `PATCH`,
 *   `DELETE` or `OPTIONS`, in any case
 * @path: the path below the database, starting with "/"; escaped, and may
 *   end in a query string of its own
 * @query: (nullable) (element-type utf8 utf8): query parameters to add,
 *   name to value (escaped here)
 * @headers: (nullable) (element-type utf8 utf8): request headers, name to
 *   value
 * @body: (nullable): the request body, sent as JSON
 * @flags: whether error replies come back as responses
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_database_request_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the reply, or %NULL with @error set
 */
ArangoHttpResponse *
arango_database_request_sync (ArangoDatabase      *self,
                              const char          *method,
                              const char          *path,
                              GHashTable          *query,
                              GHashTable          *headers,
                              JsonNode            *body,
                              ArangoRequestFlags   flags,
                              GCancellable        *cancellable,
                              GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  call = arango_sync_call_begin ();
  arango_database_request_async (self, method, path, query, headers, body, flags,
                                 cancellable, arango_sync_call_done, call);
  return arango_database_request_finish (self, arango_sync_call_wait (call), error);
}
