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
const assert = __importStar(require("node:assert/strict"));
const autoscaling_1 = require("./autoscaling");
const harness_1 = require("./testing/harness");
const target = (0, harness_1.k8s)((0, harness_1.deployment)("secondary", "xroad", { containers: [{ name: "ss", resources: harness_1.RESOURCES }] }));
const noRequests = (0, harness_1.k8s)((0, harness_1.deployment)("secondary", "xroad", { containers: [{ name: "ss", resources: { limits: { cpu: "2" } } }] }));
const hpa = (spec, apiVersion = "autoscaling/v2", extra = {}) => (0, harness_1.k8s)({
    apiVersion,
    kind: "HorizontalPodAutoscaler",
    metadata: { name: "secondary", namespace: "xroad" },
    spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "secondary" },
        minReplicas: 2,
        maxReplicas: 4,
        ...spec,
    },
}, extra);
describe("k8s-hpa-target-has-requests (guide §11)", () => {
    it("passes when the target requests the scaled resource", async () => {
        assert.deepEqual(await (0, harness_1.messages)(autoscaling_1.hpaTargetHasRequests, [
            target,
            hpa({
                metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
            }),
        ]), []);
    });
    it("flags a missing request for Resource metrics, the implicit CPU metric, v1 and ContainerResource", async () => {
        assert.deepEqual(await (0, harness_1.messages)(autoscaling_1.hpaTargetHasRequests, [noRequests, hpa({})]), [
            'HPA secondary scales Deployment secondary on cpu, but container "ss" requests no cpu',
        ]);
        assert.equal((await (0, harness_1.messages)(autoscaling_1.hpaTargetHasRequests, [noRequests, hpa({ targetCPUUtilizationPercentage: 70 }, "autoscaling/v1")])).length, 1);
        assert.equal((await (0, harness_1.messages)(autoscaling_1.hpaTargetHasRequests, [
            target,
            hpa({ metrics: [{ type: "Resource", resource: { name: "ephemeral-storage" } }] }),
        ])).length, 1);
        assert.equal((await (0, harness_1.messages)(autoscaling_1.hpaTargetHasRequests, [
            noRequests,
            hpa({ metrics: [{ type: "ContainerResource", containerResource: { name: "cpu", container: "ss" } }] }),
        ])).length, 1);
    });
    it("finds an auto-named target through the HPA's property dependency", async () => {
        const unnamed = { ...noRequests, name: "sec", props: { ...noRequests.props, metadata: { namespace: "xroad" } } };
        const h = hpa({}, "autoscaling/v2", { propDeps: { spec: [(0, harness_1.toEngine)(unnamed).urn] } });
        assert.equal((await (0, harness_1.messages)(autoscaling_1.hpaTargetHasRequests, [unnamed, h])).length, 1);
    });
});
describe("k8s-hpa-scale-down-stabilization (guide §11)", () => {
    it("passes an explicit window of at least the minimum, or a disabled scale-down", async () => {
        assert.deepEqual(await (0, harness_1.messages)(autoscaling_1.hpaScaleDownStabilization, hpa({ behavior: { scaleDown: { stabilizationWindowSeconds: 600 } } })), []);
        assert.deepEqual(await (0, harness_1.messages)(autoscaling_1.hpaScaleDownStabilization, hpa({ behavior: { scaleDown: { selectPolicy: "Disabled" } } })), []);
    });
    it("flags unset and short windows (minimum from config) and v1 HPAs", async () => {
        assert.deepEqual(await (0, harness_1.messages)(autoscaling_1.hpaScaleDownStabilization, hpa({})), [
            "behavior.scaleDown.stabilizationWindowSeconds is not set; set at least 300",
        ]);
        assert.deepEqual(await (0, harness_1.messages)(autoscaling_1.hpaScaleDownStabilization, hpa({ behavior: { scaleDown: { stabilizationWindowSeconds: 600 } } }), {
            config: { minimumSeconds: 900 },
        }), ["behavior.scaleDown.stabilizationWindowSeconds is 600, below 900"]);
        assert.match((await (0, harness_1.messages)(autoscaling_1.hpaScaleDownStabilization, hpa({}, "autoscaling/v1")))[0], /autoscaling\/v1 cannot set/);
    });
});
describe("k8s-hpa-prefer-custom-metrics (guide §11)", () => {
    it("passes resource and pods metrics and flags External ones", async () => {
        assert.deepEqual(await (0, harness_1.messages)(autoscaling_1.hpaPreferCustomMetrics, hpa({ metrics: [{ type: "Pods", pods: { metric: { name: "requests" } } }] })), []);
        assert.deepEqual(await (0, harness_1.messages)(autoscaling_1.hpaPreferCustomMetrics, hpa({ metrics: [{ type: "External", external: { metric: { name: "queue_depth" } } }] })), ["metrics[0] is an External metric (queue_depth); prefer a custom metric"]);
    });
});
describe("k8s-hpa-vpa-no-overlap (guide §11)", () => {
    const vpa = (updateMode, name = "secondary") => (0, harness_1.k8s)({
        apiVersion: "autoscaling.k8s.io/v1",
        kind: "VerticalPodAutoscaler",
        metadata: { name: "v", namespace: "xroad" },
        spec: { targetRef: { apiVersion: "apps/v1", kind: "Deployment", name }, updatePolicy: { updateMode } },
    });
    it("passes a VPA on another target, or in Off mode when allowed", async () => {
        assert.deepEqual(await (0, harness_1.messages)(autoscaling_1.hpaVpaNoOverlap, [hpa({}), vpa("Auto", "other")]), []);
        assert.deepEqual(await (0, harness_1.messages)(autoscaling_1.hpaVpaNoOverlap, [hpa({}), vpa("Off")]), []);
    });
    it("flags an HPA and an active VPA on the same workload, and Off mode when not allowed", async () => {
        assert.deepEqual(await (0, harness_1.messages)(autoscaling_1.hpaVpaNoOverlap, [hpa({}), vpa("Auto")]), [
            "VPA v and HPA secondary both scale Deployment xroad/secondary",
        ]);
        assert.equal((await (0, harness_1.messages)(autoscaling_1.hpaVpaNoOverlap, [hpa({}), vpa("Off")], { config: { allowVpaOffMode: false } })).length, 1);
    });
});
