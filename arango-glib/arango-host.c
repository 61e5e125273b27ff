/* arango-host.c: one coordinator and its HTTP session
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-enums.h"
#include "arango-error.h"
#include "arango-host-private.h"

/* A coordinator's connections are spread over sessions of one
 * connection each (arango-host-slots.c). */
SoupSession *
arango_host_new_session (ArangoHost *self,
                         guint       connections)
{
  SoupSession *session = g_object_new (SOUP_TYPE_SESSION,
                                       "user-agent", ARANGO_HOST_USER_AGENT,
                                       "max-conns", connections,
                                       "max-conns-per-host", connections,
                                       /* The client enforces its own
                                        * deadline per request
                                        * (request-timeout). */
                                       "timeout", 0,
                                       NULL);

  /* Credentials travel in the client's own headers; libsoup's
   * authentication manager would only add a handler for 401 and 407 to
   * every message. */
  soup_session_remove_feature_by_type (session, SOUP_TYPE_AUTH_MANAGER);
  soup_session_set_tls_database (session, self->tls_database);
  return session;
}

ArangoHost *
arango_host_new (const char *uri)
{
  ArangoHost *self = g_new0 (ArangoHost, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->uri = g_strdup (uri);
  self->plain_http = g_str_has_prefix (uri, "http:");
  g_mutex_init (&self->slots_lock);
  self->sessions[0] = arango_host_new_session (self, 1);
  arango_host_set_max_connections (self, ARANGO_HOST_DEFAULT_CONNECTIONS);
  return self;
}

/* For the sessions there are and those still to come. */
void
arango_host_set_tls_database (ArangoHost    *self,
                              GTlsDatabase  *database)
{
  g_mutex_lock (&self->slots_lock);
  g_set_object (&self->tls_database, database);
  for (guint i = 0; i < G_N_ELEMENTS (self->sessions); i++)
    if (self->sessions[i] != NULL)
      soup_session_set_tls_database (self->sessions[i], database);
  if (self->overflow != NULL)
    soup_session_set_tls_database (self->overflow, database);
  g_mutex_unlock (&self->slots_lock);
}

ArangoHost *
arango_host_ref (ArangoHost *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
arango_host_unref (ArangoHost *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->sessions); i++)
    if (self->sessions[i] != NULL)
      {
        soup_session_abort (self->sessions[i]);
        g_object_unref (self->sessions[i]);
      }
  for (guint i = 0; i < G_N_ELEMENTS (self->http1); i++)
    g_clear_pointer (&self->http1[i], arango_http1_connection_unref);
  g_clear_object (&self->socket_client);
  if (self->overflow != NULL)
    soup_session_abort (self->overflow);
  g_clear_object (&self->overflow);
  g_clear_pointer (&self->retired, g_ptr_array_unref);
  g_clear_object (&self->tls_database);
  g_mutex_clear (&self->slots_lock);
  g_free (self->uri);
  g_free (self);
}

/* Splits "http://a:8529, http://b:8529" into its URLs; empty items are
 * kept so that the caller can reject them with a clear message. */
GStrv
arango_host_split_list (const char *hosts)
{
  return g_strsplit (hosts, ",", -1);
}

static const char *
scheme_for (const char *scheme)
{
  /* ArangoDB's own endpoint notation (tcp://, ssl://) names the same
   * servers as http:// and https://. */
  if (g_ascii_strcasecmp (scheme, "http") == 0 ||
      g_ascii_strcasecmp (scheme, "tcp") == 0 ||
      g_ascii_strcasecmp (scheme, "http+tcp") == 0)
    return "http";
  if (g_ascii_strcasecmp (scheme, "https") == 0 ||
      g_ascii_strcasecmp (scheme, "ssl") == 0 ||
      g_ascii_strcasecmp (scheme, "http+ssl") == 0)
    return "https";
  return NULL;
}

/* The host string with any credentials replaced, fit for a message. */
static char *
redact_userinfo (const char *text)
{
  const char *authority = strstr (text, "://");
  const char *end;
  const char *at = NULL;

  if (authority == NULL)
    return g_strdup (text);
  authority += 3;
  end = authority + strcspn (authority, "/?#");
  for (const char *c = authority; c < end; c++)
    if (*c == '@')
      at = c;
  if (at == NULL)
    return g_strdup (text);
  return g_strdup_printf ("%.*s…%s", (int) (authority - text), text, at);
}

/* Turns a host string as a user wrote it into the base URI requests are
 * built on, or says clearly what is wrong with it. Credentials in a URL
 * are refused and never repeated in the message. */
char *
arango_host_normalize_uri (const char  *text,
                           GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *shown = redact_userinfo (stripped);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *host = NULL;
  const char *scheme;
  const char *path;
  gsize path_len;
  int port;

  if (*stripped == '\0')
    {
      g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_HOST,
                           _("Empty host URL"));
      return NULL;
    }

  for (const char *c = stripped; *c; c++)
    if ((guchar) *c <= ' ' || *c == 0x7f)
      {
        g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_HOST,
                     _("Host URL “%s” contains white space or control characters"),
                     shown);
        return NULL;
      }

  uri = g_uri_parse (stripped, G_URI_FLAGS_NONE, &parse_error);
  if (uri == NULL)
    {
      g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_HOST,
                   _("Malformed host URL “%s”: %s"), shown,
                   parse_error->message);
      return NULL;
    }

  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_HOST,
                           _("Host URLs must not contain credentials; pass the user name and password when opening the database"));
      return NULL;
    }

  scheme = scheme_for (g_uri_get_scheme (uri));
  if (scheme == NULL)
    {
      g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_HOST,
                   _("Unsupported scheme “%s” in host URL “%s”; use http or https"),
                   g_uri_get_scheme (uri), shown);
      return NULL;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_HOST,
                   _("Host URL “%s” names no host"), shown);
      return NULL;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_HOST,
                   _("Host URL “%s” must not have a query or a fragment"),
                   shown);
      return NULL;
    }

  path = g_uri_get_path (uri);
  path_len = strlen (path);
  while (path_len > 0 && path[path_len - 1] == '/')
    path_len--;

  port = g_uri_get_port (uri);
  if (port == -1)
    port = g_str_equal (scheme, "https") ? 443 : 80;

  /* Host names are case-insensitive; one spelling lets discovery match
   * them. GUri keeps IPv6 literals without brackets. */
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("%s://[%s]:%d%.*s", scheme, host, port,
                            (int) path_len, path);
  return g_strdup_printf ("%s://%s:%d%.*s", scheme, host, port,
                          (int) path_len, path);
}
