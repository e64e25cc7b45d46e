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
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const run_1 = require("../../plan/run");
const stack_file_1 = require("../../plan/stack-file");
const plan_helpers_1 = require("../plan-helpers");
const projectDir = path.resolve(__dirname, "../..");
describe("azure example stacks plan offline", function () {
    let dev;
    let prod;
    before(async () => {
        dev = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, "azure-dev"));
        prod = await (0, run_1.planStack)((0, stack_file_1.readStackFile)(projectDir, "azure-prod"));
    });
    it("azure-dev: a small development stack, one pod with a local database, data not protected", () => {
        assert.equal(dev.config.target, "azure");
        assert.equal(dev.config.environment, "development");
        assert.equal(dev.config.protectData, false);
        assert.deepEqual(dev.config.instances.map((i) => [i.topology, i.database.mode]), [["single", "local"]]);
        const aks = (0, plan_helpers_1.one)(dev.resources, "azure-native:containerservice:ManagedCluster").props;
        assert.equal(aks.networkProfile.networkPolicy, "calico");
        assert.equal(aks.disableLocalAccounts, true);
        assert.deepEqual(aks.agentPoolProfiles.map((p) => [p.vmSize, p.count]), [["Standard_D4ds_v5", 2]], "AKS's system-pool minimum: 2 nodes of 4 vCPU");
        assert.equal((0, plan_helpers_1.one)(dev.resources, "azure-native:containerservice:AgentPool").props.vmSize, "Standard_D4ds_v5");
        assert.equal((0, plan_helpers_1.ofType)(dev.resources, "azure-native:dbforpostgresql:Server").length, 0);
        assert.equal((0, plan_helpers_1.ofType)(dev.resources, "azure-native:authorization:ManagementLockByScope").length, 0);
        assert.ok(dev.resources.every((r) => !r.protect), "a dev stack with protectData false protects nothing");
        assert.equal((0, plan_helpers_1.one)(dev.resources, "azure-native:managedidentity:FederatedIdentityCredential").props.subject, "system:serviceaccount:xroad-sidecar:xroad-archiver");
    });
    it("azure-prod: primary plus secondaries on a zone-redundant Flexible Server, everything stateful protected", () => {
        assert.equal(prod.config.environment, "production");
        assert.equal(prod.config.protectData, true);
        assert.deepEqual(prod.config.instances.map((i) => [i.topology, i.database.mode]), [["primary-secondaries", "managed"]]);
        const db = (0, plan_helpers_1.one)(prod.resources, "azure-native:dbforpostgresql:Server");
        assert.equal(db.props.highAvailability.mode, "ZoneRedundant");
        assert.equal(db.props.version, "16");
        assert.deepEqual([db.protect, db.retainOnDelete], [true, true]);
        assert.deepEqual((0, plan_helpers_1.one)(prod.resources, "azure-native:network:PublicIPAddress", /-address$/).props.zones, ["1", "2", "3"]);
        assert.equal((0, plan_helpers_1.one)(prod.resources, "azure-native:storage:BlobContainerImmutabilityPolicy").props.immutabilityPeriodSinceCreationInDays, 365);
        for (const pool of [
            ...(0, plan_helpers_1.one)(prod.resources, "azure-native:containerservice:ManagedCluster").props.agentPoolProfiles,
            (0, plan_helpers_1.one)(prod.resources, "azure-native:containerservice:AgentPool").props,
        ])
            assert.deepEqual(pool.availabilityZones, ["1", "2", "3"]);
    });
    it("hands the Sidecar stack its storage classes, database host and load-balancer address", () => {
        const pvcs = (0, plan_helpers_1.ofType)(prod.resources, "kubernetes:core/v1:PersistentVolumeClaim").map((p) => p.props.spec.storageClassName);
        assert.ok(pvcs.includes("xroad-config-disk"), `PVC classes: ${pvcs.join(", ")}`);
        assert.ok(pvcs.includes("xroad-files-sidecar"), `PVC classes: ${pvcs.join(", ")}`);
        const lb = (0, plan_helpers_1.ofType)(prod.resources, "kubernetes:core/v1:Service").find((s) => s.props.spec.type === "LoadBalancer" && s.props.metadata.name.endsWith("-public"));
        assert.ok(lb, "a LoadBalancer Service exists");
        assert.equal(lb.props.spec.loadBalancerIP, "198.51.100.25");
        assert.equal(lb.props.metadata.annotations["service.beta.kubernetes.io/azure-pip-name"], "xroad-sidecar-azure-prod-address");
        const platform = prod.outputs;
        assert.equal(platform.securityServerAddress, "198.51.100.25");
        const fqdn = `${(0, plan_helpers_1.one)(prod.resources, "azure-native:dbforpostgresql:Server").props.serverName}.postgres.database.azure.com`;
        assert.deepEqual(platform.databaseHosts, { sidecar: fqdn });
    });
    it("mark their placeholders: the offline plan warns about each and still plans", () => {
        for (const plan of [dev, prod]) {
            const keys = plan.config.warnings.filter((w) => w.includes("is a placeholder")).map((w) => w.split(" ")[0]);
            assert.ok(keys.includes("xroad-sidecar:azure.authorizedIpRanges[0]"), keys.join(", "));
            assert.ok(keys.includes("xroad-sidecar:azure.adminGroupObjectIds[0]"), keys.join(", "));
            assert.ok(keys.includes("xroad-sidecar:azure.namespaceOperatorGroupObjectIds[0]"), keys.join(", "));
            assert.ok(keys.includes("xroad-sidecar:azure.deployer.objectId"), keys.join(", "));
        }
        for (const file of ["Pulumi.azure-dev.yaml", "Pulumi.azure-prod.yaml"]) {
            const text = fs.readFileSync(path.join(projectDir, file), "utf8");
            assert.ok((text.match(/PLACEHOLDER/g) ?? []).length >= 3, `${file} marks its placeholders`);
        }
    });
});
