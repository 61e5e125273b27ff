/* fuzz-auth.c: login replies, and the expiry of the tokens they carry
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-auth-private.h"
#include "arango-error.h"
#include "arango-jwt-private.h"
#include "fuzz-support.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ArangoResponse) response = fuzz_response_new (data, size);
  g_autoptr(ArangoAuth) auth = NULL;
  g_autofree char *header = NULL;
  g_autoptr(GError) error = NULL;
  const char *token;
  gboolean has_expiry;
  gint64 expiry = 0;
  gint64 stored_expiry;

  if (response == NULL)
    return 0;

  token = arango_auth_token_from_reply (response->body);
  if (token == NULL)
    return 0;

  auth = arango_auth_new_jwt ("root", "secret");
  arango_auth_set_token (auth, token);
  header = arango_auth_dup_header (auth);
  g_assert_true (g_str_has_prefix (header, "bearer "));
  g_assert_cmpstr (header + strlen ("bearer "), ==, token);

  /* The expiry the handle reports is the one the token names, and none
   * for a token that is not a JWT. */
  has_expiry = FALSE;
  if (!arango_jwt_read_expiry (token, &has_expiry, &expiry, &error))
    g_assert_true (g_error_matches (error, ARANGO_ERROR, ARANGO_ERROR_AUTHENTICATION_FAILED));
  g_assert_true (arango_auth_get_token_expiry (auth, &stored_expiry) == has_expiry);
  if (has_expiry)
    g_assert_cmpint (stored_expiry, ==, expiry);
  return 0;
}
