/**
 * Every setting of a stack, declared once (issue 14 point 1): the `xroad-sidecar:` keys of `Pulumi.<stack>.yaml`.
 * The loader (config/index.ts) validates each section with its schema; config/artefacts.ts derives the
 * `config:` block of Pulumi.yaml, the README's configuration table and schema/stack-config.schema.json from it.
 */
import { z } from "zod";
import { boolean, keysOf, oneOf, withDefault } from "./kinds";
import { releaseSchema } from "./release";
import { instancesSchema, secretsSchema } from "./instance";
import { awsSchema } from "./aws";
import { azureSchema } from "./azure";
import { existingSchema } from "./existing";
import { alertsSchema } from "./alerts";

export const TARGETS = ["aws", "azure", "existing"] as const;

export const ENVIRONMENTS = ["development", "production"] as const;
/** Production raises defaults: three zones, HA database, longer retention. */
export type Environment = (typeof ENVIRONMENTS)[number];

export const targetSchema = oneOf(
    TARGETS,
    "Platform: aws (EKS), azure (AKS) or existing (a cluster you already run, through a kubeconfig).",
).meta({
    defaultText: "required",
});
export const environmentSchema = withDefault(oneOf(ENVIRONMENTS), "development", {
    description: "Production raises defaults: 3 availability zones, HA database, longer log retention, protected data.",
});
export const protectDataSchema = withDefault(boolean(), true, {
    description:
        "Keep archives, file systems, keys and databases on pulumi destroy (protect, retainOnDelete, deletion protection). Must stay true in production.",
});

/** The project's part of a stack file, as documents and editors see it (with the development defaults). */
export const stackSchema = z.object({
    target: targetSchema,
    environment: environmentSchema,
    protectData: protectDataSchema,
    release: releaseSchema,
    instances: instancesSchema,
    secrets: secretsSchema,
    // A stack has the section of its own target only; a project default would give every stack all three.
    aws: awsSchema(false).optional().meta({ noProjectDefault: true }),
    azure: azureSchema(false).optional().meta({ noProjectDefault: true }),
    existing: existingSchema.optional().meta({ noProjectDefault: true }),
    alerts: alertsSchema(false),
});

/** Every top-level key of the project. */
export const TOP_LEVEL_KEYS = keysOf(stackSchema);
