/* emulator-input.h: checks of request input that several endpoint
 * families share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-request.h"

G_BEGIN_DECLS

/* A "traditional" name as the server checks views and analyzers: a
 * letter, then letters, digits, "_" and "-", at most @max_length bytes. */
gboolean    emu_input_is_traditional_name (const char  *name,
                                           gsize        max_length);

/* The request body as an object; otherwise NULL, with the reply sent:
 * the server's JSON parse errors, or 400 with @error_num and @message
 * for JSON that is no object. The body node goes to @holder. */
JsonObject *emu_input_object_body         (EmuRequest  *req,
                                           JsonNode   **holder,
                                           int          error_num,
                                           const char  *message);

G_END_DECLS
