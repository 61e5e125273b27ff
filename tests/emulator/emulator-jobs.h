/* emulator-jobs.h: requests run as async jobs (x-arango-async)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-request.h"

G_BEGIN_DECLS

typedef void (*EmuRouteFunc) (EmuRequest *req);

/* With `x-arango-async: store` or `true`, runs @route on @req as a job,
 * answers 202 and returns TRUE; otherwise returns FALSE untouched. */
gboolean emu_jobs_run_as_job (EmuRequest   *req,
                              EmuRouteFunc  route);

G_END_DECLS
