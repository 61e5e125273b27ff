/* arango-error-private.h: making server errors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GError *arango_server_error_new_full (guint       http_status,
                                      gint        code,
                                      gint        error_number,
                                      const char *server_message,
                                      const char *format,
                                      ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
