/* fuzz-reply.c: every result shape the API decodes, from any reply
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-cursor-private.h"
#include "fuzz-support.h"

typedef struct
{
  ArangoReplyFunc func;
  const char *data;
} Shape;

static const Shape shapes[] = {
  { arango_reply_true, NULL },
  { arango_reply_string_member, "id" },
  { arango_reply_string_member, "role" },
  { arango_reply_object, NULL },
  { arango_reply_object_member, "result" },
  { arango_reply_node_member, "result" },
  { arango_reply_body_object, NULL },
  { arango_reply_body_array, NULL },
  { arango_reply_array_member, "indexes" },
  { arango_reply_int_member, "count" },
  { arango_reply_strv_member, "result" },
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ArangoResponse) response = fuzz_response_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoContext) context = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(ArangoAuth) auth = NULL;

  if (response == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

      shapes[i].func (task, response, shapes[i].data);
      fuzz_drain ();
      /* Every reply function returns exactly once, whatever it got. */
      g_assert_true (g_task_get_completed (task));
    }

  auth = arango_auth_new_basic ("root", "");
  context = arango_context_new (fuzz_client (), "_system", auth);
  cursor = arango_cursor_new_from_reply (context, response, TRUE, &error);
  g_assert_true ((cursor == NULL) == (error != NULL));
  if (cursor)
    {
      g_assert_cmpint (arango_cursor_get_count (cursor), >=, -1);
      g_clear_object (&cursor);
    }
  fuzz_drain ();
  return 0;
}
