/* emulator-documents.h: what the document endpoints share with the other
 * families that read and write single documents
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-request.h"
#include "emulator-store.h"

G_BEGIN_DECLS

char *emu_documents_header_revision           (EmuRequest    *req,
                                               const char    *name);
void  emu_documents_reply_precondition_failed (EmuRequest    *req,
                                               EmuCollection *collection,
                                               EmuDocument   *current,
                                               const char    *message);

G_END_DECLS
