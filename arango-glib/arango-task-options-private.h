/* arango-task-options-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "arango-task-options.h"

G_BEGIN_DECLS

/* The id the caller chose, or NULL (also for a NULL @self): the server
 * picks one. */
const char *arango_task_options_get_id (ArangoTaskOptions *self);
void        arango_task_options_apply  (ArangoTaskOptions *self,
                                        JsonObject        *body);

G_END_DECLS
