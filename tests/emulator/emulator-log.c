/* emulator-log.c: opt-in diagnostics of the ArangoDB emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-log.h"

/* Tests read the emulator's stdout as a protocol and often capture its
 * stderr into their own logs, so the emulator stays silent unless asked. */
static gboolean debug_enabled;

void
emu_log_init (void)
{
  const char *value = g_getenv ("ARANGO_EMULATOR_DEBUG");

  debug_enabled = value != NULL && *value != '\0' && g_strcmp0 (value, "0") != 0;
}

gboolean
emu_log_enabled (void)
{
  return debug_enabled;
}

void
emu_debug (const char *format,
           ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (!debug_enabled)
    return;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("arango-emulator: %s\n", text);
}
