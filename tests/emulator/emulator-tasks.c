/* emulator-tasks.c: /_api/tasks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Tasks are JavaScript functions the server runs on a schedule. The
 * emulator answers as a 3.12 server without JavaScript
 * (--javascript.enabled false), whose tasks handler refuses every method
 * before looking at the request: 501, errorNum 9, "JavaScript operations
 * are disabled". Registering tasks that never run would be a made-up answer.
 */

#include "emulator-reply.h"
#include "emulator-router.h"

static void
handle_any (EmuRequest *req)
{
  emu_reply_error (req->msg, SOUP_STATUS_NOT_IMPLEMENTED, EMU_ERROR_NOT_IMPLEMENTED,
                   "JavaScript operations are disabled");
}

static const EmuRoute task_routes[] = {
  { "GET", "/_api/tasks", handle_any },
  { "POST", "/_api/tasks", handle_any },
  { "GET", "/_api/tasks/{id}", handle_any },
  { "PUT", "/_api/tasks/{id}", handle_any },
  { "DELETE", "/_api/tasks/{id}", handle_any },
};

void
emu_tasks_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, task_routes, G_N_ELEMENTS (task_routes));
}
