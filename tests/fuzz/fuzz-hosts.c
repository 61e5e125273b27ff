/* fuzz-hosts.c: host strings and host lists
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "fuzz-support.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoClient) client = arango_client_new (text, &error);
  g_auto(GStrv) lines = g_strsplit (text, "\n", 16);
  g_autoptr(ArangoClient) from_list = NULL;
  g_autoptr(ArangoHostResolver) resolver = arango_host_resolver_new_for_name (text, NULL);

  g_assert_true ((client == NULL) == (error != NULL));
  if (client)
    {
      g_auto(GStrv) hosts = arango_client_get_hosts (client);

      g_assert_cmpuint (g_strv_length (hosts), >, 0);
      /* A normalized host list is stable */
      for (guint i = 0; hosts[i]; i++)
        {
          g_autofree char *again = arango_host_normalize_uri (hosts[i], NULL);

          g_assert_cmpstr (again, ==, hosts[i]);
        }
    }
  else
    g_assert_true (error->domain == ARANGO_ERROR);

  g_clear_error (&error);
  from_list = arango_client_new_for_hosts ((const char * const *) lines, NULL, &error);
  g_assert_true ((from_list == NULL) == (error != NULL));
  return 0;
}
