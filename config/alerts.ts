import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { Checker, CONFIG_NAMESPACE, HIDDEN } from "./checker";
import { boolean, envDefault, integer, integerIn, keysOf, list, oneOf, section, text, withDefault } from "./kinds";
import { parseSetting } from "./parse";
import { Placeholder } from "./placeholders";
import { THRESHOLDS } from "../policy/xroad/detections";

/**
 * The cloud's own threat detection (GuardDuty on AWS, Defender for Containers on Azure) is account- or
 * subscription-wide: `create` turns it on from this stack, `existing` declares that the organisation already
 * runs it (the stack only routes its findings), `off` leaves it out.
 */
export const THREAT_DETECTION_MODES = ["create", "existing", "off"] as const;
export type ThreatDetectionMode = (typeof THREAT_DETECTION_MODES)[number];

/** Evaluation windows both clouds accept for log alerts (Azure: 5 to 1440 minutes, CloudWatch: periods of 60 s multiples). */
const EVALUATION_MINUTES = [5, 10, 15, 30, 60] as const;

const EMAIL = { pattern: /^[^@\s]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, allowed: "an email address" };
// Never echo the URL: it is a secret (config/checker.ts hides values under `webhooks`).
const WEBHOOK = { pattern: /^https:\/\/[^\s/]+\/\S*$/, allowed: "an https:// URL (SNS and action groups send alerts only over TLS)" };

/** `xroad-sidecar:alerts` (guide §8: detect, not only collect); the threat-detection default depends on the environment. */
export function alertsSchema(production: boolean) {
    return withDefault(
        section(
            {
                receivers: withDefault(
                    section({
                        emails: withDefault(list(text(EMAIL)), [], {
                            description: "Email addresses the SNS topic or action group notifies.",
                        }),
                        webhooks: withDefault(list(text(WEBHOOK)), [], {
                            description: "HTTPS endpoints; their URLs carry a token, so set them with pulumi config set --secret.",
                        }),
                    }),
                    {},
                    {
                        description:
                            "Who is told; a production stack on aws or azure needs one. Target existing: none (your Alertmanager routes).",
                    },
                ),
                threatDetection: envDefault(
                    oneOf(
                        THREAT_DETECTION_MODES,
                        "GuardDuty or Defender for Containers: create turns it on from this stack, existing routes the organisation's findings, off leaves it out (target existing: off).",
                    ),
                    production,
                    { development: "off", production: "create" },
                ),
                evaluationMinutes: withDefault(integerIn(EVALUATION_MINUTES), 5, {
                    description: "Window over which the audit-log detections count events.",
                }),
                thresholds: withDefault(
                    section(
                        Object.fromEntries(
                            THRESHOLDS.map((threshold) => [
                                threshold.key,
                                withDefault(integer({ min: threshold.min, max: threshold.max }), threshold.default, {
                                    description: `Alert threshold: ${threshold.unit}.`,
                                }),
                            ]),
                        ),
                    ),
                    {},
                    {
                        description:
                            "One threshold per alert of the catalogue (policy/xroad/detections.ts; README, What alerts you and what to do).",
                    },
                ),
                prometheusRule: withDefault(boolean(), false, {
                    description:
                        "Target existing: the cluster runs the Prometheus Operator, so the detections are created as a PrometheusRule; otherwise the plan writes them as a rules file.",
                }),
            },
            "Alerts (guide §8): who is told, threat detection, evaluation window and thresholds; README, What alerts you and what to do.",
        ),
        {},
    );
}

const alertsSchemas = { development: alertsSchema(false), production: alertsSchema(true) };

type ParsedAlerts = z.output<ReturnType<typeof alertsSchema>>;

/** Settings of `xroad-sidecar:alerts` (guide §8: detect, not only collect). */
export type AlertSettings = Omit<ParsedAlerts, "receivers" | "thresholds"> & {
    /** Who is told: the SNS topic's or action group's receivers. */
    receivers: {
        emails: string[];
        /** HTTPS endpoints; their URLs usually carry a token, so they are Pulumi secrets. */
        webhooks: pulumi.Output<string>[];
    };
    /** Thresholds by the catalogue's keys (policy/xroad/detections.ts). */
    thresholds: Record<string, number>;
};

/** What every alert component reads of the settings: the thresholds and the window they are evaluated over. */
export type AlertEvaluation = Pick<AlertSettings, "thresholds" | "evaluationMinutes">;

