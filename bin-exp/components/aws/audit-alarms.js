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
exports.AuditAlarms = void 0;
exports.alertMetricNamespace = alertMetricNamespace;
const pulumi = __importStar(require("@pulumi/pulumi"));
const aws = __importStar(require("@pulumi/aws"));
const detections_1 = require("../../policy/xroad/detections");
const detection_queries_1 = require("../../policy/xroad/detection-queries");
const alerts_1 = require("../../policy/alerts");
/** The CloudWatch namespace of a cluster's alert metrics (metric filters publish there). */
function alertMetricNamespace(clusterName) {
    return `XRoadSidecar/${clusterName}`;
}
/**
 * guide §8, issue 16 point 1: the audit detections of the catalogue (policy/xroad/detections.ts) as a
 * CloudWatch Logs metric filter on the EKS audit log and an alarm each, which notifies the stack's topic.
 * A window without matching events is not a breach (treatMissingData notBreaching): the filter publishes
 * only when an event matches.
 */
class AuditAlarms extends pulumi.ComponentResource {
    alarms = [];
    constructor(name, args, opts) {
        super("xroad:aws:AuditAlarms", name, {}, opts);
        const namespace = alertMetricNamespace(args.clusterName);
        for (const d of detections_1.AUDIT_DETECTIONS) {
            if (!d.audit)
                continue;
            const filter = new aws.cloudwatch.LogMetricFilter(`${name}-${d.id}`, {
                name: `${args.clusterName}-${d.id}`,
                logGroupName: args.logGroupName,
                pattern: (0, detection_queries_1.cloudWatchFilterPattern)(d.audit, args.namespaces),
                metricTransformation: { namespace, name: d.id, value: "1", unit: "Count" },
            }, { parent: this });
            this.alarms.push(new aws.cloudwatch.MetricAlarm(`${name}-${d.id}`, {
                name: `${args.clusterName}-${d.id}`,
                alarmDescription: (0, detections_1.alertDescription)(d),
                namespace,
                metricName: d.id,
                statistic: "Sum",
                period: args.evaluationMinutes * 60,
                evaluationPeriods: 1,
                comparisonOperator: "GreaterThanOrEqualToThreshold",
                threshold: args.thresholds[d.threshold.key],
                treatMissingData: "notBreaching",
                alarmActions: [args.topicArn],
                tags: { [alerts_1.DETECTION_TAG.aws]: d.id, "xroad-sidecar/severity": d.severity },
            }, { parent: this, dependsOn: [filter] }));
        }
        this.registerOutputs({ alarms: this.alarms.map((a) => a.name) });
    }
}
exports.AuditAlarms = AuditAlarms;
