/* emulator-api-calls.h: the recent requests a Coordinator served
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-request.h"

G_BEGIN_DECLS

/* Notes a request that passed authentication and found its database, as
 * the server's ApiRecordingFeature notes what it serves. */
void emu_api_calls_record (EmuRequest     *req);
/* Forgets them all: the history lives in the server process. */
void emu_api_calls_clear  (EmuCoordinator *coordinator);

G_END_DECLS
