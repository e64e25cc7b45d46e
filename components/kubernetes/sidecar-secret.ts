import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

/**
 * Environment variables read from a Secret by `secretKeyRef`. The variable is named after the key, as
 * with `envFrom`, but each pod lists exactly the keys it needs: a secondary never sees the database
 * superuser password it does not read (xroad-facts §3.2). Pass the Secret's `metadata.name` output, so
 * the pods are created only after the Secret exists.
 */
export function secretEnv(secretName: pulumi.Input<string>, keys: readonly string[]): k8s.types.input.core.v1.EnvVar[] {
    return keys.map((key) => ({ name: key, valueFrom: { secretKeyRef: { name: secretName, key } } }));
}
