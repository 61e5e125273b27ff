/* demo-support.h: what the C demos share besides the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void          demo_set_label_width (guint          width);
void          demo_store_result    (GObject       *source,
                                    GAsyncResult  *result,
                                    gpointer       user_data);
GAsyncResult *demo_wait_for        (GAsyncResult **slot);
void          demo_print           (const char    *label,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (2, 3);
gboolean      demo_check           (guint         *n_failed,
                                    const char    *label,
                                    const GError  *error);

G_END_DECLS
