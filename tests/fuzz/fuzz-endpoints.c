/* fuzz-endpoints.c: endpoint discovery replies feeding the host list
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-client-private.h"
#include "arango-cluster-private.h"
#include "fuzz-support.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ArangoResponse) response = fuzz_response_new (data, size);
  g_auto(GStrv) endpoints = NULL;
  g_autoptr(ArangoClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (response == NULL)
    return 0;

  endpoints = arango_cluster_parse_endpoints (response->body);
  if (endpoints == NULL || endpoints[0] == NULL)
    return 0;

  client = arango_client_new ("http://127.0.0.1:1", NULL);
  if (arango_client_merge_hosts (client, (const char * const *) endpoints, TRUE, &error))
    g_assert_no_error (error);
  else
    g_assert_true (error->domain == ARANGO_ERROR);
  g_assert_cmpuint (arango_client_get_max_tries (client), >, 0);
  return 0;
}