export const ALERT_KEYS = keysOf(alertsSchemas.development);

/** RFC 2606 §3: example.com, example.net and example.org are reserved for documentation; .example likewise (§2). */
function placeholderDomain(host: string): string | undefined {
    const h = host.toLowerCase().replace(/\.$/, "");
    if (/(^|\.)example\.(com|net|org)$/.test(h) || /\.example$/.test(h)) return "an RFC 2606 documentation domain, which delivers nothing";
    return undefined;
}

/** Reads `xroad-sidecar:alerts`. A production stack must name at least one receiver. */
export function readAlertSettings(
    check: Checker,
    raw: unknown,
    context: { production: boolean; target: string; isSecure: (key: string) => boolean },
): AlertSettings {
    const p = "alerts";
    const schema = context.production ? alertsSchemas.production : alertsSchemas.development;
    const parsed = parseSetting(check, p, raw, schema) ?? schema.parse({});
    const given = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const { emails, webhooks: webhookUrls } = parsed.receivers;
    if (
        webhookUrls.length > 0 &&
        !context.isSecure(`${CONFIG_NAMESPACE}:${p}`) &&
        !context.isSecure(`${CONFIG_NAMESPACE}:${p}.receivers.webhooks`)
    ) {
        webhookUrls.forEach((_, i) => {
            if (!context.isSecure(`${CONFIG_NAMESPACE}:${p}.receivers.webhooks[${i}]`))
                check.warn(
                    `${CONFIG_NAMESPACE}:${p}.receivers.webhooks[${i}] is stored in plain text in the stack file; a webhook URL carries its token, encrypt it with: pulumi config set --secret --path '${p}.receivers.webhooks[${i}]' '<url>'`,
                );
        });
    }
    if (context.target === "existing" && emails.length + webhookUrls.length > 0)
        check.fail(
            `${p}.receivers`,
            emails.length > 0 ? emails : HIDDEN,
            "none for target existing: its alerts are Prometheus rules, which your Alertmanager routes to receivers",
        );
    if (
        context.production &&
        context.target !== "existing" &&
        emails.length + webhookUrls.length === 0 &&
        !check.reported(`${p}.receivers`)
    )
        check.fail(
            `${p}.receivers`,
            undefined,
            "at least one receiver in a production stack (emails or https webhooks): alerts nobody receives detect nothing (guide §8)",
        );
    if (given.prometheusRule !== undefined && context.target !== "existing")
        check.fail(
            `${p}.prometheusRule`,
            given.prometheusRule,
            "nothing: it applies only to target existing (the clouds alert through CloudWatch and Azure Monitor)",
        );
    if (context.target === "existing" && given.threatDetection !== undefined && parsed.threatDetection !== "off")
        check.fail(
            `${p}.threatDetection`,
            parsed.threatDetection,
            "off for target existing: the stack creates no cloud services there; declare your cluster's own (Falco, the cloud's defender) in your runbook",
        );
    return {
        ...parsed,
        receivers: { emails, webhooks: webhookUrls.map((url) => pulumi.secret(url)) },
        threatDetection: context.target === "existing" ? "off" : parsed.threatDetection,
    };
}

/** The example receivers the stack files carry (documentation domains): placeholders like the example CIDRs. */
function alertPlaceholders(emails: string[]): Placeholder[] {
    const found: Placeholder[] = [];
    emails.forEach((email, i) => {
        const reason = placeholderDomain(email.split("@")[1] ?? "");
        if (reason) found.push({ path: `alerts.receivers.emails[${i}]`, value: email, reason });
    });
    return found;
}

/**
 * issue 12 point 4, as for CIDRs and account IDs: offline a placeholder receiver only warns, so the examples
 * plan; under the engine a production stack whose receivers are placeholders is a config error.
 */
export function checkAlertPlaceholders(check: Checker, s: AlertSettings, production: boolean, offline: boolean): void {
    for (const placeholder of alertPlaceholders(s.receivers.emails)) {
        if (production && !offline) check.fail(placeholder.path, placeholder.value, `a real value: this is ${placeholder.reason}`);
        else
            check.warn(
                `${check.key(placeholder.path)} is a placeholder (${placeholder.value}: ${placeholder.reason}); replace it before pulumi up`,
            );
    }
}
