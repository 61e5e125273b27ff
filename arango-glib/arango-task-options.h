/* arango-task-options.h: the settings of a new server task
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <glib-object.h>

#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

#define ARANGO_TYPE_TASK_OPTIONS (arango_task_options_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoTaskOptions, arango_task_options, ARANGO, TASK_OPTIONS, GObject)

ARANGO_AVAILABLE_IN_ALL
ArangoTaskOptions *arango_task_options_new (void);

G_END_DECLS
