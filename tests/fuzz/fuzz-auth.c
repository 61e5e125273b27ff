/* fuzz-auth.c: login replies
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-auth-private.h"
#include "fuzz-support.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ArangoResponse) response = fuzz_response_new (data, size);
  g_autoptr(ArangoAuth) auth = NULL;
  g_autofree char *header = NULL;
  const char *token;

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
  return 0;
}
