/* fuzz-json.c: the JSON reader against json-glib's parser
 *
 * Whatever the reader accepts, json-glib must read as the same tree;
 * whatever json-glib rejects, the reader must reject too. One exception:
 * json-glib 1.6 wraps integers beyond 64 bits around (12345678901234567890
 * becomes -6101065172474983726), where the reader keeps them as doubles,
 * so inputs with such long digit runs are only checked for acceptance.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-json-private.h"
#include "fuzz-support.h"

static gboolean
has_long_digit_run (const uint8_t *data,
                    size_t         size)
{
  size_t run = 0;

  for (size_t i = 0; i < size; i++)
    {
      run = g_ascii_isdigit (data[i]) ? run + 1 : 0;
      if (run > 18)
        return TRUE;
    }
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) ours = arango_json_parse ((const char *) data, size, &error);
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *theirs;

  g_assert_true ((ours == NULL) == (error != NULL));
  if (ours == NULL)
    {
      g_assert_true (error->domain == JSON_PARSER_ERROR);
      return 0;
    }

  parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (parser, (const char *) data, size, NULL));
  theirs = json_parser_get_root (parser);
  g_assert_nonnull (theirs);
  if (!has_long_digit_run (data, size))
    g_assert_true (json_node_equal (ours, theirs));
  return 0;
}
