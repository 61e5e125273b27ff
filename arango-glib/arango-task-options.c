/* arango-task-options.c: the settings of a new server task
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-options-private.h"
#include "arango-task-options-private.h"

/**
 * ArangoTaskOptions:
 *
 * The optional settings of a new server task (`POST /_api/tasks`, or
 * `PUT /_api/tasks/{id}` with #ArangoTaskOptions:id), as properties;
 * pass them to arango_database_create_task_async(). Only the settings
 * other than their default are sent, so the others keep the server's
 * defaults: a task named `user-defined task` that runs once, at once.
 *
 * ```c
 * g_autoptr(ArangoTaskOptions) options =
 *   g_object_new (ARANGO_TYPE_TASK_OPTIONS,
 *                 "name", "cleanup",
 *                 "period", 60.0,
 *                 NULL);
 * ```
 *
 * In Python: `Arango.TaskOptions(name="cleanup", period=60)`.
 */

/* Where each property goes, in the order of the property ids. The id is
 * sent in the body as well as in the path, as ArangoDB's own example
 * does: the server keeps the one in the path. */
static const ArangoOptionSpec option_specs[] = {
  { "id", "id" },
  { "name", "name" },
  { "params", "params" },
  { "period", "period" },
  { "offset", "offset" },
};

#define N_OPTIONS G_N_ELEMENTS (option_specs)

struct _ArangoTaskOptions
{
  GObject parent_instance;

  GValue values[N_OPTIONS];
};

G_DEFINE_FINAL_TYPE (ArangoTaskOptions, arango_task_options, G_TYPE_OBJECT)

static GParamSpec *properties[N_OPTIONS + 1];

static void
arango_task_options_class_init (ArangoTaskOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  /**
   * ArangoTaskOptions:id:
   *
   * The id the new task gets, sent as `PUT /_api/tasks/{id}`; %NULL (the
   * default) lets the server pick one (`POST /_api/tasks`). An id that a
   * task already has is refused with
   * %ARANGO_SERVER_ERROR_TASK_DUPLICATE_ID; an empty one with
   * %ARANGO_ERROR_INVALID_ARGUMENT before a request is sent.
   */
  properties[1] = g_param_spec_string ("id", NULL, NULL, NULL, flags);

  /**
   * ArangoTaskOptions:name:
   *
   * A name for people to read; %NULL (the default) leaves it to the
   * server (`user-defined task`).
   */
  properties[2] = g_param_spec_string ("name", NULL, NULL, NULL, flags);

  /**
   * ArangoTaskOptions:params:
   *
   * The JSON value the command sees as `params`; %NULL (the default)
   * sends none.
   */
  properties[3] = g_param_spec_boxed ("params", NULL, NULL, JSON_TYPE_NODE, flags);

  /**
   * ArangoTaskOptions:period:
   *
   * Seconds between two runs of a periodic task; 0 (the default) makes a
   * task that runs once. The server refuses a period that is not positive,
   * so 0 is not sent.
   */
  properties[4] = g_param_spec_double ("period", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);

  /**
   * ArangoTaskOptions:offset:
   *
   * Seconds from now until the first run; 0 (the default) runs it at
   * once.
   */
  properties[5] = g_param_spec_double ("offset", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);

  for (guint i = 0; i < N_OPTIONS; i++)
    g_assert (g_str_equal (properties[i + 1]->name, option_specs[i].property));

  arango_option_class_install (object_class, G_STRUCT_OFFSET (ArangoTaskOptions, values),
                               properties, N_OPTIONS);
}

static void
arango_task_options_init (ArangoTaskOptions *self)
{
  arango_option_values_init (self->values, properties, N_OPTIONS);
}

/**
 * arango_task_options_new:
 *
 * Creates task options that leave everything to the server's defaults.
 *
 * Returns: (transfer full): a new #ArangoTaskOptions
 */
ArangoTaskOptions *
arango_task_options_new (void)
{
  return g_object_new (ARANGO_TYPE_TASK_OPTIONS, NULL);
}

const char *
arango_task_options_get_id (ArangoTaskOptions *self)
{
  return self != NULL ? g_value_get_string (&self->values[0]) : NULL;
}

/* Writes the settings that are set into the request body. @self may be
 * NULL. */
void
arango_task_options_apply (ArangoTaskOptions *self,
                           JsonObject        *body)
{
  if (self != NULL)
    arango_option_values_apply (self->values, properties, option_specs, N_OPTIONS,
                                body, NULL);
}
