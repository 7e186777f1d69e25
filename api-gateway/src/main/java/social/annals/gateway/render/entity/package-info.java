/**
 * The entities the client API answers with, as records: what each one contains, in the order it
 * is written. Names are written in snake_case; every field is written, null included, unless its
 * record says otherwise (a field only some viewers get is left out for the others, as Pleroma does).
 * Timestamps are strings already formatted for the API (see {@code Dates}).
 */
package social.annals.gateway.render.entity;
