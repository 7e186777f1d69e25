/**
 * The entities the admin API answers with, as records (Pleroma 1.1's admin views and what this
 * server adds to them). Names are written in snake_case; every field is written, null included,
 * unless its record says otherwise.
 */
package social.annals.gateway.api.admin.entity;
