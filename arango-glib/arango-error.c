/* arango-error.c: error domains
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-error.h"
#include "arango-error-private.h"

/**
 * arango_error_quark:
 *
 * Gets the error domain of the errors arango-glib reports itself; see
 * %ARANGO_ERROR and #ArangoError.
 *
 * Returns: the error domain
 */
G_DEFINE_QUARK (arango-error-quark, arango_error)

typedef struct
{
  guint http_status;
  gint error_number;
  char *server_message;
} ArangoServerErrorPrivate;

/* G_DEFINE_EXTENDED_ERROR() would name the domain "ArangoServerError";
 * programs and bindings know it as "arango-server-error-quark", so the
 * domain is registered by hand. GLib keeps the private data in front of
 * the GError, at this offset (the macro's computation). */
static ArangoServerErrorPrivate *
get_private (const GError *error)
{
  const gsize alignment = 2 * sizeof (gsize);
  const gsize offset = (sizeof (ArangoServerErrorPrivate) + (alignment - 1)) & -alignment;

  return (ArangoServerErrorPrivate *) (((guint8 *) error) - offset);
}

static void
private_init (GError *error)
{
  ArangoServerErrorPrivate *priv = get_private (error);

  /* What an error made with g_error_new() elsewhere, or by a binding,
   * carries. */
  priv->http_status = 0;
  priv->error_number = -1;
  priv->server_message = NULL;
}

static void
private_copy (const GError *src,
              GError       *dest)
{
  const ArangoServerErrorPrivate *src_priv = get_private (src);
  ArangoServerErrorPrivate *dest_priv = get_private (dest);

  dest_priv->http_status = src_priv->http_status;
  dest_priv->error_number = src_priv->error_number;
  dest_priv->server_message = g_strdup (src_priv->server_message);
}

static void
private_clear (GError *error)
{
  g_clear_pointer (&get_private (error)->server_message, g_free);
}

/**
 * arango_server_error_quark:
 *
 * Gets the error domain of the errors an ArangoDB server reports; see
 * %ARANGO_SERVER_ERROR and #ArangoServerError.
 *
 * Returns: the error domain
 */
GQuark
arango_server_error_quark (void)
{
  static GQuark quark;
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      quark = g_error_domain_register_static ("arango-server-error-quark",
                                              sizeof (ArangoServerErrorPrivate),
                                              private_init, private_copy, private_clear);
      g_once_init_leave (&registered, 1);
    }
  return quark;
}

#ifdef __GNUC__
/* A binding makes a GError from the domain's name, without calling
 * arango_server_error_quark(). Made before the domain was registered, it
 * has no room for the details, yet GLib would free it as if it had; so
 * the domain is registered as soon as the library is loaded. */
__attribute__((constructor)) static void
register_server_error (void)
{
  arango_server_error_quark ();
}
#endif

/* The one place a server error is made, so that every one carries the
 * details. @error_number is -1 when the reply had none. */
GError *
arango_server_error_new_full (guint       http_status,
                              gint        code,
                              gint        error_number,
                              const char *server_message,
                              const char *format,
                              ...)
{
  ArangoServerErrorPrivate *priv;
  GError *error;
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (ARANGO_SERVER_ERROR, code, format, args);
  va_end (args);

  priv = get_private (error);
  priv->http_status = http_status;
  priv->error_number = error_number;
  priv->server_message = g_strdup (server_message);
  return error;
}

/**
 * arango_server_error_get_http_status:
 * @error: a #GError
 *
 * Gets the HTTP status of the reply an %ARANGO_SERVER_ERROR was made
 * from: 404 for a missing collection, 412 for a revision conflict, 502 for
 * a proxy's error page. The error's code is the reply's `errorNum`, so
 * this is the way to get the status, without reading the message.
 *
 * Only errors that arango-glib made carry it: one made with
 * g_error_new() elsewhere, or rebuilt from its domain, code and message
 * (as PyGObject does with a caught `GLib.Error`), has none.
 *
 * Returns: the HTTP status; 0 when @error is not in the
 *   %ARANGO_SERVER_ERROR domain or carries no details
 */
guint
arango_server_error_get_http_status (const GError *error)
{
  g_return_val_if_fail (error != NULL, 0);

  if (error->domain != ARANGO_SERVER_ERROR)
    return 0;
  return get_private (error)->http_status;
}

/**
 * arango_server_error_get_error_number:
 * @error: a #GError
 *
 * Gets the `errorNum` of the ArangoDB error body an %ARANGO_SERVER_ERROR
 * was made from. It is the error's code too, except when the reply had no
 * error number: then the code is the HTTP status, and this tells the two
 * cases apart.
 *
 * Returns: the error number, such as 1203; -1 when the reply had none,
 *   when @error is not in the %ARANGO_SERVER_ERROR domain, or when it
 *   carries no details (see arango_server_error_get_http_status())
 */
gint
arango_server_error_get_error_number (const GError *error)
{
  g_return_val_if_fail (error != NULL, -1);

  if (error->domain != ARANGO_SERVER_ERROR)
    return -1;
  return get_private (error)->error_number;
}

/**
 * arango_server_error_get_server_message:
 * @error: a #GError
 *
 * Gets the `errorMessage` of the ArangoDB error body an
 * %ARANGO_SERVER_ERROR was made from, as the server wrote it: in English,
 * never translated, without the `[HTTP …][ERR …]` prefix and the other
 * additions of the error's message.
 *
 * Returns: (transfer none) (nullable): the server's message; %NULL when
 *   the reply had none, when @error is not in the %ARANGO_SERVER_ERROR
 *   domain, or when it carries no details (see
 *   arango_server_error_get_http_status())
 */
const char *
arango_server_error_get_server_message (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != ARANGO_SERVER_ERROR)
    return NULL;
  return get_private (error)->server_message;
}
