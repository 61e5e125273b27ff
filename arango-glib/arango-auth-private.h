/* arango-auth-private.h: the credentials of a database handle
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "arango-enums.h"

G_BEGIN_DECLS

/* Shared by a database and the objects made from it (its cluster, later
 * collections and cursors), so a renewed JWT serves all of them. */
typedef struct _ArangoAuth ArangoAuth;

/* Told, in the thread that changed it, that the token changed. */
typedef void (*ArangoAuthTokenChanged) (GObject *owner);

ArangoAuth *arango_auth_new_basic      (const char *username,
                                        const char *password);
ArangoAuth *arango_auth_new_jwt        (const char *username,
                                        const char *password);
ArangoAuth *arango_auth_new_token      (const char *token);
ArangoAuth *arango_auth_ref            (ArangoAuth *self);
void        arango_auth_unref          (ArangoAuth *self);

gboolean    arango_auth_can_renew      (ArangoAuth *self);
gboolean    arango_auth_uses_token     (ArangoAuth *self);
char       *arango_auth_dup_header     (ArangoAuth *self);
JsonNode   *arango_auth_dup_login_body (ArangoAuth *self);
void        arango_auth_set_token      (ArangoAuth *self,
                                        const char *token);
char       *arango_auth_dup_token      (ArangoAuth *self);
gboolean    arango_auth_get_token_expiry (ArangoAuth *self,
                                          gint64     *expiry);
const char *arango_auth_get_username   (ArangoAuth *self);
const char *arango_auth_token_from_reply (JsonNode *body);

void        arango_auth_watch_token    (ArangoAuth             *self,
                                        GObject                *owner,
                                        ArangoAuthTokenChanged  changed);
void        arango_auth_unwatch_token  (ArangoAuth             *self,
                                        GObject                *owner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArangoAuth, arango_auth_unref)

G_END_DECLS
