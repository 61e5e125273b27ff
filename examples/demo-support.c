/* demo-support.c: what the C demos share besides the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "demo-support.h"

static guint label_width = 24;

void
demo_set_label_width (guint width)
{
  label_width = width;
}

/* Waiting for one call at a time
 *
 * The demos make one call after the other, so each call's callback only
 * stores its result, and the demo iterates the main context until it is
 * there. A program doing several things at once would continue in the
 * callbacks instead. */

void
demo_store_result (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

GAsyncResult *
demo_wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

void
demo_print (const char *label,
            const char *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_print ("%-*s %s\n", (int) label_width, label, text);
}

/* Returns TRUE when there was no error; otherwise prints it, with its
 * domain and code, and counts it. */
gboolean
demo_check (guint        *n_failed,
            const char   *label,
            const GError *error)
{
  if (error == NULL)
    return TRUE;

  (*n_failed)++;
  g_print ("%-*s FAILED: %s\n%-*s (%s, code %d)\n", (int) label_width, label,
           error->message, (int) label_width, "", g_quark_to_string (error->domain),
           error->code);
  return FALSE;
}
