import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { AlertEvaluation } from "../../config/alerts";
import { AZURE_SEVERITY, Detection, alertDescription } from "../../policy/xroad/detections";
import { DETECTION_TAG } from "../../policy/alerts";

/** What every alert component of the stack takes: where its rules live, what they read, whom they notify. */
export interface AlertRuleArgs extends AlertEvaluation {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    /** The Log Analytics workspace the diagnostics and Container Insights write to. */
    workspaceId: pulumi.Input<string>;
    actionGroupId: pulumi.Input<string>;
    /** Prefix of the rule names, unique per stack. */
    namePrefix: string;
    tags: Record<string, string>;
}

/** ISO 8601 duration of whole minutes, as Azure Monitor takes windows and frequencies. */
export function isoMinutes(minutes: number): string {
    return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
}

/** One log search alert: the detection's query, counted over its window. */
interface LogAlert {
    /** Names the rule (`<namePrefix>-<id>`) and its resource. */
    id: string;
    detection: Detection;
    query: string;
    /** ISO 8601 durations (isoMinutes). */
    evaluationFrequency: string;
    windowSize: string;
    /** The rule fires when the query returns at least this many rows. */
    threshold: number;
    /** A health condition resolves when the query stops returning rows; an audit event does not resolve. */
    autoMitigate: boolean;
}

/**
 * A Log Analytics scheduled query rule for one detection of the catalogue (policy/xroad/detections.ts), tagged
 * with it and notifying the action group with its runbook: the one shape of the audit and health log alerts.
 */
export function logAlertRule(
    resourceName: string,
    args: AlertRuleArgs,
    alert: LogAlert,
    parent: pulumi.Resource,
): monitor.ScheduledQueryRule {
    const detection = alert.detection;
    return new monitor.ScheduledQueryRule(
        resourceName,
        {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            ruleName: `${args.namePrefix}-${alert.id}`,
            displayName: detection.title,
            description: alertDescription(detection),
            kind: "LogAlert",
            severity: AZURE_SEVERITY[detection.severity],
            enabled: true,
            scopes: [args.workspaceId],
            evaluationFrequency: alert.evaluationFrequency,
            windowSize: alert.windowSize,
            criteria: {
                allOf: [
                    {
                        query: alert.query,
                        timeAggregation: "Count",
                        operator: "GreaterThanOrEqual",
                        threshold: alert.threshold,
                        failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
                    },
                ],
            },
            autoMitigate: alert.autoMitigate,
            actions: { actionGroups: [args.actionGroupId], customProperties: { detection: detection.id, runbook: detection.runbook } },
            tags: { ...args.tags, [DETECTION_TAG.azure]: detection.id },
        },
        { parent },
    );
}
