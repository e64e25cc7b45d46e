"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALERT_KEYS = exports.THREAT_DETECTION_MODES = void 0;
exports.readAlertSettings = readAlertSettings;
exports.checkAlertPlaceholders = checkAlertPlaceholders;
const pulumi = __importStar(require("@pulumi/pulumi"));
const checker_1 = require("./checker");
const detections_1 = require("../policy/xroad/detections");
/**
 * The cloud's own threat detection (GuardDuty on AWS, Defender for Containers on Azure) is account- or
 * subscription-wide: `create` turns it on from this stack, `existing` declares that the organisation already
 * runs it (the stack only routes its findings), `off` leaves it out.
 */
exports.THREAT_DETECTION_MODES = ["create", "existing", "off"];
exports.ALERT_KEYS = ["receivers", "threatDetection", "evaluationMinutes", "thresholds", "prometheusRule"];
/** Evaluation windows both clouds accept for log alerts (Azure: 5 to 1440 minutes, CloudWatch: periods of 60 s multiples). */
const EVALUATION_MINUTES = [5, 10, 15, 30, 60];
const EMAIL = { pattern: /^[^@\s]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, allowed: "an email address" };
/** RFC 2606 §3: example.com, example.net and example.org are reserved for documentation; .example likewise (§2). */
function placeholderDomain(host) {
    const h = host.toLowerCase().replace(/\.$/, "");
    if (/(^|\.)example\.(com|net|org)$/.test(h) || /\.example$/.test(h))
        return "an RFC 2606 documentation domain, which delivers nothing";
    return undefined;
}
/** Reads `xroad-sidecar:alerts`. A production stack must name at least one receiver. */
function readAlertSettings(check, raw, context) {
    const p = "alerts";
    const s = check.section(p, raw);
    check.knownKeys(p, s, exports.ALERT_KEYS);
    const r = check.section(`${p}.receivers`, s.receivers);
    check.knownKeys(`${p}.receivers`, r, ["emails", "webhooks"]);
    const emails = check.stringList(`${p}.receivers.emails`, r.emails, [], (path, v) => check.string(path, v, undefined, EMAIL));
    const webhookUrls = check.stringList(`${p}.receivers.webhooks`, r.webhooks, [], (path, v) => {
        const url = check.string(path, v);
        // Never echo the URL: it is a secret (config/checker.ts hides values under `webhooks`).
        if (url && !/^https:\/\/[^\s/]+\/\S*$/.test(url))
            check.fail(path, v, "an https:// URL (SNS and action groups send alerts only over TLS)");
        return url;
    });
    if (webhookUrls.length > 0 &&
        !context.isSecure(`${checker_1.CONFIG_NAMESPACE}:${p}`) &&
        !context.isSecure(`${checker_1.CONFIG_NAMESPACE}:${p}.receivers.webhooks`)) {
        webhookUrls.forEach((_, i) => {
            if (!context.isSecure(`${checker_1.CONFIG_NAMESPACE}:${p}.receivers.webhooks[${i}]`))
                check.warn(`${checker_1.CONFIG_NAMESPACE}:${p}.receivers.webhooks[${i}] is stored in plain text in the stack file; a webhook URL carries its token, encrypt it with: pulumi config set --secret --path '${p}.receivers.webhooks[${i}]' '<url>'`);
        });
    }
    if (context.target === "existing" && emails.length + webhookUrls.length > 0)
        check.fail(`${p}.receivers`, emails.length > 0 ? emails : checker_1.HIDDEN, "none for target existing: its alerts are Prometheus rules, which your Alertmanager routes to receivers");
    if (context.production && context.target !== "existing" && emails.length + webhookUrls.length === 0)
        check.fail(`${p}.receivers`, undefined, "at least one receiver in a production stack (emails or https webhooks): alerts nobody receives detect nothing (guide §8)");
    const t = check.section(`${p}.thresholds`, s.thresholds);
    check.knownKeys(`${p}.thresholds`, t, detections_1.THRESHOLDS.map((x) => x.key));
    const thresholds = {};
    for (const threshold of detections_1.THRESHOLDS)
        thresholds[threshold.key] = check.integer(`${p}.thresholds.${threshold.key}`, t[threshold.key], { min: threshold.min, max: threshold.max }, threshold.default);
    const prometheusRule = check.boolean(`${p}.prometheusRule`, s.prometheusRule, false);
    if (s.prometheusRule !== undefined && context.target !== "existing")
        check.fail(`${p}.prometheusRule`, s.prometheusRule, "nothing: it applies only to target existing (the clouds alert through CloudWatch and Azure Monitor)");
    const threatDetection = check.oneOf(`${p}.threatDetection`, s.threatDetection, exports.THREAT_DETECTION_MODES, context.production ? "create" : "off");
    if (context.target === "existing" && s.threatDetection !== undefined && threatDetection !== "off")
        check.fail(`${p}.threatDetection`, threatDetection, "off for target existing: the stack creates no cloud services there; declare your cluster's own (Falco, the cloud's defender) in your runbook");
    return {
        receivers: { emails, webhooks: webhookUrls.map((url) => pulumi.secret(url)) },
        threatDetection: context.target === "existing" ? "off" : threatDetection,
        evaluationMinutes: check.integerIn(`${p}.evaluationMinutes`, s.evaluationMinutes, EVALUATION_MINUTES, 5),
        thresholds,
        prometheusRule,
    };
}
/** The example receivers the stack files carry (documentation domains): placeholders like the example CIDRs. */
function alertPlaceholders(emails) {
    const found = [];
    emails.forEach((email, i) => {
        const reason = placeholderDomain(email.split("@")[1] ?? "");
        if (reason)
            found.push({ path: `alerts.receivers.emails[${i}]`, value: email, reason });
    });
    return found;
}
/**
 * issue 12 point 4, as for CIDRs and account IDs: offline a placeholder receiver only warns, so the examples
 * plan; under the engine a production stack whose receivers are placeholders is a config error.
 */
function checkAlertPlaceholders(check, s, production, offline) {
    for (const ph of alertPlaceholders(s.receivers.emails)) {
        if (production && !offline)
            check.fail(ph.path, ph.value, `a real value: this is ${ph.reason}`);
        else
            check.warn(`${check.key(ph.path)} is a placeholder (${ph.value}: ${ph.reason}); replace it before pulumi up`);
    }
}
