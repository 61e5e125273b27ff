/* emulator-api-calls.c: the recent requests a Coordinator served
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GET /_admin/server/api-calls (3.12.5 on), as RestAdminServerHandler::
 * handleApiCalls answers it with the recording API in its default mode
 * (--log.recording-api-enabled true: admin users only). The server keeps
 * as many calls as fit in --server.api-recording-memory-limit; the
 * emulator keeps a fixed number of them.
 */

#include "emulator-api-calls.h"

#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-users.h"

#define MAX_CALLS 10000

typedef struct {
  gint64  time;       /* g_get_real_time () */
  char   *method;
  char   *path;       /* without the /_db/{name} prefix */
  char   *database;
} ApiCall;

static void
api_call_free (gpointer data)
{
  ApiCall *call = data;

  g_free (call->method);
  g_free (call->path);
  g_free (call->database);
  g_free (call);
}

void
emu_api_calls_record (EmuRequest *req)
{
  GQueue *calls = &req->coordinator->api_calls;
  ApiCall *call = g_new0 (ApiCall, 1);

  call->time = g_get_real_time ();
  call->method = g_strdup (req->method);
  call->path = g_strdup (req->path);
  call->database = g_strdup (req->database);
  g_queue_push_head (calls, call);
  while (calls->length > MAX_CALLS)
    api_call_free (g_queue_pop_tail (calls));
}

void
emu_api_calls_clear (EmuCoordinator *coordinator)
{
  g_queue_clear_full (&coordinator->api_calls, api_call_free);
}

static void
handle_api_calls (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  GList *l;

  /* Before 3.12.5 the handler knows no such suffix. */
  if (!emu_state_version_at_least (req->state, 3, 12, 5))
    {
      emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND, NULL);
      return;
    }
  if (!emu_users_is_admin (req))
    {
      emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_HTTP_FORBIDDEN,
                       "You need admin rights for recording API operations");
      return;
    }

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "calls");
  json_builder_begin_array (builder);
  for (l = req->coordinator->api_calls.head; l != NULL; l = l->next)
    {
      ApiCall *call = l->data;
      g_autofree char *time = emu_format_iso_time (call->time);

      json_builder_begin_object (builder);
      emu_json_add_string (builder, "timeStamp", time);
      emu_json_add_string (builder, "requestType", call->method);
      emu_json_add_string (builder, "path", call->path);
      emu_json_add_string (builder, "database", call->database);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute api_calls_routes[] = {
  { "GET", "/_admin/server/api-calls", handle_api_calls },
};

void
emu_api_calls_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, api_calls_routes, G_N_ELEMENTS (api_calls_routes));
}
