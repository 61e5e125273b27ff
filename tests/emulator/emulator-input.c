/* emulator-input.c: checks of request input that several endpoint
 * families share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-input.h"

#include <string.h>

#include "emulator-reply.h"

gboolean
emu_input_is_traditional_name (const char *name,
                               gsize       max_length)
{
  gsize length = strlen (name);
  gsize i;

  if (length == 0 || length > max_length || !g_ascii_isalpha (name[0]))
    return FALSE;
  for (i = 1; i < length; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '_' && name[i] != '-')
      return FALSE;
  return TRUE;
}

JsonObject *
emu_input_object_body (EmuRequest  *req,
                       JsonNode   **holder,
                       int          error_num,
                       const char  *message)
{
  *holder = emu_request_parse_body (req);
  if (*holder == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (*holder))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, error_num, message);
      g_clear_pointer (holder, json_node_unref);
      return NULL;
    }
  return json_node_get_object (*holder);
}
