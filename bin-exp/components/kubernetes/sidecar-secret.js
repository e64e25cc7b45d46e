"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.secretEnv = secretEnv;
/**
 * Environment variables read from a Secret by `secretKeyRef`. The variable is named after the key, as
 * with `envFrom`, but each pod lists exactly the keys it needs: a secondary never sees the database
 * superuser password it does not read (xroad-facts §3.2). Pass the Secret's `metadata.name` output, so
 * the pods are created only after the Secret exists.
 */
function secretEnv(secretName, keys) {
    return keys.map((key) => ({ name: key, valueFrom: { secretKeyRef: { name: secretName, key } } }));
}
