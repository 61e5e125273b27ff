/* arango-jwt-private.h: what a JSON Web Token says about itself
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads the `exp` claim of @token without checking its signature (only
 * the server that signed it can). On success *@has_expiry tells whether
 * the token has one, and *@expiry is then its Unix time in seconds.
 * Fails with ARANGO_ERROR_AUTHENTICATION_FAILED when @token is not a JWT;
 * the message never repeats the token. */
gboolean arango_jwt_read_expiry (const char  *token,
                                 gboolean    *has_expiry,
                                 gint64      *expiry,
                                 GError     **error);

/* Checks a token the application gives: not empty
 * (ARANGO_ERROR_INVALID_ARGUMENT), a JWT, and with @check_expiry not
 * expired by this machine's clock (ARANGO_ERROR_TOKEN_EXPIRED). */
gboolean arango_jwt_check       (const char  *token,
                                 gboolean     check_expiry,
                                 GError     **error);

/* Sets ARANGO_ERROR_TOKEN_EXPIRED, naming @expiry (Unix time). */
void     arango_jwt_set_expired_error (GError **error,
                                       gint64   expiry);

G_END_DECLS
